"""``workbook new-lesson`` gives a lesson that passes every check at once: the validator,
the reading level, the thin-notebook rules and a real notebook run (nbval).

Everything happens in a temporary copy of data/ and notebooks/; the real tree is never
touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import textstat
from test_notebooks_thin import test_notebook_is_thin_and_clean as check_thin

from widgets.content.loader import clear_cache, load_workbook, validate
from widgets.tools.readability import data_texts, for_scoring, notebook_texts
from widgets.tools.scaffold import ScaffoldError, lesson_id, new_lesson


def scaffold(data: Path, name: str = "self-forgiveness", **kwargs):
    made = new_lesson(name, data, data.parent / "notebooks", **kwargs)
    clear_cache()
    return made


def test_new_lesson_passes_validate_and_is_listed_last(data_copy):
    before = (data_copy / "en" / "lessons.yaml").read_text(encoding="utf-8")
    made = scaffold(data_copy, "Self-Forgiveness", title="Forgiving yourself")
    assert made.id == "self-forgiveness"
    assert validate(data_copy) == []
    after = (data_copy / "en" / "lessons.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # comments and order kept
    wb = load_workbook(data_copy)
    entry = wb.lessons.lessons[-1]
    assert (entry.id, entry.title, entry.notebook) == (
        "self-forgiveness",
        "Forgiving yourself",
        made.notebook.name,
    )
    assert [e.type for e in wb.lesson_files["self-forgiveness"].exercises] == ["reflection"]
    notes = wb.facilitator["self-forgiveness"]
    assert {p.minutes for p in notes.plans} == {60, 90}
    assert set(notes.exercises) == {"reflection"}


def test_notebook_is_numbered_next_thin_and_safe(data_copy):
    notebooks = data_copy.parent / "notebooks"
    highest = max(int(p.name.split("_")[0]) for p in notebooks.glob("*.ipynb"))
    made = scaffold(data_copy)
    assert made.notebook.name == f"{highest + 1:02d}_self_forgiveness.ipynb"
    check_thin(made.notebook)
    cells = json.loads(made.notebook.read_text(encoding="utf-8"))["cells"]
    assert cells[1]["metadata"]["tags"] == ["lab-only"] and "Run All Cells" in "".join(
        cells[1]["source"]
    )
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert 'show_safety("self-forgiveness")' in code[0]
    assert code[1] == 'show_exercise("self-forgiveness/reflection")'
    # Back and Next come from lessons.yaml (show_footer), never from links in the text.
    assert code[-1] == 'from widgets import show_footer\nshow_footer("self-forgiveness")'
    markdown = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert ".ipynb" not in markdown


def test_new_lesson_text_reads_at_grade_seven(data_copy):
    made = scaffold(data_copy)
    lesson = data_copy / "en" / "lessons" / "self-forgiveness.yaml"
    texts = [t for w, t in data_texts(data_copy / "en") if w.startswith(str(lesson))]
    texts += [t for _, t in notebook_texts(made.notebook)]
    assert len(texts) >= 5
    for text in texts:
        assert textstat.flesch_kincaid_grade(for_scoring(text)) <= 7.0, text


def test_new_lesson_runs_under_nbval(data_copy):
    made = scaffold(data_copy)
    env = {**os.environ, "OWNING_DATA_DIR": str(data_copy)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax",
            "-q",
            "-p",
            "no:cacheprovider",
            str(made.notebook),
        ],
        cwd=data_copy.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout


def test_second_language_gets_the_lesson_too(data_copy):
    if not (data_copy / "es").exists():
        shutil.copytree(data_copy / "en", data_copy / "es")
    made = scaffold(data_copy)
    for lang in ("en", "es"):
        assert (data_copy / lang / "lessons" / "self-forgiveness.yaml").exists()
        assert (data_copy / lang / "facilitator" / "self-forgiveness.yaml").exists()
    assert validate(data_copy) == []
    # Spanish pages live in notebooks/es/: the lesson gets a Spanish page that sets the
    # page's language, listed under its folder.
    spanish = data_copy.parent / "notebooks" / "es" / made.notebook.name
    check_thin(spanish)
    cells = json.loads(spanish.read_text(encoding="utf-8"))["cells"]
    assert 'show_safety("self-forgiveness", language="es")' in "".join(cells[2]["source"])
    assert "".join(cells[-1]["source"]).endswith('show_footer("self-forgiveness")')
    entry = load_workbook(data_copy, language="es").lessons.lessons[-1]
    assert entry.notebook == f"es/{made.notebook.name}"


def test_the_same_lesson_twice_is_refused(data_copy):
    scaffold(data_copy)
    listing = (data_copy / "en" / "lessons.yaml").read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already a lesson 'self-forgiveness'"):
        scaffold(data_copy, "Self Forgiveness")
    assert (data_copy / "en" / "lessons.yaml").read_text(encoding="utf-8") == listing


def test_lessons_list_not_last_changes_nothing(data_copy):
    listing = data_copy / "en" / "lessons.yaml"
    text = listing.read_text(encoding="utf-8")
    head, _, rest = text.partition("lessons:\n")
    reordered = head.replace("workbook_title: Owning It Gently\n", "") + "lessons:\n" + rest
    reordered += "workbook_title: Owning It Gently\n"
    listing.write_text(reordered, encoding="utf-8")
    assert validate(data_copy) == []
    notebooks = sorted(p.name for p in (data_copy.parent / "notebooks").iterdir())
    with pytest.raises(ScaffoldError, match="must be the last part"):
        scaffold(data_copy)
    assert listing.read_text(encoding="utf-8") == reordered
    assert sorted(p.name for p in (data_copy.parent / "notebooks").iterdir()) == notebooks
    assert not (data_copy / "en" / "lessons" / "self-forgiveness.yaml").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Self-Forgiveness 101", "self-forgiveness-101"),
        ("  apologies  ", "apologies"),
        ("Ça va", "a-va"),
    ],
)
def test_lesson_id_from_name(name, expected):
    assert lesson_id(name) == expected


def test_unusable_name_is_explained(data_copy):
    with pytest.raises(ScaffoldError, match="usable lesson id"):
        lesson_id("!!!")
    result = subprocess.run(
        [sys.executable, "-m", "widgets", "new-lesson", "???", "--data", str(data_copy)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Could not make the lesson" in result.stderr and "Traceback" not in result.stderr


def test_command_line_makes_the_lesson(data_copy):
    result = subprocess.run(
        [sys.executable, "-m", "widgets", "new-lesson", "kind-words", "--data", str(data_copy)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Made the lesson 'kind-words'" in result.stdout
    assert "kind-words.yaml" in result.stdout
    clear_cache()
    assert validate(data_copy) == []
