"""The face: every ``show_*`` a notebook calls, and the one table of exercise views.

A notebook needs one line per exercise (``show_exercise("guilt-shame/sorter")``); the text
lives in ``data/<language>/lessons/<lesson-id>.yaml``. Importing this module is what makes
a live page: it loads ipywidgets and tunes it for Voila (``kit.shared_models``,
``kit.state_reply``). Server code and the facilitator's commands never import it.

Views are imported only when a page uses them, which keeps each visitor's kernel small.
"""

from __future__ import annotations

import importlib

import ipywidgets as W

from widgets.content.loader import ContentError, Workbook, languages_not_in_use
from widgets.kit import shared_models, state_reply
from widgets.page import chrome, journal_page, state
from widgets.page.notes import notes_classes, notes_html
from widgets.page.problem import problem_box

shared_models.install()
state_reply.install()

# exercise type (``type:`` in a lesson file) -> (module under widgets.exercises, view class)
VIEWS: dict[str, tuple[str, str]] = {
    "sorter": ("sorter", "SorterView"),
    "rewrite": ("rewrite", "RewriteView"),
    "repair_plan": ("repair_plan", "RepairPlanView"),
    "reflection": ("reflection", "ReflectionView"),
    "checkin": ("checkin", "CheckinView"),
    "translate": ("translate", "TranslateView"),
    "feeling_fit": ("feeling_fit", "FeelingFitView"),
    "feelings_checkin": ("feelings_checkin", "FeelingsCheckinView"),
    "breathing": ("breathing", "BreathingView"),
    "grounding": ("grounding", "GroundingView"),
    "breathe_blink_focus": ("breathe_blink_focus", "BreatheBlinkFocusView"),
    "small_mistake": ("small_mistake", "SmallMistakeView"),
    "kind_pause": ("kind_pause", "KindPauseView"),
    "path_summary": ("path_summary", "PathSummaryView"),
}


def view_class(exercise_type: str):
    module, name = VIEWS[exercise_type]
    return getattr(importlib.import_module(f"widgets.exercises.{module}"), name)


def build_exercise(ref: str, workbook: Workbook | None = None):
    """The view for "lesson-id/exercise-id" (its ``.model`` holds the state), with the
    facilitator's notes under its title and its answers kept in the page's journal.

    Both are added after the view is built, so nothing a view does while setting itself
    up counts as the participant's doing."""
    workbook = workbook or state.workbook()
    _, spec = workbook.exercise(ref)
    view = view_class(spec.type)(workbook, spec)
    view.ref = ref
    classes = notes_classes(workbook.settings.facilitator_view)
    lesson_id, _, exercise_id = ref.partition("/")
    markup = notes_html(workbook, lesson_id, exercise_id) if classes is not None else None
    if markup:
        view.add_notes(markup, classes)
    if getattr(view, "model", None) is not None:
        state.journal().follow(ref, view.model)
    return view


def show_exercise(ref: str) -> W.Widget:
    """The widget a notebook displays for one exercise: nothing a participant sees for
    one this workshop leaves out (settings.yaml ``leave_out``, widgets/content/left_out.py)."""
    from widgets.content.left_out import LEFT_OUT_CLASS, exercise_left_out

    try:
        workbook = state.workbook()
        if exercise_left_out(workbook.settings, ref):
            box = W.HTML(f"<div class='{LEFT_OUT_CLASS}' aria-hidden='true'></div>")
            box.add_class(LEFT_OUT_CLASS)
            return box
        return build_exercise(ref, workbook)
    except ContentError as exc:
        return problem_box(exc)


def show_safety(lesson_id: str, language: str | None = None) -> W.Widget:
    """The top of every page: the page style, the page header (title, where you are,
    pause and help), then a content note if any.

    ``language`` ("es") is the page's language: this call and every later one on the
    page (exercises, footer, journal) take their words from ``data/<language>/``.
    """
    if language is not None:
        # A language the workshop does not serve (settings.yaml's 'languages') is not
        # checked, so its page speaks the workbook's own language instead.
        state.set_language(None if language in languages_not_in_use() else language)
    if lesson_id == chrome.MY_ANSWERS:
        return journal_page.journal_top()  # not a lesson: no "lesson n of N", no note
    return chrome.lesson_top(lesson_id)


show_footer = chrome.show_footer
show_lessons = chrome.show_lessons
show_storage_choice = journal_page.show_storage_choice
show_my_answers = journal_page.show_my_answers
show_checkins = journal_page.show_checkins
show_export = journal_page.show_export
show_import = journal_page.show_import
