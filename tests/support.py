"""Stand-ins and readers the tests share (kept here, not in the workbook's package)."""

from __future__ import annotations

import html
import re

from widgets.journal import record as rec
from widgets.journal.store import JournalStore

TAG = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
ATTR = re.compile(r"""\b(rel|href)=(['"])(.*?)\2""")


def footer_links(footer: str) -> dict[str, tuple[str, str]]:
    """{"prev"/"next": (href, lesson title)} of a footer's Back and Next links."""
    links = {}
    for attrs, inner in TAG.findall(footer):
        found = {name: html.unescape(value) for name, _, value in ATTR.findall(attrs)}
        if found.get("rel") in {"prev", "next"}:
            title = re.search(r"class=['\"]oig-nav-title['\"]>(.*?)</span>", inner, re.S)
            links[found["rel"]] = (found["href"], html.unescape(title.group(1)) if title else "")
    return links


class Browser:
    """Stands in for store.js: records what the kernel sends."""

    def __init__(self, store: JournalStore):
        self.sent: list[dict] = []  # everything but the "heard" answers, counted apart
        self.heard = 0
        self.store = store
        store.send = self.receive  # type: ignore[method-assign]

    def receive(self, content: dict) -> None:
        if content == {"type": "heard"}:
            self.heard += 1
        else:
            self.sent.append(content)

    def says(self, **content):
        self.store._on_msg(self.store, content, [])

    def load(self, text=None, mode="visit", problem=""):
        self.says(type="loaded", mode=mode, text=text, problem=problem)

    def puts(self):
        """What was sent once the save delay has passed (flushed now, so no test waits)."""
        if self.store._timer is not None:
            self.store._timer.cancel()
            self.store.flush()
        return [m for m in self.sent if m["type"] == "put"]


def stored(**answers) -> str:
    r = rec.new_record()
    for ref, data in answers.items():
        rec.put(r, ref.replace("__", "/"), data, "2026-01-01T00:00:00Z")
    return rec.to_json(r)
