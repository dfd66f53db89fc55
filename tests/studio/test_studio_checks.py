"""The studio checks text as it is typed with the checks `workbook validate` runs, in the
same words, and says each problem beside the field it is about."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from widgets.content.loader import validate
from widgets.paths import REPO_DIR
from widgets.studio import checks
from widgets.studio.store import Document

DATA = REPO_DIR / "data"
LESSON = "en/lessons/responsibility.yaml"


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _sorter(doc: Document):
    return doc.value["exercises"][0]


@pytest.mark.parametrize(
    "field, value",
    [("text", ""), ("answer", "not-a-pile"), ("id", "Has Spaces")],
)
def test_a_problem_is_said_as_validate_says_it_beside_its_field(data, field, value):
    doc = Document(data, LESSON)
    _sorter(doc)["statements"][0][field] = value
    text = doc.text()
    _, problems, lines = checks.quick(doc.name, LESSON, text)
    assert problems
    (data / LESSON).write_text(text, encoding="utf-8")
    said_by_validate = {str(p) for p in validate(data)}
    assert {str(p) for p in problems} <= said_by_validate
    assert checks.path_of(problems[0], lines) == ("exercises", 0, "statements", 0, field)


def test_a_missing_field_is_said_beside_its_item(data):
    doc = Document(data, LESSON)
    del _sorter(doc)["statements"][1]["why"]
    _, problems, lines = checks.quick(doc.name, LESSON, doc.text())
    assert "has no 'why'" in problems[0].message
    assert checks.path_of(problems[0], lines) == ("exercises", 0, "statements", 1)


def test_before_save_finds_what_this_file_breaks_elsewhere(data):
    doc = Document(data, LESSON)
    doc.value["id"] = "another-id"  # the file is listed as 'responsibility'
    text = doc.text()
    assert checks.quick(doc.name, LESSON, text)[1] == []  # fine on its own
    problems = checks.before_save(data, LESSON, text)
    assert any("they must match" in p.message for p in problems)
    assert (data / LESSON).read_text(encoding="utf-8") != text  # nothing written


def test_the_files_as_shipped_have_no_problem():
    for relative in (
        LESSON,
        "en/crisis.yaml",
        "en/care.yaml",
        "en/facilitator/responsibility.yaml",
        "settings.yaml",
        "es/lessons/guilt-shame.yaml",
    ):
        doc = Document(DATA, relative)
        assert checks.quick(doc.name, relative, doc.text())[1] == [], relative


def test_reading_level_notes_a_hard_text():
    hard = (
        "Notwithstanding considerable psychological deliberation, individuals experiencing "
        "retrospective culpability frequently demonstrate maladaptive self-recrimination."
    )
    notes = checks.reading_notes({"statements": [{"text": hard}, {"text": "I said sorry."}]}, "en")
    assert list(notes) == [("statements", 0, "text")]
    assert "grade" in notes[("statements", 0, "text")]
    assert "harder" in checks.reading_level([hard], "en")
    assert "easy enough" in checks.reading_level(["I said sorry. I will call her."], "en")
