"""The "My answers" page: its top, and the journal's views bound to the page's one
journal link. Each returns a widget; a content problem shows the kind problem box."""

from __future__ import annotations

import ipywidgets as W

from widgets.content.loader import ContentError
from widgets.journal.views import AnswersList, CheckinCharts, ExportLinks, ImportBox, StorageChoice
from widgets.kit import ui
from widgets.page import chrome, state
from widgets.page.problem import problem_box


def journal_top() -> W.Widget:
    """The top of a page that is not a lesson ("My answers"): style, pause and help,
    and the journal link."""
    try:
        workbook = state.workbook()
    except ContentError as exc:
        return chrome.shell_top(None, exc)
    bar = chrome.bar_html(
        workbook, workbook.journal.export.title, chrome.MY_ANSWERS_FILE, None, home=False
    )
    return ui.vbox(
        [*chrome.style(), chrome.header_box(workbook, bar), chrome.journal_bar(workbook)],
        "oig-shell",
    )


def _build(cls) -> W.Widget:
    try:
        workbook = state.workbook()
    except ContentError as exc:
        return problem_box(exc)
    return cls(state.journal(), workbook)


def show_storage_choice() -> W.Widget:
    try:
        workbook = state.workbook()
    except ContentError as exc:
        return problem_box(exc)
    return StorageChoice(state.journal(), workbook.journal)


def show_my_answers() -> W.Widget:
    return _build(AnswersList)


def show_checkins() -> W.Widget:
    return _build(CheckinCharts)


def show_export() -> W.Widget:
    return _build(ExportLinks)


def show_import() -> W.Widget:
    return _build(ImportBox)
