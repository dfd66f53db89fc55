"""The studio's Edit tab, without a browser: a pattern field's "try a sentence" box, a
care pattern's, and what Save does with a problem left, a good change and a file
changed elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from widgets.paths import REPO_DIR
from widgets.studio.app import EditPanel

LESSON = "en/lessons/responsibility.yaml"


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(REPO_DIR / "data", tmp_path / "data")
    return tmp_path / "data"


def _panel(data: Path, exercise: str = "rewrite") -> EditPanel:
    panel = EditPanel(data)
    panel.lesson.value = "responsibility"
    panel.exercise.value = exercise
    return panel


def test_a_hint_pattern_has_a_try_a_sentence_box(data):
    panel = _panel(data)
    path, sentence, result = panel.form.tries[0]
    assert path[-1] == "pattern"
    sentence.value = "I am such an idiot"
    assert "This pattern finds “I am such an idiot”" in result.value
    assert "The reply a participant would get" in result.value
    sentence.value = "I was late and Sam waited."
    assert "finds nothing" in result.value
    # the pattern is edited: the box answers with the new pattern
    panel.form.inputs[path].value = r"\blate\b"
    assert "This pattern finds “late”" in result.value


def test_a_care_pattern_shows_the_care_reply(data):
    panel = EditPanel(data)
    panel.what.value = "care"
    assert panel.doc.relative == "en/care.yaml"
    panel.sentence.value = "I want to die"
    assert "data-kind='care'" in panel.reply.value


def test_save_refuses_a_problem_then_saves_a_good_change(data):
    panel = _panel(data, "sorter")
    original = (data / LESSON).read_bytes()
    text = ("exercises", 0, "statements", 0, "text")
    panel.form.inputs[text].value = ""
    panel.save()
    assert "Not saved" in panel.status.value
    assert (data / LESSON).read_bytes() == original
    panel.form.inputs[text].value = "I forgot Sam's birthday."
    panel.save()
    assert "Saved at" in panel.status.value
    assert "text: I forgot Sam's birthday." in (data / LESSON).read_text(encoding="utf-8")
    (data / LESSON).write_bytes(original)  # a text editor saves the file meanwhile
    panel.form.inputs[text].value = "Another change."
    panel.save()
    assert "changed somewhere else" in panel.status.value
    assert (data / LESSON).read_bytes() == original


def test_save_runs_the_whole_check_first(data):
    panel = _panel(data, "sorter")
    original = (data / LESSON).read_bytes()
    panel.doc.value["id"] = "renamed"  # fine on its own, but lessons.yaml lists 'responsibility'
    panel._changed(())
    assert panel.valid
    panel.save()
    assert "Not saved" in panel.status.value and "must match" in panel.status.value
    assert (data / LESSON).read_bytes() == original


def test_going_to_another_exercise_and_back_keeps_what_was_typed(data):
    panel = _panel(data, "sorter")
    text = ("exercises", 0, "statements", 0, "text")
    panel.form.inputs[text].value = "Typed, not saved."
    assert "Not saved yet" in panel.unsaved.value
    panel.exercise.value = "rewrite"
    panel.exercise.value = "sorter"
    assert panel.form.inputs[text].value == "Typed, not saved."
    panel.save()
    assert panel.unsaved.value == ""
    panel.form.inputs[text].value = "Typed again."
    panel.open(fresh=True)  # "Reload from file"
    assert panel.form.inputs[text].value == "Typed, not saved."
    assert panel.unsaved.value == ""
