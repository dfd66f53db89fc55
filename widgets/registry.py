"""Find an exercise's text in data/ and build the widget for its type.

Views are imported only when a page uses them, which keeps each visitor's kernel small.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

import ipywidgets as W

from . import ui
from .content import (
    ContentError,
    Workbook,
    data_dir,
    languages_not_in_use,
    load_workbook,
    page_language,
    set_page_language,
)
from .exercises.base import BUILDING_REF
from .journal.pages import MY_ANSWERS, journal_bar, show_journal_top
from .page import page_header
from .text import escape, paragraphs

# exercise type -> (module under widgets.exercises, view class)
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
    """The view for "lesson-id/exercise-id" (its ``.model`` holds the state)."""
    workbook = workbook or load_workbook()
    _, spec = workbook.exercise(ref)
    token = BUILDING_REF.set(ref)
    try:
        return view_class(spec.type)(workbook, spec)
    finally:
        BUILDING_REF.reset(token)


PROBLEM_WORDS = ("problem_title", "problem_text", "problem_details", "problem_fix")


def _problem_words() -> dict[str, str]:
    """The problem box's words in the page's language, read straight from its ui.yaml:
    the checked workbook is what could not be loaded. English if even that fails."""
    import yaml

    from .schema import UiText

    words = {key: UiText.model_fields[key].default for key in PROBLEM_WORDS}
    try:
        root = data_dir()
        settings = yaml.safe_load((root / "settings.yaml").read_text(encoding="utf-8"))
        lang = page_language() or settings.get("language") or "en"
        raw = yaml.safe_load((root / lang / "ui.yaml").read_text(encoding="utf-8"))
        words.update(
            {k: raw[k] for k in PROBLEM_WORDS if isinstance(raw.get(k), str) and raw[k].strip()}
        )
    except (OSError, yaml.YAMLError, AttributeError, TypeError):
        pass
    return words


def _problem_box(exc: ContentError) -> W.HTML:
    """What a page shows when data/ has problems: kind words, then the list to fix."""
    words = _problem_words()
    items = "".join(f"<li>{escape(str(p))}</li>" for p in exc.problems)
    return ui.html(
        f"<div role='alert'><p><strong>{escape(words['problem_title'])}</strong> "
        f"{escape(words['problem_text'])}</p>"
        f"<details><summary>{escape(words['problem_details'])}</summary><ul>{items}</ul>"
        f"<p>{escape(words['problem_fix'])}</p></details></div>",
        "oig-problem",
    )


def show_exercise(ref: str) -> W.Widget:
    """The widget a notebook displays for one exercise."""
    from .left_out import exercise_left_out, placeholder

    try:
        workbook = load_workbook()
        if exercise_left_out(workbook.settings, ref):
            return placeholder()  # this workshop leaves it out (settings.yaml leave_out)
        return build_exercise(ref, workbook)
    except ContentError as exc:
        return _problem_box(exc)


@lru_cache(maxsize=1)
def style_css() -> str:
    return (Path(__file__).parent / "style.css").read_text(encoding="utf-8")


def show_safety(lesson_id: str, language: str | None = None) -> W.Widget:
    """The top of every lesson: the page style, the page header (title, where you are,
    pause and help; see widgets/page.py), then a content note if any.

    ``language`` ("es") is the page's language: this call and every later one on the
    page (exercises, footer, journal) take their words from ``data/<language>/``.
    """
    if language is not None:
        # A language the workshop does not serve (settings.yaml's 'languages') is not
        # checked, so its page speaks the workbook's own language instead.
        set_page_language(None if language in languages_not_in_use() else language)
    if lesson_id == MY_ANSWERS:
        return show_journal_top()  # not a lesson: no "lesson n of N", no content note
    try:
        workbook = load_workbook()
        entry = workbook.lesson(lesson_id)
    except ContentError as exc:
        return shell_top(lesson_id, exc)
    children: list[W.Widget] = [
        W.HTML(f"<style>{style_css()}</style>"),
        page_header(workbook, lesson_id),
    ]
    if entry.content_note:
        children.append(
            ui.html(
                f"<p><strong>{escape(workbook.ui.content_note_label)}</strong></p>"
                + paragraphs(entry.content_note),
                "oig-content-note",
            )
        )
    # The page's link to the answers kept in this browser, and where they are kept.
    children.append(journal_bar(workbook))
    return ui.vbox(children, "oig-shell")


def shell_top(lesson_id: str | None, exc: ContentError) -> W.Widget:
    """The top of a page whose content has a problem: the page header with pause and
    help as always (from :func:`load_shell`), then the kind problem box."""
    from .content import load_shell
    from .safety import SafetyBar

    shell = load_shell()
    listed = shell.lessons is not None and any(e.id == lesson_id for e in shell.lessons.lessons)
    if listed:
        header = page_header(shell, lesson_id)
    else:  # no lesson list to say where this page is: pause and help alone
        header = ui.vbox([SafetyBar(shell)], "oig-page-header")
    children = [W.HTML(f"<style>{style_css()}</style>"), header, _problem_box(exc)]
    return ui.vbox(children, "oig-shell")
