"""The Markdown copy of the journal: readable and printable, escaped so that nothing a
participant typed can become a link, a heading or HTML in another program."""

from __future__ import annotations

from typing import Any

from ..content import Workbook
from ..text import escape_markdown
from .summary import checkin_history, gather


def export_markdown(workbook: Workbook, record: dict[str, Any]) -> str:
    words = workbook.journal
    lines = [f"# {escape_markdown(words.export.title)}", ""]
    if record.get("updated"):
        saved = words.export.saved_on.replace("{date}", record["updated"][:10])
        lines += [escape_markdown(saved), ""]
    for lesson in gather(workbook, record, words.answers.out_of_ten):
        lines += [f"## {escape_markdown(lesson.title)}", ""]
        for ex in lesson.exercises:
            lines += [f"### {escape_markdown(ex.title)}", ""]
            for question, answer in ex.lines:
                lines += [f"**{escape_markdown(question)}**  ", escape_markdown(answer), ""]
    history = list(checkin_history(workbook, record))
    if history:
        lines += [f"## {escape_markdown(words.answers.checkins_title)}", ""]
        out_of_ten = words.answers.out_of_ten
        for title, value, at in history:
            said = out_of_ten.replace("{value}", str(value))
            lines.append(f"- {escape_markdown(title)}, {at[:10]}: {escape_markdown(said)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
