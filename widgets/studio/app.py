"""The studio page: pick what to edit, edit it in a form beside its preview, save.

Shown by ``studio/studio.ipynb`` in the studio's own Voila process (:mod:`.server`).
Three tabs: **Edit** (this module), **This workshop** (:mod:`.choices`) and
**Workshop day** (:mod:`.join`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import ipywidgets as W

from widgets.content.loader import LANG_DIR, clear_cache
from widgets.content.yaml_lines import load_lined
from widgets.kit import ui
from widgets.paths import data_dir
from widgets.text import escape

from . import checks, preview
from .forms import Form
from .store import ChangedOnDisk, Document, NothingToUndo

STUDIO_CSS = """
.oig-studio { max-width: 1400px; margin: 0 auto; font-size: 16px; }
.oig-studio-columns { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.oig-studio-edit { flex: 1 1 32rem; min-width: 18rem; }
.oig-studio-preview { flex: 1 1 28rem; min-width: 18rem; position: sticky; top: 0;
  border: 2px solid #8a8; border-radius: 8px; padding: 0.75rem; background: #fff;
  max-height: 100vh; box-sizing: border-box; }
.oig-studio .oig-studio-preview.widget-box { overflow-y: auto !important; }
.oig-studio-preview.oig-phone { flex: 0 0 390px; max-width: 390px; }
.oig-studio-field, .oig-studio-group, .oig-studio-item { margin: 0.4rem 0; width: 100%; }
.oig-studio-item { border-left: 3px solid #ccd; padding-left: 0.6rem; }
.oig-studio-label { display: block; font-size: 0.95rem; line-height: 1.3; }
.oig-studio-meaning { color: #444; font-weight: normal; }
.oig-studio-problem-text { color: #8a1c1c; background: #fff1f0; border-left: 4px solid #c0392b;
  padding: 0.25rem 0.5rem; margin: 0.2rem 0; }
.oig-studio-reading { color: #6a4a00; background: #fff8e1; padding: 0.2rem 0.5rem;
  margin: 0.2rem 0; }
.oig-studio-status p { margin: 0.3rem 0; padding: 0.4rem 0.6rem; border-radius: 4px; }
.oig-studio-status .ok { background: #e8f5e9; }
.oig-studio-status .refused { background: #fff1f0; color: #8a1c1c; }
.oig-studio-unsaved { background: #fff8e1; padding: 0.3rem 0.6rem; border-radius: 4px; }
.oig-studio-reply { background: #f4f6fb; padding: 0.4rem 0.6rem; border-radius: 4px; }
.oig-studio .widget-textarea textarea, .oig-studio .widget-text input { font-size: 15px; }
.oig-studio-bar { flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.oig-studio textarea, .oig-studio input { font-family: inherit; }
.oig-studio .oig-studio-input { width: auto !important; align-self: stretch; }
.oig-studio .oig-studio-labelled.widget-inline-hbox { flex-direction: column;
  align-items: stretch; }
.oig-studio .oig-studio-labelled .widget-label { width: auto !important; max-width: none;
  text-align: left; white-space: normal; line-height: 1.3; height: auto; overflow: visible;
  margin: 0 0 0.2rem 0; }
.oig-studio .oig-studio-labelled.widget-checkbox { flex-direction: row; }
.oig-studio .oig-studio-labelled .widget-label { font-size: 0.95rem; }
.oig-studio .jupyter-button.mod-success { background-color: #1b5e20; color: #fff; }
.oig-studio .lm-TabBar-tab, .oig-studio .lm-TabBar-tabLabel { color: #222; font-size: 0.95rem; }
/* the preview stays in view while the form scrolls: nothing around it may clip */
.oig-studio, .oig-studio .widget-box, .oig-studio .lm-TabPanel-stackedPanel,
.oig-studio .widget-tab-contents, .jp-OutputArea-output:has(.oig-studio),
.jp-OutputArea-child:has(.oig-studio), .jp-OutputArea:has(.oig-studio) {
  overflow: visible !important; }
.oig-studio .widget-checkbox { width: auto; }
.oig-studio .oig-studio-try { width: auto !important; align-self: stretch; }
.oig-studio-item-head { flex-wrap: wrap; gap: 0.25rem; align-items: center; }
.oig-studio-item-head .widget-button { min-width: 4.5rem; }
.oig-studio-join-box, .oig-studio-plan-box { width: 100%; min-width: 0; max-width: 100%; }
.oig-studio-join-box .widget-html-content, .oig-studio-plan-box .widget-html-content {
  width: 100%; min-width: 0; white-space: normal; }
.oig-studio-join { max-width: 100%; overflow-wrap: anywhere; white-space: normal; }
.oig-studio-qr svg { width: min(85vw, 28rem); height: auto; display: block; }
.oig-studio-plan-table td, .oig-studio-plan-table th { border-bottom: 1px solid #ccc;
  padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
.oig-studio .widget-checkbox .widget-label-basic { max-width: none; }
/* "what participants see": the facilitator's own notes are not part of it */
.oig-studio-preview .oig-facilitator-notes { display: none !important; }
@media print {
  body * { visibility: hidden; }
  .oig-studio-print, .oig-studio-print * { visibility: visible; }
  .oig-studio-print { position: absolute; left: 0; top: 0; width: 100%; }
  .oig-studio-no-print { display: none !important; }
}
"""

WHAT = [
    ("An exercise of a lesson", "exercise"),
    ("The facilitator notes of a lesson", "notes"),
    ("Help lines (crisis.yaml)", "crisis"),
    ("What the care check looks for (care.yaml)", "care"),
]


def _plain(value: Any) -> Any:
    """The round-trip tree as plain Python (for the reading check)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _status(kind: str, text: str) -> str:
    return f"<p class='{kind}' role='status'>{escape(text)}</p>"


def language_folders(root: Path) -> list[tuple[str, str]]:
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and LANG_DIR.match(p.name)):
        doc = load_lined(folder / "ui.yaml")
        name = doc.value.get("language_name") if isinstance(doc.value, dict) else None
        found.append((f"{name} ({folder.name})" if name else folder.name, folder.name))
    return found


def lesson_ids(root: Path, language: str) -> list[tuple[str, str]]:
    doc = load_lined(root / language / "lessons.yaml")
    lessons = doc.value.get("lessons") if isinstance(doc.value, dict) else None
    return [
        (f"{e.get('title', e['id'])} ({e['id']})", e["id"])
        for e in lessons or []
        if isinstance(e, dict) and isinstance(e.get("id"), str)
    ]


class EditPanel:
    """Pick a language, a lesson and an exercise (or another file); edit; save."""

    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else data_dir()
        self.doc: Document | None = None
        # every file opened in this tab, with its edits: going to another exercise and
        # back keeps what was typed; "Reload from file" reads the file again
        self.docs: dict[str, Document] = {}
        self.dirty: set[str] = set()
        self.form: Form | None = None
        self.base: tuple = ()
        self.valid = False
        self.checked: Any = None
        self.language = W.Dropdown(description="Language", options=language_folders(self.root))
        self.what = W.Dropdown(description="Edit", options=WHAT, layout=W.Layout(width="26rem"))
        self.lesson = W.Dropdown(description="Lesson", layout=W.Layout(width="26rem"))
        self.exercise = W.Dropdown(description="Exercise", layout=W.Layout(width="26rem"))
        for picker in (self.language, self.what, self.lesson, self.exercise):
            picker.style = {"description_width": "5rem"}
        self.language.add_class("oig-studio-language")
        self.lesson.add_class("oig-studio-lesson")
        self.exercise.add_class("oig-studio-exercise")
        self.what.add_class("oig-studio-what")
        self.save_button = W.Button(description="Save", button_style="success", icon="check")
        self.save_button.add_class("oig-studio-save")
        self.undo_button = W.Button(description="Undo last save", icon="undo")
        self.undo_button.add_class("oig-studio-undo")
        self.reload_button = W.Button(description="Reload from file", icon="refresh")
        self.reload_button.add_class("oig-studio-reload")
        self.status = W.HTML("")
        self.status.add_class("oig-studio-status")
        self.status.add_class("oig-studio-edit-status")
        self.unsaved = W.HTML("")
        self.unsaved.add_class("oig-studio-unsaved-box")
        self.elsewhere = W.HTML("")
        self.form_area = W.VBox([])
        self.form_area.add_class("oig-studio-edit")
        self.phone = W.ToggleButton(description="Phone width", icon="mobile")
        self.phone.add_class("oig-studio-phone")
        self.reading = W.HTML("")
        self.reading.add_class("oig-studio-level")
        self.sentence = W.Text(
            description="Try a sentence",
            style={"description_width": "initial"},
            placeholder="a sentence a participant might type",
            continuous_update=True,
            layout=W.Layout(width="100%"),
        )
        self.sentence.add_class("oig-studio-try")
        self.reply = W.HTML("")
        self.reply.add_class("oig-studio-try-reply")
        self.try_box = W.VBox(
            [
                W.HTML("<strong>Try a sentence</strong>: the reply a participant would get."),
                self.sentence,
                self.reply,
            ]
        )
        self.view = W.VBox([])
        self.view.add_class("oig-studio-view")
        self.preview_area = W.VBox(
            [
                W.HTML("<h2>What participants see</h2>"),
                W.HBox([self.phone]),
                self.reading,
                self.try_box,
                self.view,
            ]
        )
        self.preview_area.add_class("oig-studio-preview")
        bar = W.HBox([self.save_button, self.undo_button, self.reload_button])
        bar.add_class("oig-studio-bar")
        pickers = W.VBox([self.language, self.what, self.lesson, self.exercise])
        self.widget = W.VBox(
            [
                pickers,
                bar,
                self.unsaved,
                self.status,
                self.elsewhere,
                W.HBox([self.form_area, self.preview_area], layout=W.Layout(flex_flow="row wrap")),
            ]
        )
        self.widget.children[-1].add_class("oig-studio-columns")
        self.language.observe(lambda _: self._lessons(), names="value")
        self.what.observe(lambda _: self._lessons(), names="value")
        self.lesson.observe(lambda _: self._exercises(), names="value")
        self.exercise.observe(lambda _: self._picked_exercise(), names="value")
        self.phone.observe(self._phone, names="value")
        self.sentence.observe(lambda _: self._try(), names="value")
        self.save_button.on_click(lambda _: self.save())
        self.undo_button.on_click(lambda _: self.undo())
        self.reload_button.on_click(lambda _: self.open(fresh=True))
        self._lessons()

    # --- picking ---------------------------------------------------------------------
    def _lessons(self) -> None:
        if getattr(self, "_picking", False):
            return
        self._picking = True
        try:
            kind = self.what.value
            ui.show(self.lesson, kind in ("exercise", "notes"))
            ui.show(self.exercise, kind == "exercise")
            options = lesson_ids(self.root, self.language.value)
            if list(self.lesson.options) != options:
                keep = self.lesson.value
                self.lesson.options = options
                ids = [v for _, v in options]
                self.lesson.value = keep if keep in ids else (ids[0] if ids else None)
            self._exercise_options()
        finally:
            self._picking = False
        self.open()

    def _exercises(self) -> None:
        if getattr(self, "_picking", False):
            return
        self._picking = True
        try:
            self._exercise_options()
        finally:
            self._picking = False
        self.open()

    def _picked_exercise(self) -> None:
        if not getattr(self, "_picking", False):
            self.open()

    def _exercise_options(self) -> None:
        if self.what.value != "exercise" or not self.lesson.value:
            return
        lesson = self.root / self.language.value / "lessons" / f"{self.lesson.value}.yaml"
        doc = load_lined(lesson)
        exercises = doc.value.get("exercises") if isinstance(doc.value, dict) else None
        options = [
            (f"{e.get('title') or e['id']} ({e['id']}, {e.get('type')})", e["id"])
            for e in exercises or []
            if isinstance(e, dict) and isinstance(e.get("id"), str)
        ]
        keep = self.exercise.value
        self.exercise.options = options
        ids = [v for _, v in options]
        self.exercise.value = keep if keep in ids else (ids[0] if ids else None)

    def relative(self) -> str:
        lang, kind = self.language.value, self.what.value
        if kind == "exercise":
            return f"{lang}/lessons/{self.lesson.value}.yaml"
        if kind == "notes":
            return f"{lang}/facilitator/{self.lesson.value}.yaml"
        return f"{lang}/{kind}.yaml"

    def open(self, keep_status: bool = False, fresh: bool = False) -> None:
        if not keep_status:
            self.status.value = ""
        relative = self.relative()
        if fresh or relative not in self.docs:
            self.docs[relative] = Document(self.root, relative)
            self.dirty.discard(relative)
        self.doc = self.docs[relative]
        value: Any = self.doc.value
        self.base = ()
        if self.what.value == "exercise":
            ids = [e.get("id") for e in value.get("exercises", [])]
            if self.exercise.value not in ids:
                self.form_area.children = [preview.message("This lesson has no exercises yet.")]
                return
            index = ids.index(self.exercise.value)
            self.base = ("exercises", index)
            value = value["exercises"][index]
        self.form = Form(value, self.base, self._changed, self._reshaped, self._try_pattern)
        head = W.HTML(
            f"<p>Editing <code>{escape(self.doc.name)}</code>. Each change is checked as you "
            "type; a problem shows under its field, and nothing is saved while one is left.</p>"
        )
        self.form_area.children = [head, self.form.widget]
        ui.show(self.try_box, False)
        self._changed(())

    def _reshaped(self) -> None:
        """A list grew, shrank or changed order: build the form again."""
        self.form = Form(
            self._edited_part(), self.base, self._changed, self._reshaped, self._try_pattern
        )
        self.form_area.children = [self.form_area.children[0], self.form.widget]
        self._changed(())

    def _edited_part(self) -> Any:
        value = self.doc.value
        for part in self.base:
            value = value[part]
        return value

    # --- checking, preview ---------------------------------------------------------
    def _changed(self, _path: tuple) -> None:
        doc = self.doc
        text = doc.text()
        value, problems, lines = checks.quick(doc.name, doc.relative, text)
        self.valid, self.checked = not problems, value
        if text != doc.path.read_text(encoding="utf-8"):
            self.dirty.add(doc.relative)
        else:
            self.dirty.discard(doc.relative)
        self._unsaved()
        self._show(problems, lines)
        self._preview()
        self.form.refresh_tries()

    def _unsaved(self) -> None:
        names = [f"data/{r}" for r in sorted(self.dirty)]
        self.unsaved.value = (
            "<p class='oig-studio-unsaved'>Not saved yet: "
            + ", ".join(f"<code>{escape(n)}</code>" for n in names)
            + "</p>"
            if names
            else ""
        )

    def _show(self, problems: list, lines: dict) -> None:
        found: dict[tuple, list[str]] = {}
        outside = []
        for problem in problems:
            path = checks.path_of(problem, lines)
            if path is not None and path[: len(self.base)] == self.base:
                found.setdefault(path, []).append(problem.message)
            else:
                outside.append(problem)
        notes: dict[tuple, str] = {}
        if "/facilitator/" not in self.doc.relative:
            part = _plain(self._edited_part())
            for where, why in checks.reading_notes(part, self.language.value).items():
                notes[(*self.base, *where)] = why
        self.form.show(found, notes)
        if outside:
            items = "".join(f"<li>{escape(str(p))}</li>" for p in outside)
            self.elsewhere.value = (
                "<div class='oig-studio-problem-text' role='alert'><p>Elsewhere in this file:"
                f"</p><ul>{items}</ul></div>"
            )
        else:
            self.elsewhere.value = ""

    def _preview(self) -> None:
        self.reading.value = ""
        if self.what.value == "care":
            ui.show(self.try_box, True)
            self.view.children = []
            self._try()
            return
        if self.what.value != "exercise":
            words = {
                "notes": "Participants never see these notes. The facilitator view "
                "(?facilitator=1) and the printed guide show them.",
                "crisis": 'Participants see these help lines under "Get help now" on every page.',
            }
            self.view.children = [preview.message(words.get(self.what.value, ""))]
            return
        if not self.valid:
            self.view.children = [
                preview.message("The preview waits until the problems on the left are fixed.")
            ]
            ui.show(self.try_box, False)
            return
        try:
            workbook = preview.workbook_with(
                self.root, self.language.value, self.lesson.value, self.checked
            )
            view = preview.exercise_view(workbook, self.lesson.value, self.exercise.value)
        except Exception as exc:  # noqa: BLE001 - the other files may have a problem
            self.view.children = [preview.message(f"No preview yet: {exc}")]
            return
        self.workbook = workbook
        self.view.children = [view]
        spec = workbook.exercise(f"{self.lesson.value}/{self.exercise.value}")[1]
        self.spec = spec
        texts = [t for _, t in checks.reading_notes_texts(_plain(self._edited_part()))]
        self.reading.value = f"<p>{escape(checks.reading_level(texts, self.language.value))}</p>"
        from widgets.content.replies import REPLIES

        ui.show(self.try_box, spec.type in REPLIES)
        self._try()

    def _try(self) -> None:
        sentence = self.sentence.value
        if self.what.value == "care":
            if self.valid:
                self.reply.value = preview.try_care(self.checked, sentence)
            return
        if self.what.value == "exercise" and self.valid and getattr(self, "spec", None):
            self.reply.value = preview.try_reply(self.workbook, self.spec, sentence)

    def _try_pattern(self, path: tuple, sentence: str) -> str:
        """Under a pattern field: does this pattern find something in ``sentence``, and
        the reply a participant would get for it (with every pattern as it is now)."""
        value: Any = self.doc.value
        for part in path:
            value = value[part]
        found = preview.pattern_finds(str(value), sentence, care=self.what.value == "care")
        reply = ""
        if self.valid and self.what.value == "care":
            reply = preview.try_care(self.checked, sentence)
        elif self.valid and getattr(self, "spec", None) is not None:
            reply = preview.try_reply(self.workbook, self.spec, sentence)
        if reply:
            reply = "<p><strong>The reply a participant would get:</strong></p>" + reply
        return found + reply

    def _phone(self, change: dict) -> None:
        if change["new"]:
            self.preview_area.add_class("oig-phone")
        else:
            self.preview_area.remove_class("oig-phone")

    # --- saving ----------------------------------------------------------------------
    def save(self) -> None:
        if not self.valid:
            self.status.value = _status(
                "refused",
                "Not saved: there is a problem to fix first. It is shown under its field.",
            )
            return
        text = self.doc.text()
        problems = checks.before_save(self.root, self.doc.relative, text)
        if problems:
            self.valid = False
            _, _, lines = checks.quick(self.doc.name, self.doc.relative, text)
            self._show(problems, lines)
            self.status.value = _status(
                "refused",
                f"Not saved: {problems[0]} Fix it first; the file on disk is unchanged.",
            )
            return
        try:
            self.doc.save(text)
        except ChangedOnDisk:
            self.status.value = _status(
                "refused",
                f"Not saved: {self.doc.name} was changed somewhere else (another studio tab, or "
                "a text editor) since you opened it here. Your changes here are not in the "
                'file. Copy any text you want to keep, then press "Reload from file".',
            )
            return
        clear_cache()
        self.dirty.discard(self.doc.relative)
        self._unsaved()
        when = dt.datetime.now().strftime("%H:%M")
        self.status.value = _status(
            "ok",
            f"Saved at {when}. Participants see it on the next page they open. "
            '"Undo last save" puts back the version before.',
        )

    def undo(self) -> None:
        try:
            self.doc.undo()
        except NothingToUndo:
            self.status.value = _status("refused", "There is no earlier version to put back.")
            return
        except ChangedOnDisk:
            self.status.value = _status(
                "refused",
                f"Not undone: {self.doc.name} was changed somewhere else since you opened it. "
                'Press "Reload from file" first.',
            )
            return
        clear_cache()
        self.open(keep_status=True, fresh=True)
        self.status.value = _status("ok", "Put back the version from before your last save.")


def show_studio(root: Path | None = None) -> W.Widget:
    from .choices import ChoicesPanel
    from .join import JoinPanel

    edit = EditPanel(root)
    tabs = W.Tab(children=[edit.widget, ChoicesPanel(root).widget, JoinPanel(root).widget])
    for i, title in enumerate(["Edit", "This workshop", "Workshop day"]):
        tabs.set_title(i, title)
    tabs.add_class("oig-studio-no-print-tabs")
    page = W.VBox(
        [
            W.HTML(f"<style>{STUDIO_CSS}</style>"),
            W.HTML(
                "<h1>Workshop studio</h1><p>Prepare your workshop here. Only this computer "
                "can open this page; participants use the workbook's own address.</p>"
            ),
            tabs,
        ]
    )
    page.add_class("oig-studio")
    return page
