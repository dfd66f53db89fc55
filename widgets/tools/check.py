"""``workbook check``: the one command to run before a workshop.

``workbook validate`` says whether the files can be read. A workshop needs more than
that, and each of these used to be found by a participant instead: example text left
from ``workbook new-lesson`` on the welcome page and the handouts, an exercise in a lesson
file that no page shows (it still printed on the handout), a text too hard to read (the
check needed pytest), a help line nobody has checked for months. This runs all of them
for the languages in use and ends with one plain line: ready, or what to fix first.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from widgets.content.loader import ContentError, Workbook, languages_in_use, load_workbook, validate
from widgets.content.yaml_lines import Problem, load_lined
from widgets.paths import data_dir

# A help line's number or hours can change; check each on its source page this often.
STALE_AFTER_DAYS = 90

# (key, heading) in the order they are printed, which is also the order to fix them in:
# a file that cannot be read first, then help lines, then what participants would see.
AREAS = (
    ("files", "Lesson files"),
    ("help", "Help lines"),
    ("plans", "Facilitator plans"),
    ("placeholders", "Example text left from 'workbook new-lesson'"),
    ("unshown", "Exercises that no page shows"),
    ("reading", "Reading level"),
    ("formulas", "Dollar signs"),
)
ALL_GOOD = {
    "files": "every file can be read and has what it needs.",
    "help": "every help line people see was checked in the last {days} days.",
    "plans": "the steps of every plan add up to its minutes.",
    "placeholders": "none left.",
    "unshown": "every exercise is on a page.",
    "reading": "every text is easy enough to read.",
    "formulas": "no text has two, so none can show as a formula.",
}
PLAN_MINUTES = re.compile(r"-minute plan")


@dataclass
class Report:
    languages: list[str]
    found: dict[str, list[Problem]] = field(default_factory=lambda: {k: [] for k, _ in AREAS})
    # Areas that could not be checked, and why (their files have problems).
    skipped: dict[str, str] = field(default_factory=dict)
    # Help lines nobody has checked on their live page: to do before the workshop, not
    # a fault in the files (nothing can be checked live from where they were written).
    to_confirm: list[Problem] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not any(self.found.values())

    def first(self) -> Problem | None:
        return next((p for key, _ in AREAS for p in self.found[key]), None)


def run(root: Path | None = None, today: dt.date | None = None) -> Report:
    root = Path(root) if root else data_dir()
    today = today or dt.date.today()
    report = Report(languages_in_use(root))
    for problem in validate(root):
        in_plan = "/facilitator/" in problem.file and PLAN_MINUTES.search(problem.message)
        report.found["plans" if in_plan else "files"].append(problem)
    notebooks = root.parent / "notebooks"
    report.found["placeholders"] = placeholders(root, notebooks, report.languages)
    report.found["reading"] = reading_level(root, notebooks, report.languages)
    report.found["formulas"] = formulas(root, notebooks, report.languages)
    for lang in report.languages:
        try:
            workbook = load_workbook(root, lang)
        except ContentError:
            why = "checked once the lesson files can be read"
            report.skipped.setdefault("help", why)
            report.skipped.setdefault("unshown", why)
            continue
        report.found["help"] += help_line_checks(workbook, today)
        report.to_confirm += unconfirmed_lines(workbook)
        report.found["unshown"] += unshown_exercises(workbook, notebooks)
    return report


def _display(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def _pages(notebooks: Path, lang: str) -> list[Path]:
    """A language's pages: notebooks/ for English, notebooks/<lang>/ for the others."""
    folder = notebooks if lang == "en" else notebooks / lang
    return sorted(folder.glob("*.ipynb")) if folder.is_dir() else []


def _cells(notebook: Path) -> list[tuple[int, str, str]]:
    """(index, type, source) of each cell."""
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [
        (i, c.get("cell_type", ""), "".join(c.get("source", "")))
        for i, c in enumerate(nb.get("cells", []))
    ]


def _region_lines(workbook: Workbook):
    """(where in crisis.yaml, entry, the file's lines) for each line people see first."""
    region_id = workbook.region_id
    path = workbook.root / workbook.language / "crisis.yaml"
    doc = load_lined(path, _display(path, workbook.root))
    for i, entry in enumerate(workbook.crisis_region().entries):
        yield ("regions", region_id, "entries", i), entry, doc


def help_line_checks(workbook: Workbook, today: dt.date) -> list[Problem]:
    """The help lines people see (the language's region) last checked too long ago."""
    problems = []
    for where, entry, doc in _region_lines(workbook):
        age = (today - entry.last_checked).days
        if age > STALE_AFTER_DAYS:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of((*where, "last_checked")),
                    f"'{entry.name}' (region '{where[1]}') was last checked {age} days ago, "
                    f"on {entry.last_checked}. Check it on {entry.source}, then set "
                    f"last_checked to today's date.",
                )
            )
    return problems


def unconfirmed_lines(workbook: Workbook) -> list[Problem]:
    """The help lines people see that were not checked on their live page (``checked``)."""
    return [
        Problem(
            doc.file,
            doc.line_of((*where, "checked")),
            f"'{entry.name}' (region '{where[1]}'): {entry.checked}, not on the live page. "
            f"Check it on {entry.source}, then set checked: live.",
        )
        for where, entry, doc in _region_lines(workbook)
        if entry.checked != "live"
    ]


def placeholders(root: Path, notebooks: Path, languages: list[str]) -> list[Problem]:
    from widgets.tools.scaffold import PLACEHOLDERS

    problems = []
    for lang in languages:
        for path in sorted((root / lang).rglob("*.yaml")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                problems += [
                    Problem(
                        _display(path, root),
                        n,
                        f"this is still the example text from 'workbook new-lesson' "
                        f'("{phrase}"). Write your own text here.',
                    )
                    for phrase in PLACEHOLDERS
                    if phrase in line
                ]
        for page in _pages(notebooks, lang):
            for i, kind, source in _cells(page):
                if kind == "markdown" and any(p in source for p in PLACEHOLDERS):
                    phrase = next(p for p in PLACEHOLDERS if p in source)
                    problems.append(
                        Problem(
                            _display(page, notebooks),
                            None,
                            f"cell {i + 1} still has the example text from 'workbook "
                            f"new-lesson' (\"{phrase}\"). Write the lesson's text there "
                            "(make lab).",
                        )
                    )
    return problems


SHOW = re.compile(r"""show_exercise\(\s*["']([^"']+)["']""")


def unshown_exercises(workbook: Workbook, notebooks: Path) -> list[Problem]:
    """Exercises in a lesson file that the lesson's page never shows: a page shows an
    exercise only with a ``show_exercise("lesson/exercise")`` cell, while the handouts
    print every exercise in the file."""
    problems = []
    for entry in workbook.lessons.lessons:
        page = notebooks / entry.notebook
        code = [src for _, kind, src in _cells(page) if kind == "code"]
        shown = {ref for src in code for ref in SHOW.findall(src)}
        path = workbook.root / workbook.language / "lessons" / f"{entry.id}.yaml"
        doc = load_lined(path, _display(path, workbook.root))
        for i, exercise in enumerate(workbook.lesson_files[entry.id].exercises):
            ref = f"{entry.id}/{exercise.id}"
            if ref not in shown:
                problems.append(
                    Problem(
                        doc.file,
                        doc.line_of(("exercises", i)),
                        f"exercise '{exercise.id}' is on no page: "
                        f"{_display(page, notebooks)} has no cell with "
                        f'show_exercise("{ref}"), yet the handout prints it. Add that '
                        "cell where the exercise belongs (make lab), or remove the exercise.",
                    )
                )
    return problems


def _short(text: str, words: int = 12) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def _participant_texts(root: Path, notebooks: Path, lang: str, min_words: int = 3):
    """(file, line, text, prefix) for each text a participant reads in ``lang``: the
    data files' texts (with their line) and the pages' Markdown paragraphs (prefix
    "cell N: ", as a page's line means nothing to a facilitator)."""
    from widgets.tools.readability import lined_data_texts, notebook_texts

    for file, line, text in lined_data_texts(root / lang, lambda p: _display(p, root), min_words):
        yield file, line, text, ""
    for page in _pages(notebooks, lang):
        for where, text in notebook_texts(page):
            yield _display(page, notebooks), None, text, f"cell {where.rsplit(' ', 1)[-1]}: "


def reading_level(root: Path, notebooks: Path, languages: list[str]) -> list[Problem]:
    from widgets.tools.readability import too_hard

    problems = []
    for lang in languages:
        for file, line, text, prefix in _participant_texts(root, notebooks, lang):
            reason = too_hard(text, lang)
            if reason:
                problems.append(_hard(file, line, text, reason, prefix))
    return problems


def _hard(file: str, line: Any, text: str, reason: str, prefix: str = "") -> Problem:
    return Problem(
        file,
        line,
        f'{prefix}"{_short(text)}" {reason}. Use shorter sentences and everyday words.',
    )


# MathJax in JupyterLab reads what stands between two $ signs as a formula: a tick box
# labelled "I owe Sam $5 and Ana $10" showed "I owe Sam 5andAna10" in slanted letters,
# and a text box's label the same. ipywidgets sends every control's label through it, and
# JupyterLab does the same to Markdown cells. (The web app has no MathJax: the template's
# no-formulas.js.) Text shown as plain HTML is left alone, so a text here may be fine
# where it is used; one $ is always fine, and MathJax shows \$ as $.
DOLLAR = re.compile(r"(?<!\\)\$")


def formulas(root: Path, notebooks: Path, languages: list[str]) -> list[Problem]:
    """Texts with two or more $ signs, which can show as a formula instead of as written."""
    problems: list[Problem] = []
    for lang in languages:
        for file, line, text, prefix in _participant_texts(root, notebooks, lang, min_words=1):
            count = len(DOLLAR.findall(text))
            if count >= 2:
                problems.append(
                    Problem(
                        file,
                        line,
                        f'{prefix}"{_short(text)}" has {count} $ signs: what stands between '
                        "two of them can show as a formula in slanted letters, not as written. "
                        "Write the amounts another way (5 dollars, USD 5), or keep one $.",
                    )
                )
    return problems


def print_report(report: Report, out) -> None:
    print(f"Checking the workbook for your workshop ({', '.join(report.languages)}).\n", file=out)
    for key, heading in AREAS:
        found = report.found[key]
        if key in report.skipped and not found:
            print(f"{heading}: not checked yet, {report.skipped[key]}.", file=out)
        elif not found:
            print(f"{heading}: {ALL_GOOD[key].format(days=STALE_AFTER_DAYS)}", file=out)
        else:
            noun = "thing" if len(found) == 1 else "things"
            print(f"{heading}: {len(found)} {noun} to fix.", file=out)
            for problem in found:
                print(f"  - {problem}", file=out)
    if report.to_confirm:
        count = len(report.to_confirm)
        which = "this help line" if count == 1 else f"these {count} help lines"
        print(
            f"Before the workshop, check {which} on the live page, as a wrong number is "
            "worse than none:",
            file=out,
        )
        for problem in report.to_confirm:
            print(f"  - {problem}", file=out)
    first = report.first()
    if first is None and not report.skipped and report.to_confirm:
        print(
            "\nReady: nothing needs fixing. Before the workshop, check the help lines above "
            "on their live pages.",
            file=out,
        )
    elif first is None and not report.skipped:
        print("\nReady: everything is checked and nothing needs fixing.", file=out)
    elif first is None:
        print("\nNot ready yet: run the check again once the lesson files are fixed.", file=out)
    else:
        print(f"\nNot ready yet. Fix this first: {first}", file=out)
