"""Does the feeling fit the facts? A short guided path with two branches.

After "what happened", one question decides the branch: if the participant acted against
their own values, guilt fits and the steps are about repair; if not, or if the feeling is
far bigger than the facts, the steps are about what shame is urging and one small
opposite action (the "check the facts" idea from DBT). Every step can be skipped, and
going back, or even picking the other branch, keeps everything typed: texts are kept by
step id, and the view only hides steps, it never rebuilds them.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.loader import Workbook
from widgets.content.replies import care_reply
from widgets.content.schema import FeelingFitExercise, FitStep
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import shared_models, ui
from widgets.page.reply_view import ReplyBox
from widgets.text import escape, fill, paragraphs

QUESTION = "question"
END = "end"


class FeelingFitModel(ExerciseModel):
    position = T.Unicode(help="The step showing: a step id, QUESTION or END.")
    choice = T.Unicode("", help="The option picked at the question; '' if none.")
    texts = T.Dict(help="step id -> what the participant wrote there, exactly as typed.")
    ticks = T.Dict(help="step id -> ids of the tick boxes ticked there.")
    skipped = T.List(T.Unicode(), help="Steps passed with Skip (left out of the summary).")

    def __init__(self, spec: FeelingFitExercise):
        super().__init__()
        self.spec = spec
        self.position = spec.situation.id

    # --- where we are ---------------------------------------------------------------

    @property
    def option(self):
        return next((o for o in self.spec.options if o.id == self.choice), None)

    @property
    def branch(self) -> str | None:
        """ "guilt", "shame", or None while the question is unanswered."""
        return self.option.branch if self.option else None

    def branch_steps(self, branch: str | None = None) -> list[FitStep]:
        branch = branch or self.branch
        return list(getattr(self.spec, branch).steps) if branch else []

    def all_steps(self) -> list[FitStep]:
        return [self.spec.situation, *self.branch_steps("guilt"), *self.branch_steps("shame")]

    def step(self, step_id: str) -> FitStep:
        return next(s for s in self.all_steps() if s.id == step_id)

    @property
    def path(self) -> list[str]:
        """The steps this participant walks through, given their answer so far."""
        return [self.spec.situation.id, QUESTION, *(s.id for s in self.branch_steps()), END]

    @property
    def step_number(self) -> int:
        return self.path.index(self.position) + 1

    @property
    def total_steps(self) -> int:
        """Steps on the path (the end is a summary, not a step); before the question is
        answered, the longer branch counts, so the number never grows mid-way."""
        longest = max(len(self.branch_steps("guilt")), len(self.branch_steps("shame")))
        return 2 + (len(self.branch_steps()) if self.branch else longest)

    @property
    def at_end(self) -> bool:
        return self.position == END

    # --- moving ---------------------------------------------------------------------

    def next(self) -> None:
        if not self.at_end:
            self._leave(skipped=False)
            self.position = self.path[self.path.index(self.position) + 1]

    def skip(self) -> None:
        """Move on without this step; at the question, skipping clears the answer."""
        if self.at_end:
            return
        if self.position == QUESTION:
            self.choice = ""
        self._leave(skipped=True)
        self.position = self.path[self.path.index(self.position) + 1]

    def back(self) -> None:
        i = self.path.index(self.position)
        if i > 0:
            self.position = self.path[i - 1]

    def pick(self, option_id: str) -> None:
        """Answer the question and go to the first step of its branch."""
        if option_id not in {o.id for o in self.spec.options}:
            raise ValueError(f"unknown option '{option_id}'")
        self.position = QUESTION
        self.choice = option_id
        self._leave(skipped=False)
        self.position = self.path[self.path.index(QUESTION) + 1]

    def _leave(self, skipped: bool) -> None:
        here = self.position
        if skipped and here not in self.skipped:
            self.skipped = [*self.skipped, here]
        elif not skipped and here in self.skipped:
            self.skipped = [s for s in self.skipped if s != here]

    # --- what was written -----------------------------------------------------------

    def write(self, step_id: str, text: str) -> None:
        if step_id not in {s.id for s in self.all_steps()}:
            raise KeyError(step_id)
        if self.texts.get(step_id, "") != text:
            self.texts = {**self.texts, step_id: text}

    def tick(self, step_id: str, choice_id: str, ticked: bool) -> None:
        known = [c.id for c in self.step(step_id).choices]
        if choice_id not in known:
            raise ValueError(f"step '{step_id}' has no tick box '{choice_id}'")
        now = set(self.ticks.get(step_id, []))
        if ticked:
            now.add(choice_id)
        else:
            now.discard(choice_id)
        ordered = [c for c in known if c in now]
        if ordered != list(self.ticks.get(step_id, [])):
            self.ticks = {**self.ticks, step_id: ordered}

    def summary(self) -> list[tuple[str, str]]:
        """(label, answer) for each step on the path that has an answer and wasn't skipped."""
        rows = []
        for step_id in self.path:
            if step_id == END or step_id in self.skipped:
                continue
            if step_id == QUESTION:
                if self.option:
                    rows.append((self.spec.question, self.option.label))
                continue
            step = self.step(step_id)
            labels = {c.id: c.label for c in step.choices}
            ticked = [labels[c] for c in self.ticks.get(step_id, [])]
            text = self.texts.get(step_id, "").strip()
            answer = "\n".join([*ticked, *([text] if text else [])])
            if answer:
                rows.append((step.label, answer))
        return rows

    def closing(self) -> str:
        return getattr(self.spec, self.branch).closing if self.branch else self.spec.skipped_closing

    # --- saving ---------------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "choice": self.choice,
            "texts": dict(self.texts),
            "ticks": {k: list(v) for k, v in self.ticks.items()},
            "skipped": list(self.skipped),
        }

    def restore(self, answers: dict[str, Any]) -> None:
        steps = {s.id: s for s in self.all_steps()}
        texts = answers.get("texts")
        if isinstance(texts, dict):
            kept = {k: v for k, v in texts.items() if k in steps and isinstance(v, str) and v}
            if kept:
                self.texts = {**self.texts, **kept}
        ticks = answers.get("ticks")
        if isinstance(ticks, dict):
            for step_id, ids in ticks.items():
                if step_id in steps and isinstance(ids, list):
                    for choice_id in ids:
                        if choice_id in {c.id for c in steps[step_id].choices}:
                            self.tick(step_id, choice_id, True)
        choice = answers.get("choice")
        if isinstance(choice, str) and choice in {o.id for o in self.spec.options}:
            self.choice = choice
        skipped = answers.get("skipped")
        if isinstance(skipped, list):
            valid = [s for s in skipped if s in [*steps, QUESTION] and s not in self.skipped]
            if valid:
                self.skipped = [*self.skipped, *valid]
        position = answers.get("position")
        if isinstance(position, str) and position in self.path:
            self.position = position


class FeelingFitView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: FeelingFitExercise):
        self.model = m = FeelingFitModel(spec)
        self._progress = ui.html("", "oig-progress")
        self._steps: dict[str, W.Widget] = {}
        self._boxes: dict[str, W.Textarea] = {}
        self._tick_boxes: dict[tuple[str, str], W.Checkbox] = {}
        for step in m.all_steps():
            self._steps[step.id] = self._build_step(step)
        self._reply = ui.html("", "oig-fit-reply")
        self._care = ReplyBox(workbook)
        self._options: dict[str, W.Button] = {}
        for option in spec.options:
            b = ui.button(option.label, "oig-choice", "oig-fit-option")
            b.on_click(lambda _, oid=option.id: m.pick(oid))
            self._options[option.id] = b
        self._steps[QUESTION] = ui.vbox(
            [
                ui.html(f"<p><strong>{escape(spec.question)}</strong></p>", "oig-question"),
                ui.prose(spec.question_help),
                ui.vbox(list(self._options.values()), "oig-fit-options"),
            ],
            "oig-fit-step",
        )
        self._summary = ui.html("", "oig-fit-summary")
        self._steps[END] = ui.vbox([self._summary], "oig-fit-step", "oig-fit-end")
        self._back = ui.button(spec.back_button, "oig-back")
        self._back.on_click(lambda _: m.back())
        self._skip = ui.button(workbook.ui.skip, "oig-skip")
        self._skip.on_click(lambda _: m.skip())
        self._next = ui.button(workbook.ui.next, "oig-next", primary=True)
        self._next.on_click(lambda _: m.next())
        nav = ui.hbox([self._back, self._skip, self._next], "oig-choices", "oig-fit-nav")
        body = ui.vbox(
            [self._progress, self._care, self._reply, *self._steps.values(), nav],
            "oig-body",
            "oig-fit",
        )
        super().__init__(workbook, spec, body)
        m.observe(lambda _: self._render(), names=["position", "choice", "skipped"])
        m.observe(self._from_model, names=["texts", "ticks"])
        self._render()

    def _build_step(self, step: FitStep) -> W.Widget:
        m = self.model
        children: list[W.Widget] = []
        if step.choices:
            children.append(ui.html(f"<p><strong>{escape(step.label)}</strong></p>"))
            for choice in step.choices:
                box = W.Checkbox(
                    value=False,
                    description=choice.label,
                    indent=False,
                    layout=shared_models.layout(width="auto"),
                )
                box.add_class("oig-tick")
                box.observe(
                    lambda change, sid=step.id, cid=choice.id: m.tick(sid, cid, change["new"]),
                    names="value",
                )
                self._tick_boxes[(step.id, choice.id)] = box
                children.append(box)
        text_label = step.text_label or step.label
        box = ui.text_box(text_label, step.placeholder, rows=2)
        box.observe(lambda change, sid=step.id: m.write(sid, change["new"]), names="value")
        self._boxes[step.id] = box
        children.append(box)
        return ui.vbox(children, "oig-fit-step")

    def _from_model(self, _change=None) -> None:
        m = self.model
        for step_id, box in self._boxes.items():
            new = m.texts.get(step_id, "")
            if box.value != new:
                box.value = new
        for (step_id, choice_id), box in self._tick_boxes.items():
            ticked = choice_id in m.ticks.get(step_id, [])
            if box.value != ticked:
                box.value = ticked

    def _render(self) -> None:
        m = self.model
        spec = m.spec
        for key, widget in self._steps.items():
            ui.show(widget, key == m.position)
        first_of_branch = m.branch is not None and m.position == m.path[m.path.index(QUESTION) + 1]
        # The path's replies ("guilt fits the facts") answer the choice, but read as an
        # answer to what was written: the care check speaks first, and a risk line gets
        # its note instead of them.
        care = (
            care_reply(m.texts.values(), self.workbook.care)
            if first_of_branch or m.at_end
            else None
        )
        if care is not None:
            self._care.show(care)
        else:
            self._care.hide()
        own_reply = first_of_branch and (care is None or care.kind != "care")
        self._reply.value = paragraphs(m.option.reply) if own_reply else ""
        ui.show(self._reply, own_reply)
        for oid, button in self._options.items():
            chosen = oid == m.choice
            button.button_style = "info" if chosen else ""
            (button.add_class if chosen else button.remove_class)("oig-chosen")
        if m.at_end:
            self._progress.value = ""
            self._summary.value = self._summary_html()
        else:
            words = fill(spec.progress, step=m.step_number, total=m.total_steps)
            self._progress.value = f"<p>{escape(words)}</p>"
        ui.show(self._progress, not m.at_end)
        ui.show(self._back, m.step_number > 1)
        ui.show(self._skip, not m.at_end)
        ui.show(self._next, m.position not in (QUESTION, END))

    def _summary_html(self) -> str:
        m = self.model
        rows = "".join(
            f"<div class='oig-fit-answer'><p class='oig-fit-label'>{escape(label)}</p>"
            f"<p class='oig-fit-text'>{escape(answer)}</p></div>"
            for label, answer in m.summary()
        )
        listing = f"<h4>{escape(m.spec.summary_title)}</h4>{rows}" if rows else ""
        care = care_reply(m.texts.values(), self.workbook.care)
        if care is not None and care.kind == "care":
            return listing
        return listing + paragraphs(m.closing(), "oig-fit-closing")
