"""5-4-3-2-1 grounding: one sense at a time, each step can be skipped.

"Grounding" means coming back to the here and now through the senses. Each step may
have an optional text box; nothing needs to be written. The pause shows the same
practice, shorter and without text boxes, so both share this model and view.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.schema import GroundingStep, UiText
from widgets.kit import ui
from widgets.practices.model import StepModel
from widgets.text import escape, paragraphs


class GroundingModel(StepModel):
    notes = T.Dict(help="step id -> what the participant wrote, exactly as typed.")

    def __init__(self, steps: list[GroundingStep]):
        super().__init__(steps)

    def write(self, step_id: str, text: str) -> None:
        if step_id not in {s.id for s in self.steps}:
            raise KeyError(step_id)
        self.notes = {**self.notes, step_id: text}

    def answers(self) -> dict[str, Any]:
        return {**self.step_answers(), "notes": dict(self.notes)}

    def restore(self, answers: dict[str, Any]) -> None:
        known = {s.id for s in self.steps}
        notes = answers.get("notes")
        if isinstance(notes, dict):
            kept = {k: v for k, v in notes.items() if k in known and isinstance(v, str) and v}
            if kept:
                self.notes = {**self.notes, **kept}
        self.restore_steps(answers)


class GroundingPractice(W.VBox):
    """The steps, one at a time, with Next and Skip; a kind line at the end."""

    def __init__(self, model: GroundingModel, words: UiText, done: str, **kwargs):
        super().__init__(**kwargs)
        self.add_class("oig-grounding")
        self.model = model
        self._prompts: list[W.Widget] = []
        self.boxes: dict[str, W.Textarea] = {}
        for step in model.steps:
            parts: list[W.Widget] = [
                ui.html(f"<p class='oig-sense'>{escape(step.prompt)}</p>"),
            ]
            if step.tip:
                parts.append(ui.prose(step.tip, "oig-tip"))
            if step.note_label:
                box = ui.text_box(step.note_label, rows=2)
                box.value = model.notes.get(step.id, "")
                box.observe(lambda c, sid=step.id: model.write(sid, c["new"]), names="value")
                self.boxes[step.id] = box
                parts.append(box)
            self._prompts.append(ui.vbox(parts, "oig-grounding-step", f"oig-sense-{step.id}"))
        self.next_button = ui.button(words.senses_next, "oig-next", primary=True)
        self.skip_button = ui.button(words.senses_skip, "oig-skip")
        self.next_button.on_click(lambda _: model.next())
        self.skip_button.on_click(lambda _: model.skip())
        self._buttons = ui.hbox([self.next_button, self.skip_button], "oig-step-buttons")
        self._done = ui.html(paragraphs(done), "oig-done")
        self.again_button = ui.button(words.start_again, "oig-again")
        self.again_button.on_click(lambda _: model.start_again())
        self._end = ui.vbox([self._done, self.again_button], "oig-grounding-end")
        self.children = [*self._prompts, self._buttons, self._end]
        model.observe(self._follow, names="index")
        model.observe(self._from_model, names="notes")
        self._follow()

    def _follow(self, _change=None) -> None:
        for i, prompt in enumerate(self._prompts):
            ui.show(prompt, i == self.model.index)
        ui.show(self._buttons, not self.model.finished)
        ui.show(self._end, self.model.finished)

    def _from_model(self, change) -> None:
        for sid, box in self.boxes.items():
            new = change["new"].get(sid, "")
            if box.value != new:
                box.value = new
