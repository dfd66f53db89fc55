"""Lesson 3's kind pause: self-compassion's three parts for one mistake, then one kind
next step, with soothing that never requires touch."""

from __future__ import annotations

import pytest

from widgets.content.loader import load_workbook
from widgets.journal.summary import answer_lines
from widgets.show import build_exercise
from widgets.tools.handouts import handout_text, worksheet

REF = "staying-present/kind-pause"
STEPS = ["bring", "hard", "others", "kind", "next"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_three_parts_then_a_next_step_with_soothing_that_needs_no_touch(language):
    spec = load_workbook(language=language).exercise(REF)[1]
    assert [s.id for s in spec.steps] == STEPS
    kind = next(s for s in spec.steps if s.id == "kind")
    assert [a.id for a in kind.anchors] == ["chest", "arm", "warm", "voice"]
    # Soothing shows words only: no breathing guide or 5-4-3-2-1 hides among the choices.
    assert all(a.text for a in kind.anchors)
    assert not {"breath", "senses"} & {a.id for a in kind.anchors}


def test_walk_through_gathers_the_participants_own_words(workbook):
    view = build_exercise(REF, workbook)
    m = view.model
    assert view.summary.value == ""  # nothing gathered before the end
    view.panels[0].form.boxes["mistake"].value = "Talked over Rosa <img src=x onerror=alert(1)>"
    view.next_button.click()
    view.panels[1].form.boxes["hard_words"].value = "I feel bad."
    view.next_button.click()
    view.skip_button.click()  # others go through this too: skipped
    picker = view.panels[3].picker
    picker.radio.value = "voice"
    assert m.anchors == {"kind": "voice"} and picker.practices == {}
    assert "No touch" in picker._text.value
    view.panels[3].form.boxes["kind_words"].value = "It's hard. And you can do it."
    view.next_button.click()
    assert not m.finished and view.end.layout.display == "none"
    view.next_button.click()  # no next step written
    assert m.finished and view.end.layout.display is None
    assert view._buttons.layout.display == "none"
    summary = view.summary.value
    assert "&lt;img" in summary and "<img" not in summary
    assert "Only a warm voice inside" in summary and "It&#x27;s hard. And you can" in summary
    assert "My next step" not in summary  # blank boxes are left out
    assert m.written()[0] == ("A few words about it (optional):", m.forms["bring"].get("mistake"))
    saved = m.answers()
    assert saved["skipped"] == ["others"] and saved["index"] == len(STEPS)
    again = build_exercise(REF, workbook)
    again.model.restore(saved)
    assert again.model.answers() == saved
    assert again.panels[3].picker.radio.value == "voice"
    assert again.summary.value == summary  # the end is shown again, with the same words


def test_skipping_everything_ends_without_an_empty_card(workbook):
    view = build_exercise(REF, workbook)
    for _ in STEPS:
        view.skip_button.click()
    assert view.model.finished and view.summary.layout.display == "none"
    view.again_button.click()
    assert view.model.index == 0 and view.model.skipped == []


def test_restore_ignores_what_it_does_not_know(workbook):
    m = build_exercise(REF, workbook).model
    m.restore({"anchors": {"kind": "breath", "zzz": "chest"}, "fields": {"hard": {"nope": "x"}}})
    m.restore({"index": 99, "skipped": ["zzz"]})
    assert m.anchors == {} and m.index == 0 and m.skipped == []
    assert m.forms["hard"].values == {}


@pytest.mark.parametrize("language", ["en", "es"])
def test_worksheet_has_every_step_the_soothing_choices_and_the_refrain(language):
    wb = load_workbook(language=language)
    spec = wb.exercise(REF)[1]
    page = worksheet(spec, handout_text(wb))
    for step in spec.steps:
        assert step.title.replace("'", "&#x27;") in page
    for anchor in spec.steps[3].anchors:
        assert anchor.label in page
    assert "class='refrain'" in page


def test_my_answers_shows_the_soothing_choice_and_words_in_the_words_seen(workbook):
    spec = workbook.exercise(REF)[1]
    m = build_exercise(REF, workbook).model
    kind = spec.steps[3]
    m.choose(kind, "chest")
    m.forms["kind"].set("kind_words", "You can do it.")
    lines = answer_lines(spec, m.answers(), "{value} out of 10")
    assert (kind.anchor_question, "A hand on my chest") in lines
    assert (kind.fields[0].label, "You can do it.") in lines
