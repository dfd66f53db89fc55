"""What participants see of the journal: where answers go, the choice, erase, and the
"My answers" page (everything written, check-in charts, download, load from a file).

Every view reads the page's :class:`JournalStore` and redraws when its ``changed``,
``mode`` or ``problem`` traits move, which happens when stored answers arrive from the
browser: never while the notebook executes. All text goes through ``widgets.text``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as W
import traitlets as T

from widgets.content.loader import Workbook
from widgets.content.schema import JournalText
from widgets.journal import record as rec
from widgets.journal.export import export_markdown
from widgets.journal.store import JournalStore
from widgets.journal.summary import checkin_history, gather, other_ratings
from widgets.kit import ui
from widgets.kit.styles import style_widgets
from widgets.paths import JOURNAL_STYLE_SHEET
from widgets.text import data_uri, escape, fill


def status_text(texts: JournalText, mode: str, problem: str) -> tuple[str, str]:
    """(where answers are now, the problem in words or '')."""
    status = {
        "waiting": texts.status.waiting,
        "visit": texts.status.visit,
        "keep": texts.status.keep,
        "off": texts.status.turned_off,
        "memory": texts.status.memory,
    }[mode]
    problem_words = getattr(texts.problems, problem, "") if problem else ""
    return status, problem_words


class JournalBar(W.VBox):
    """The browser link (invisible) and one line saying where answers are kept."""

    def __init__(self, store: JournalStore, texts: JournalText, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-journal-bar")
        self._store, self._texts = store, texts
        self._line = ui.html("", "oig-privacy")
        self._problem = ui.html("", "oig-journal-problem")
        self.children = [*style_widgets(JOURNAL_STYLE_SHEET), store, self._line, self._problem]
        store.observe(lambda _: self._draw(), names=["mode", "problem"])
        self._draw()

    def _draw(self) -> None:
        status, problem = status_text(self._texts, self._store.mode, self._store.problem)
        self._line.value = f"<p role='status'>{escape(status)}</p>"
        self._problem.value = f"<p role='alert'>{escape(problem)}</p>" if problem else ""
        ui.show(self._problem, bool(problem))


class EraseControl(W.VBox):
    """ "Erase everything", asked twice, because it cannot be undone."""

    def __init__(self, store: JournalStore, texts: JournalText, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-erase")
        words = texts.erase
        self._store, self._words = store, words
        self.button = ui.button(words.button, "oig-erase-button")
        self.confirm = ui.button(words.confirm, "oig-erase-confirm")
        self.confirm.button_style = "danger"
        self.cancel = ui.button(words.cancel, "oig-erase-cancel")
        self._ask = ui.vbox(
            [ui.html(f"<p>{escape(words.question)}</p>"), ui.hbox([self.confirm, self.cancel])],
            "oig-erase-ask",
        )
        self._result = ui.html("", "oig-erase-result")
        self.button.on_click(lambda _: self._asking(True))
        self.cancel.on_click(lambda _: self._asking(False))
        self.confirm.on_click(lambda _: self._erase())
        store.observe(self._on_erased, names="erased")
        self.children = [self.button, self._ask, self._result]
        self._asking(False)
        ui.show(self._result, False)

    def _asking(self, asking: bool) -> None:
        ui.show(self._ask, asking)
        ui.show(self.button, not asking)
        if asking:
            ui.show(self._result, False)

    def _erase(self) -> None:
        self._asking(False)
        self._store.erase()

    def _on_erased(self, change) -> None:
        if not change["new"]:
            return
        text = self._words.done if change["new"] == "done" else self._words.failed
        self._result.value = f"<p role='status'>{escape(text)}</p>"
        ui.show(self._result, True)


class StorageChoice(W.VBox):
    """ "Only for this visit" or "Keep on this device", in plain words, changeable any time."""

    def __init__(self, store: JournalStore, texts: JournalText, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-storage-choice")
        words = texts.choice
        self._store = store
        if store.setting == "off":
            self.children = [ui.html(f"<p>{escape(words.off_note)}</p>", "oig-storage-off")]
            return
        self.radio = W.RadioButtons(
            options=[(words.visit, "visit"), (words.keep, "keep")],
            value="visit",
            description=words.label,
            **ui.labelled(W.RadioButtons, width="auto"),
        )
        self.radio.add_class("oig-storage-radio")
        notes = (
            f"<dl><dt>{escape(words.visit)}</dt><dd>{escape(words.visit_note)}</dd>"
            f"<dt>{escape(words.keep)}</dt><dd>{escape(words.keep_note)}</dd></dl>"
            f"<p>{escape(words.change_note)}</p>"
        )
        self.erase = EraseControl(store, texts)
        self.children = [
            ui.prose(words.intro),
            ui.html(notes, "oig-storage-notes"),
            self.radio,
            self.erase,
        ]
        self._syncing = False
        self.radio.observe(self._chosen, names="value")
        store.observe(lambda _: self._from_store(), names=["mode", "mode_answers"])
        self._from_store()

    def _from_store(self) -> None:
        mode = self._store.mode
        self._syncing = True
        try:
            if mode in ("visit", "keep"):
                self.radio.value = mode
            self.radio.disabled = mode not in ("visit", "keep")
        finally:
            self._syncing = False

    def _chosen(self, change) -> None:
        if not self._syncing:
            self._store.set_mode(change["new"])


class AnswersList(W.VBox):
    """Everything the participant wrote, lesson by lesson, exactly as typed."""

    def __init__(self, store: JournalStore, workbook: Workbook, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-my-answers")
        self._store, self._workbook = store, workbook
        self._html = ui.html("", "oig-answers-list")
        self.children = [self._html]
        store.observe(lambda _: self._draw(), names=["changed", "arrived", "mode"])
        self._draw()

    def _draw(self) -> None:
        words = self._workbook.journal.answers
        store = self._store
        if store.mode == "off" and rec.is_empty(store.record):
            self._html.value = f"<p>{escape(words.turned_off)}</p>"
            return
        if not store.arrived:
            self._html.value = f"<p role='status'>{escape(words.waiting)}</p>"
            return
        lessons = gather(self._workbook, store.record, words.out_of_ten)
        if not lessons:
            self._html.value = f"<p>{escape(words.empty)}</p>"
            return
        parts = []
        for lesson in lessons:
            parts.append(f"<section class='oig-answers-lesson'><h3>{escape(lesson.title)}</h3>")
            for ex in lesson.exercises:
                items = "".join(
                    f"<dt>{escape(q)}</dt><dd dir='auto'>{escape(a)}</dd>" for q, a in ex.lines
                )
                parts.append(
                    f"<div class='oig-answers-exercise' data-ref='{escape(ex.ref)}'>"
                    f"<h4>{escape(ex.title)}</h4><dl>{items}</dl></div>"
                )
            parts.append("</section>")
        self._html.value = "".join(parts)


def checkins_html(workbook: Workbook, record: dict[str, Any]) -> str:
    """Check-ins over time, and other 0-10 ratings, as charts with their text alternative."""
    from widgets.kit.charts import Series, chart_html

    words = workbook.journal.answers
    said = workbook.ui.chart_said
    history = list(checkin_history(workbook, record))[-8:]
    parts = []
    if history:
        seen: dict[str, int] = {}
        moments = []
        for title, _value, _at in history:
            seen[title] = seen.get(title, 0) + 1
            moments.append(title if seen[title] == 1 else f"{title} ({words.again})")
        series = [Series(words.checkins_series, tuple(v for _t, v, _a in history))]
        parts.append(chart_html(words.checkins_title, moments, series, said))
    for title, ratings in other_ratings(workbook, record):
        series = [Series(words.rating_series, tuple(v for _label, v in ratings))]
        parts.append(chart_html(title, [label for label, _v in ratings], series, said))
    if not parts:
        return f"<p>{escape(words.checkins_empty)}</p>"
    return "".join(parts)


class CheckinCharts(W.VBox):
    def __init__(self, store: JournalStore, workbook: Workbook, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-checkin-charts")
        self._store, self._workbook = store, workbook
        self._html = ui.html("", "oig-charts")
        self.children = [self._html]
        store.observe(lambda _: self._draw(), names=["changed", "arrived"])
        self._draw()

    def _draw(self) -> None:
        words = self._workbook.journal.answers
        if not self._store.arrived:
            self._html.value = f"<p role='status'>{escape(words.waiting)}</p>"
            return
        self._html.value = checkins_html(self._workbook, self._store.record)


class ExportLinks(W.VBox):
    """Downloads made in the browser (data: links): the server never holds a file."""

    def __init__(self, store: JournalStore, workbook: Workbook, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-export")
        self._store, self._workbook = store, workbook
        self._html = ui.html("", "oig-download")
        self.children = [self._html]
        store.observe(lambda _: self._draw(), names=["changed", "arrived"])
        self._draw()

    def _draw(self) -> None:
        words = self._workbook.journal.export
        record = self._store.record
        if not self._store.arrived or rec.is_empty(record):
            self._html.value = f"<p>{escape(words.empty)}</p>"
            return
        markdown = data_uri(export_markdown(self._workbook, record))
        as_json = data_uri(rec.to_json(record), "application/json")
        self._html.value = _link(
            "oig-export-md", words.markdown_file, markdown, words.markdown_label
        ) + _link("oig-export-json", words.json_file, as_json, words.json_label)


def _link(cls: str, file_name: str, href: str, label: str) -> str:
    return (
        f'<p><a class="oig-download-link {cls}" download="{escape(file_name)}" '
        f'href="{href}">{escape(label)}</a></p>'
    )


class FilePicker(anywidget.AnyWidget):
    """A button that reads a chosen file in the browser and sends its text here."""

    _esm = Path(__file__).with_name("picker.js")
    label = T.Unicode("").tag(sync=True)
    max_bytes = T.Int(rec.MAX_CHARS).tag(sync=True)


class ImportBox(W.VBox):
    """Load a saved file; a wrong or damaged one changes nothing and says so kindly."""

    def __init__(self, store: JournalStore, workbook: Workbook, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-import")
        words = workbook.journal.import_
        self._store, self._words = store, words
        self.picker = FilePicker(label=words.label)
        self.picker.on_msg(self._on_file)
        self._result = ui.html("", "oig-import-result")
        self.children = [self.picker, self._result]
        ui.show(self._result, False)

    def _on_file(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict) or content.get("type") != "file":
            return
        if content.get("too_big"):
            self._say(self._words.too_big)
            return
        text = content.get("text")
        self.load(text if isinstance(text, str) else "")

    def _say(self, text: str) -> None:
        self._result.value = f"<p role='status'>{escape(text)}</p>"
        ui.show(self._result, True)

    def load(self, content: bytes | str) -> str:
        outcome, added, kept = self._store.import_text(content)
        words = self._words
        if outcome == "added":
            text = fill(words.added, added=added)
            if kept:
                text += " " + fill(words.kept, kept=kept)
        elif outcome == "nothing_new":
            text = words.nothing_new
        else:
            text = getattr(words, outcome)
        self._say(text)
        return outcome
