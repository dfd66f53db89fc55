"""What notebooks call. Each returns a widget bound to the page's one journal link."""

from __future__ import annotations

import ipywidgets as W

from .. import ui
from ..content import ContentError, Workbook, load_workbook
from ..text import escape
from .store import page_journal
from .views import (
    AnswersList,
    CheckinCharts,
    ExportLinks,
    ImportBox,
    JournalBar,
    StorageChoice,
)

# The page id of "My answers" (notebooks/05_my_answers.ipynb), for show_safety.
MY_ANSWERS = "my-answers"
MY_ANSWERS_FILE = "05_my_answers.ipynb"  # the same name in every language's folder


def _problem(exc: ContentError) -> W.Widget:
    from ..registry import _problem_box

    return _problem_box(exc)


def journal_bar(workbook: Workbook) -> W.Widget:
    """The browser link and the "where your answers are" line (used by show_safety)."""
    return JournalBar(page_journal(), workbook.journal)


def show_journal_top() -> W.Widget:
    """The top of a page that is not a lesson ("My answers"): style, pause and help,
    and the journal link."""
    from ..page import href, language_links
    from ..registry import style_css
    from ..safety import SafetyBar

    try:
        workbook = load_workbook()
    except ContentError as exc:
        from ..registry import shell_top

        return shell_top(None, exc)
    home = workbook.lessons.lessons[0]
    bar = (
        "<div class='oig-page-bar'>"
        f"<a class='oig-site-title' href='{escape(href(workbook, home.notebook))}'>"
        f"{escape(workbook.lessons.workbook_title)}</a>"
        f"<span class='oig-where'>{escape(workbook.journal.export.title)}</span>"
        + language_links(workbook, MY_ANSWERS_FILE)
        + "<button type='button' class='oig-theme-toggle' aria-pressed='false'>"
        f"{escape(workbook.ui.dark_mode)}</button></div>"
    )
    header = ui.vbox([ui.html(bar, "oig-page-bar-html"), SafetyBar(workbook)], "oig-page-header")
    return ui.vbox(
        [W.HTML(f"<style>{style_css()}</style>"), header, journal_bar(workbook)], "oig-shell"
    )


def _build(cls) -> W.Widget:
    try:
        workbook = load_workbook()
    except ContentError as exc:
        return _problem(exc)
    return cls(page_journal(), workbook)


def show_storage_choice() -> W.Widget:
    try:
        workbook = load_workbook()
    except ContentError as exc:
        return _problem(exc)
    return StorageChoice(page_journal(), workbook.journal)


def show_my_answers() -> W.Widget:
    return _build(AnswersList)


def show_checkins() -> W.Widget:
    return _build(CheckinCharts)


def show_export() -> W.Widget:
    return _build(ExportLinks)


def show_import() -> W.Widget:
    return _build(ImportBox)
