"""The facilitator view: an exercise's notes from the facilitator guide, under its title.

The notes' words were checked and cached with the rest of the workbook (``Workbook.
handouts`` and ``Workbook.facilitator``), so building a page reads no file.
"""

from __future__ import annotations

from typing import Any

from widgets.kit.styles import in_web_app
from widgets.text import escape, fill, paragraphs


def notes_classes(settings_flag: bool = False) -> list[str] | None:
    """CSS classes for an exercise's notes panel on this page; None: no notes on this page.

    In JupyterLab, where there is no address, the ``facilitator_view`` setting decides. In
    the web app every page carries the notes, hidden, and the page's address decides in
    the browser (the template): ``?facilitator=1`` shows them, ``?facilitator=0`` hides
    them even when the setting is on. Deciding in the browser lets Voila build pages
    before anyone arrives, when no address is known yet. The notes are the facilitator
    guide's own words, not private; hidden, they are not read out by screen readers.
    """
    if in_web_app():
        return [
            "oig-facilitator-notes",
            "oig-notes-by-address",
            *(["oig-notes-default"] if settings_flag else []),
        ]
    return ["oig-facilitator-notes"] if settings_flag else None


def notes_html(workbook: Any, lesson_id: str, exercise_id: str) -> str | None:
    """The facilitator's note for one exercise, with its time in each plan, as HTML."""
    notes = getattr(workbook, "facilitator", {}).get(lesson_id)
    if notes is None:
        return None
    note = notes.exercises.get(exercise_id)
    timings = [
        (plan.minutes, step.minutes)
        for plan in notes.plans
        for step in plan.steps
        if step.exercise == exercise_id
    ]
    if note is None and not timings:
        return None
    if workbook.handouts is None:
        return None
    words = workbook.handouts.facilitator
    times = " · ".join(escape(fill(words.in_plan, minutes=m, step=s)) for m, s in timings)
    return (
        "<aside role='note' aria-label='{label}' style='border: 2px dashed "
        "var(--jp-border-color1, #555); border-radius: 6px; padding: 0.25rem 0.75rem; "
        "margin: 0.25rem 0 0.5rem 0; background: var(--jp-layout-color2, #f3f3f3); "
        "font-size: 0.95rem;'>"
        "<p style='margin: 0.25rem 0;'><strong>{label}</strong>{times}</p>{note}</aside>"
    ).format(
        label=escape(words.view_title),
        times=f" <span style='font-style: italic;'>({times})</span>" if times else "",
        note=paragraphs(note) if note else "",
    )
