"""Translate shame into guilt: turn a verdict on the self into a specific, repairable fact.

The participant picks a given shame statement ("I'm a terrible friend.") or writes their
own, then rewrites it. Looking it over runs the care check first, then two lists of
patterns from data/: words that still describe the whole self earn a gentle hint, and an
action, a time or a person affected is named back as what makes the rewrite specific
(:func:`widgets.content.replies.translate_reply`). Each statement keeps its own
rewrite, so trying another statement never wipes out what was written for the first.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.loader import Workbook
from widgets.content.replies import Reply, translate_reply
from widgets.content.schema import CareFile, TranslateExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import ui
from widgets.page.reply_view import ReplyBox
from widgets.text import escape

OWN = "__own__"


class TranslateModel(ExerciseModel):
    choice = T.Unicode("", help="The id of the chosen shame statement, or OWN.")
    own_text = T.Unicode("", help="The participant's own shame statement.")
    rewrites = T.Dict(help="statement id (or OWN) -> the rewrite written for it.")
    example_shown = T.Bool(False, help="Whether the example for the chosen statement shows.")

    def __init__(self, spec: TranslateExercise, care: CareFile):
        super().__init__()
        self.spec = spec
        self.care = care
        self.choice = spec.statements[0].id

    @T.validate("choice")
    def _known_choice(self, proposal):
        if proposal["value"] not in self._choices():
            raise T.TraitError(f"unknown statement '{proposal['value']}'")
        return proposal["value"]

    @T.observe("choice")
    def _hide_example(self, _change) -> None:
        self.example_shown = False

    def _choices(self) -> set[str]:
        return {s.id for s in self.spec.statements} | {OWN}

    @property
    def statement(self):
        """The chosen given statement, or None when writing one's own."""
        return next((s for s in self.spec.statements if s.id == self.choice), None)

    @property
    def shame_text(self) -> str:
        return self.own_text if self.choice == OWN else self.statement.text

    @property
    def rewrite(self) -> str:
        return self.rewrites.get(self.choice, "")

    def write(self, text: str) -> None:
        """Keep ``text`` as the rewrite of the chosen statement."""
        if text != self.rewrite:
            self.rewrites = {**self.rewrites, self.choice: text}

    def look_over(self) -> Reply:
        """The reply to the rewrite; an own shame statement is read by the care check."""
        own = [self.own_text] if self.choice == OWN else []
        return translate_reply(self.spec, self.care, self.rewrite, own)

    def answers(self) -> dict[str, Any]:
        return {"choice": self.choice, "own_text": self.own_text, "rewrites": dict(self.rewrites)}

    def restore(self, answers: dict[str, Any]) -> None:
        rewrites = answers.get("rewrites")
        if isinstance(rewrites, dict):
            known = self._choices()
            kept = {k: v for k, v in rewrites.items() if k in known and isinstance(v, str) and v}
            if kept:
                self.rewrites = {**self.rewrites, **kept}
        own = answers.get("own_text")
        if isinstance(own, str) and own:
            self.own_text = own
        choice = answers.get("choice")
        if isinstance(choice, str) and choice in self._choices():
            self.choice = choice


class TranslateView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: TranslateExercise):
        self.model = m = TranslateModel(spec, workbook.care)
        options = [(s.text, s.id) for s in spec.statements] + [(spec.own_option, OWN)]
        self._pick = W.Dropdown(
            options=options,
            value=m.choice,
            description=spec.pick_label,
            **ui.labelled(W.Dropdown),
        )
        self._pick.add_class("oig-pick")
        self._pick.add_class("oig-translate-pick")
        self._own = ui.text_box(spec.own_label, rows=2)
        W.link((self._pick, "value"), (m, "choice"))
        W.link((self._own, "value"), (m, "own_text"))
        self._example_button = ui.button(spec.example_button, "oig-example-button")
        self._example_button.on_click(lambda _: setattr(m, "example_shown", True))
        self._example = ui.html("", "oig-example")
        self._rewrite = ui.text_box(spec.rewrite_label, spec.rewrite_placeholder, rows=3)
        self._rewrite.observe(lambda change: m.write(change["new"]), names="value")
        self._check = ui.button(spec.check_button, "oig-check", primary=True)
        self._check.on_click(lambda _: self._look_over())
        self._result = ReplyBox(workbook)
        body = ui.vbox(
            [
                self._pick,
                self._own,
                self._example_button,
                self._example,
                self._rewrite,
                self._check,
                self._result,
            ],
            "oig-body",
        )
        super().__init__(workbook, spec, body)
        m.observe(lambda _: self._render_choice(), names="choice")
        m.observe(lambda _: self._render_example(), names="example_shown")
        m.observe(lambda _: self._sync_rewrite(), names="rewrites")
        self._render_choice()

    def _sync_rewrite(self) -> None:
        if self._rewrite.value != self.model.rewrite:
            self._rewrite.value = self.model.rewrite

    def _render_choice(self) -> None:
        m = self.model
        ui.show(self._own, m.choice == OWN)
        self._sync_rewrite()
        self._result.hide()
        self._render_example()

    def _render_example(self) -> None:
        m = self.model
        shown = m.example_shown and m.statement is not None
        if shown:
            self._example.value = (
                f"<p><strong>{escape(m.spec.example_label)}</strong></p>"
                f"<blockquote>{escape(m.statement.example)}</blockquote>"
            )
        ui.show(self._example, shown)
        ui.show(self._example_button, m.statement is not None and not shown)

    def _look_over(self) -> None:
        self._result.show(self.model.look_over())
