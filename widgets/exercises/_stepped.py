"""What the stepped practices share (breathe-blink-focus, the small mistake, the kind
pause): one panel at a time with Next and Skip, an end panel, and the care check before
the closing words."""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from widgets.content.loader import Workbook
from widgets.content.replies import care_reply
from widgets.exercises._base import ExerciseView
from widgets.kit import ui
from widgets.page.reply_view import ReplyBox
from widgets.practices.form import FormModel
from widgets.practices.model import StepModel
from widgets.practices.steps import AnchorChoices, StepPanel


class SteppedModel(StepModel, AnchorChoices):
    """Steps shown one at a time, each with an anchor choice or text boxes (or neither)."""

    def __init__(self, spec: Any):
        super().__init__(spec.steps)
        self.spec = spec
        self.forms = {s.id: FormModel(s.fields) for s in spec.steps if s.fields}

    def answers(self) -> dict[str, Any]:
        return {
            **self.step_answers(),
            "anchors": dict(self.anchors),
            "fields": {sid: dict(form.values) for sid, form in self.forms.items()},
        }

    def restore(self, answers: dict[str, Any]) -> None:
        self.restore_anchors(self.steps, answers.get("anchors"))
        fields = answers.get("fields")
        if isinstance(fields, dict):
            for sid, form in self.forms.items():
                form.restore(fields.get(sid))
        self.restore_steps(answers)


class SteppedView(ExerciseView):
    """Shared by the stepped practices: panels one at a time, Next/Skip, an end panel.

    The end panel's words (a refrain, "that was a kind thing to do") read as a reply to
    what was written on the way, so the care check runs first: a risk line gets its note
    and help there instead of them (the participant's own words are still shown).
    """

    model: StepModel

    def _frame(self, workbook: Workbook, spec: Any, panels: list[StepPanel], end: list[W.Widget]):
        self.panels = panels
        self.next_button = ui.button(workbook.ui.next, "oig-next", primary=True)
        self.skip_button = ui.button(workbook.ui.skip, "oig-skip")
        self.next_button.on_click(lambda _: self.model.next())
        self.skip_button.on_click(lambda _: self.model.skip())
        self._buttons = ui.hbox(
            [self.next_button, self.skip_button], "oig-step-buttons", "oig-flow-buttons"
        )
        self.again_button = ui.button(workbook.ui.start_again, "oig-again")
        self.again_button.on_click(lambda _: self.model.start_again())
        self._care = ReplyBox(workbook)
        self._end_words = end
        self.end = ui.vbox([self._care, *end, self.again_button], "oig-end")
        body = ui.vbox([*panels, self._buttons, self.end], "oig-body")
        super().__init__(workbook, spec, body)
        self.model.observe(self._follow, names="index")
        self._follow()

    def _follow(self, _change=None) -> None:
        for i, panel in enumerate(self.panels):
            if i != self.model.index:
                panel.leave()
            ui.show(panel, i == self.model.index)
        ui.show(self._buttons, not self.model.finished)
        ui.show(self.end, self.model.finished)
        if self.model.finished:
            self._on_end()
            self._check_care()

    def _check_care(self) -> None:
        forms = getattr(self.model, "forms", {})
        typed = [text for form in forms.values() for text in form.values.values()]
        care = care_reply(typed, self.workbook.care)
        if care is None:
            self._care.hide()
        else:
            self._care.show(care)
        # The closing words give way to a risk note; their own words and chart stay.
        for widget in self._end_words:
            if {"oig-done", "oig-refrain"} & set(widget._dom_classes):
                ui.show(widget, care is None or care.kind != "care")

    def _on_end(self) -> None:
        """Subclasses fill the end panel here (it runs only when the participant got there)."""
