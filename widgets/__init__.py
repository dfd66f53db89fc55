"""Owning It Gently: the exercises and safety shell used by the notebooks.

A notebook needs ``show_safety("lesson-id")`` at the top of a page,
``show_exercise("lesson-id/exercise-id")`` wherever an exercise goes and
``show_footer("lesson-id")`` at the end; all of them come from :mod:`widgets.show`.

The package is in layers, each importing only those below it:
``paths``/``text`` -> ``content`` -> ``kit`` -> ``practices`` -> ``journal`` -> ``page`` ->
``exercises`` -> ``show``; ``server`` and ``tools`` stand apart. The names here are loaded
on first use, so ``import widgets.server.signin`` (the Voila server) or the ``workbook``
command never load ipywidgets.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "build_exercise",
    "show_checkins",
    "show_exercise",
    "show_export",
    "show_footer",
    "show_import",
    "show_lessons",
    "show_my_answers",
    "show_safety",
    "show_storage_choice",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from widgets import show

        return getattr(show, name)
    raise AttributeError(f"module 'widgets' has no attribute {name!r}")
