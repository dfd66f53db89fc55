"""Lesson 1's exercises driven through their models and views, no browser needed."""

from __future__ import annotations

import pytest
from traitlets import TraitError

from widgets import build_exercise
from widgets.content.hints import find_hints
from widgets.text import escape


@pytest.fixture
def sorter(workbook):
    return build_exercise("responsibility/sorter", workbook)


def test_sorter_shows_reasoning_whichever_pile(sorter):
    m = sorter.model
    first = m.current
    other = next(c.id for c in m.spec.categories if c.id != first.answer)
    fb = m.pick(other)
    assert not fb.same and fb.why == first.why
    assert fb.message == m.spec.feedback.different
    assert "wrong" not in fb.message.lower()
    m.next()
    second = m.current
    fb = m.pick(second.answer)
    assert fb.same and fb.why == second.why and fb.message == m.spec.feedback.same


def test_sorter_goes_through_every_statement_to_a_summary(sorter):
    m = sorter.model
    for i in range(len(m.statements)):
        if i == 3:
            m.skip()
            continue
        m.pick(m.spec.categories[i % 2].id)
        m.next()
    assert m.finished and m.current is None
    assert m.skipped == [m.statements[3].id]
    assert len(m.picks) == len(m.statements) - 1
    with pytest.raises(ValueError):
        m.pick("owning")


def test_sorter_view_follows_the_model(sorter):
    m = sorter.model
    assert escape(m.statements[0].text) in sorter._statement.value
    sorter._choices[0].click()
    assert m.revealed and escape(m.statements[0].why.split(".")[0]) in sorter._feedback.value
    assert sorter._next.layout.display is None
    sorter._next.click()
    assert escape(m.statements[1].text) in sorter._statement.value


def test_sorter_escapes_statement_text(workbook):
    from widgets.exercises.sorter import SorterView

    _, spec = workbook.exercise("responsibility/sorter")
    evil = spec.statements[0].model_copy(update={"text": "<img src=x onerror=alert(1)>"})
    spec = spec.model_copy(update={"statements": [evil, *spec.statements[1:]]})
    view = SorterView(workbook, spec)
    assert "<img" not in view._statement.value and "&lt;img" in view._statement.value


def test_sorter_answers_round_trip(sorter, workbook):
    m = sorter.model
    m.pick(m.current.answer)
    m.next()
    m.skip()
    saved = m.answers()
    again = build_exercise("responsibility/sorter", workbook).model
    again.restore(saved)
    assert again.answers() == saved
    again.restore({"picks": {"nope": "owning", "s1": "not-a-pile"}, "index": 999})
    assert again.answers() == saved  # nothing valid in it, so nothing changed


@pytest.fixture
def patterns(workbook):
    _, spec = workbook.exercise("responsibility/rewrite")
    return spec.hint_patterns


def test_every_documented_example_behaves(patterns):
    for p in patterns:
        for sentence in p.matches:
            assert p.id in [h.id for h in find_hints(sentence, [p])], (p.id, sentence)
        for sentence in p.ignores:
            assert find_hints(sentence, [p]) == [], (p.id, sentence)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("I'm such an idiot. I ruin everything.", {"label", "such-a", "everything"}),
        ("I always mess things up", {"absolutes"}),
        ("I never get anything right", {"absolutes"}),
        ("I'm worthless", {"worth"}),
        ("What's wrong with me?", {"whats-wrong"}),
        ("I was late to pick up Sam, and he waited alone.", set()),
        ("I said something unkind to Priya. I will apologise tomorrow.", set()),
        ("I'm going to set a reminder for next week.", set()),
        ("", set()),
    ],
)
def test_hints_fire_and_stay_quiet(patterns, sentence, expected):
    assert {h.id for h in find_hints(sentence, patterns)} == expected


def test_rewrite_look_over(workbook):
    view = build_exercise("responsibility/rewrite", workbook)
    m = view.model
    assert m.look_over().kind == "empty"
    view._form.boxes["happened"].value = "I always forget. I'm such a failure."
    reply = m.look_over()
    assert reply.kind == "notes"
    assert {"absolutes", "label", "such-a"} <= {h.id for h in reply.blocks[0].hints}
    view._check.click()
    assert "always" in view._result.words.value and view._result.layout.display is None
    view._form.boxes["happened"].value = "I forgot to call Ana back on Friday."
    assert m.look_over().kind == "clear"
    view._form.boxes["happened"].value = "<script>alert(1)</script> always"
    view._check.click()
    assert "<script>" not in view._result.words.value


def test_rewrite_answers_a_risk_line_with_care_and_help(workbook):
    """The defect that started the care check: "I want to kill myself." was praised."""
    view = build_exercise("responsibility/rewrite", workbook)
    view._form.boxes["kind_words"].value = "I want to kill myself."
    view._check.click()
    shown = view._result.words.value
    assert escape(workbook.care.risk.note) in shown
    assert escape(view.model.spec.all_clear) not in shown and "<li>" not in shown
    assert "oig-care-note" in view._result._dom_classes
    view._result.help.toggle.click()
    assert view._result.help.expanded
    assert "988" in view._result.help._lines.value


def test_rewrite_reads_the_own_harsh_thought_for_risk(workbook):
    from widgets.exercises.rewrite import OWN

    view = build_exercise("responsibility/rewrite", workbook)
    view.model.harsh_choice = OWN
    view._own.value = "i dont want to be alive"
    view._form.boxes["happened"].value = "I forgot to call Ana back on Friday."
    view._check.click()
    assert escape(workbook.care.risk.note) in view._result.words.value


def test_rewrite_own_statement_box_shows_only_when_chosen(workbook):
    from widgets.exercises.rewrite import OWN

    view = build_exercise("responsibility/rewrite", workbook)
    assert view._own.layout.display == "none"
    view._pick.value = OWN
    assert view._own.layout.display is None
    view._own.value = "I'm the worst"
    assert view.model.answers()["own_harsh"] == "I'm the worst"


def test_repair_card_markdown_is_escaped_and_complete(workbook):
    view = build_exercise("responsibility/repair", workbook)
    m = view.model
    assert m.is_empty()
    view._make.click()
    assert "empty" in view._card.value and view._download.layout.display == "none"
    m.form.set("happened", "I missed [the call](javascript:alert(1)) <b>twice</b>\n# not a heading")
    m.form.set("repair", "Call back *today*.")
    md = m.card_markdown()
    assert md.startswith("# My repair plan\n")
    assert "## What happened?" in md and "## What could help make it right?" in md
    assert "Who was affected" not in md  # unanswered questions are left out
    assert "\\[the call\\]\\(javascript\\:alert\\(1\\)\\)" in md
    assert "&lt;b&gt;twice&lt;/b&gt;" in md and "\\# not a heading" in md
    assert "Call back \\*today\\*\\." in md
    view._make.click()
    assert 'download="my-repair-plan.md"' in view._download.value
    assert "<b>" not in view._card.value


def test_reflection_keeps_text_exactly(workbook):
    view = build_exercise("responsibility/reflection", workbook)
    text = "  spaces, emoji 🌱, עברית, e\u0301  "
    view.children[-1].content.children[0].boxes["remember"].value = text
    assert view.model.answers()["fields"]["remember"] == text


def test_checkin_replies_kindly_at_every_rating(workbook):
    view = build_exercise("welcome/arriving", workbook)
    m = view.model
    assert m.reply() == ""
    replies = set()
    for rating in range(11):
        m.rating = rating
        assert m.reply()
        replies.add(m.reply())
    assert len(replies) == len(m.spec.replies)
    view._slider.value = 9
    view._button.click()
    assert m.rating == 9 and "a lot to carry" in view._reply.words.value
    with pytest.raises(TraitError):
        m.rating = 11
    m.restore({"rating": True})
    assert m.rating == 9


def test_pause_hides_the_exercise_and_keeps_typed_text(workbook):
    view = build_exercise("responsibility/repair", workbook)
    box = view._form.boxes["happened"]
    box.value = "half-typed thought"
    bar = view.safety
    bar.pause_button.click()
    assert bar.paused and bar.content.layout.display == "none"
    assert bar.pause.layout.display is None
    bar.pause.back.click()
    assert not bar.paused and bar.content.layout.display is None
    assert box.value == "half-typed thought"


def test_help_is_one_click_away(workbook):
    view = build_exercise("responsibility/sorter", workbook)
    help_panel = view.safety.help
    assert help_panel.layout.display == "none"
    help_panel.toggle.click()
    assert help_panel.expanded and "988" in help_panel._lines.value
    help_panel._close.click()
    assert not help_panel.expanded
