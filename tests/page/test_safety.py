"""The help and pause panels sit in every exercise, so they cost nothing until opened:
their lines and buttons are made on first use, and work the same as before."""

from __future__ import annotations

import ipywidgets as W

from widgets.page.safety import HelpPanel, SafetyBar


def _models() -> int:
    return len(W.Widget.widgets)


def test_help_lines_are_made_when_help_is_first_opened(workbook):
    panel = HelpPanel(workbook)
    assert panel.children == ()
    panel.toggle.click()
    assert panel.expanded and "988" in panel._lines.value
    assert panel.children and panel.layout.display is None
    panel._close.click()
    assert not panel.expanded and panel.layout.display == "none"


def test_the_pause_is_made_when_first_taken_and_keeps_the_content(workbook):
    box = W.Textarea(value="what I typed")
    before = _models()
    bar = SafetyBar(workbook, content=box)
    unopened = _models() - before
    assert bar.pause.children == ()
    bar.pause_button.click()
    assert bar.paused and bar.pause.children and box.layout.display == "none"
    bar.pause.back.click()
    assert not bar.paused and box.value == "what I typed" and box.layout.display is None
    # An unopened bar is small: its two buttons and the boxes around them.
    assert unopened <= 16, unopened
