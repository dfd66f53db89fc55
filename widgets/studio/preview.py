"""The exercise as a participant sees it, built from text not yet saved.

The preview is the real exercise view (:func:`widgets.registry.build_exercise`), built in
the studio's kernel from the checked workbook with the lesson being edited swapped in,
so clicking and typing in it work as on the participants' page.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import ipywidgets as W

from widgets.content import schema
from widgets.content.loader import ContentError, Workbook, load_workbook
from widgets.text import escape


def workbook_with(root: Path, language: str, lesson_id: str, lesson: schema.LessonFile) -> Workbook:
    base = load_workbook(root, language)
    return dataclasses.replace(base, lesson_files={**base.lesson_files, lesson_id: lesson})


def exercise_view(workbook: Workbook, lesson_id: str, exercise_id: str) -> W.Widget:
    from widgets.page.chrome import style_css
    from widgets.show import build_exercise

    view = build_exercise(f"{lesson_id}/{exercise_id}", workbook)
    box = W.VBox([W.HTML(f"<style>{style_css()}</style>"), view])
    box.add_class("oig-studio-preview-page")
    return box


def message(text: str) -> W.HTML:
    box = W.HTML(f"<p class='oig-studio-preview-note'>{escape(text)}</p>")
    return box


def try_reply(workbook: Workbook, spec: Any, sentence: str) -> str:
    """The reply a participant would get for ``sentence`` (as ``workbook reply`` prints
    it), as HTML; "" when this exercise does not answer typed text."""
    from widgets.content.replies import REPLIES

    answer = REPLIES.get(spec.type)
    if answer is None or not sentence.strip():
        return ""
    reply = answer(spec, workbook.care, sentence)
    lines = "".join(f"<p>{escape(line)}</p>" for line in reply.message().splitlines())
    return f"<div class='oig-studio-reply' data-kind='{escape(reply.kind)}'>{lines}</div>"


def try_care(care: schema.CareFile, sentence: str) -> str:
    """What the care check does with ``sentence`` (care.yaml), as HTML."""
    from widgets.content.replies import care_reply

    if not sentence.strip():
        return ""
    reply = care_reply([sentence], care)
    if reply is None:
        text = "The care check finds nothing here: the exercise's own reply would follow."
        return f"<div class='oig-studio-reply' data-kind='none'><p>{escape(text)}</p></div>"
    lines = "".join(f"<p>{escape(line)}</p>" for line in reply.message().splitlines())
    return f"<div class='oig-studio-reply' data-kind='{escape(reply.kind)}'>{lines}</div>"


def load_or_none(root: Path, language: str) -> tuple[Workbook | None, str]:
    try:
        return load_workbook(root, language), ""
    except ContentError as exc:
        return None, str(exc.problems[0]) if exc.problems else "the files have problems"


def pattern_finds(pattern: str, sentence: str, care: bool = False) -> str:
    """What one pattern finds in ``sentence`` (as the care check or the hints read it)."""
    import re

    from widgets.text import fold, plain_letters

    try:
        if care:
            match = re.compile(plain_letters(pattern), re.IGNORECASE).search(fold(sentence))
        else:
            match = re.compile(pattern, re.IGNORECASE).search(sentence)
    except re.error as exc:
        why = escape(str(exc))
        return f"<p class='oig-studio-problem-text'>This pattern cannot be read yet ({why}).</p>"
    if match is None:
        return "<p class='oig-studio-pattern-none'>This pattern finds nothing in it.</p>"
    return (
        f"<p class='oig-studio-pattern-found'>This pattern finds "
        f"\u201c{escape(match.group(0))}\u201d.</p>"
    )
