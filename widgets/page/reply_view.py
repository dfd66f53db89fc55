"""Showing a reply to what was typed or rated, with help right there when it is needed.

A care note ends with a "Get help now" button that opens the help lines in place, under
the note, so a person who might not be safe never has to look for them. The buttons are
made the first time a reply needs them: every rewrite and rating carries this box, and
each widget costs every visitor's page a little.
"""

from __future__ import annotations

import ipywidgets as W

from widgets.content import care
from widgets.content.loader import Workbook
from widgets.content.replies import Reply
from widgets.kit import ui
from widgets.page.safety import HelpPanel, SafetyLink
from widgets.text import escape, paragraphs


def reply_html(reply: Reply) -> str:
    parts = []
    for block in reply.blocks:
        parts.append(paragraphs(block.text))
        if block.hints:
            items = "".join(
                f"<li><span class='oig-found'>“{escape(h.found)}”</span>: {escape(h.text)}</li>"
                for h in block.hints
            )
            parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def _mark(widget: W.DOMWidget, cls: str, on: bool) -> None:
    if on != (cls in widget._dom_classes):
        (widget.add_class if on else widget.remove_class)(cls)


class _WithHelp(W.VBox):
    """A box of words, and (once needed) buttons with the help lines beneath them."""

    def __init__(self, workbook: Workbook, *classes: str):
        super().__init__()
        for cls in classes:
            self.add_class(cls)
        self._workbook = workbook
        self.words = ui.html("", "oig-reply-words")
        self.help: HelpPanel | None = None
        self._buttons: W.HBox | None = None
        self.children = [self.words]
        ui.show(self, False)

    def _extra_buttons(self) -> list[W.Button]:
        return []

    def _offer(self, shown: bool) -> None:
        if shown and self._buttons is None:
            self.help = HelpPanel(self._workbook)
            self.help.toggle.add_class("oig-reply-help")
            self._buttons = ui.hbox([*self._extra_buttons(), self.help.toggle], "oig-reply-offers")
            self.children = [self.words, self._buttons, self.help]
        if self._buttons is not None:
            ui.show(self._buttons, shown)
            if not shown:
                self.help.expanded = False


class ReplyBox(_WithHelp):
    """Where "Look over my rewrite" answers; a care reply gets help right under it."""

    def __init__(self, workbook: Workbook):
        super().__init__(workbook, "oig-hints")

    def show(self, reply: Reply) -> None:
        self.words.value = reply_html(reply)
        _mark(self, "oig-care-note", reply.kind == "care")
        _mark(self, "oig-care-harm", reply.care == "others_harm")
        self._offer(reply.offers_help)
        ui.show(self, True)

    def hide(self) -> None:
        ui.show(self, False)


class RatingReply(_WithHelp):
    """What the workbook says back to a saved 0-10 rating.

    A high rating or a rise comes with an offer: stop here, try 5-4-3-2-1, take a pause,
    or get help now. The first two open the exercise's own pause (``link``), so going
    back puts the participant where they were.
    """

    def __init__(self, workbook: Workbook, link: SafetyLink):
        super().__init__(workbook, "oig-rating-reply")
        self._link = link

    def _extra_buttons(self) -> list[W.Button]:
        words = self._workbook
        senses = ui.button(words.care.ratings.senses_button, "oig-reply-senses")
        pause = ui.button(words.ui.pause_button, "oig-reply-pause")
        senses.on_click(lambda _: self._link.ask("senses"))
        pause.on_click(lambda _: self._link.ask("pause"))
        return [senses, pause]

    def show(self, lines: list[str], tier: str, instead: str | None = None) -> None:
        """``lines``: what to say first (e.g. "Saved: 9 out of 10."); the tier's words (or
        ``instead`` of them; "" for none) and, where it needs one, the offer follow."""
        words = self._workbook.care.ratings
        said = [*lines, getattr(words, tier, "") if instead is None else instead]
        if care.needs_offer(tier):
            said.append(words.offer)
        self.words.value = "".join(f"<p>{escape(line)}</p>" for line in said if line)
        for name in ("rise", "high"):
            _mark(self, f"oig-rating-{name}", tier == name)
        self._offer(care.needs_offer(tier))
        ui.show(self, True)
