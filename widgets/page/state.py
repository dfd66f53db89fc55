"""Everything one page remembers, in one place, with :func:`reset` for tests.

In Voila each visitor's page has a kernel of its own, and in JupyterLab a notebook's
kernel is its page; so this state is per kernel. It holds the page's language (chosen by
``show_safety(..., language="es")`` and followed by every later cell), the one link to the
journal in the participant's browser, their help choices, and the check-in logs that the
lesson's check-ins share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from widgets.content.loader import ContentError, Workbook, load_shell, load_workbook
from widgets.journal.help_choices import REF as HELP_REF
from widgets.journal.help_choices import HelpChoices
from widgets.journal.store import JournalStore


@dataclass
class PageState:
    language: str | None = None  # None: settings.yaml's language
    journal: JournalStore | None = None
    help: HelpChoices | None = None
    logs: dict[str, Any] = field(default_factory=dict)


_STATE = PageState()


def state() -> PageState:
    return _STATE


def reset() -> None:
    """Start the next page afresh (for tests: one process builds many pages)."""
    global _STATE
    _STATE = PageState()


def set_language(language: str | None) -> None:
    _STATE.language = language or None


def language() -> str | None:
    return _STATE.language


def workbook() -> Workbook:
    """The checked content in the page's language (raises ContentError)."""
    return load_workbook(language=_STATE.language)


def shell() -> Workbook:
    """What keeps the page safe when the content has a problem, in the page's language."""
    return load_shell(language=_STATE.language)


def _spec(ref: str):
    try:
        return workbook().exercise(ref)[1]
    except (ContentError, KeyError):
        return None


def journal() -> JournalStore:
    """The one journal link of this page, made on first use."""
    if _STATE.journal is None:
        try:
            setting = workbook().settings.storage
        except ContentError:
            setting = "off"
        _STATE.journal = JournalStore(setting=setting, find_spec=_spec)
    return _STATE.journal


def help_choices() -> HelpChoices:
    """This page's help choices, following the page's journal link (made on first use)."""
    if _STATE.help is None:
        store = journal()
        choices = _STATE.help = HelpChoices()
        store.follow(HELP_REF, choices)

        def erased(change) -> None:
            if change["new"] == "done":
                with store.quiet():
                    choices.clear()

        store.observe(erased, names="erased")
    return _STATE.help
