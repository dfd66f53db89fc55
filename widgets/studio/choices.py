"""What the group does: lessons and exercises included or left out, the languages on
offer, the help region of each language, the 60- or 90-minute plan.

All of it is data/settings.yaml, saved as the Edit tab saves (comments kept, checked by
`workbook validate` first, undo). Participants' pages follow on their next page:
:mod:`widgets.left_out` reads ``leave_out``; nothing is deleted, no notebook changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as W
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from widgets.content.loader import LANG_DIR, clear_cache
from widgets.content.yaml_lines import load_lined
from widgets.paths import data_dir
from widgets.text import escape

from . import checks
from .store import ChangedOnDisk, Document, NothingToUndo

SETTINGS = "settings.yaml"


def _lessons(root: Path, language: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(lesson id, title, [(exercise id, title)]) in the order of lessons.yaml."""
    listed = load_lined(root / language / "lessons.yaml").value or {}
    found = []
    for entry in listed.get("lessons") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        lesson = load_lined(root / language / "lessons" / f"{entry['id']}.yaml").value or {}
        exercises = [
            (e["id"], str(e.get("title") or e["id"]))
            for e in lesson.get("exercises") or []
            if isinstance(e, dict) and isinstance(e.get("id"), str)
        ]
        found.append((entry["id"], str(entry.get("title") or entry["id"]), exercises))
    return found


def _regions(root: Path, language: str) -> list[str]:
    crisis = load_lined(root / language / "crisis.yaml").value or {}
    regions = crisis.get("regions") if isinstance(crisis, dict) else None
    return list(regions) if isinstance(regions, dict) else []


def _flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def set_key(settings: CommentedMap, key: str, value: Any) -> None:
    """Set ``key`` in settings.yaml, appended at the end if it is new (comments kept)."""
    settings[key] = value


class ChoicesPanel:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else data_dir()
        self.doc = Document(self.root, SETTINGS)
        self.status = W.HTML("")
        self.status.add_class("oig-studio-status")
        self.status.add_class("oig-studio-choices-status")
        self.save_button = W.Button(description="Save these choices", button_style="success")
        self.save_button.add_class("oig-studio-choices-save")
        self.undo_button = W.Button(description="Undo last save", icon="undo")
        self.undo_button.add_class("oig-studio-choices-undo")
        self.save_button.on_click(lambda _: self.save())
        self.undo_button.on_click(lambda _: self.undo())
        self.body = W.VBox([])
        self.widget = W.VBox(
            [
                W.HTML(
                    "<p>Choose what your group does. Nothing is deleted: a lesson or exercise "
                    "left out is only hidden from participants' pages, and you can include it "
                    "again at any time. The choices are kept in "
                    "<code>data/settings.yaml</code>.</p>"
                ),
                self.body,
                W.HBox([self.save_button, self.undo_button]),
                self.status,
            ]
        )
        self.build()

    def settings(self) -> CommentedMap:
        return self.doc.value

    def build(self) -> None:
        s = self.settings()
        folders = sorted(
            p.name for p in self.root.iterdir() if p.is_dir() and LANG_DIR.match(p.name)
        )
        offered = list(s.get("languages") or folders)
        main = s.get("language", "en")
        self.language_boxes = {}
        language_rows = []
        for lang in folders:
            box = W.Checkbox(value=lang in offered, description=lang, indent=False)
            box.add_class(f"oig-studio-offer-{lang}")
            if lang == main:
                box.disabled = True  # the workbook's own language is always on offer
            self.language_boxes[lang] = box
            language_rows.append(box)
        region_now = s.get("crisis_region")
        self.region_pickers = {}
        region_rows = []
        for lang in folders:
            regions = _regions(self.root, lang)
            if not regions:
                continue
            chosen = region_now.get(lang) if isinstance(region_now, dict) else region_now
            picker = W.Dropdown(
                options=regions,
                value=chosen if chosen in regions else regions[0],
                description=lang,
            )
            picker.add_class(f"oig-studio-region-{lang}")
            self.region_pickers[lang] = picker
            region_rows.append(picker)
        self.plan = W.RadioButtons(
            options=[("60 minutes per lesson", 60), ("90 minutes per lesson", 90)],
            value=s.get("plan", 60) if s.get("plan", 60) in (60, 90) else 60,
        )
        self.plan.add_class("oig-studio-plan")
        left = set(s.get("leave_out") or [])
        self.include: dict[str, W.Checkbox] = {}
        lesson_rows = []
        for lesson_id, title, exercises in _lessons(self.root, main):
            box = W.Checkbox(
                value=lesson_id not in left,
                description=title,
                indent=False,
                layout=W.Layout(width="auto"),
            )
            box.add_class(f"oig-studio-include-{lesson_id}")
            self.include[lesson_id] = box
            inner = []
            for exercise_id, ex_title in exercises:
                ref = f"{lesson_id}/{exercise_id}"
                ex = W.Checkbox(
                    value=ref not in left,
                    description=ex_title,
                    indent=False,
                    layout=W.Layout(width="auto"),
                )
                ex.add_class(f"oig-studio-include-{lesson_id}-{exercise_id}")
                self.include[ref] = ex
                inner.append(ex)
            lesson_rows.append(
                W.VBox([box, W.VBox(inner, layout=W.Layout(margin="0 0 0.5rem 2rem"))])
            )
        self.body.children = [
            W.HTML(
                "<h2>Lessons and exercises for this workshop</h2><p>Untick what your "
                "group will not do.</p>"
            ),
            *lesson_rows,
            W.HTML("<h2>Languages on offer</h2><p>Pages link only to these languages.</p>"),
            W.HBox(language_rows),
            W.HTML(
                "<h2>Help lines shown first</h2><p>For each language, the region whose "
                "help lines people see first. Each person can still choose their own "
                'country in "Get help now".</p>'
            ),
            *region_rows,
            W.HTML("<h2>Session plan</h2>"),
            self.plan,
        ]

    def apply(self) -> None:
        """Put the choices into the settings tree (not yet saved)."""
        s = self.settings()
        folders = list(self.language_boxes)
        offered = [lang for lang, box in self.language_boxes.items() if box.value or box.disabled]
        if offered == folders:
            if "languages" in s:
                del s["languages"]
        else:
            set_key(s, "languages", _flow(offered))
        regions = {lang: p.value for lang, p in self.region_pickers.items()}
        current = s.get("crisis_region")
        if isinstance(current, dict):
            for lang, region in regions.items():
                current[lang] = region
        else:
            set_key(s, "crisis_region", CommentedMap(regions))
        left = [ref for ref, box in self.include.items() if not box.value]
        # an exercise of a lesson left out is left out with it: list the lesson only
        left = [r for r in left if "/" not in r or r.partition("/")[0] not in left]
        if left or "leave_out" in s:
            set_key(s, "leave_out", CommentedSeq(left))
        if self.plan.value != s.get("plan", 60) or "plan" in s:
            set_key(s, "plan", self.plan.value)

    def save(self) -> None:
        self.apply()
        text = self.doc.text()
        _, problems, _ = checks.quick(self.doc.name, SETTINGS, text)
        problems = problems or checks.before_save(self.root, SETTINGS, text)
        if problems:
            self.status.value = (
                f"<p class='refused' role='alert'>Not saved: {escape(str(problems[0]))}</p>"
            )
            self.doc.reload()
            return
        try:
            self.doc.save(text)
        except ChangedOnDisk:
            self.status.value = (
                "<p class='refused' role='alert'>Not saved: data/settings.yaml was changed "
                "somewhere else since this page opened it. Reload the page to see it.</p>"
            )
            return
        clear_cache()
        self.status.value = (
            "<p class='ok' role='status'>Saved. Participants' pages follow on the next page "
            "they open.</p>"
        )

    def undo(self) -> None:
        try:
            self.doc.undo()
        except (NothingToUndo, ChangedOnDisk) as exc:
            words = (
                "There is no earlier version to put back."
                if isinstance(exc, NothingToUndo)
                else "data/settings.yaml was changed somewhere else; reload the page first."
            )
            self.status.value = f"<p class='refused' role='alert'>{escape(words)}</p>"
            return
        clear_cache()
        self.build()
        self.status.value = "<p class='ok' role='status'>Put back the settings from before.</p>"
