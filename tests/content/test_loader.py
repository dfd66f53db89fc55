"""The content loader: the real files load, and every kind of broken file is reported
in plain words with file, line and field, never as a traceback."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import edit, line_of, messages

from widgets.content.loader import ContentError, collect, load_workbook, validate
from widgets.paths import DEFAULT_DATA_DIR


def test_real_files_load(workbook):
    assert [e.id for e in workbook.lessons.lessons][:2] == ["welcome", "responsibility"]
    _, sorter = workbook.exercise("responsibility/sorter")
    assert len(sorter.statements) >= 12
    assert validate(DEFAULT_DATA_DIR) == []


def test_missing_why_names_file_line_and_statement(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    text = lesson.read_text(encoding="utf-8")
    # Remove the "why" of statement s7 (two lines: the key and its folded text).
    text = re.sub(r"(- id: s7\n(?:.*\n){2})        why: >-\n(?:          .*\n)+", r"\1", text)
    lesson.write_text(text, encoding="utf-8")
    # (data/es still has its "why", so the language check notes that too.)
    [msg] = [m for m in messages(data_copy) if m.startswith("data/en/")]
    line = line_of(lesson, "- id: s7")
    assert msg.startswith(f"data/en/lessons/responsibility.yaml line {line}:")
    assert "statement 's7'" in msg and "'why'" in msg


def test_tab_indentation_is_explained(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(lesson, "    title: Rewrite the voice", "\ttitle: Rewrite the voice")
    [msg] = messages(data_copy)
    assert f"line {line_of(lesson, 'title: Rewrite the voice')}" in msg
    assert "tab" in msg


def test_bad_indentation_is_explained(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(lesson, "    title: My repair plan", "      title: My repair plan")
    [msg] = messages(data_copy)
    assert "responsibility.yaml line" in msg
    assert "'title' starts 2 spaces further in than 'type' on the line above" in msg


def test_unknown_exercise_type(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(lesson, "type: reflection", "type: quiz")
    [msg] = messages(data_copy)
    assert f"line {line_of(lesson, '- id: reflection')}" in msg
    assert "'quiz'" in msg and "sorter" in msg


def test_misspelt_field(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(
        lesson,
        "        why: >-\n          This names what happened and offers",
        "        wyh: >-\n          This names what happened and offers",
    )
    msgs = messages(data_copy)
    assert any("'wyh' is not a field" in m and "statement 's1'" in m for m in msgs)


def test_duplicate_id(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(lesson, "- id: s2\n", "- id: s1\n")
    msgs = messages(data_copy)
    assert any("two statements share the id 's1'" in m for m in msgs)


def test_answer_must_name_a_category(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(lesson, "answer: cruelty", "answer: cruel")
    msgs = messages(data_copy)
    assert any("answer 'cruel'" in m and "owning" in m for m in msgs)


def test_duplicate_key(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(lesson, "    title: Before you go", "    title: Before you go\n    title: Again")
    msgs = messages(data_copy)
    assert any("'title' is written twice" in m for m in msgs)


def test_listed_lesson_without_file(data_copy):
    (data_copy / "en" / "lessons" / "responsibility.yaml").unlink()
    msgs = messages(data_copy)
    assert any("lesson 'responsibility' is listed" in m and "missing" in m for m in msgs)


def test_lesson_file_not_listed(data_copy):
    src = data_copy / "en" / "lessons" / "welcome.yaml"
    (data_copy / "en" / "lessons" / "draft.yaml").write_text(
        src.read_text().replace("id: welcome", "id: draft"), encoding="utf-8"
    )
    msgs = messages(data_copy)
    assert any("draft.yaml" in m and "not listed" in m for m in msgs)


def test_listed_notebook_missing(data_copy):
    (data_copy.parent / "notebooks" / "00_welcome.ipynb").unlink()
    msgs = messages(data_copy)
    assert any("00_welcome.ipynb" in m and "not in notebooks/" in m for m in msgs)


@pytest.mark.parametrize("bad", ["98-8-", "call 988", "++44 1", "1"])
def test_malformed_phone_number(data_copy, bad):
    crisis = data_copy / "en" / "crisis.yaml"
    edit(crisis, 'phone: "116 123"', f'phone: "{bad}"')
    msgs = messages(data_copy)
    assert any("crisis.yaml line" in m and "phone number" in m for m in msgs), msgs


def test_crisis_entry_needs_a_source(data_copy):
    crisis = data_copy / "en" / "crisis.yaml"
    edit(crisis, "        source: https://www.samaritans.org/\n", "")
    msgs = messages(data_copy)
    assert any("'source'" in m and "entry 1" in m for m in msgs), msgs


def test_unknown_crisis_region(data_copy):
    edit(data_copy / "settings.yaml", "  en: us", "  en: mars")
    msgs = messages(data_copy)
    line = line_of(data_copy / "settings.yaml", "en: mars")
    assert any(
        f"settings.yaml line {line}" in m and "crisis_region for en is 'mars'" in m for m in msgs
    ), msgs


def test_unknown_default_region_of_another_language(data_copy):
    edit(data_copy / "settings.yaml", "  es: spain", "  es: espana")
    msgs = messages(data_copy)
    line = line_of(data_copy / "settings.yaml", "es: espana")
    assert any(
        f"settings.yaml line {line}" in m
        and "crisis_region for es is 'espana'" in m
        and "es/crisis.yaml" in m
        for m in msgs
    ), msgs


def test_one_region_for_every_language_still_works(data_copy):
    edit(
        data_copy / "settings.yaml", "crisis_region:\n  en: us\n  es: spain", "crisis_region: mars"
    )
    msgs = messages(data_copy)
    line = line_of(data_copy / "settings.yaml", "crisis_region: mars")
    assert any(f"settings.yaml line {line}" in m and "crisis_region is 'mars'" in m for m in msgs)


def test_bad_hint_pattern(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(lesson, 'pattern: "\\\\bsuch\\\\s+an?\\\\s+\\\\w+"', 'pattern: "such (a"')
    msgs = messages(data_copy)
    assert any("not a valid pattern" in m for m in msgs), msgs


def test_empty_and_non_utf8_files(data_copy):
    (data_copy / "en" / "ui.yaml").write_text("", encoding="utf-8")
    (data_copy / "en" / "crisis.yaml").write_bytes(b"title: \xff\xfe bad\n")
    msgs = messages(data_copy)
    assert any("ui.yaml" in m and "empty" in m for m in msgs)
    assert any("crisis.yaml line 1" in m and "UTF-8" in m for m in msgs)


@pytest.mark.parametrize("text", ["~\n", "null", "&anchor", "# only a comment\n---\n"])
def test_file_with_only_an_empty_value(data_copy, text):
    """Found by the property test: "&0" (an anchor on nothing) loaded as no lesson at all
    and no problem either, so the lesson silently vanished."""
    (data_copy / "en" / "lessons" / "responsibility.yaml").write_text(text, encoding="utf-8")
    msgs = messages(data_copy)
    assert any("responsibility.yaml line" in m and ("empty" in m) for m in msgs), msgs


def test_load_raises_content_error_with_every_problem(data_copy):
    edit(data_copy / "settings.yaml", "  en: us", "  en: mars")
    edit(data_copy / "en" / "lessons" / "responsibility.yaml", "type: reflection", "type: quiz")
    with pytest.raises(ContentError) as info:
        load_workbook(data_copy)
    assert len(info.value.problems) == 2


def test_validate_command_exit_codes(data_copy):
    ok = subprocess.run(
        [sys.executable, "-m", "widgets", "validate", "--data", str(data_copy)],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    edit(data_copy / "settings.yaml", "  en: us", "  en: mars")
    bad = subprocess.run(
        [sys.executable, "-m", "widgets", "validate", "--data", str(data_copy)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert "data/settings.yaml" in bad.stderr and "Traceback" not in bad.stderr


def test_collect_never_raises_on_garbage(data_copy):
    (data_copy / "en" / "lessons.yaml").write_text("lessons: [unclosed\n", encoding="utf-8")
    _, problems = collect(data_copy)
    assert problems and "lessons.yaml line" in str(problems[0])
