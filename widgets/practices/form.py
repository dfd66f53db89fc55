"""A set of labelled text boxes whose answers a model keeps.

The rewrite, the repair plan and the reflection all ask a few questions with a text box
each; this keeps that one behaviour (labels, restore without overwriting, answers as a
plain dict) in one place.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.schema import FormField
from widgets.kit import ui


class FormModel(T.HasTraits):
    values = T.Dict(help="field id -> what the participant wrote, exactly as typed.")

    def __init__(self, fields: list[FormField]):
        super().__init__()
        self.fields = fields

    def set(self, field_id: str, text: str) -> None:
        if field_id not in {f.id for f in self.fields}:
            raise KeyError(field_id)
        self.values = {**self.values, field_id: text}

    def get(self, field_id: str) -> str:
        return self.values.get(field_id, "")

    def filled(self) -> dict[str, str]:
        return {f.id: self.get(f.id) for f in self.fields if self.get(f.id).strip()}

    def restore(self, values: Any) -> None:
        if not isinstance(values, dict):
            return
        known = {f.id for f in self.fields}
        kept = {k: v for k, v in values.items() if k in known and isinstance(v, str) and v}
        if kept:
            self.values = {**self.values, **kept}


class FormView(W.VBox):
    """Text boxes linked both ways to a FormModel."""

    def __init__(self, model: FormModel, rows: int = 2, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-form")
        self.model = model
        self.boxes: dict[str, W.Textarea] = {}
        for f in model.fields:
            box = ui.text_box(f.label, f.placeholder, rows=rows)
            box.observe(lambda change, fid=f.id: model.set(fid, change["new"]), names="value")
            self.boxes[f.id] = box
        model.observe(self._from_model, names="values")
        self.children = list(self.boxes.values())

    def _from_model(self, change) -> None:
        for fid, box in self.boxes.items():
            new = change["new"].get(fid, "")
            if box.value != new:
                box.value = new
