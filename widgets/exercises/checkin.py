"""A 0-10 self-rating ("how heavy does today feel?") answered with a kind reply.

A simple self-rating, not a clinical scale: it is never scored or compared, and every
reply, whatever the number, is kind. A high rating also offers to stop, ground, pause or
get help, with the buttons right there (care.yaml ``ratings``).
"""

from __future__ import annotations

from typing import Any

import traitlets as T

from widgets.content.care import rating_tier
from widgets.content.loader import Workbook
from widgets.content.schema import CheckinExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import ui
from widgets.page.reply_view import RatingReply


class CheckinModel(ExerciseModel):
    rating = T.Int(None, allow_none=True, help="The rating the participant checked in with.")

    def __init__(self, spec: CheckinExercise):
        super().__init__()
        self.spec = spec

    @T.validate("rating")
    def _in_range(self, proposal):
        value = proposal["value"]
        if value is not None and not 0 <= value <= 10:
            raise T.TraitError("a rating is a whole number from 0 to 10")
        return value

    def reply(self) -> str:
        if self.rating is None:
            return ""
        for r in sorted(self.spec.replies, key=lambda r: r.up_to):
            if self.rating <= r.up_to:
                return r.text
        return self.spec.replies[-1].text

    def answers(self) -> dict[str, Any]:
        return {"rating": self.rating}

    def restore(self, answers: dict[str, Any]) -> None:
        value = answers.get("rating")
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
            self.rating = value


class CheckinView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: CheckinExercise):
        self.model = m = CheckinModel(spec)
        self._slider = ui.rating_slider(spec.question, 0, "oig-rating")
        scale = ui.rating_scale(spec.low_label, spec.high_label)
        self._button = ui.button(spec.button, "oig-checkin", primary=True)
        self._reply = RatingReply(workbook, self.safety_link)
        self._reply.add_class("oig-reply")
        ui.on_click_with_values(
            self._button, [self._slider], lambda: setattr(m, "rating", self._slider.value)
        )
        m.observe(self._show_reply, names="rating")
        body = ui.vbox([self._slider, scale, self._button, self._reply], "oig-body")
        super().__init__(workbook, spec, body)

    def _show_reply(self, change) -> None:
        value = change["new"]
        if value is None:
            ui.show(self._reply, False)
            return
        self._slider.value = value
        tier = rating_tier(value, None, self.workbook.care.ratings)
        # The check-in's own reply already speaks to the number; the offer is added.
        self._reply.show([self.model.reply()], tier, "")
