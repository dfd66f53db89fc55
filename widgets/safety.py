"""The safety shell every page and every exercise carries.

Help is never more than one click away, and a pause can be taken from anywhere. The
pause hides (never rebuilds) what the participant was doing, so closing it puts them back
exactly where they were with nothing they typed lost.
"""

from __future__ import annotations

import ipywidgets as W
import traitlets as T

from . import ui
from .content import Workbook
from .text import escape, paragraphs


def crisis_html(workbook: Workbook) -> str:
    region = workbook.crisis_region()
    items = []
    for entry in region.entries:
        ways = []
        if entry.phone:
            digits = "".join(ch for ch in entry.phone if ch.isdigit() or ch == "+")
            ways.append(f'<a href="tel:{escape(digits)}">{escape(entry.phone)}</a>')
        if entry.url:
            ways.append(
                f'<a href="{escape(entry.url)}" target="_blank" rel="noopener noreferrer">'
                f"{escape(entry.url.removeprefix('https://').rstrip('/'))}</a>"
            )
        items.append(
            f"<li><strong>{escape(entry.name)}</strong>: {escape(entry.how)}"
            + (f" <span class='oig-help-ways'>{' · '.join(ways)}</span>" if ways else "")
            + "</li>"
        )
    return (
        f"<h3>{escape(workbook.crisis.title)}</h3>"
        + paragraphs(workbook.crisis.intro)
        + f"<ul>{''.join(items)}</ul>"
        + f"<p><strong>{escape(region.emergency)}</strong></p>"
    )


class HelpPanel(W.VBox):
    """A "Get help now" button that opens the region's help lines in place.

    The lines and their close button are made the first time help is opened: every
    exercise carries one, and each widget costs every visitor's page load a little.
    """

    expanded = T.Bool(False, help="Whether the help lines are showing.")

    def __init__(self, workbook: Workbook, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-help")
        self._workbook = workbook
        self._ui = workbook.ui
        self._parts: tuple[W.HTML, W.Button, W.VBox] | None = None
        self.toggle = ui.button(workbook.ui.help_button, "oig-help-button")
        self.toggle.icon = "life-ring"
        self.toggle.on_click(lambda _: setattr(self, "expanded", not self.expanded))
        ui.show(self, False)

    def _build(self) -> tuple[W.HTML, W.Button, W.VBox]:
        if self._parts is None:
            lines = ui.html(crisis_html(self._workbook), "oig-help-lines")
            close = ui.button(self._ui.help_close)
            close.on_click(lambda _: setattr(self, "expanded", False))
            panel = ui.vbox([lines, close], "oig-help-panel")
            self._parts = (lines, close, panel)
            self.children = [panel]
        return self._parts

    @property
    def _lines(self) -> W.HTML:
        return self._build()[0]

    @property
    def _close(self) -> W.Button:
        return self._build()[1]

    @T.observe("expanded")
    def _on_open(self, change):
        self._show(change["new"])

    def _show(self, visible: bool) -> None:
        if visible:
            self._build()
        ui.show(self, visible)


class PausePanel(W.VBox):
    """A short grounding practice shown in place of whatever the participant was doing.

    The steps are plain words. A one-minute breathing guide and a short 5-4-3-2-1 are
    offered beside them, but built only when someone opens one: a pause sits in every
    exercise on every page, so it must cost nothing until it is used.
    """

    def __init__(self, workbook: Workbook, on_back, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-pause")
        self._workbook = workbook
        self._on_back = on_back
        self.practices: dict[str, W.Widget] = {}
        self.showing = ""
        self._parts: dict[str, W.Widget] | None = None

    def build(self) -> dict[str, W.Widget]:
        """Make the steps and buttons the first time the pause is opened."""
        if self._parts is None:
            words = self._workbook.ui
            steps = "".join(f"<li>{escape(s)}</li>" for s in words.pause_steps)
            breathe = ui.button(words.pause_breathe, "oig-pause-breathe")
            senses = ui.button(words.pause_senses, "oig-pause-senses")
            breathe.on_click(lambda _: self.open_practice("breathe"))
            senses.on_click(lambda _: self.open_practice("senses"))
            slot = ui.vbox([], "oig-pause-practice")
            back = ui.button(words.pause_back, "oig-pause-back", primary=True)
            back.on_click(lambda _: (self.close_practice(), self._on_back()))
            self._parts = {"breathe": breathe, "senses": senses, "slot": slot, "back": back}
            self.children = [
                ui.html(f"<h3>{escape(words.pause_title)}</h3><ol>{steps}</ol>"),
                ui.hbox([breathe, senses], "oig-pause-choices"),
                slot,
                back,
            ]
        return self._parts

    @property
    def breathe(self) -> W.Button:
        return self.build()["breathe"]

    @property
    def senses(self) -> W.Button:
        return self.build()["senses"]

    @property
    def back(self) -> W.Button:
        return self.build()["back"]

    @property
    def _slot(self) -> W.VBox:
        return self.build()["slot"]

    def open_practice(self, kind: str) -> None:
        """Show the breathing guide ("breathe") or the short 5-4-3-2-1 ("senses")."""
        from .exercises.anchors import build_pacer, build_senses

        self.close_practice()
        if kind not in self.practices:
            if kind == "breathe":
                self.practices[kind] = build_pacer(self._workbook, minutes=1)
            else:
                self.practices[kind] = build_senses(self._workbook)
        elif kind == "senses":
            self.practices[kind].model.start_again()
        self.showing = kind
        self._slot.children = [self.practices[kind]]

    def close_practice(self) -> None:
        """Stop the guide if it is running and put the practice away."""
        pacer = self.practices.get("breathe")
        if pacer is not None:
            pacer.running = False
        self.showing = ""
        if self._parts is not None:
            self._slot.children = []


class SafetyLink:
    """Lets a control inside an exercise open that exercise's pause.

    A reply to a high rating offers a pause or 5-4-3-2-1, but it is built as part of the
    exercise's content, before the bar that holds the pause exists; the exercise hands
    both the same link, and the bar joins it when it is made.
    """

    def __init__(self) -> None:
        self.bar: SafetyBar | None = None

    def ask(self, what: str) -> None:
        if self.bar is not None:
            self.bar.offer(what)


class SafetyBar(W.VBox):
    """Pause and help controls around some content.

    ``paused`` hides ``content`` (without destroying it) and shows the pause practice.
    """

    paused = T.Bool(False, help="Whether the pause practice is showing instead of the content.")

    def __init__(self, workbook: Workbook, content: W.Widget | None = None, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-safety")
        self.content = content
        self.pause_button = ui.button(workbook.ui.pause_button, "oig-pause-button")
        self.pause_button.icon = "pause"
        self.help = HelpPanel(workbook)
        self.pause = PausePanel(workbook, on_back=lambda: setattr(self, "paused", False))
        self.pause_button.on_click(lambda _: setattr(self, "paused", True))
        toolbar = ui.hbox([self.pause_button, self.help.toggle], "oig-toolbar")
        children: list[W.Widget] = [toolbar, self.help, self.pause]
        if content is not None:
            children.append(content)
        self.children = children
        ui.show(self.pause, False)

    def offer(self, what: str) -> None:
        """Open what a reply offered: "pause", or "senses" (the pause with 5-4-3-2-1)."""
        self.paused = True
        if what == "senses":
            self.pause.open_practice("senses")

    @T.observe("paused")
    def _on_paused(self, change):
        paused = change["new"]
        if paused:
            self.pause.build()
        ui.show(self.pause, paused)
        ui.show(self.pause_button, not paused)
        if self.content is not None:
            ui.show(self.content, not paused)
