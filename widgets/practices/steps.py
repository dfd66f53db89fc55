"""Going through a practice one step at a time, where any step can be skipped.

Grounding, "Breathe; blink; focus" and "Staying with a small mistake" all move the same
way: Next, Skip, and Start again at the end. This keeps that one behaviour in one place.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.loader import Workbook
from widgets.content.schema import PracticeStep
from widgets.kit import ui
from widgets.practices.anchors import AnchorPicker
from widgets.practices.form import FormModel, FormView


class AnchorChoices(T.HasTraits):
    """Which anchor was picked at each step that offers anchors (step id -> anchor id)."""

    anchors = T.Dict(help="step id -> the anchor the participant picked there.")

    def choose(self, step: Any, anchor_id: str) -> None:
        if anchor_id and anchor_id not in {a.id for a in step.anchors}:
            raise KeyError(anchor_id)
        self.anchors = {**self.anchors, step.id: anchor_id}

    def restore_anchors(self, steps: list[Any], saved: Any) -> None:
        if not isinstance(saved, dict):
            return
        valid = {s.id: saved[s.id] for s in steps if saved.get(s.id) in {a.id for a in s.anchors}}
        if valid:
            self.anchors = {**self.anchors, **valid}


class StepPanel(W.VBox):
    """One PracticeStep: its title and words, then its anchors and text boxes, if any."""

    def __init__(
        self,
        workbook: Workbook,
        step: PracticeStep,
        choices: AnchorChoices | None = None,
        form: FormModel | None = None,
        extra: list[W.Widget] | None = None,
        minutes: int = 1,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.add_class("oig-step")
        self.add_class(f"oig-step-{step.id}")
        children: list[W.Widget] = [
            ui.heading(step.title, 4, "oig-step-title"),
            ui.prose(step.text),
        ]
        self.picker: AnchorPicker | None = None
        if step.anchors and choices is not None:
            self.picker = AnchorPicker(
                workbook,
                step,
                get=lambda: choices.anchors.get(step.id, ""),
                set=lambda value: choices.choose(step, value),
                minutes=minutes,
            )
            choices.observe(lambda _: self.picker.refresh(), names="anchors")
            children.append(self.picker)
        self.form: FormView | None = None
        if form is not None:
            self.form = FormView(form)
            children.append(self.form)
        children.extend(extra or [])
        self.children = children

    def leave(self) -> None:
        """Stop anything still running when the participant moves on."""
        if self.picker is not None:
            self.picker.stop()
