"""The checks a facilitator meets when adapting the workbook: facilitator notes, a second
language that must have every key English has, and ids that must stay unique.

The checks already covered in tests/content/test_loader.py (tabs, indentation, unknown exercise
type, duplicate statement id, listed or unlisted lessons, crisis sources and phone
numbers) are not repeated here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import edit, line_of, messages

from widgets.content.loader import load_workbook
from widgets.content.notes import FacilitatorNotes
from widgets.page import state as page_state
from widgets.page.notes import notes_classes


@pytest.fixture
def data_copy(data_copy: Path) -> Path:
    """English only: these tests break one English file and expect exactly its problem
    (the real data/es would add its own "missing in English" notes). ``with_spanish``
    puts Spanish back as an exact copy of English."""
    shutil.rmtree(data_copy / "es", ignore_errors=True)
    shutil.rmtree(data_copy.parent / "notebooks" / "es", ignore_errors=True)
    return data_copy


@pytest.fixture
def with_spanish(data_copy: Path) -> Path:
    """A data/ copy with data/es as an exact copy of data/en (a translation to be)."""
    shutil.copytree(data_copy / "en", data_copy / "es")
    return data_copy


# --- facilitator notes ----------------------------------------------------------------


def test_real_notes_load_for_every_lesson(workbook):
    assert set(workbook.facilitator) == {e.id for e in workbook.lessons.lessons}
    for lesson_id, notes in workbook.facilitator.items():
        assert isinstance(notes, FacilitatorNotes)
        assert {p.minutes for p in notes.plans} >= {60, 90}, lesson_id
        known = {e.id for e in workbook.lesson_files[lesson_id].exercises}
        assert set(notes.exercises) <= known


def test_plan_that_does_not_add_up(data_copy):
    notes = data_copy / "en" / "facilitator" / "responsibility.yaml"
    edit(
        notes,
        "      - minutes: 5\n        activity: Arrive.",
        "      - minutes: 7\n        activity: Arrive.",
    )
    [msg] = messages(data_copy)
    assert msg.startswith(
        f"data/en/facilitator/responsibility.yaml line {line_of(notes, '- minutes: 60')}:"
    )
    assert "60-minute plan add up to 62 minutes" in msg


def test_notes_for_an_exercise_that_does_not_exist(data_copy):
    notes = data_copy / "en" / "facilitator" / "responsibility.yaml"
    edit(notes, "  rewrite: >-", "  rewrites: >-")
    [msg] = messages(data_copy)
    assert f"line {line_of(notes, 'rewrites: >-')}" in msg
    assert "exercise 'rewrites'" in msg and "sorter, rewrite, repair, reflection" in msg


def test_plan_step_names_an_exercise_that_does_not_exist(data_copy):
    notes = data_copy / "en" / "facilitator" / "welcome.yaml"
    edit(notes, "exercise: arriving", "exercise: arrival")
    [msg] = messages(data_copy)
    assert f"welcome.yaml line {line_of(notes, 'exercise: arrival')}" in msg
    assert "step 3 of the 60-minute plan" in msg and "'arrival'" in msg


def test_notes_for_a_lesson_that_does_not_exist(data_copy):
    folder = data_copy / "en" / "facilitator"
    shutil.copy(folder / "welcome.yaml", folder / "welcom.yaml")
    [msg] = messages(data_copy)
    assert msg.startswith("data/en/facilitator/welcom.yaml:")
    assert "no such lesson" in msg


def test_lesson_without_notes(data_copy):
    (data_copy / "en" / "facilitator" / "responsibility.yaml").unlink()
    [msg] = messages(data_copy)
    assert msg.startswith("data/en/facilitator/responsibility.yaml:")
    assert "lesson 'responsibility' has no facilitator notes" in msg


def test_notes_lesson_must_match_file_name(data_copy):
    notes = data_copy / "en" / "facilitator" / "welcome.yaml"
    edit(notes, "lesson: welcome", "lesson: responsibility")
    [msg] = messages(data_copy)
    assert f"welcome.yaml line {line_of(notes, 'lesson: responsibility')}" in msg
    assert "must match" in msg


def test_notes_missing_required_part(data_copy):
    notes = data_copy / "en" / "facilitator" / "welcome.yaml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(re.sub(r"  follow_up: >-\n(    .*\n)+", "", text), encoding="utf-8")
    [msg] = messages(data_copy)
    assert f"line {line_of(notes, 'if_distressed:')}" in msg
    assert "'follow_up'" in msg and "required" in msg


def test_two_plans_of_the_same_length(data_copy):
    notes = data_copy / "en" / "facilitator" / "welcome.yaml"
    text = notes.read_text(encoding="utf-8")
    ninety = text[text.index("  - minutes: 90") : text.index("group_prompts:")]
    notes.write_text(text.replace("group_prompts:", ninety + "group_prompts:"), encoding="utf-8")
    msgs = messages(data_copy)
    assert any("two 90-minute plans" in m for m in msgs), msgs


def test_facilitator_text_is_not_participant_text(data_copy):
    """Notes may use words like 'facilitator' freely: they are not scored for grade 7."""
    from widgets.tools.readability import data_texts

    wheres = [where for where, _ in data_texts(data_copy / "en")]
    assert wheres and not any("/facilitator/" in w for w in wheres)


# --- ids ------------------------------------------------------------------------------


def test_duplicate_exercise_id(data_copy):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    edit(lesson, "  - id: reflection\n", "  - id: repair\n")
    msgs = messages(data_copy)
    assert any(
        m.startswith("data/en/lessons/responsibility.yaml")
        and "two exercises share the id 'repair'" in m
        for m in msgs
    ), msgs


def test_duplicate_lesson_id(data_copy):
    lessons = data_copy / "en" / "lessons.yaml"
    edit(lessons, "  - id: responsibility\n", "  - id: welcome\n")
    msgs = messages(data_copy)
    assert any("lessons.yaml" in m and "two lessons share the id 'welcome'" in m for m in msgs)


# --- a second language ----------------------------------------------------------------


def test_exact_copy_of_english_is_a_clean_second_language(with_spanish):
    assert messages(with_spanish) == []


def test_key_missing_in_another_language(with_spanish):
    ui = with_spanish / "es" / "ui.yaml"
    edit(ui, "help_close: Close help\n", "")
    msgs = messages(with_spanish)
    english_line = line_of(with_spanish / "en" / "ui.yaml", "help_close:")
    parity = [m for m in msgs if f"is in data/en/ui.yaml line {english_line}" in m]
    first_key = line_of(ui, "pause_button:")
    assert parity and parity[0].startswith(f"data/es/ui.yaml line {first_key}: 'help_close' is in")
    assert "'help_close'" in parity[0] and "missing here" in parity[0]


def test_nested_key_missing_names_where_it_is(with_spanish):
    lesson = with_spanish / "es" / "lessons" / "responsibility.yaml"
    text = lesson.read_text(encoding="utf-8")
    text = re.sub(r"(- id: s3\n(?:.*\n){2})        why: >-\n(?:          .*\n)+", r"\1", text)
    lesson.write_text(text, encoding="utf-8")
    msgs = messages(with_spanish)
    [parity] = [m for m in msgs if "missing here" in m]
    assert parity.startswith(
        f"data/es/lessons/responsibility.yaml line {line_of(lesson, '- id: s3')}:"
    )
    assert "'why'" in parity and "exercise 'sorter' › statement 's3'" in parity


def test_key_only_in_the_other_language(with_spanish):
    notes = with_spanish / "es" / "facilitator" / "welcome.yaml"
    edit(notes, "summary: >-", "resumen: Una nota.\nsummary: >-")
    msgs = messages(with_spanish)
    assert any(
        m.startswith(f"data/es/facilitator/welcome.yaml line {line_of(notes, 'resumen:')}:")
        and "'resumen'" in m
        and "not in data/en/facilitator/welcome.yaml" in m
        for m in msgs
    ), msgs


def test_file_missing_in_another_language(with_spanish):
    (with_spanish / "es" / "facilitator" / "welcome.yaml").unlink()
    msgs = messages(with_spanish)
    assert any(
        m.startswith("data/es/facilitator/welcome.yaml:") and "this file is missing" in m
        for m in msgs
    ), msgs


def test_exercise_ids_must_match_across_languages(with_spanish):
    lesson = with_spanish / "es" / "lessons" / "responsibility.yaml"
    edit(lesson, "  - id: reflection\n", "  - id: reflexion\n")
    edit(
        with_spanish / "es" / "facilitator" / "responsibility.yaml",
        "  reflection: >-",
        "  reflexion: >-",
    )
    msgs = messages(with_spanish)
    assert any(
        "has no 'reflection' here" in m and "es/lessons/responsibility.yaml" in m for m in msgs
    )
    assert any("has 'reflexion' here" in m for m in msgs), msgs


def test_lists_may_differ_in_length_and_regions_may_differ(with_spanish):
    english = load_workbook(with_spanish, "en").lesson_files["responsibility"].exercises[0]
    lesson = with_spanish / "es" / "lessons" / "responsibility.yaml"
    text = lesson.read_text(encoding="utf-8")
    text = re.sub(r"      - id: s14\n(?:        .*\n|          .*\n)+", "", text)
    text = text.replace("      - I never get anything right.\n", "")
    lesson.write_text(text, encoding="utf-8")
    crisis = with_spanish / "es" / "crisis.yaml"
    text = crisis.read_text(encoding="utf-8")
    crisis.write_text(re.sub(r"  australia:\n(    .*\n)+", "", text), encoding="utf-8")
    assert (
        len(
            load_workbook(with_spanish, "es").lesson_files["responsibility"].exercises[0].statements
        )
        == len(english.statements) - 1
    )
    assert messages(with_spanish) == []


def test_value_of_a_different_kind(with_spanish):
    ui = with_spanish / "es" / "ui.yaml"
    text = ui.read_text(encoding="utf-8")
    ui.write_text(
        re.sub(r"pause_steps:\n(  - .*\n)+", "pause_steps: Respira.\n", text), encoding="utf-8"
    )
    msgs = messages(with_spanish)
    assert any("pause_steps should be a list, as in data/en/ui.yaml" in m for m in msgs), msgs


# --- the facilitator view switch ------------------------------------------------------


def test_in_jupyterlab_the_setting_decides(monkeypatch):
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    assert notes_classes() is None
    assert notes_classes(settings_flag=True) == ["oig-facilitator-notes"]


@pytest.mark.parametrize("preheat", ["True", "False"])
def test_in_the_web_app_the_address_decides_in_the_browser(monkeypatch, preheat):
    """Every Voila page carries the notes, hidden until the address asks for them (the
    template reads ?facilitator=); the setting only changes what no address means."""
    monkeypatch.setenv("VOILA_PREHEAT", preheat)
    assert notes_classes() == ["oig-facilitator-notes", "oig-notes-by-address"]
    assert notes_classes(settings_flag=True) == [
        "oig-facilitator-notes",
        "oig-notes-by-address",
        "oig-notes-default",
    ]


def _notes_panels(view) -> list[str]:
    return [c.value for c in view.children if "oig-facilitator-notes" in c._dom_classes]


def test_exercise_shows_notes_only_in_the_facilitator_view(monkeypatch, workbook):
    from widgets.show import build_exercise

    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    assert _notes_panels(build_exercise("responsibility/sorter", workbook)) == []

    monkeypatch.setenv("VOILA_PREHEAT", "True")  # a web-app page: notes carried, hidden
    view = build_exercise("responsibility/sorter", workbook)
    [panel] = _notes_panels(view)
    assert view.children[1].value == panel  # right under the title
    assert "For the facilitator" in panel
    assert "60-minute plan: 15 min" in panel and "90-minute plan: 20 min" in panel
    assert "there is no score" in panel
    assert "&quot;right&quot;" in panel  # the notes are escaped like all other text
    assert "<script" not in panel


def test_spanish_page_shows_the_spanish_note(monkeypatch):
    """A Spanish page (show_safety(..., language="es") sets the page's language) shows the
    note from data/es/facilitator in Spanish words, and only in the facilitator view."""
    from widgets.show import build_exercise
    from widgets.tools.handouts import handout_text

    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    page_state.set_language("es")
    try:
        assert _notes_panels(build_exercise("responsibility/sorter")) == []

        monkeypatch.setenv("VOILA_PREHEAT", "True")
        view = build_exercise("responsibility/sorter")
        spanish = load_workbook(language="es")
    finally:
        page_state.set_language(None)
    [panel] = _notes_panels(view)
    words = handout_text(spanish).facilitator
    assert words.view_title == "Para quien facilita" and words.view_title in panel
    assert "Plan de 60 minutos: 15 min" in panel and "Plan de 90 minutos: 20 min" in panel
    note = spanish.facilitator["responsibility"].exercises["sorter"]
    assert "no hay puntaje" in " ".join(note.split())
    assert "evita &quot;correcto&quot; e &quot;incorrecto&quot;" in " ".join(panel.split())
    for english in ("For the facilitator", "-minute plan", "there is no score"):
        assert english not in panel


def test_building_exercises_reads_no_file(monkeypatch, workbook):
    """The notes panel's words come with the checked, cached workbook: a page of many
    exercises does not re-read and re-check handouts.yaml (or anything) for each one."""
    from widgets.show import build_exercise

    monkeypatch.setenv("VOILA_PREHEAT", "True")  # the web app: every page carries notes
    read: list[str] = []
    real = Path.read_text

    def spy(self, *args, **kwargs):
        read.append(self.name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", spy)
    views = [
        build_exercise(f"responsibility/{e.id}", workbook)
        for e in workbook.lesson_files["responsibility"].exercises
    ]
    assert any(_notes_panels(v) for v in views)
    assert [name for name in read if name.endswith(".yaml")] == []


def test_a_misspelled_slot_in_the_handout_words_is_named_not_raised(data_copy):
    """ "{minute}" for "{minutes}" once raised KeyError while an exercise was built."""
    edit(
        data_copy / "en" / "handouts.yaml",
        "{minutes}-minute plan: {step} min",
        "{minute}-minute plan: {step} min",
    )
    found = messages(data_copy)
    line = line_of(data_copy / "en" / "handouts.yaml", "in_plan:")
    assert found == [
        f"data/en/handouts.yaml line {line}: 'in_plan' in this file: {{minute}} is not filled "
        "in here. This text can use {minutes} and {step}; check the spelling, or take out the "
        "braces."
    ]
