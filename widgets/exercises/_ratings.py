"""A 0-10 "how strong is the feeling" rating before and after a practice, and its chart.

A simple self-rating (the 0-10 distress scale goes back to Wolpe, 1969), never a score:
it is not compared with anyone or judged, and either rating can be left out. The chart is
drawn only when the participant saves a rating, never while the notebook runs. A high
rating, or an "after" well above the "before", is answered kindly with an offer to stop,
ground, pause or get help (care.yaml ``ratings``), as PTSD Coach does.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.care import rating_tier
from widgets.content.loader import Workbook
from widgets.content.schema import RatingText
from widgets.kit import ui
from widgets.kit.charts import SAID, Series, chart_html
from widgets.page.reply_view import RatingReply
from widgets.page.safety import SafetyLink
from widgets.text import escape, fill

MOMENTS = ("before", "after")


def _valid(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10


class Ratings(T.HasTraits):
    """The two ratings; ``None`` means not rated (which is always fine)."""

    before = T.Int(None, allow_none=True, help="How strong the feeling was before, 0-10.")
    after = T.Int(None, allow_none=True, help="How strong the feeling was after, 0-10.")

    @T.validate(*MOMENTS)
    def _in_range(self, proposal):
        value = proposal["value"]
        if value is not None and not _valid(value):
            raise T.TraitError("a rating is a whole number from 0 to 10")
        return value

    @property
    def any(self) -> bool:
        return self.before is not None or self.after is not None

    def series(self, name: str) -> Series:
        return Series(name, (self.before, self.after))

    def answers(self) -> dict[str, int | None]:
        return {"before": self.before, "after": self.after}

    def restore(self, answers: Any) -> None:
        if not isinstance(answers, dict):
            return
        for moment in MOMENTS:
            if _valid(answers.get(moment)):
                setattr(self, moment, answers[moment])


def chart(words: RatingText, ratings: Ratings, said: tuple[str, str] = SAID) -> str:
    """The before/after chart with its text alternative, or a kind line if nothing was rated."""
    if not ratings.any:
        return f"<p>{escape(words.not_rated)}</p>"
    return chart_html(
        words.chart_title, [words.before, words.after], [ratings.series(words.series_name)], said
    )


class RatingControl(W.VBox):
    """A labelled 0-10 slider and a save button for one moment ("before" or "after").

    ``link`` is the exercise's way to its pause, for the offer after a high rating.
    """

    def __init__(
        self,
        workbook: Workbook,
        words: RatingText,
        ratings: Ratings,
        moment: str,
        link: SafetyLink,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if moment not in MOMENTS:
            raise ValueError(f"moment must be one of {MOMENTS}")
        self.add_class("oig-rating-control")
        self.add_class(f"oig-rating-{moment}")
        self._words = words
        self._ratings = ratings
        self._moment = moment
        self.slider = ui.rating_slider(words.question, 5, "oig-rating")
        scale = ui.rating_scale(words.low_label, words.high_label)
        self.save = ui.button(words.save, "oig-rating-save")
        ui.on_click_with_values(
            self.save, [self.slider], lambda: setattr(ratings, moment, self.slider.value)
        )
        self.note = RatingReply(workbook, link)
        self.note.add_class("oig-rating-note")
        self._care = workbook.care.ratings
        ratings.observe(self._show, names=moment)
        if moment == "after":
            ratings.observe(lambda _: self._show({"new": ratings.after}), names="before")
        prompt = getattr(words, f"{moment}_prompt")
        heading = [ui.heading(prompt, 4, "oig-rating-moment")] if prompt else []
        self.children = [*heading, self.slider, scale, self.save, self.note]
        self._show({"new": getattr(ratings, moment)})

    def _show(self, change) -> None:
        value = change["new"]
        if value is None:
            ui.show(self.note, False)
            return
        self.slider.value = value
        before = self._ratings.before if self._moment == "after" else None
        tier = rating_tier(value, before, self._care)
        high_before = self._moment == "before" and tier == "high" and self._words.high_before
        instead = self._words.high_before if high_before else None
        self.note.show([fill(self._words.saved, value=value)], tier, instead)
