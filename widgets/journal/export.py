"""The Markdown copy of the journal: readable and printable, escaped so that nothing a
participant typed can become a link, a heading or HTML in another program."""

from __future__ import annotations

import re
from typing import Any

from widgets.content.loader import Workbook
from widgets.journal.summary import checkin_history, gather
from widgets.text import escape_markdown, fill

# A rating's time comes from the browser or a file: shown as is only when it is a date.
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def export_markdown(workbook: Workbook, record: dict[str, Any]) -> str:
    words = workbook.journal
    lines = [f"# {escape_markdown(words.export.title)}", ""]
    if record.get("updated"):
        saved = fill(words.export.saved_on, date=record["updated"][:10])
        lines += [escape_markdown(saved), ""]
    for lesson in gather(workbook, record, words.answers.out_of_ten):
        lines += [f"## {escape_markdown(lesson.title)}", ""]
        for ex in lesson.exercises:
            lines += [f"### {escape_markdown(ex.title)}", ""]
            for question, answer in ex.lines:
                asked = escape_markdown(question)
                lines += [f"**{asked}**  " if asked.strip() else "", escape_markdown(answer), ""]
    history = list(checkin_history(workbook, record))
    if history:
        lines += [f"## {escape_markdown(words.answers.checkins_title)}", ""]
        out_of_ten = words.answers.out_of_ten
        for title, value, at in history:
            said = fill(out_of_ten, value=value)
            day = at[:10] if _DAY.fullmatch(at[:10]) else escape_markdown(at[:10])
            lines.append(f"- {escape_markdown(title)}, {day}: {escape_markdown(said)}")
        lines.append("")
    people = _people(record)
    if people:
        lines += [f"## {escape_markdown(workbook.crisis.words.people_title)}", ""]
        for person in people:
            shown = ": ".join(p for p in (person["name"], person["reach"]) if p)
            lines.append(f"- {escape_markdown(shown)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _people(record: dict[str, Any]) -> list[dict[str, str]]:
    """ "My people" from the help panel (widgets/help_choices.py), as it was stored."""
    from widgets.journal.help_choices import REF, HelpChoices

    stored = record["answers"].get(REF)
    if not stored:
        return []
    choices = HelpChoices()
    choices.restore(stored["data"])
    return list(choices.people)
