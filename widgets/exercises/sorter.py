"""Sort statements into piles, one at a time, with the reasoning shown after every pick.

There is deliberately no score: the summary is the same whatever was picked, because a
tally would rank the person, and the point is the reasoning, not being right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import traitlets as T

from widgets.content.loader import Workbook
from widgets.content.schema import SorterExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import ui
from widgets.text import escape


@dataclass(frozen=True)
class SortFeedback:
    same: bool
    message: str
    why: str


class SorterModel(ExerciseModel):
    index = T.Int(0, help="Which statement is showing (len(statements) when finished).")
    picks = T.Dict(help="statement id -> category id the participant chose.")
    skipped = T.List(T.Unicode(), help="ids of statements the participant skipped.")
    revealed = T.Bool(False, help="Whether the reasoning for the current statement shows.")

    def __init__(self, spec: SorterExercise):
        super().__init__()
        self.spec = spec

    @property
    def statements(self):
        return self.spec.statements

    @property
    def current(self):
        return self.statements[self.index] if not self.finished else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.statements)

    def pick(self, category_id: str) -> SortFeedback:
        statement = self.current
        if statement is None:
            raise ValueError("every statement has been sorted already")
        if category_id not in {c.id for c in self.spec.categories}:
            raise ValueError(f"unknown category '{category_id}'")
        self.picks = {**self.picks, statement.id: category_id}
        self.revealed = True
        return self.feedback_for(statement.id)

    def feedback_for(self, statement_id: str) -> SortFeedback:
        statement = next(s for s in self.statements if s.id == statement_id)
        same = self.picks.get(statement_id) == statement.answer
        fb = self.spec.feedback
        return SortFeedback(same, fb.same if same else fb.different, statement.why)

    def next(self) -> None:
        if not self.finished:
            self.revealed = False
            self.index += 1

    def skip(self) -> None:
        statement = self.current
        if statement is not None:
            if statement.id not in self.skipped:
                self.skipped = [*self.skipped, statement.id]
            self.next()

    def reset(self) -> None:
        self.picks = {}
        self.skipped = []
        self.revealed = False
        self.index = 0

    def answers(self) -> dict[str, Any]:
        return {"picks": dict(self.picks), "skipped": list(self.skipped), "index": self.index}

    def restore(self, answers: dict[str, Any]) -> None:
        known = {s.id for s in self.statements}
        categories = {c.id for c in self.spec.categories}
        picks = answers.get("picks")
        if isinstance(picks, dict):
            valid = {k: v for k, v in picks.items() if k in known and v in categories}
            if valid:
                self.picks = {**self.picks, **valid}
        skipped = answers.get("skipped")
        if isinstance(skipped, list):
            valid_skips = [s for s in skipped if s in known and s not in self.skipped]
            if valid_skips:
                self.skipped = [*self.skipped, *valid_skips]
        index = answers.get("index")
        if (
            isinstance(index, int)
            and not isinstance(index, bool)
            and 0 < index <= len(self.statements)
        ):
            self.revealed = False
            self.index = index


class SorterView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: SorterExercise):
        self.model = SorterModel(spec)
        self._progress = ui.html("", "oig-progress")
        self._statement = ui.html("", "oig-statement")
        self._question = ui.html(f"<p>{escape(spec.question)}</p>", "oig-question")
        self._choices = []
        for category in spec.categories:
            b = ui.button(category.label, "oig-choice")
            b.on_click(lambda _, cid=category.id: self.model.pick(cid))
            self._choices.append(b)
        self._skip = ui.button(workbook.ui.skip, "oig-skip")
        self._skip.on_click(lambda _: self.model.skip())
        self._feedback = ui.html("", "oig-feedback")
        self._next = ui.button(workbook.ui.next, "oig-next", primary=True)
        self._next.on_click(lambda _: self.model.next())
        self._summary = ui.html("", "oig-summary")
        self._again = ui.button(workbook.ui.start_again, "oig-again")
        self._again.on_click(lambda _: self.model.reset())
        self._card = ui.vbox(
            [
                self._progress,
                self._statement,
                self._question,
                ui.hbox([*self._choices, self._skip], "oig-choices"),
                self._feedback,
                self._next,
            ],
            "oig-card",
        )
        self._end = ui.vbox([self._summary, self._again], "oig-end")
        body = ui.vbox([self._card, self._end], "oig-body")
        super().__init__(workbook, spec, body)
        self.model.observe(lambda _: self._render(), names=["index", "revealed", "picks"])
        self._render()

    def _render(self) -> None:
        m = self.model
        spec = m.spec
        ui.show(self._card, not m.finished)
        ui.show(self._end, m.finished)
        if m.finished:
            self._summary.value = ui.paragraphs(spec.summary)
            return
        s = m.current
        total = len(m.statements)
        self._progress.value = f"<p>{m.index + 1} / {total}</p>"
        self._statement.value = f"<blockquote>{escape(s.text)}</blockquote>"
        picked = m.picks.get(s.id)
        for button, category in zip(self._choices, spec.categories):
            chosen = m.revealed and picked == category.id
            button.button_style = "info" if chosen else ""
            button.disabled = m.revealed
            if chosen:
                button.add_class("oig-chosen")
            else:
                button.remove_class("oig-chosen")
        ui.show(self._skip, not m.revealed)
        ui.show(self._next, m.revealed)
        if m.revealed:
            fb = m.feedback_for(s.id)
            answer = next(c.label for c in spec.categories if c.id == s.answer)
            self._feedback.value = (
                f"<p class='oig-feedback-lead'><strong>{escape(fb.message)}</strong></p>"
                f"<p><em>{escape(answer)}.</em> {escape(fb.why)}</p>"
            )
        else:
            self._feedback.value = ""
        ui.show(self._feedback, m.revealed)
