"""How strong are a few feelings right now, 0-10, at one moment of a lesson?

A simple self-rating, not a scale: nothing is scored or compared with anyone. A lesson
asks twice (e.g. guilt and shame at its start and its end); the two check-ins name the
same ``log`` and so share one :class:`FeelingsLog`, which lets the later one draw a chart
of both moments. The chart is drawn only when the participant checks in, never while the
notebook runs, and always comes with a text alternative that states the numbers.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.loader import Workbook
from widgets.content.schema import CareRatings, FeelingsCheckinExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import ui
from widgets.kit.charts import SAID, Series, chart_html
from widgets.page import state
from widgets.page.reply_view import RatingReply
from widgets.text import escape


def _rating(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10


class FeelingsLog(T.HasTraits):
    """Ratings of one lesson's check-ins: moment id -> feeling id -> 0-10."""

    ratings = T.Dict(help="moment id -> {feeling id: rating from 0 to 10}.")

    def record(self, moment: str, ratings: dict[str, int]) -> None:
        if not all(_rating(v) for v in ratings.values()):
            raise ValueError("a rating is a whole number from 0 to 10")
        self.ratings = {**self.ratings, moment: dict(ratings)}

    def get(self, moment: str, feeling: str) -> int | None:
        return self.ratings.get(moment, {}).get(feeling)


def shared_log(name: str) -> FeelingsLog:
    """One log per name, per page (``widgets.page.state``): the check-ins of a lesson
    find each other through it."""
    logs = state.state().logs
    if name not in logs:
        logs[name] = FeelingsLog()
    return logs[name]


class FeelingsCheckinModel(ExerciseModel):
    checked_in = T.Bool(False, help="Whether the participant checked in at this moment.")

    def __init__(self, spec: FeelingsCheckinExercise, log: FeelingsLog | None = None):
        super().__init__()
        self.spec = spec
        self.log = log if log is not None else shared_log(spec.log)

    @property
    def ratings(self) -> dict[str, int]:
        return dict(self.log.ratings.get(self.spec.moment.id, {}))

    def check_in(self, ratings: dict[str, int]) -> None:
        known = {f.id for f in self.spec.feelings}
        unknown = set(ratings) - known
        if unknown:
            raise ValueError(f"unknown feeling(s): {', '.join(sorted(unknown))}")
        self.log.record(self.spec.moment.id, ratings)
        self.checked_in = True

    def earlier(self) -> dict[str, int]:
        """The ratings of the moment just before this one on the chart, if any."""
        chart = self.spec.chart
        ids = [m.id for m in chart.moments] if chart else []
        here = ids.index(self.spec.moment.id) if self.spec.moment.id in ids else 0
        return dict(self.log.ratings.get(ids[here - 1], {})) if here > 0 else {}

    def tier(self, words: CareRatings) -> str:
        """ "rise" if any feeling rose by ``rise_by`` since the moment before, "high" if
        any is at ``high_from`` or more, else "first" (nothing more to say)."""
        now, before = self.ratings, self.earlier()
        rises = [value - before[f] for f, value in now.items() if f in before]
        if rises and max(rises) >= words.rise_by:
            return "rise"
        return "high" if max(now.values(), default=0) >= words.high_from else "first"

    def series(self) -> list[Series]:
        """One series per feeling, one value per chart moment (None where not rated)."""
        moments = self.spec.chart.moments if self.spec.chart else [self.spec.moment]
        return [
            Series(f.label, tuple(self.log.get(m.id, f.id) for m in moments))
            for f in self.spec.feelings
        ]

    def chart(self, said: tuple[str, str] = SAID) -> str:
        """The chart of every moment so far, as HTML with its text alternative."""
        chart = self.spec.chart
        if chart is None:
            return ""
        return chart_html(chart.title, [m.label for m in chart.moments], self.series(), said)

    def answers(self) -> dict[str, Any]:
        return {"ratings": self.ratings}

    def restore(self, answers: dict[str, Any]) -> None:
        ratings = answers.get("ratings")
        if not isinstance(ratings, dict):
            return
        known = {f.id for f in self.spec.feelings}
        kept = {k: v for k, v in ratings.items() if k in known and _rating(v)}
        if kept:
            self.log.record(self.spec.moment.id, {**self.ratings, **kept})


class FeelingsCheckinView(ExerciseView):
    def __init__(
        self, workbook: Workbook, spec: FeelingsCheckinExercise, log: FeelingsLog | None = None
    ):
        self.model = m = FeelingsCheckinModel(spec, log)
        self._sliders: dict[str, W.IntSlider] = {}
        for feeling in spec.feelings:
            self._sliders[feeling.id] = ui.rating_slider(
                feeling.label, m.ratings.get(feeling.id, 0), "oig-feeling-rating"
            )
        scale = ui.rating_scale(spec.low_label, spec.high_label)
        self._button = ui.button(spec.button, "oig-checkin", primary=True)
        ui.on_click_with_values(self._button, self._sliders.values(), self._check_in)
        self._reply = RatingReply(workbook, self.safety_link)
        self._reply.add_class("oig-reply")
        self._chart = ui.html("", "oig-chart-box")
        ui.show(self._chart, False)
        body = ui.vbox(
            [
                ui.html(f"<p>{escape(spec.question)}</p>", "oig-question"),
                *self._sliders.values(),
                scale,
                self._button,
                self._reply,
                self._chart,
            ],
            "oig-body",
        )
        super().__init__(workbook, spec, body)
        m.log.observe(self._from_log, names="ratings")

    def _check_in(self) -> None:
        m = self.model
        m.check_in({fid: s.value for fid, s in self._sliders.items()})
        self._reply.show([m.spec.reply], m.tier(self.workbook.care.ratings))
        self._draw()

    def _draw(self) -> None:
        if self.model.spec.chart is not None:
            self._chart.value = self.model.chart(self.workbook.ui.chart_said)
            ui.show(self._chart, True)

    def _from_log(self, _change) -> None:
        """Keep sliders and an already drawn chart in step with the shared ratings."""
        for fid, value in self.model.ratings.items():
            if fid in self._sliders and self._sliders[fid].value != value:
                self._sliders[fid].value = value
        if self._chart.layout.display is None:
            self._draw()
