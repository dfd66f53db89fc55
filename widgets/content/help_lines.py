"""Help lines as people dial them, and the list of lines a facilitator still has to check.

A wrong number is worse than none (one review found wrong helpline numbers in 9% of
suicide-prevention apps), and nothing here can reach the live web. So every entry in
data/<lang>/crisis.yaml says how it was checked, and ``workbook validate`` lists each one
nobody has checked on the live official page, with file and line, for a facilitator to
check before a workshop.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from widgets.content import schema
from widgets.content.yaml_lines import LinedDocument, load_lined
from widgets.text import escape

_DIALLED = re.compile(r"[^0-9+*#]")

# How each kind of check reads in the list (schema.CHECKED).
_HOW = {
    "stored-official": "checked only on a stored copy of the official page",
    "stored-report": "checked only on stored copies of news reports or other pages",
    "not-checked": "not checked",
}


def tel_href(number: str) -> str:
    """A tel: address that dials ``number`` as written: "*" and "#" kept ("#" spelt %23,
    since a bare "#" would end the address there), spaces and dashes dropped."""
    return "tel:" + _DIALLED.sub("", number).replace("#", "%23")


def looks_dialable(text: str) -> bool:
    """Whether a participant's "number or note" is a number (so it gets a tel: link)."""
    return bool(schema.PHONE.match(text.strip())) and sum(ch.isdigit() for ch in text) >= 3


def phone_link(number: str) -> str:
    return f'<a href="{escape(tel_href(number))}">{escape(number)}</a>'


def web_link(url: str) -> str:
    return (
        f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">'
        f"{escape(url.removeprefix('https://').rstrip('/'))}</a>"
    )


def entry_html(entry: schema.CrisisEntry) -> str:
    """One help line as a list item: its name, how to reach it, and its links."""
    ways = []
    if entry.phone:
        ways.append(phone_link(entry.phone))
    if entry.url:
        ways.append(web_link(entry.url))
    return (
        f"<li><strong>{escape(entry.name)}</strong>: {escape(entry.how)}"
        + (f" <span class='oig-help-ways'>{' · '.join(ways)}</span>" if ways else "")
        + "</li>"
    )


def first_line(region: schema.CrisisRegion) -> schema.CrisisEntry | None:
    """The region's first line that can be called (the one pages without the panel show)."""
    return next((e for e in region.entries if e.phone), None)


def to_check(root: Path, languages: list[str]) -> list[str]:
    """ "file line N: ..." for every entry and emergency line not checked on its live page."""
    found = []
    for lang in languages:
        path = root / lang / "crisis.yaml"
        doc = load_lined(path, str(Path("data") / lang / "crisis.yaml"))
        regions = doc.value.get("regions") if isinstance(doc.value, dict) else None
        if not isinstance(regions, dict):
            continue
        for rid, region in regions.items():
            if not isinstance(region, dict):
                continue
            found += _region_to_check(doc, rid, region)
    return found


def _region_to_check(doc: LinedDocument, rid: str, region: dict[str, Any]) -> list[str]:
    found = []
    how = region.get("emergency_checked", "not-checked")
    if how != "live":
        line = doc.line_of(("regions", rid, "emergency"))
        note = region.get("emergency_note") or ""
        found.append(
            f"{doc.file} line {line}: region '{rid}' emergency line "
            f"({_HOW.get(how, how)}){': ' + note if note else ''}"
        )
    for index, entry in enumerate(region.get("entries") or []):
        if not isinstance(entry, dict) or entry.get("checked") == "live":
            continue
        how = entry.get("checked", "not-checked")
        line = doc.line_of(("regions", rid, "entries", index))
        number = entry.get("phone") or entry.get("text") or entry.get("url") or ""
        found.append(
            f"{doc.file} line {line}: region '{rid}' › {entry.get('name', index + 1)} "
            f"{number} ({_HOW.get(how, how)}), source {entry.get('source', '?')}"
        )
    return found
