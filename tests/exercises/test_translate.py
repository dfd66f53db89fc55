"""Lesson 2, "Translate shame into guilt": the recogniser and the exercise around it."""

from __future__ import annotations

import pytest

from widgets import build_exercise
from widgets.content.hints import find_hints
from widgets.content.replies import translate_reply
from widgets.exercises.translate import OWN
from widgets.text import escape


@pytest.fixture
def spec(workbook):
    return workbook.exercise("guilt-shame/translate")[1]


@pytest.fixture
def view(workbook):
    return build_exercise("guilt-shame/translate", workbook)


def test_every_documented_example_behaves(spec):
    for p in [*spec.self_patterns, *spec.specific_patterns]:
        for sentence in p.matches:
            assert [h.id for h in find_hints(sentence, [p])] == [p.id], (p.id, sentence)
        for sentence in p.ignores:
            assert find_hints(sentence, [p]) == [], (p.id, sentence)


# (sentence, self-describing patterns expected, specific patterns expected): exact sets.
TABLE = [
    # Still a verdict on the self.
    ("I'm a terrible friend.", {"i-am-a"}, set()),
    ("I am a failure.", {"i-am-a"}, set()),
    ("I'm just a selfish person.", {"i-am-a"}, set()),
    ("I’m such a mess.", {"such-a"}, set()),
    ("I am such an idiot.", {"such-a"}, set()),
    ("What kind of person does that?", {"kind-of-person"}, set()),
    ("What sort of mother forgets?", {"kind-of-person"}, set()),
    ("There's something wrong with me.", {"wrong-with-me"}, set()),
    ("What is wrong with me?", {"wrong-with-me"}, set()),
    ("I'm useless.", {"self-verdict"}, set()),
    ("I am the worst.", {"self-verdict"}, set()),
    ("Someone like me can't be trusted.", {"like-me"}, set()),
    # Still a verdict, but with something specific in it too.
    ("I'm a bad friend because I forgot Dev's birthday.", {"i-am-a"}, {"action", "person"}),
    ("I was such a jerk to my brother last night.", {"such-a"}, {"person", "time"}),
    ("What kind of dad misses Mateo's game on Saturday?", {"kind-of-person"}, {"person", "time"}),
    (
        "I snapped at Kofi. There's something wrong with me.",
        {"wrong-with-me"},
        {"action", "person"},
    ),
    ("I'm so selfish. I ate Jun's lunch.", {"self-verdict"}, {"action", "person"}),
    # Specific: an action, a time, a person.
    ("I forgot Dev's birthday on Friday.", set(), {"action", "person", "time"}),
    ("I snapped at my sister this morning.", set(), {"action", "person", "time"}),
    ("I was late to pick up Sam yesterday.", set(), {"action", "person", "time"}),
    ("I didn't call Grandpa Wei on Sunday.", set(), {"action", "person", "time"}),
    ("I missed the deadline for the report.", set(), {"action"}),
    ("I let my team down at the meeting.", set(), {"action", "person", "time"}),
    ("I think I hurt her.", set(), {"person"}),
    ("Last week I broke a promise.", set(), {"action", "time"}),
    ("I took credit for Aisha's idea.", set(), {"action", "person"}),
    ("I was short with my coworker during lunch.", set(), {"action", "person", "time"}),
    # Neither a verdict nor specific yet.
    ("I made a mistake.", set(), set()),
    ("It didn't go well.", set(), set()),
    ("I'm sorry.", set(), set()),
    ("I'm a bit tired today.", set(), {"time"}),
    ("I feel bad about it.", set(), set()),
    ("Something went wrong with the plan.", set(), set()),
    ("I'm learning, and I can do better.", set(), set()),
]


def test_the_table_is_big_enough():
    assert len(TABLE) >= 30


@pytest.mark.parametrize("sentence,self_ids,specific_ids", TABLE, ids=[t[0] for t in TABLE])
def test_recogniser_table(spec, sentence, self_ids, specific_ids):
    assert {h.id for h in find_hints(sentence, spec.self_patterns)} == self_ids
    assert {h.id for h in find_hints(sentence, spec.specific_patterns)} == specific_ids


def test_names_are_found_but_days_and_sentence_starts_are_not(spec):
    person = next(p for p in spec.specific_patterns if p.id == "person")
    assert [h.found for h in find_hints("Yesterday I snapped at Kofi.", [person])] == ["Kofi"]
    assert find_hints("I was late on Monday. Sorry. Then I left.", [person]) == []


def test_given_statements_are_verdicts_and_their_examples_are_specific(spec):
    for s in spec.statements:
        assert find_hints(s.text, spec.self_patterns), s.text
        assert find_hints(s.example, spec.self_patterns) == [], s.example
        assert {h.id for h in find_hints(s.example, spec.specific_patterns)} == {
            "action",
            "time",
            "person",
        }, s.example


@pytest.mark.parametrize(
    "text,kind,first",
    [
        ("", "empty", "empty_note"),
        ("   \n ", "empty", "empty_note"),
        ("I'm such a mess.", "notes", "self_intro"),
        ("I'm a bad friend. I forgot Dev's birthday.", "notes", "self_intro"),
        ("I forgot Dev's birthday.", "clear", "specific_note"),
        ("I made a mistake.", "clear", "vague_note"),
    ],
)
def test_look_over_states(workbook, spec, text, kind, first):
    reply = translate_reply(spec, workbook.care, text)
    assert reply.kind == kind and reply.blocks[0].text == getattr(spec, first)


def test_look_over_in_the_view(view):
    m = view.model
    spec = m.spec
    view._check.click()
    assert spec.empty_note in view._result.words.value and view._result.layout.display is None
    view._rewrite.value = "I'm such a mess. I forgot Dev's birthday."
    view._check.click()
    result = view._result.words.value
    assert spec.self_intro in result and spec.specific_intro in result
    assert "“Dev”" in result and "“I forgot”" in result
    view._rewrite.value = "I forgot Dev's birthday on Friday."
    view._check.click()
    assert m.look_over().kind == "clear"
    assert spec.self_intro not in view._result.words.value
    assert escape(spec.specific_note) in view._result.words.value
    assert "“Friday”" in view._result.words.value
    view._rewrite.value = "I made a mistake."
    view._check.click()
    assert escape(spec.vague_note) in view._result.words.value


def test_rewrite_text_never_becomes_markup(view):
    view._rewrite.value = "<img src=x onerror=alert(1)> I'm such a <b>mess</b>"
    view._check.click()
    assert "<img" not in view._result.words.value and "<b>" not in view._result.words.value
    assert "“I&#x27;m such a”" in view._result.words.value  # what was found, escaped


def test_each_statement_keeps_its_own_rewrite(view):
    m = view.model
    first, second = m.spec.statements[0].id, m.spec.statements[1].id
    view._rewrite.value = "I forgot Dev's birthday."
    view._pick.value = second
    assert view._rewrite.value == ""
    view._rewrite.value = "I missed the deadline on Monday."
    view._pick.value = first
    assert view._rewrite.value == "I forgot Dev's birthday."
    assert m.rewrites == {
        first: "I forgot Dev's birthday.",
        second: "I missed the deadline on Monday.",
    }


def test_own_statement_and_example(view):
    m = view.model
    assert view._own.layout.display == "none" and view._example.layout.display == "none"
    view._example_button.click()
    assert m.example_shown and escape(m.spec.statements[0].example) in view._example.value
    assert view._example.layout.display is None
    view._pick.value = OWN
    assert not m.example_shown and view._example.layout.display == "none"
    assert view._own.layout.display is None and view._example_button.layout.display == "none"
    view._own.value = "I'm hopeless with money."
    assert m.shame_text == "I'm hopeless with money."


def test_answers_round_trip_and_junk_is_ignored(view, workbook):
    m = view.model
    view._rewrite.value = "I forgot Dev's birthday."
    view._pick.value = OWN
    view._own.value = "I'm a mess."
    view._rewrite.value = "I was late to Ana's party on Friday."
    saved = m.answers()
    again = build_exercise("guilt-shame/translate", workbook).model
    again.restore(saved)
    assert again.answers() == saved
    again.restore({"choice": "nope", "rewrites": {"nope": "x", OWN: 3}, "own_text": None})
    assert again.answers() == saved
    again.restore({})
    assert again.answers() == saved
