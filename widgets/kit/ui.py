"""Small builders shared by every exercise, so they all look and behave alike.

All facilitator and participant text goes through :mod:`widgets.text` before it reaches
an HTML widget. CSS classes (``oig-*``) are styled in ``widgets/style.css``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import ipywidgets as W

from widgets.kit import shared_models
from widgets.text import escape, paragraphs

__all__ = ["escape", "paragraphs"]


def show(widget: W.Widget, visible: bool) -> None:
    """Hide without destroying, so whatever was typed inside stays put."""
    display = None if visible else "none"
    if widget.layout.display != display:
        shared_models.own_layout(widget).display = display


def html(markup: str, *classes: str) -> W.HTML:
    widget = W.HTML(markup)
    for cls in classes:
        widget.add_class(cls)
    return widget


def heading(text: str, level: int = 3, *classes: str) -> W.HTML:
    return html(f"<h{level}>{escape(text)}</h{level}>", "oig-heading", *classes)


def prose(text: str, *classes: str) -> W.HTML:
    return html(paragraphs(text), "oig-prose", *classes)


def button(label: str, *classes: str, primary: bool = False) -> W.Button:
    widget = W.Button(
        description=label,
        tooltip=label,
        button_style="primary" if primary else "",
        layout=shared_models.layout(width="auto", min_height="44px"),
    )
    widget.add_class("oig-button")
    for cls in classes:
        widget.add_class(cls)
    return widget


def labelled(widget_class: type[W.DOMWidget], width: str = "100%") -> dict:
    """Layout and style for a control with its label beside it, the label at full length;
    shared by every such control (see :mod:`widgets.kit.shared_models`)."""
    return {
        "style": shared_models.style(widget_class, description_width="initial"),
        "layout": shared_models.layout(width=width),
    }


def text_box(label: str, placeholder: str = "", rows: int = 3) -> W.Textarea:
    """A labelled text box; the label is a real <label> so screen readers announce it."""
    box = W.Textarea(
        description=label,
        placeholder=placeholder,
        rows=rows,
        continuous_update=False,
        **labelled(W.Textarea),
    )
    box.add_class("oig-field")
    return box


def vbox(children: list[W.Widget], *classes: str) -> W.VBox:
    box = W.VBox(children)
    for cls in classes:
        box.add_class(cls)
    return box


def hbox(children: list[W.Widget], *classes: str) -> W.HBox:
    box = W.HBox(children, layout=shared_models.layout(flex_flow="row wrap"))
    for cls in classes:
        box.add_class(cls)
    return box


def rating_slider(label: str, value: int = 0, *classes: str) -> W.IntSlider:
    """A labelled 0-10 self-rating slider; every rating in the workbook uses this one."""
    slider = W.IntSlider(
        value=value,
        min=0,
        max=10,
        description=label,
        **labelled(W.IntSlider),
    )
    for cls in classes:
        slider.add_class(cls)
    return slider


def rating_scale(low_label: str, high_label: str) -> W.HTML:
    """The words at both ends of a 0-10 rating ("0 = calm", "10 = as strong as it gets")."""
    return html(
        f"<p class='oig-scale'><span>{escape(low_label)}</span>"
        f"<span>{escape(high_label)}</span></p>"
    )


# How long after a click a control's new value still counts as part of that click.
LATE_VALUE_SECONDS = 1.5


def on_click_with_values(
    button: W.Button,
    controls: Iterable[W.ValueWidget],
    action: Callable[[], None],
    settle: float = LATE_VALUE_SECONDS,
) -> None:
    """Run ``action`` on click, and again if a control's value arrives just after the click.

    Why: the browser sends a click at once but holds a slider's last moves back while the
    kernel is busy with the one before. A participant who presses an arrow key and clicks
    Save straight away would otherwise have the value before the one they see saved.
    """
    clicked_at: list[float | None] = [None]

    def click(_button) -> None:
        clicked_at[0] = time.monotonic()
        action()

    def late(_change) -> None:
        if clicked_at[0] is not None and time.monotonic() - clicked_at[0] < settle:
            action()

    button.on_click(click)
    for control in controls:
        control.observe(late, names="value")
