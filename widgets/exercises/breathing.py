"""The breathing guide as a lesson exercise, between an optional rating before and after.

The guide's words always offer another anchor and say eyes open is fine; the ratings
are optional, and the chart appears only once the participant saves a rating after.
"""

from __future__ import annotations

from typing import Any

from widgets.content.loader import Workbook
from widgets.content.schema import BreathingExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.exercises._ratings import RatingControl, Ratings, chart
from widgets.kit import ui
from widgets.kit.pacer import Pacer


class BreathingModel(ExerciseModel):
    def __init__(self, spec: BreathingExercise):
        super().__init__()
        self.spec = spec
        self.ratings = Ratings()

    def answers(self) -> dict[str, Any]:
        return {"ratings": self.ratings.answers()}

    def restore(self, answers: dict[str, Any]) -> None:
        self.ratings.restore(answers.get("ratings"))


class BreathingView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: BreathingExercise):
        self.model = m = BreathingModel(spec)
        link = self.safety_link
        self.before = RatingControl(workbook, spec.rating, m.ratings, "before", link)
        self.pacer = Pacer.with_words(workbook.ui.pacer, minutes=spec.minutes)
        self.after = RatingControl(workbook, spec.rating, m.ratings, "after", link)
        self.chart = ui.html("", "oig-chart-box")
        ui.show(self.chart, False)
        m.ratings.observe(self._draw, names=["before", "after"])
        body = ui.vbox([self.before, self.pacer, self.after, self.chart], "oig-body")
        super().__init__(workbook, spec, body)

    def _draw(self, _change=None) -> None:
        """Draw once there is an after rating; redraw if either rating changes."""
        if self.model.ratings.after is None:
            return
        self.chart.value = chart(
            self.model.spec.rating, self.model.ratings, self.workbook.ui.chart_said
        )
        ui.show(self.chart, True)
