"""The breathing guide's settings: presets, limits, and the plan the browser follows."""

from __future__ import annotations

import pytest

from widgets.kit.pacer import CUSTOM, PRESETS, Pacer, Pattern, preset_for


@pytest.fixture
def pacer(workbook):
    return Pacer.with_words(workbook.ui.pacer)


def test_calm_preset_is_about_six_breaths_a_minute_with_a_longer_out_breath():
    calm = PRESETS["calm"]
    assert calm.exhale > calm.inhale
    assert calm.cycle_seconds == 10
    assert calm.breaths_per_minute == pytest.approx(6)


def test_box_breathing_is_four_four_four_four():
    box = PRESETS["box"]
    assert (box.inhale, box.hold_in, box.exhale, box.hold_out) == (4, 4, 4, 4)
    assert box.phases() == [("in", 4), ("hold", 4), ("out", 4), ("hold", 4)]


def test_phases_skip_holds_of_zero_and_cues_follow_the_clock():
    p = Pattern(inhale=2, hold_in=0, exhale=3, hold_out=1)
    assert p.phases() == [("in", 2), ("out", 3), ("hold", 1)]
    assert [p.cue_at(t) for t in (0, 1.9, 2, 4.9, 5, 5.9, 6, 8)] == [
        "in",
        "in",
        "out",
        "out",
        "hold",
        "hold",
        "in",
        "out",
    ]


def test_a_session_ends_after_the_breath_it_is_in():
    assert PRESETS["calm"].breaths_in(1) == 6
    assert PRESETS["box"].breaths_in(1) == 4  # 60 / 16 = 3.75, so the 4th breath finishes
    assert Pattern(3, 0, 4, 0).breaths_in(2) == 18  # 120 / 7 = 17.1


def test_defaults_to_calm(pacer):
    assert pacer.preset == "calm" and pacer.pattern == PRESETS["calm"]
    assert pacer.words["cue_in"] == "Breathe in" and pacer.words["cue_out"] == "Breathe out"
    assert not pacer.running


def test_choosing_a_preset_sets_the_seconds(pacer):
    pacer.preset = "box"
    assert pacer.pattern == PRESETS["box"]
    pacer.preset = "calm"
    assert pacer.pattern == PRESETS["calm"]


def test_changing_seconds_makes_it_custom_or_finds_the_preset(pacer):
    pacer.exhale = 8
    assert pacer.preset == CUSTOM and pacer.pattern == Pattern(4, 0, 8, 0)
    pacer.exhale = 6
    assert pacer.preset == "calm"
    pacer.preset = CUSTOM  # choosing "my own pace" keeps the seconds as they are
    assert pacer.pattern == PRESETS["calm"]


def test_seconds_and_minutes_stay_in_range(pacer):
    pacer.inhale = 0
    pacer.exhale = 99
    pacer.hold_in = -3
    assert (pacer.inhale, pacer.exhale, pacer.hold_in) == (1, 12, 0)
    pacer.minutes = 9
    assert pacer.minutes == 5
    pacer.minutes = 0
    assert pacer.minutes == 1


def test_unknown_preset_is_refused(pacer):
    import traitlets

    with pytest.raises(traitlets.TraitError):
        pacer.preset = "fast"


def test_settings_given_at_start(workbook):
    box = Pacer.with_words(workbook.ui.pacer, preset="box", minutes=1)
    assert box.pattern == PRESETS["box"] and box.minutes == 1
    own = Pacer.with_words(workbook.ui.pacer, inhale=2, exhale=3)
    assert own.preset == CUSTOM and own.pattern == Pattern(2, 0, 3, 0)
    assert preset_for(Pattern(4, 4, 4, 4)) == "box"


def test_browser_gets_presets_limits_and_words_from_one_place(pacer, workbook):
    assert pacer.presets["box"] == {"inhale": 4, "hold_in": 4, "exhale": 4, "hold_out": 4}
    assert pacer.limits["minutes"] == [1, 5]
    assert set(pacer.words) == set(workbook.ui.pacer.model_dump())
    state = pacer.get_state()
    assert {"inhale", "exhale", "hold_in", "hold_out", "minutes", "running"} <= set(state)


def test_front_end_has_no_kernel_loop_and_honours_reduced_motion():
    from widgets.kit.pacer import HERE

    js = (HERE / "pacer.js").read_text(encoding="utf-8")
    css = (HERE / "pacer.css").read_text(encoding="utf-8")
    assert "prefers-reduced-motion" in js and "prefers-reduced-motion" in css
    assert "aria-live" in js
    assert "export default" in js


def test_words_always_offer_another_anchor_and_eyes_open(workbook):
    words = workbook.ui.pacer
    assert "feet" in words.anchor_note and "eyes open" in words.eyes_note.lower()
