"""Widgets that look alike share one Layout and one Style model (widgets/shared_models.py),
and sharing never lets one widget change how another looks."""

from __future__ import annotations

import ipywidgets as W
import pytest

from widgets.kit import shared_models, ui
from widgets.kit.shared_models import SharedModelChanged
from widgets.show import build_exercise


def test_plain_widgets_share_one_layout_and_one_style():
    a, b = W.HTML("a"), W.HTML("b")
    assert a.layout is b.layout and a.style is b.style
    assert W.VBox([a]).layout is a.layout  # the plain Layout serves every kind
    assert W.Button().style is W.Button().style
    assert W.Button().style is not a.style  # a ButtonStyle is not an HTMLStyle


def test_builders_share_per_look():
    one, two = ui.button("One"), ui.button("Two")
    assert one.layout is two.layout and one.layout.min_height == "44px"
    box1, box2 = ui.text_box("First"), ui.text_box("Second")
    assert box1.layout is box2.layout and box1.style is box2.style
    assert box1.style.description_width == "initial" and box1.layout.width == "100%"
    assert box1.layout is not one.layout


def test_hiding_one_widget_leaves_the_others_alone():
    first, second = ui.button("First"), ui.button("Second")
    shared = first.layout
    ui.show(first, False)
    assert first.layout.display == "none" and first.layout is not shared
    assert first.layout.min_height == "44px" and first.layout.width == "auto"  # same look
    assert second.layout is shared and shared.display is None
    ui.show(first, True)
    assert first.layout.display is None


def test_showing_a_shown_widget_keeps_the_shared_layout():
    widget = ui.html("<p>hello</p>")
    shared = widget.layout
    ui.show(widget, True)
    assert widget.layout is shared


@pytest.mark.parametrize(
    "change",
    [
        lambda: setattr(W.HTML().layout, "display", "none"),
        lambda: setattr(ui.button("x").layout, "width", "10px"),
        lambda: setattr(ui.text_box("x").style, "description_width", "50px"),
    ],
)
def test_changing_a_shared_model_in_place_is_refused(change):
    with pytest.raises(SharedModelChanged, match="share"):
        change()


def test_a_refused_change_changes_nothing():
    widget = W.HTML()
    with pytest.raises(SharedModelChanged):
        widget.layout.display = "none"
    assert widget.layout.display is None and W.HTML().layout.display is None


def test_a_closed_shared_model_is_made_again():
    first = shared_models.layout(width="13px")
    first.close()
    again = shared_models.layout(width="13px")
    assert again is not first and again.comm is not None and again.width == "13px"


def _descendants(widget: W.Widget) -> list[W.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += _descendants(child)
    return found


def test_a_lesson_has_one_layout_per_look():
    built = [build_exercise(f"responsibility/{e}") for e in ("sorter", "rewrite", "repair")]
    every = [w for b in built for w in _descendants(b)]
    buttons = [w for w in every if isinstance(w, W.Button) and w.layout.display is None]
    boxes = [w for w in every if isinstance(w, W.Textarea) and w.layout.display is None]
    htmls = [w for w in every if isinstance(w, W.HTML)]
    assert len(buttons) > 3 and len({id(w.layout) for w in buttons}) == 1
    assert len(boxes) > 3 and len({id(w.layout) for w in boxes}) == 1
    assert len({id(w.style) for w in boxes}) == 1
    assert len(htmls) > 5 and len({id(w.style) for w in htmls}) == 1
    for widget in built:
        widget.close()
