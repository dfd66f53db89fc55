"""The care check answers what people type safely, in every language and free-text exercise.

The corpus in tests/care_corpus/ was written for these tests (not copied from the
examples in data/), with typos, lower case and missing full stops, so that it measures
how the patterns do on lines they were not tuned on one by one.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from widgets.content import care
from widgets.content.loader import load_workbook, validate
from widgets.content.replies import REPLIES, Reply
from widgets.paths import DEFAULT_DATA_DIR
from widgets.text import fold

CORPUS_DIR = Path(__file__).parent.parent / "care_corpus"
LANGUAGES = ("en", "es")
EXERCISES = ("responsibility/rewrite", "guilt-shame/translate")
MINIMUM = {"risk": 40, "others_harm": 15, "minimising": 15, "kind": 40}


def corpus(language: str) -> dict[str, list[str]]:
    return yaml.safe_load((CORPUS_DIR / f"{language}.yaml").read_text(encoding="utf-8"))


def reply(language: str, ref: str, text: str) -> Reply:
    workbook = load_workbook(language=language)
    _, spec = workbook.exercise(ref)
    return REPLIES[spec.type](spec, workbook.care, text)


def verdict(r: Reply) -> str:
    """What a reply amounts to: care, others_harm, minimising, hints, or none."""
    if r.kind == "care":
        return "care"
    if r.care in {"others_harm", "minimising"}:
        return r.care
    return "hints" if r.kind == "notes" else "none"


def confusion(language: str, ref: str) -> dict[str, Counter]:
    return {
        intended: Counter(verdict(reply(language, ref, line)) for line in lines)
        for intended, lines in corpus(language).items()
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_is_big_enough(language):
    sizes = {k: len(v) for k, v in corpus(language).items()}
    assert all(sizes[k] >= n for k, n in MINIMUM.items()), sizes


@pytest.mark.parametrize("ref", EXERCISES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_risk_line_gets_care(language, ref):
    missed = [
        line for line in corpus(language)["risk"] if reply(language, ref, line).kind != "care"
    ]
    assert not missed


@pytest.mark.parametrize("ref", EXERCISES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_kind_lines_are_rarely_flagged(language, ref):
    lines = corpus(language)["kind"]
    flagged = [line for line in lines if verdict(reply(language, ref, line)) != "none"]
    assert len(flagged) <= 0.05 * len(lines), flagged


@pytest.mark.parametrize("intended", ["others_harm", "minimising"])
@pytest.mark.parametrize("ref", EXERCISES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_harm_and_brushing_off_get_their_note(language, ref, intended):
    lines = corpus(language)[intended]
    got = Counter(verdict(reply(language, ref, line)) for line in lines)
    # Never praise; at most one line in ten may get another gentle note instead.
    assert got["none"] == 0, got
    assert got[intended] >= 0.9 * len(lines), got


@pytest.mark.parametrize("language", LANGUAGES)
def test_risk_reply_has_no_praise_and_no_hints(language):
    workbook = load_workbook(language=language)
    line = corpus(language)["risk"][0] + " " + corpus(language)["kind"][0]
    for ref in EXERCISES:
        r = reply(language, ref, line)
        assert r.kind == "care" and r.offers_help
        assert [b.text for b in r.blocks] == [workbook.care.risk.note]
        assert all(not b.hints for b in r.blocks)


def test_the_first_group_wins():
    workbook = load_workbook(language="en")
    both = "It's no big deal. I want to die."
    assert care.check(both, workbook.care).group == "risk"
    harm = "It was my fault he hit me, but it's no big deal."
    assert care.check(harm, workbook.care).group == "others_harm"


def test_idioms_are_taken_out_only_where_they_stand():
    words = load_workbook(language="en").care
    assert care.check("I could have died of embarrassment.", words) is None
    mixed = "I could have died of embarrassment. I want to die."
    assert care.check(mixed, words).group == "risk"


def test_folding_ignores_case_accents_and_curly_quotes():
    assert fold("  QUIERO   Morír’s ") == "quiero morir's"
    es = load_workbook(language="es").care
    for line in ("QUIERO MORIR", "quiero morír", "Quiero morir."):
        assert care.check(line, es).group == "risk"


def test_a_pattern_written_with_accents_still_reads_folded_text():
    pattern = care._compiled("sin\\s+esperanza|autolesión")
    assert pattern.search(fold("AUTOLESIÓN"))
    # Escapes keep their case: \S is not \s.
    assert care._compiled("a\\Sb").search("axb") and not care._compiled("a\\Sb").search("a b")


@pytest.mark.parametrize("language", LANGUAGES)
def test_ambiguous_lines_get_the_soft_check_in(language):
    words = load_workbook(language=language).care
    line = {"en": "I just want to disappear.", "es": "Solo quiero desaparecer."}[language]
    r = reply(language, "responsibility/rewrite", line)
    assert r.kind == "care" and r.care == "check_in"
    assert r.blocks[0].text == words.check_in.note


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_kind_rewrite_is_not_praised_unconditionally(language):
    """'Clear' says what was looked for and asks a question, so it stays true on a miss."""
    workbook = load_workbook(language=language)
    for ref in EXERCISES:
        _, spec = workbook.exercise(ref)
        r = reply(language, ref, corpus(language)["kind"][2])
        assert r.kind == "clear"
        assert "?" in r.message()


def test_the_own_harsh_thought_is_read_by_the_care_check_too():
    workbook = load_workbook(language="en")
    _, spec = workbook.exercise("responsibility/rewrite")
    r = REPLIES["rewrite"](spec, workbook.care, "", also_typed=["I want to die."])
    assert r.kind == "care"
    assert REPLIES["rewrite"](spec, workbook.care, "", also_typed=["I ruin it"]).kind == "empty"


def test_minimising_comes_with_the_exercise_hints():
    workbook = load_workbook(language="en")
    _, spec = workbook.exercise("responsibility/rewrite")
    r = REPLIES["rewrite"](spec, workbook.care, "No big deal. I always forget.")
    assert r.kind == "notes" and r.care == "minimising"
    assert r.blocks[0].text == workbook.care.minimising.note
    assert [h.id for h in r.blocks[1].hints] == ["absolutes"]


# --- ratings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,before,tier",
    [
        (9, 3, "rise"),
        (5, 3, "rise"),
        (7, None, "high"),
        (8, 8, "high"),
        (6, None, "first"),
        (4, 6, "lower"),
        (5, 5, "steady"),
        (6, 5, "steady"),
        (0, None, "first"),
    ],
)
def test_rating_tiers(value, before, tier):
    words = load_workbook(language="en").care.ratings
    assert care.rating_tier(value, before, words) == tier
    assert care.needs_offer(tier) == (tier in {"rise", "high"})


# --- validation -------------------------------------------------------------------


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (tmp_path / "notebooks").symlink_to(DEFAULT_DATA_DIR.parent / "notebooks")
    return data


def test_validate_names_file_line_and_field_of_a_broken_example(tmp_path):
    data = _copy_data(tmp_path)
    path = data / "en" / "care.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "        - I keep thinking about suicide.\n", "        - I keep thinking about lunch.\n"
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("        - I keep thinking about lunch.") + 1
    problems = [str(p) for p in validate(data)]
    expected = (
        f"data/en/care.yaml line {line}: risk pattern 'suicide' should find "
        '"I keep thinking about lunch." (listed under matches), but does not.'
    )
    assert any(p.startswith(expected) for p in problems), problems


def test_validate_reports_an_ignored_line_that_is_found(tmp_path):
    data = _copy_data(tmp_path)
    path = data / "es" / "care.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("        - Leí una noticia triste.\n", "        - Leí sobre el suicidio.\n")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("        - Leí sobre el suicidio.") + 1
    problems = [str(p) for p in validate(data)]
    assert any(
        p.startswith(f"data/es/care.yaml line {line}: risk pattern 'suicidio' finds")
        for p in problems
    ), problems


def test_validate_reports_a_missing_note_and_a_bad_pattern(tmp_path):
    data = _copy_data(tmp_path)
    path = data / "en" / "care.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('pattern: "\\\\bsuicid', 'pattern: "(\\\\bsuicid', 1)
    path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in validate(data)]
    assert any("data/en/care.yaml line" in p and "not a valid pattern" in p for p in problems)


def test_the_shipped_care_files_are_valid():
    assert not [p for p in validate() if "care.yaml" in p.file]


# --- the rating replies in the exercises ------------------------------------------------


def _words_of(box) -> str:
    return box.words.value


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_rise_from_3_to_9_gets_the_kind_reply_and_the_offers(language):
    from widgets import build_exercise
    from widgets.text import escape

    workbook = load_workbook(language=language)
    view = build_exercise("staying-present/breathing", workbook)
    view.before.slider.value = 3
    view.before.save.click()
    assert escape(workbook.care.ratings.offer) not in _words_of(view.before.note)
    view.after.slider.value = 9
    view.after.save.click()
    shown = _words_of(view.after.note)
    assert escape(workbook.care.ratings.rise) in shown
    assert escape(workbook.care.ratings.offer) in shown
    assert "oig-rating-rise" in view.after.note._dom_classes
    # The offers work: 5-4-3-2-1 opens the exercise's pause with the senses practice.
    senses, pause, help_toggle = view.after.note._buttons.children
    senses.click()
    assert view.safety.paused and view.safety.pause.showing == "senses"
    view.safety.pause.back.click()
    assert not view.safety.paused
    pause.click()
    assert view.safety.paused and view.safety.pause.showing == ""
    view.safety.pause.back.click()
    help_toggle.click()
    assert view.after.note.help.expanded
    # A fall afterwards is answered plainly, without the offer.
    view.after.slider.value = 2
    view.after.save.click()
    assert escape(workbook.care.ratings.lower) in _words_of(view.after.note)
    assert escape(workbook.care.ratings.offer) not in _words_of(view.after.note)
    assert view.after.note._buttons.layout.display == "none"


def test_a_high_rating_before_the_small_mistake_suggests_a_smaller_one():
    from widgets import build_exercise
    from widgets.text import escape

    workbook = load_workbook(language="en")
    view = build_exercise("staying-present/small-mistake", workbook)
    control = next(
        c for panel in view.panels for c in panel.children if getattr(c, "_moment", "") == "before"
    )
    control.slider.value = 8
    control.save.click()
    shown = _words_of(control.note)
    assert escape(view.model.spec.rating.high_before) in shown
    assert escape(workbook.care.ratings.offer) in shown


@pytest.mark.parametrize("ref", ["welcome/arriving", "putting-it-together/final"])
def test_a_heavy_check_in_offers_help(ref):
    from widgets import build_exercise
    from widgets.text import escape

    workbook = load_workbook(language="en")
    view = build_exercise(ref, workbook)
    view._slider.value = 8
    view._button.click()
    assert escape(workbook.care.ratings.offer) in _words_of(view._reply)
    view._slider.value = 2
    view._button.click()
    assert escape(workbook.care.ratings.offer) not in _words_of(view._reply)


def test_shame_that_rose_by_the_end_of_lesson_two_gets_the_offer():
    from widgets import build_exercise
    from widgets.page import state
    from widgets.text import escape

    state.reset()
    workbook = load_workbook(language="en")
    start = build_exercise("guilt-shame/checkin-start", workbook)
    end = build_exercise("guilt-shame/checkin-end", workbook)
    for slider in start._sliders.values():
        slider.value = 3
    start._button.click()
    assert escape(workbook.care.ratings.offer) not in _words_of(start._reply)
    for slider in end._sliders.values():
        slider.value = 5
    end._button.click()
    assert escape(workbook.care.ratings.rise) in _words_of(end._reply)
    assert escape(workbook.care.ratings.offer) in _words_of(end._reply)


# The content guide: feedback never shames ("wrong", "incorrect", "failed"...). These are
# the workbook's own words back to a person, so none may appear, not even negated.
SHAMING = {
    "en": r"\b(?:wrong|incorrect|fail\w*|stupid|bad\s+person|should\s+have\s+known)\b",
    "es": r"\b(?:incorrect\w*|fall[oóa]\w*|fracas\w*|mal\s+hecho|deberias\s+haber\s+sabido)\b",
}


def _own_words(language: str) -> list[str]:
    workbook = load_workbook(language=language)
    words = workbook.care
    texts = [getattr(words, g).note for g in care.GROUPS]
    r = words.ratings
    texts += [r.high, r.rise, r.lower, r.steady, r.offer, r.senses_button]
    _, rewrite = workbook.exercise("responsibility/rewrite")
    _, translate = workbook.exercise("guilt-shame/translate")
    _, mistake = workbook.exercise("staying-present/small-mistake")
    texts += [rewrite.all_clear, rewrite.empty_note, rewrite.hint_intro]
    texts += [translate.specific_note, translate.vague_note, translate.empty_note]
    texts += [mistake.rating.high_before]
    return texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_replies_use_no_shaming_word(language):
    import re

    texts = _own_words(language)
    assert len(texts) == 17 and all(texts)
    found = [t for t in texts if re.search(SHAMING[language], fold(t))]
    assert found == []


def test_the_shaming_word_check_can_fail():
    import re

    assert re.search(SHAMING["en"], fold("It is not a failure, and you did nothing wrong."))
    assert re.search(SHAMING["es"], fold("No es un fallo."))


@pytest.mark.parametrize(
    "ref", ["staying-present/kind-pause", "staying-present/small-mistake", "staying-present/bbf"]
)
def test_a_stepped_practice_ends_with_the_care_note_after_a_risk_line(ref):
    """Its closing words ("It's hard... and you can do it") must not answer 'I want to die'."""
    from widgets import build_exercise
    from widgets.text import escape

    workbook = load_workbook(language="en")
    view = build_exercise(ref, workbook)
    form = next(iter(view.model.forms.values()))
    form.set(form.fields[0].id, "I want to die.")
    while not view.model.finished:
        view.model.skip()
    assert escape(workbook.care.risk.note) in view._care.words.value
    closing = [w for w in view._end_words if "oig-done" in w._dom_classes]
    assert closing and all(w.layout.display == "none" for w in closing)
    view.model.start_again()
    form.set(form.fields[0].id, "I forgot Mia's birthday.")
    while not view.model.finished:
        view.model.skip()
    assert view._care.layout.display == "none"
    assert all(w.layout.display is None for w in closing)
