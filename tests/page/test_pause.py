"""The pause everywhere opens the short practices, lazily, and closes back to the work."""

from __future__ import annotations

from widgets import build_exercise
from widgets.exercises.grounding import GroundingPractice
from widgets.kit.pacer import Pacer


def test_pause_builds_nothing_until_a_practice_is_opened(workbook):
    view = build_exercise("responsibility/repair", workbook)
    pause = view.safety.pause
    assert pause.practices == {} and pause._slot.children == ()
    assert not any(isinstance(w, Pacer) for w in pause.children)


def test_pause_breathing_guide_is_one_minute_and_stops_on_back(workbook):
    view = build_exercise("responsibility/repair", workbook)
    bar = view.safety
    bar.pause_button.click()
    assert bar.paused and bar.content.layout.display == "none"
    bar.pause.breathe.click()
    pacer = bar.pause.practices["breathe"]
    assert isinstance(pacer, Pacer) and pacer.minutes == 1
    assert "feet" in pacer.words["anchor_note"]
    pacer.running = True
    bar.pause.back.click()
    assert not bar.paused and not pacer.running
    assert bar.content.layout.display is None
    assert bar.pause._slot.children == ()
    bar.pause_button.click()
    bar.pause.breathe.click()
    assert bar.pause.practices["breathe"] is pacer  # built once, reused


def test_pause_short_five_senses_has_no_text_boxes_and_starts_fresh(workbook):
    view = build_exercise("staying-present/grounding", workbook)
    pause = view.safety.pause
    pause.senses.click()
    senses = pause.practices["senses"]
    assert isinstance(senses, GroundingPractice) and senses.boxes == {}
    senses.next_button.click()
    pause.breathe.click()  # switching practices shows one at a time
    assert pause._slot.children == (pause.practices["breathe"],)
    pause.senses.click()
    assert senses.model.index == 0


def test_pause_keeps_what_was_typed(workbook):
    view = build_exercise("responsibility/repair", workbook)
    box = view._form.boxes["happened"]
    box.value = "half a thought"
    bar = view.safety
    bar.pause_button.click()
    bar.pause.senses.click()
    bar.pause.back.click()
    assert not bar.paused and box.value == "half a thought"
    assert view.model.form.get("happened") == "half a thought"
