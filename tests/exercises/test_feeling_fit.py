"""Lesson 2, "Does the feeling fit the facts?": both branches, skip, and back."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from widgets import build_exercise
from widgets.content.schema import FeelingFitExercise
from widgets.exercises.feeling_fit import END, QUESTION, FeelingFitModel


@pytest.fixture
def spec(workbook):
    return workbook.exercise("guilt-shame/feeling-fit")[1]


@pytest.fixture
def view(workbook):
    return build_exercise("guilt-shame/feeling-fit", workbook)


def option(spec, branch):
    return next(o for o in spec.options if o.branch == branch)


def test_guilt_branch_is_about_repair(spec):
    m = FeelingFitModel(spec)
    assert m.position == "happened" and m.step_number == 1
    m.write("happened", "I forgot to text Ines back.")
    m.next()
    assert m.position == QUESTION
    m.pick(option(spec, "guilt").id)
    assert m.branch == "guilt"
    assert m.path == ["happened", QUESTION, "repair", "apology", "next_time", END]
    for step_id, text in [("repair", "Text her today."), ("apology", "Sorry I went quiet.")]:
        assert m.position == step_id
        m.write(step_id, text)
        m.next()
    m.next()  # nothing written for "next time"
    assert m.at_end
    assert m.summary() == [
        (spec.situation.label, "I forgot to text Ines back."),
        (spec.question, option(spec, "guilt").label),
        (spec.guilt.steps[0].label, "Text her today."),
        ("If an apology fits, what might you say?", "Sorry I went quiet."),
    ]
    assert m.closing() == spec.guilt.closing


@pytest.mark.parametrize("option_id", ["no", "bigger"])
def test_shame_branch_is_about_the_urge_and_an_opposite_action(spec, option_id):
    m = FeelingFitModel(spec)
    m.next()
    m.pick(option_id)
    assert m.branch == "shame" and m.position == "urge"
    m.tick("urge", "disappear", True)
    m.tick("urge", "hide", True)
    m.tick("urge", "disappear", False)
    m.tick("urge", "attack", True)
    assert m.ticks == {"urge": ["hide", "attack"]}  # kept in the order they are listed
    m.write("urge", "Stay in bed all day.")
    m.next()
    m.write("opposite", "Send Ines one short text.")
    m.next()
    labels = {c.id: c.label for c in spec.shame.steps[0].choices}
    rows = dict(m.summary())
    assert rows[spec.shame.steps[0].label] == "\n".join(
        [labels["hide"], labels["attack"], "Stay in bed all day."]
    )
    assert rows["What is one small opposite action?"] == "Send Ines one short text."
    assert m.closing() == spec.shame.closing
    with pytest.raises(ValueError):
        m.tick("urge", "run", True)


def test_every_step_can_be_skipped_and_skipping_keeps_the_text(spec):
    m = FeelingFitModel(spec)
    m.write("happened", "I was short with Grace.")
    m.skip()
    assert m.position == QUESTION and "happened" in m.skipped
    m.skip()  # no answer to the question: straight to the end
    assert m.at_end and m.branch is None
    assert m.summary() == [] and m.closing() == spec.skipped_closing
    m.skip()  # nothing to skip at the end
    assert m.at_end
    m.back()
    m.back()
    assert m.position == "happened" and m.texts["happened"] == "I was short with Grace."
    m.next()  # passing with Next puts it back in the summary
    assert "happened" not in m.skipped
    m.pick("yes")
    for _ in range(3):
        m.skip()
    assert m.at_end and m.summary() == [
        (spec.situation.label, "I was short with Grace."),
        (spec.question, option(spec, "guilt").label),
    ]


def test_changing_the_answer_keeps_both_branches_text(spec):
    m = FeelingFitModel(spec)
    m.next()
    m.pick("yes")
    m.write("repair", "Say sorry at lunch.")
    m.back()
    m.pick("no")
    m.write("opposite", "Go to the team meeting anyway.")
    m.back()
    m.back()
    m.pick("yes")
    assert m.texts == {
        "repair": "Say sorry at lunch.",
        "opposite": "Go to the team meeting anyway.",
    }
    m.skip()
    m.skip()
    m.skip()
    assert "Go to the team meeting anyway." not in dict(m.summary()).values()


def test_progress_counts_the_chosen_path(spec):
    m = FeelingFitModel(spec)
    longest = 2 + max(len(spec.guilt.steps), len(spec.shame.steps))
    assert (m.step_number, m.total_steps) == (1, longest)
    m.next()
    m.pick(option(spec, "shame").id)
    assert (m.step_number, m.total_steps) == (3, 2 + len(spec.shame.steps))


def test_view_back_keeps_what_was_typed(view):
    m = view.model
    view._boxes["happened"].value = "I missed Lucía's play."
    view._next.click()
    assert view._steps[QUESTION].layout.display is None
    assert view._steps["happened"].layout.display == "none"
    assert view._next.layout.display == "none"  # the options move on at the question
    view._options["yes"].click()
    assert m.position == "repair" and "guilt fits" in view._reply.value
    view._boxes["repair"].value = "Ask her about the play."
    view._back.click()
    view._back.click()
    assert m.position == "happened" and view._back.layout.display == "none"
    assert view._boxes["happened"].value == "I missed Lucía's play."
    view._next.click()
    assert "oig-chosen" in view._options["yes"]._dom_classes
    view._options["yes"].click()
    assert view._boxes["repair"].value == "Ask her about the play."
    assert "Step 3 of 5" in view._progress.value


def test_view_shame_branch_with_tick_boxes_and_summary(view):
    m = view.model
    view._next.click()
    view._options["bigger"].click()
    assert "far bigger" in view._reply.value
    view._tick_boxes[("urge", "hide")].value = True
    view._next.click()
    assert view._reply.layout.display == "none"  # the reply shows on the first step only
    view._boxes["opposite"].value = "<b>Go</b> to the meeting & say hi"
    view._next.click()
    assert m.at_end and view._next.layout.display == "none"
    assert view._skip.layout.display == "none" and view._back.layout.display is None
    summary = view._summary.value
    assert "Hide: avoid people" in summary and m.spec.shame.closing.split(".")[0] in summary
    assert "<b>" not in summary and "&lt;b&gt;Go&lt;/b&gt; to the meeting &amp; say hi" in summary


def test_answers_round_trip_and_junk_is_ignored(spec):
    m = FeelingFitModel(spec)
    m.write("happened", "I forgot.")
    m.next()
    m.pick("no")
    m.tick("urge", "hide", True)
    m.skip()
    saved = m.answers()
    again = FeelingFitModel(spec)
    again.restore(saved)
    assert again.answers() == saved and again.position == "opposite"
    again.restore(
        {
            "position": "nowhere",
            "choice": "maybe",
            "texts": {"nope": "x", "happened": 5},
            "ticks": {"urge": ["fly"], "nope": ["hide"]},
            "skipped": ["nope"],
        }
    )
    assert again.answers() == saved
    with pytest.raises(KeyError):
        again.write("nope", "x")


def test_schema_checks_the_path(spec):
    data = spec.model_dump()
    data["options"] = [o for o in data["options"] if o["branch"] == "shame"]
    with pytest.raises(ValidationError, match="no option leads to the guilt steps"):
        FeelingFitExercise.model_validate(data)
    data = spec.model_dump()
    data["shame"]["steps"][0]["id"] = "repair"
    with pytest.raises(ValidationError, match="share the id 'repair'"):
        FeelingFitExercise.model_validate(data)
    data = spec.model_dump()
    data["progress"] = "Step {step}"
    with pytest.raises(ValidationError, match="progress"):
        FeelingFitExercise.model_validate(data)


def test_the_care_check_speaks_before_the_path_reply(view, workbook):
    """A path reply ("guilt fits") reads as an answer to what was written: a line that
    takes the blame for someone else's harm gets its note first, with help in reach."""
    from widgets.text import escape

    view._boxes["happened"].value = "It was my fault he hit me."
    view._next.click()
    view._options["yes"].click()
    assert escape(workbook.care.others_harm.note) in view._care.words.value
    assert view._care.layout.display is None and view._care.help is not None
    assert "guilt fits" in view._reply.value  # the path still explains itself


def test_a_risk_line_gets_the_care_note_instead_of_the_path_reply(view, workbook):
    from widgets.text import escape

    m = view.model
    view._boxes["happened"].value = "i want to die"
    view._next.click()
    view._options["yes"].click()
    assert escape(workbook.care.risk.note) in view._care.words.value
    assert view._reply.layout.display == "none"
    view._next.click()  # away from the first step: the note goes with the reply
    assert view._care.layout.display == "none"
    while not m.at_end:
        view._skip.click()
    assert escape(workbook.care.risk.note) in view._care.words.value
    assert escape(m.closing()) not in view._summary.value


def test_an_ordinary_line_gets_no_care_note(view):
    view._boxes["happened"].value = "I missed Lucía's play."
    view._next.click()
    view._options["yes"].click()
    assert view._care.layout.display == "none"
