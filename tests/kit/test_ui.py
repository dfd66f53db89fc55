"""A slider's last move can reach the kernel just after the click that should include it."""

from __future__ import annotations

import pytest

from widgets.content.loader import load_workbook
from widgets.exercises._ratings import RatingControl, Ratings
from widgets.exercises.checkin import CheckinView
from widgets.kit import ui
from widgets.page.safety import SafetyLink


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(ui.time, "monotonic", c)
    return c


def test_a_move_arriving_just_after_the_click_is_saved(clock):
    slider = ui.rating_slider("How strong?", 5)
    saved = []
    button = ui.button("Save")
    ui.on_click_with_values(button, [slider], lambda: saved.append(slider.value))
    button.click()
    clock.now += 0.05
    slider.value = 7  # the browser's held-back move
    assert saved == [5, 7]


def test_a_move_long_after_the_click_is_not_saved(clock):
    slider = ui.rating_slider("How strong?", 5)
    saved = []
    button = ui.button("Save")
    ui.on_click_with_values(button, [slider], lambda: saved.append(slider.value))
    slider.value = 6  # before any click: nothing saved
    button.click()
    clock.now += ui.LATE_VALUE_SECONDS + 0.1
    slider.value = 9
    assert saved == [6]


def test_checkin_reply_follows_the_value_the_participant_saw(clock):
    wb = load_workbook()
    _, spec = wb.exercise("welcome/arriving")
    view = CheckinView(wb, spec)
    view._slider.value = 3
    view._button.click()
    clock.now += 0.2
    view._slider.value = 4
    assert view.model.rating == 4


def test_distress_rating_saves_the_late_value(clock):
    wb = load_workbook()
    _, spec = wb.exercise("staying-present/small-mistake")
    ratings = Ratings()
    control = RatingControl(wb, spec.rating, ratings, "before", SafetyLink())
    control.slider.value = 6
    control.save.click()
    clock.now += 0.1
    control.slider.value = 7
    assert ratings.before == 7
    assert "7" in control.note.words.value
