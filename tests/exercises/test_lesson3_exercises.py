"""Lesson 3's practices driven through their models and views, no browser needed."""

from __future__ import annotations

import pytest
import traitlets

from widgets import build_exercise
from widgets.exercises._ratings import Ratings, chart
from widgets.kit.pacer import Pacer
from widgets.text import escape


def test_ratings_stay_between_zero_and_ten():
    r = Ratings()
    r.before = 0
    r.after = 10
    for bad in (-1, 11):
        with pytest.raises(traitlets.TraitError):
            r.before = bad
    assert r.answers() == {"before": 0, "after": 10}
    again = Ratings()
    again.restore({"before": 7, "after": True})  # a bool is not a rating
    again.restore({"after": "3"})
    again.restore(None)
    assert again.answers() == {"before": 7, "after": None}


def test_chart_only_when_rated_and_with_words(workbook):
    _, spec = workbook.exercise("staying-present/breathing")
    r = Ratings()
    assert "<svg" not in chart(spec.rating, r) and escape(spec.rating.not_rated) in chart(
        spec.rating, r
    )
    r.before, r.after = 7, 4
    html = chart(spec.rating, r)
    assert "<svg" in html
    assert "7 out of 10 at the start, 4 out of 10 at the end" in html


def test_breathing_draws_the_chart_only_after_the_after_rating(workbook):
    view = build_exercise("staying-present/breathing", workbook)
    assert isinstance(view.pacer, Pacer) and view.pacer.minutes == 3
    assert view.chart.value == ""
    view.before.slider.value = 8
    view.before.save.click()
    assert view.model.ratings.before == 8 and view.chart.value == ""
    assert "8 out of 10" in view.before.note.words.value
    view.after.slider.value = 5
    view.after.save.click()
    assert "8 out of 10 at the start, 5 out of 10 at the end" in view.chart.value
    assert view.chart.layout.display is None
    saved = view.model.answers()
    again = build_exercise("staying-present/breathing", workbook)
    again.model.restore(saved)
    assert again.model.answers() == saved == {"ratings": {"before": 8, "after": 5}}


@pytest.fixture
def grounding(workbook):
    return build_exercise("staying-present/grounding", workbook)


def test_grounding_goes_one_sense_at_a_time(grounding):
    m = grounding.model
    assert [s.id for s in m.steps] == ["see", "touch", "hear", "smell", "taste"]
    p = grounding.practice
    shown = [i for i, w in enumerate(p._prompts) if w.layout.display is None]
    assert shown == [0]
    p.boxes["see"].value = "a cup, the window"
    p.next_button.click()
    p.skip_button.click()  # touch
    assert m.current.id == "hear"
    shown = [i for i, w in enumerate(p._prompts) if w.layout.display is None]
    assert shown == [2]
    for _ in range(3):
        p.next_button.click()
    assert m.finished and p._end.layout.display is None
    assert p._buttons.layout.display == "none"
    assert m.answers() == {"index": 5, "skipped": ["touch"], "notes": {"see": "a cup, the window"}}


def test_grounding_allows_a_smell_or_taste_you_like(grounding):
    steps = {s.id: s for s in grounding.model.steps}
    assert "like" in steps["smell"].tip and "like" in steps["taste"].tip


def test_grounding_start_again_keeps_what_was_written(grounding):
    m = grounding.model
    m.write("see", "lamp")
    for _ in m.steps:
        m.skip()
    m.start_again()
    assert m.index == 0 and m.skipped == [] and m.notes == {"see": "lamp"}
    assert grounding.practice.boxes["see"].value == "lamp"
    with pytest.raises(KeyError):
        m.write("sixth-sense", "x")


def test_grounding_restore_ignores_what_it_does_not_know(grounding, workbook):
    m = grounding.model
    m.write("hear", "rain")
    m.skip()
    saved = m.answers()
    again = build_exercise("staying-present/grounding", workbook).model
    again.restore(saved)
    assert again.answers() == saved
    again.restore({"notes": {"nope": "x", "hear": 5}, "index": 99, "skipped": ["zzz"]})
    assert again.answers() == saved


def test_breathe_blink_focus_offers_other_anchors_and_builds_the_guide_lazily(workbook):
    view = build_exercise("staying-present/bbf", workbook)
    m = view.model
    assert [s.id for s in m.steps] == ["breathe", "blink", "focus"]
    picker = view.panels[0].picker
    assert {"breath", "feet", "hands", "sounds"} <= set(picker.anchors)
    assert picker.practices == {}  # nothing built until chosen
    picker.radio.value = "feet"
    assert m.anchors == {"breathe": "feet"} and "feet" in picker._text.value
    assert picker.practices == {}
    picker.radio.value = "breath"
    pacer = picker.practices["breath"]
    assert isinstance(pacer, Pacer) and picker._slot.children == (pacer,)
    pacer.running = True
    view.next_button.click()  # moving on stops the guide
    assert not pacer.running and m.current.id == "blink"
    view.panels[1].form.boxes["where"].value = "At my desk"
    view.skip_button.click()
    view.panels[2].form.boxes["next"].value = "Drink water"
    view.next_button.click()
    assert m.finished and view.end.layout.display is None
    saved = m.answers()
    assert saved["anchors"] == {"breathe": "breath"}
    assert saved["fields"]["blink"] == {"where": "At my desk"}
    assert saved["skipped"] == ["blink"]
    again = build_exercise("staying-present/bbf", workbook)
    again.model.restore(saved)
    assert again.model.answers() == saved
    assert again.panels[0].picker.radio.value == "breath"


def test_small_mistake_flow_and_chart(workbook):
    view = build_exercise("staying-present/small-mistake", workbook)
    m = view.model
    ids = [s.id for s in m.steps]
    assert ids == ["choose", "rate-before", "ground", "rate-after", "name-it", "next-step"]
    assert "small" in m.spec.choose.text.lower()
    assert m.spec.refrain.startswith("It happens.")
    view.panels[0].form.boxes["mistake"].value = "Forgot to call Mom back"
    view.next_button.click()
    before = view.panels[1].children[-1]
    before.slider.value = 7
    before.save.click()
    view.next_button.click()
    picker = view.panels[2].picker
    picker.radio.value = "senses"
    senses = picker.practices["senses"]
    assert [s.id for s in senses.model.steps] == [s.id for s in workbook.ui.pause_senses_steps]
    view.next_button.click()
    assert view.chart.value == ""  # not drawn before the end
    after = view.panels[3].children[-1]
    after.slider.value = 4
    after.save.click()
    view.next_button.click()
    assert "It happens." in view.panels[4].children[-1].value
    view.panels[4].form.boxes["plain"].value = "I didn't call <b>Mom</b> back."
    view.next_button.click()
    view.panels[5].form.boxes["step"].value = "Call her tomorrow."
    view.next_button.click()
    assert m.finished
    assert "7 out of 10 at the start, 4 out of 10 at the end" in view.chart.value
    assert "&lt;b&gt;Mom&lt;/b&gt;" in view.summary.value and "<b>" not in view.summary.value
    assert "Call her tomorrow." in view.summary.value
    saved = m.answers()
    assert saved["ratings"] == {"before": 7, "after": 4}
    assert saved["anchors"] == {"ground": "senses"}
    again = build_exercise("staying-present/small-mistake", workbook)
    again.model.restore(saved)
    assert again.model.answers() == saved


def test_small_mistake_can_be_skipped_through_without_ratings(workbook):
    view = build_exercise("staying-present/small-mistake", workbook)
    for _ in view.model.steps:
        view.skip_button.click()
    assert view.model.finished
    assert escape(view.model.spec.rating.not_rated) in view.chart.value
    assert view.summary.layout.display == "none"
