"""Staying with a small mistake: notice, ground, name it kindly, take one next step.

The order is fixed (choose, rate, ground, rate again, name it, next step, look back);
the words live in data/. A small mistake is suggested so that practice stays safe. The
before/after chart is drawn only when the participant reaches the end.
"""

from __future__ import annotations

from typing import Any

import traitlets as T

from widgets.content.loader import Workbook
from widgets.content.schema import SmallMistakeExercise
from widgets.exercises._ratings import RatingControl, Ratings, chart
from widgets.exercises._stepped import SteppedView
from widgets.kit import ui
from widgets.practices.form import FormModel
from widgets.practices.model import StepModel
from widgets.practices.steps import AnchorChoices, StepPanel
from widgets.text import escape, paragraphs

ORDER = ("choose", "rate_before", "ground", "rate_after", "name_it", "next_step")


class SmallMistakeModel(StepModel, AnchorChoices):
    ratings = T.Instance(Ratings, help="How strong the feeling was before and after grounding.")

    def __init__(self, spec: SmallMistakeExercise):
        super().__init__([getattr(spec, key) for key in ORDER])
        self.spec = spec
        self.ratings = Ratings()
        self.forms = {s.id: FormModel(s.fields) for s in self.steps if s.fields}

    def written(self, step_key: str) -> dict[str, str]:
        """What was written at one step (by its place in ORDER), blank boxes left out."""
        step = getattr(self.spec, step_key)
        form = self.forms.get(step.id)
        return form.filled() if form else {}

    def answers(self) -> dict[str, Any]:
        return {
            **self.step_answers(),
            "anchors": dict(self.anchors),
            "ratings": self.ratings.answers(),
            "fields": {sid: dict(form.values) for sid, form in self.forms.items()},
        }

    def restore(self, answers: dict[str, Any]) -> None:
        self.restore_anchors(self.steps, answers.get("anchors"))
        self.ratings.restore(answers.get("ratings"))
        fields = answers.get("fields")
        if isinstance(fields, dict):
            for sid, form in self.forms.items():
                form.restore(fields.get(sid))
        self.restore_steps(answers)


class SmallMistakeView(SteppedView):
    def __init__(self, workbook: Workbook, spec: SmallMistakeExercise):
        self.model = m = SmallMistakeModel(spec)
        link = self.safety_link
        extras = {
            "rate_before": [RatingControl(workbook, spec.rating, m.ratings, "before", link)],
            "rate_after": [RatingControl(workbook, spec.rating, m.ratings, "after", link)],
            "name_it": [ui.html(f"<p>{escape(spec.refrain)}</p>", "oig-refrain")],
        }
        panels = [
            StepPanel(
                workbook, getattr(spec, key), m, m.forms.get(getattr(spec, key).id), extras.get(key)
            )
            for key in ORDER
        ]
        self.summary = ui.html("", "oig-summary", "oig-mistake-card")
        self.chart = ui.html("", "oig-chart-box")
        intro = ui.html(
            f"<h4>{escape(spec.done.title)}</h4>{paragraphs(spec.done.text)}", "oig-done"
        )
        self._frame(workbook, spec, panels, [intro, self.summary, self.chart])

    def _on_end(self) -> None:
        spec, m = self.model.spec, self.model
        labels = {f.id: f.label for step in m.steps for f in step.fields}
        items = [
            f"<p><strong>{escape(labels[fid])}</strong><br>{escape(text)}</p>"
            for key in ("name_it", "next_step")
            for fid, text in m.written(key).items()
        ]
        self.summary.value = "".join(items)
        ui.show(self.summary, bool(items))
        self.chart.value = chart(spec.rating, m.ratings, self.workbook.ui.chart_said)
