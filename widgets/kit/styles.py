"""The workbook's style sheets: a <style> widget in JupyterLab, a link in the web app's page.

In JupyterLab there is no page of ours to put a style sheet in, so it travels as an HTML
widget. In the web app that widget (15 KB in lesson 1) was part of every page's widget
state, and a phone restyled the whole page when it arrived, after the exercises were
drawn. On a 4x slower CPU the first exercise was drawn about 0.3 s sooner with the sheets
linked from the page instead (8 loads each, back to back: 3.98 s before, 3.70 s after).
So in the web app the template links ``static/widgets.css`` (after the head, where the
widget library adds its own styles, as the widgets were), which ``workbook
template-text`` writes from these same files (tests/tools/test_template_text.py fails
when it is out of date), and no style widget is made.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import ipywidgets as W


def in_web_app() -> bool:
    """Whether this kernel builds a Voila page (Voila marks its kernels' environment)."""
    return "VOILA_PREHEAT" in os.environ


@lru_cache(maxsize=8)
def sheet_text(sheet: Path) -> str:
    """A style sheet's text, read once per kernel: every page top and journal bar uses it."""
    return sheet.read_text(encoding="utf-8")


def style_widgets(sheet: Path) -> list[W.Widget]:
    """``sheet`` as a <style> widget, or nothing in the web app (its page links it)."""
    if in_web_app():
        return []
    return [W.HTML(f"<style>{sheet_text(sheet)}</style>")]
