"""The safety shell every page and every exercise carries.

Help is never more than one click away, and a pause can be taken from anywhere. The
pause hides (never rebuilds) what the participant was doing, so closing it puts them back
exactly where they were with nothing they typed lost.
"""

from __future__ import annotations

import unicodedata

import ipywidgets as W
import traitlets as T

from widgets.content.help_lines import entry_html, looks_dialable, phone_link
from widgets.content.loader import Workbook
from widgets.journal.help_choices import MAX_PEOPLE, HelpChoices
from widgets.kit import ui
from widgets.page import state
from widgets.text import escape, paragraphs


def crisis_html(workbook: Workbook, region: str | None = None) -> str:
    """The whole help text of one region (the participant's choice, else the default)."""
    return _head_html(workbook) + region_html(workbook, region)


def _head_html(workbook: Workbook) -> str:
    return f"<h3>{escape(workbook.crisis.title)}</h3>" + paragraphs(workbook.crisis.intro)


def region_html(workbook: Workbook, region: str | None = None) -> str:
    """A region's lines (tel: links that dial them as written) and its emergency line."""
    chosen = workbook.crisis_region(region)
    items = "".join(entry_html(entry) for entry in chosen.entries)
    return f"<ul>{items}</ul><p><strong>{escape(chosen.emergency)}</strong></p>"


def region_options(workbook: Workbook) -> list[tuple[str, str]]:
    """(name, id) of every region this language knows, by name; "anywhere" last."""

    def key(item: tuple[str, str]) -> tuple[bool, str]:
        plain = unicodedata.normalize("NFD", item[0].casefold())
        return item[1] == "international", "".join(c for c in plain if c.isalnum())

    return sorted(((r.name, rid) for rid, r in workbook.crisis.regions.items()), key=key)


def people_html(choices: HelpChoices) -> str:
    """The participant's own people, escaped: a number becomes a tel: link, a note stays text."""
    items = []
    for person in choices.people:
        reach = person["reach"]
        shown = phone_link(reach) if looks_dialable(reach) else escape(reach)
        name = escape(person["name"])
        items.append(f"<strong>{name}</strong>{': ' if name and reach else ''}{shown}")
    return "".join(f"<p class='oig-person-text'>{item}</p>" for item in items)


class PeopleBox(W.VBox):
    """ "My people": up to five names with a number or a note, shown first in the panel.

    The way to add one (``form``) is a box of its own, which the panel puts after the
    help lines: in a hard moment the lines come before a form."""

    def __init__(self, workbook: Workbook, choices: HelpChoices, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-people")
        words = workbook.crisis.words
        self._words = words
        self._choices = choices
        self._list = ui.vbox([], "oig-people-list")
        self.name = W.Text(description=words.people_name, **ui.labelled(W.Text))
        self.reach = W.Text(description=words.people_reach, **ui.labelled(W.Text))
        for box in (self.name, self.reach):
            box.add_class("oig-field")
            box.add_class("oig-people-field")
        self.add = ui.button(words.people_add, "oig-people-add")
        self.add.on_click(lambda _: self._add())
        self._note = ui.html("", "oig-people-note")
        self._fields = ui.vbox([self.name, self.reach, self.add], "oig-people-fields")
        title = f"<h4>{escape(words.people_title)}</h4>"
        self.form = ui.vbox(
            [ui.html(title + paragraphs(words.people_intro)), self._fields, self._note],
            "oig-people-form",
        )
        self.children = [ui.html(title), self._list]
        choices.observe(lambda _: self._draw(), names="people")
        self._draw()

    def _add(self) -> None:
        if self._choices.add(self.name.value, self.reach.value):
            self.name.value = self.reach.value = ""

    def _draw(self) -> None:
        rows = []
        for index, person in enumerate(self._choices.people):
            remove = ui.button(self._words.people_remove, "oig-people-remove")
            remove.tooltip = f"{self._words.people_remove}: {person['name'] or person['reach']}"
            remove.on_click(lambda _, i=index: self._choices.remove(i))
            shown = people_html(HelpChoices(people=[person]))
            rows.append(ui.hbox([ui.html(shown, "oig-person"), remove], "oig-people-row"))
        self._list.children = rows
        ui.show(self, bool(rows))
        full = len(rows) >= MAX_PEOPLE
        ui.show(self._fields, not full)
        self._note.value = f"<p>{escape(self._words.people_full)}</p>" if full else ""


class HelpPanel(W.VBox):
    """A "Get help now" button that opens help in place: the participant's own people,
    their country's lines (they may choose another country), and the emergency line.

    The panel is made the first time help is opened: every exercise carries one, and each
    widget costs every visitor's page load a little. Every panel on a page shares one
    record of the participant's choices (:func:`widgets.page.state.help_choices`).
    """

    expanded = T.Bool(False, help="Whether the help lines are showing.")

    def __init__(self, workbook: Workbook, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-help")
        self._workbook = workbook
        self._ui = workbook.ui
        self._parts: dict[str, W.Widget] | None = None
        self.toggle = ui.button(workbook.ui.help_button, "oig-help-button")
        self.toggle.on_click(lambda _: setattr(self, "expanded", not self.expanded))
        ui.show(self, False)

    def _build(self) -> dict[str, W.Widget]:
        if self._parts is None:
            wb = self._workbook
            choices = state.help_choices()
            lines = ui.html(region_html(wb, choices.region), "oig-help-lines")
            chooser = W.Dropdown(
                options=region_options(wb),
                value=self._shown_region(choices),
                description=wb.crisis.words.region_label,
                **ui.labelled(W.Dropdown, width="auto"),
            )
            chooser.add_class("oig-help-region")
            close = ui.button(self._ui.help_close)
            close.on_click(lambda _: setattr(self, "expanded", False))
            people = PeopleBox(wb, choices)
            panel = ui.vbox(
                [ui.html(_head_html(wb)), people, chooser, lines, people.form, close],
                "oig-help-panel",
            )

            def chosen(change) -> None:
                if change["new"] != self._shown_region(choices):
                    choices.region = change["new"]

            def redraw(_change) -> None:
                lines.value = region_html(wb, choices.region)
                chooser.value = self._shown_region(choices)

            chooser.observe(chosen, names="value")
            choices.observe(redraw, names="region")
            self._parts = {"lines": lines, "close": close, "region": chooser, "people": people}
            self.children = [panel]
        return self._parts

    def _shown_region(self, choices: HelpChoices) -> str:
        regions = self._workbook.crisis.regions
        return choices.region if choices.region in regions else self._workbook.region_id

    @property
    def _lines(self) -> W.HTML:
        return self._build()["lines"]

    @property
    def _close(self) -> W.Button:
        return self._build()["close"]

    @property
    def region(self) -> W.Dropdown:
        """The country chooser."""
        return self._build()["region"]

    @property
    def people(self) -> PeopleBox:
        return self._build()["people"]

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
        from widgets.practices.anchors import build_pacer, build_senses

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
