"""The participant's journal: answers kept in their own browser, never on the server.

Notebooks use the ``show_*`` functions; exercises join in by themselves (see
``ExerciseView.__init__``), and ``show_safety`` puts the page's link to the browser at the
top of every lesson.
"""

from __future__ import annotations

from .pages import (
    journal_bar,
    show_checkins,
    show_export,
    show_import,
    show_journal_top,
    show_my_answers,
    show_storage_choice,
)
from .store import page_journal

__all__ = [
    "journal_bar",
    "page_journal",
    "show_checkins",
    "show_export",
    "show_import",
    "show_journal_top",
    "show_my_answers",
    "show_storage_choice",
]
