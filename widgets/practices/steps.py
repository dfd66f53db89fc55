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
from widgets.practices.model import ExerciseModel


class StepModel(ExerciseModel):
    """``steps`` are any items with an ``id``; state is the index and the skipped ids."""

    index = T.Int(0, help="The step showing now; len(steps) once every step is done.")
    skipped = T.List(T.Unicode(), help="Ids of the steps the participant skipped.")

    def __init__(self, steps: list[Any], **kwargs: Any):
        super().__init__(**kwargs)
        self.steps = steps

    @property
    def current(self) -> Any | None:
        return None if self.finished else self.steps[self.index]

    @property
    def finished(self) -> bool:
        return self.index >= len(self.steps)

    def next(self) -> None:
        if self.finished:
            return
        step = self.current.id
        if step in self.skipped:  # came back to it and went on: no longer skipped
            self.skipped = [s for s in self.skipped if s != step]
        self.index += 1

    def skip(self) -> None:
        if self.finished:
            return
        if self.current.id not in self.skipped:
            self.skipped = [*self.skipped, self.current.id]
        self.index += 1

    def start_again(self) -> None:
        """Back to the first step; what was written stays, in case it helps."""
        self.skipped = []
        self.index = 0

    def step_answers(self) -> dict[str, Any]:
        return {"index": self.index, "skipped": list(self.skipped)}

    def restore_steps(self, answers: dict[str, Any]) -> None:
        known = [s.id for s in self.steps]
        skipped = answers.get("skipped")
        if isinstance(skipped, list):
            extra = [s for s in skipped if s in known and s not in self.skipped]
            if extra:
                self.skipped = [*self.skipped, *extra]
        index = answers.get("index")
        if isinstance(index, int) and not isinstance(index, bool) and 0 < index <= len(known):
            self.index = index


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
