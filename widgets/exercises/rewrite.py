"""Rewrite a harsh self-statement as an accountable, kind one.

The participant picks a given harsh thought or writes their own, then fills any of four
scaffold boxes. Looking over the rewrite runs the care check first (on everything they
typed), then finds the global labels and absolutes listed in ``hint_patterns`` (data/)
and offers a gentle hint for each (:func:`widgets.content.replies.rewrite_reply`).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.hints import Hint, find_hints
from widgets.content.loader import Workbook
from widgets.content.replies import Reply, rewrite_reply
from widgets.content.schema import CareFile, RewriteExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import ui
from widgets.page.reply_view import ReplyBox
from widgets.practices.form import FormModel, FormView

OWN = "__own__"


class RewriteModel(ExerciseModel):
    harsh_choice = T.Unicode("", help="The chosen harsh statement, or OWN for one's own.")
    own_harsh = T.Unicode("", help="The participant's own harsh statement.")
    checked = T.Bool(False, help="Whether the participant asked for a look-over.")

    def __init__(self, spec: RewriteExercise, care: CareFile):
        super().__init__()
        self.spec = spec
        self.care = care
        self.form = FormModel(spec.steps)
        self.harsh_choice = spec.harsh_statements[0]

    @property
    def rewrite_text(self) -> str:
        return "\n".join(self.form.get(step.id) for step in self.spec.steps)

    def hints(self) -> list[Hint]:
        return find_hints(self.rewrite_text, self.spec.hint_patterns)

    def look_over(self) -> Reply:
        """The reply to the rewrite as it stands now; the own harsh thought is read by
        the care check too, since it may be the hardest thing typed here."""
        self.checked = True
        own = [self.own_harsh] if self.harsh_choice == OWN else []
        return rewrite_reply(self.spec, self.care, self.rewrite_text, own)

    def answers(self) -> dict[str, Any]:
        return {
            "harsh_choice": self.harsh_choice,
            "own_harsh": self.own_harsh,
            "rewrite": dict(self.form.values),
        }

    def restore(self, answers: dict[str, Any]) -> None:
        choice = answers.get("harsh_choice")
        if choice == OWN or choice in self.spec.harsh_statements:
            self.harsh_choice = choice
        own = answers.get("own_harsh")
        if isinstance(own, str) and own:
            self.own_harsh = own
        self.form.restore(answers.get("rewrite"))


class RewriteView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: RewriteExercise):
        self.model = m = RewriteModel(spec, workbook.care)
        options = [(s, s) for s in spec.harsh_statements] + [(spec.own_option, OWN)]
        self._pick = W.Dropdown(
            options=options,
            value=m.harsh_choice,
            description=spec.pick_label,
            **ui.labelled(W.Dropdown),
        )
        self._pick.add_class("oig-pick")
        self._own = ui.text_box(spec.own_label, rows=2)
        W.link((self._pick, "value"), (m, "harsh_choice"))
        W.link((self._own, "value"), (m, "own_harsh"))
        self._form = FormView(m.form)
        self._check = ui.button(spec.check_button, "oig-check", primary=True)
        self._result = ReplyBox(workbook)
        self._check.on_click(lambda _: self._look_over())
        body = ui.vbox([self._pick, self._own, self._form, self._check, self._result], "oig-body")
        super().__init__(workbook, spec, body)
        m.observe(lambda _: ui.show(self._own, m.harsh_choice == OWN), names="harsh_choice")
        ui.show(self._own, m.harsh_choice == OWN)

    def _look_over(self) -> None:
        self._result.show(self.model.look_over())
