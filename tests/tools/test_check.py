"""``workbook check``, the one command before a workshop: it says ready on the shipped
workbook, and names each thing a facilitator new to it would otherwise miss."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from conftest import edit, line_of

from widgets.paths import DEFAULT_DATA_DIR, REPO_DIR
from widgets.tools import check, cli, scaffold

GRADE_10 = "When we admit our mistakes honestly, we can strengthen our friendships with everyone."


def run_check(data, capsys) -> tuple[int, list[str]]:
    code = cli.main(["check", "--data", str(data)])
    return code, capsys.readouterr().out.strip().splitlines()


def test_the_shipped_workbook_is_ready(capsys):
    code, lines = run_check(DEFAULT_DATA_DIR, capsys)
    assert lines[-1] == (
        "Ready: nothing needs fixing. Before the workshop, check the help lines above on "
        "their live pages."
    ), lines
    assert code == 0
    # None of the shipped lines could be checked on a live page: each is named to check.
    assert any(line.startswith("Before the workshop, check these") for line in lines)
    assert "Reading level: every text is easy enough to read." in lines
    assert "Dollar signs: no text has two, so none can show as a formula." in lines


def test_a_placeholder_an_unshown_exercise_and_a_hard_sentence_are_all_named(data_copy, capsys):
    lessons = data_copy / "en" / "lessons"
    edit(data_copy / "settings.yaml", "language: en", "language: en\nlanguages: [en]")
    edit(
        lessons / "responsibility.yaml",
        "Write as much or as little as you like. Nobody else\n      will read it.",
        "Write as much or as little as you like. Nobody else\n      will read it. " + GRADE_10,
    )
    edit(
        data_copy / "en" / "lessons.yaml",
        "description: ",
        "description: A new lesson. Say what it is about in one short line. ",
    )
    text = (lessons / "responsibility.yaml").read_text(encoding="utf-8")
    extra = text[text.index("  - id: reflection\n") :].replace("id: reflection\n", "id: later\n", 1)
    (lessons / "responsibility.yaml").write_text(text + extra, encoding="utf-8")

    code, lines = run_check(data_copy, capsys)

    assert code == 1
    lesson = "data/en/lessons/responsibility.yaml"
    hard = line_of(lessons / "responsibility.yaml", "intro: >-", after="  - id: reflection")
    placeholder = line_of(data_copy / "en" / "lessons.yaml", "A new lesson. Say")
    later = line_of(lessons / "responsibility.yaml", "  - id: later")
    wanted = [
        f"  - data/en/lessons.yaml line {placeholder}: this is still the example text from "
        "'workbook new-lesson' (\"A new lesson. Say what it is about in one short line.\"). "
        "Write your own text here.",
        f"  - {lesson} line {later}: exercise 'later' is on no page: "
        "notebooks/01_responsibility_vs_cruelty.ipynb has no cell with "
        'show_exercise("responsibility/later"), yet the handout prints it. Add that cell where '
        "the exercise belongs (make lab), or remove the exercise.",
    ]
    for line in wanted:
        assert line in lines, "\n".join(lines)
    [reading] = [x for x in lines if x.startswith(f"  - {lesson} line {hard}: ")]
    assert "has a sentence at grade 10.4" in reading and GRADE_10 in reading
    assert "Exercises that no page shows: 1 thing to fix." in lines
    assert lines[0] == "Checking the workbook for your workshop (en)."
    assert lines[-1] == "Not ready yet. Fix this first: " + wanted[0].removeprefix("  - ")


def test_an_old_help_line_check_is_named_before_the_rest(data_copy, capsys):
    edit(data_copy / "en" / "crisis.yaml", "last_checked: 2026-11-25", "last_checked: 2025-01-10")
    edit(data_copy / "en" / "lessons.yaml", "description: ", "description: " + GRADE_10 + " ")
    code, lines = run_check(data_copy, capsys)
    assert code == 1
    line = line_of(data_copy / "en" / "crisis.yaml", "last_checked: 2025-01-10")
    age = (dt.date.today() - dt.date(2025, 1, 10)).days
    first = (
        f"data/en/crisis.yaml line {line}: '988 Suicide & Crisis Lifeline' (region 'us') was "
        f"last checked {age} days ago, on 2025-01-10. Check it on https://988lifeline.org/, "
        "then set last_checked to today's date."
    )
    assert lines[-1] == f"Not ready yet. Fix this first: {first}"


def test_a_file_that_cannot_be_read_comes_first(data_copy, capsys):
    edit(
        data_copy / "en" / "lessons" / "responsibility.yaml",
        "    question: Which",
        "    qestion: Which",
    )
    code, lines = run_check(data_copy, capsys)
    assert code == 1
    assert "Help lines: not checked yet, checked once the lesson files can be read." in lines
    assert (
        lines[-1].startswith(
            "Not ready yet. Fix this first: data/en/lessons/responsibility.yaml line "
        )
        and "did you mean 'question'?" in lines[-1]
    )


def test_a_new_lessons_example_text_is_listed(data_copy, capsys):
    scaffold.new_lesson("kind-words", data_copy, data_copy.parent / "notebooks", title="Kind words")
    code, lines = run_check(data_copy, capsys)
    assert code == 1
    named = {p for line in lines for p in scaffold.PLACEHOLDERS if p in line}
    assert named == set(scaffold.PLACEHOLDERS)
    assert any("notebooks/06_kind_words.ipynb: cell " in line for line in lines), lines


def test_every_placeholder_is_in_the_new_lesson_templates():
    templates = scaffold.NOTEBOOK + scaffold.LESSON_FILE + scaffold.NOTES_FILE + scaffold.LIST_ENTRY
    for phrase in scaffold.PLACEHOLDERS:
        assert phrase in " ".join(templates.split()), phrase


def test_check_needs_no_pytest():
    code = (
        "import sys; sys.modules['pytest'] = None\n"
        "from widgets.tools.cli import main\n"
        "sys.exit(main(['check']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_DIR, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("Ready: nothing needs fixing.")


def test_help_lines_not_checked_on_the_live_page_are_named_to_check():
    from widgets.content.loader import load_workbook

    workbook = load_workbook(DEFAULT_DATA_DIR, "en")
    region = workbook.crisis_region()
    named = check.unconfirmed_lines(workbook)
    assert len(named) == sum(e.checked != "live" for e in region.entries) > 0
    entry, how = region.entries[0], region.entries[0].checked
    assert f"'{entry.name}' (region '{workbook.region_id}'): {how}" in named[0].message
    object.__setattr__(entry, "checked", "live")
    try:
        assert len(check.unconfirmed_lines(workbook)) == len(named) - 1
    finally:
        object.__setattr__(entry, "checked", how)


def test_a_label_with_two_dollar_signs_is_named_with_its_line(data_copy, capsys):
    """MathJax in JupyterLab shows what stands between two $ as a formula
    (seen: "I owe Sam $5 and Ana $10" as "I owe Sam 5andAna10"); one $, or \\$, is fine."""
    lessons = data_copy / "en" / "lessons"
    edit(data_copy / "settings.yaml", "language: en", "language: en\nlanguages: [en]")
    edit(lessons / "responsibility.yaml", "label: Owning it", "label: I owe Sam $5 and Ana $10")
    label = line_of(lessons / "responsibility.yaml", "label: I owe Sam")

    code, out = run_check(data_copy, capsys)

    assert code == 1
    assert "Dollar signs: 1 thing to fix." in out
    assert (
        f'  - data/en/lessons/responsibility.yaml line {label}: "I owe Sam $5 and Ana $10" has '
        "2 $ signs: what stands between two of them can show as a formula in slanted letters,"
        " not as written. Write the amounts another way (5 dollars, USD 5), or keep one $."
    ) in out


def test_one_dollar_sign_or_an_escaped_one_is_fine():
    assert check.DOLLAR.findall("It cost $5.") == ["$"]
    assert check.DOLLAR.findall(r"From \$5 to \$10") == []
