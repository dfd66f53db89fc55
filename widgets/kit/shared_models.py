"""One Layout and one Style model for all the widgets that look the same.

ipywidgets gives every widget a Layout model of its own, and every button, text and
HTML widget a Style model of its own, although nearly all of them are never changed.
In lesson 1 that was 97 Layouts and 58 Styles out of 253 models: the page's widget
manager built every one of them on each visit, and each kernel sent all of them in its
reply when a page connected (30 kernels at once when a workshop arrives).

:func:`install` makes widgets that are given no layout or style share one per kind, and
:func:`layout` / :func:`style` give the builders in :mod:`widgets.kit.ui` one shared model per
set of properties. Shared models must never be changed in place (it would change every
widget that uses them): :func:`widgets.kit.ui.show` gives a widget a Layout of its own before
hiding it, and changing a shared model raises ``SharedModelChanged`` so a mistake shows
up in the tests instead of on a participant's page.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
from ipywidgets.widgets.trait_types import InstanceDict

_shared: dict[tuple, W.Widget] = {}


class SharedModelChanged(RuntimeError):
    """A Layout or Style that many widgets share was changed in place."""


def _refuse(_owner, proposal) -> None:
    raise SharedModelChanged(
        f"{type(proposal['owner']).__name__}.{proposal['trait'].name} would change on a "
        "model many widgets share; give the widget its own (widgets.kit.ui.show does this "
        "for display) instead."
    )


def _get(klass: type[W.Widget], props: dict[str, Any]) -> W.Widget:
    key = (klass, tuple(sorted(props.items())))
    model = _shared.get(key)
    if model is None or model.comm is None:  # first use, or closed (Widget.close_all)
        model = klass(**props)
        # Refused before the value is set (a cross-validator), so a mistake changes nothing.
        model._register_validator(_refuse, [k for k in model.keys if not k.startswith("_")])
        _shared[key] = model
    return model


def layout(**props: Any) -> W.Layout:
    """The shared Layout with these properties (never change it: see module docstring)."""
    return _get(W.Layout, props)


def style(widget_class: type[W.DOMWidget], **props: Any) -> W.Widget:
    """The shared style with these properties for widgets of ``widget_class``."""
    return _get(widget_class.class_traits()["style"].klass, props)


def is_shared(model: W.Widget) -> bool:
    return any(model is m for m in _shared.values())


def own_layout(widget: W.DOMWidget) -> W.Layout:
    """The widget's Layout, first replaced by a copy of its own if it was a shared one."""
    if is_shared(widget.layout):
        state = widget.layout.get_state().items()
        widget.layout = W.Layout(
            **{k: v for k, v in state if not k.startswith("_") and v is not None}
        )
    return widget.layout


def _share_default(trait: InstanceDict) -> None:
    trait.make_dynamic_default = lambda: _get(trait.klass, {})


def _subclasses(cls: type) -> list[type]:
    found = [cls]
    for sub in cls.__subclasses__():
        found += _subclasses(sub)
    return found


def install() -> None:
    """Widgets given no layout or style get the shared plain one (safe to call twice)."""
    for cls in _subclasses(W.DOMWidget):
        for name in ("layout", "style"):
            trait = cls.class_traits().get(name)
            if isinstance(trait, InstanceDict):
                _share_default(trait)
