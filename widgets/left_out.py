"""What this workshop leaves out (data/settings.yaml ``leave_out``), for every page.

A facilitator (in the studio, or by hand) lists lessons ("guilt-shame") and single
exercises ("responsibility/repair") their group will not do. Nothing is deleted and no
notebook changes: the landing page and the back/next links skip a lesson left out, and
an exercise left out shows nothing on its page (its heading cell is hidden with it, by
the ``oig-left-out`` rule in style.css).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

LEFT_OUT_CLASS = "oig-left-out"


def left_out(settings: Any) -> set[str]:
    return set(getattr(settings, "leave_out", None) or [])


def exercise_left_out(settings: Any, ref: str) -> bool:
    """Is "lesson/exercise" left out, on its own or with its whole lesson?"""
    chosen = left_out(settings)
    return ref in chosen or ref.partition("/")[0] in chosen


def lesson_left_out(settings: Any, lesson_id: str) -> bool:
    return lesson_id in left_out(settings)


def placeholder() -> W.Widget:
    """What a page shows for an exercise left out: nothing a participant sees."""
    box = W.HTML(f"<div class='{LEFT_OUT_CLASS}' aria-hidden='true'></div>")
    box.add_class(LEFT_OUT_CLASS)
    return box
