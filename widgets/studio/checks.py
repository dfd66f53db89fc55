"""The checks `workbook validate` and `workbook check` run, on text not yet saved.

As a facilitator types, :func:`quick` checks the one file being edited against its
model (what `workbook validate` says about that file, in the same words, in about 0.03
s). Before a save, :func:`before_save` runs the whole of `workbook validate` on a copy of
data/ holding the new text, so a problem this file causes elsewhere (a lesson id that no
longer matches, a facilitator note about an exercise that is gone) is found too. Each
problem's line is turned back into the field it is about, for the form to show it there.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from widgets.content import schema
from widgets.content.loader import check_document, validate
from widgets.content.yaml_lines import Problem, parse_lined
from widgets.tools.readability import too_hard

Path_ = tuple[Any, ...]


def model_for(relative: str) -> type[BaseModel] | None:
    """The model a file of data/ is checked against ("en/lessons/x.yaml" -> LessonFile)."""
    from widgets.content.notes import FacilitatorNotes
    from widgets.content.schema import HandoutText

    parts = Path(relative).parts
    if parts == ("settings.yaml",):
        return schema.Settings
    if len(parts) == 3 and parts[1] == "lessons":
        return schema.LessonFile
    if len(parts) == 3 and parts[1] == "facilitator":
        return FacilitatorNotes
    by_name = {
        "lessons.yaml": schema.LessonList,
        "crisis.yaml": schema.CrisisFile,
        "care.yaml": schema.CareFile,
        "ui.yaml": schema.UiText,
        "journal.yaml": schema.JournalText,
        "handouts.yaml": HandoutText,
    }
    return by_name.get(parts[-1]) if len(parts) == 2 else None


def quick(name: str, relative: str, text: str) -> tuple[Any, list[Problem], dict[Path_, int]]:
    """(checked value or None, problems, path -> line) for one file's text."""
    doc = parse_lined(text, name)
    model = model_for(relative)
    if model is None:
        return doc.value, list(doc.problems), doc.lines
    value, problems = check_document(doc, model)
    if value is not None and relative.endswith("care.yaml"):
        from widgets.content.care import example_problems

        problems = [Problem(name, doc.line_of(p), m) for p, m in example_problems(value)]
        value = value if not problems else None
    return value, problems, doc.lines


def before_save(root: Path, relative: str, text: str) -> list[Problem]:
    """Every problem `workbook validate` would find in this file with ``text`` in it
    (problems that were already in other files are not this edit's: left out)."""
    root = Path(root)
    with tempfile.TemporaryDirectory(prefix="oig-studio-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(root, copy)
        notebooks = root.parent / "notebooks"
        if notebooks.is_dir():
            (Path(tmp) / "notebooks").symlink_to(notebooks.resolve())
        (copy / relative).write_text(text, encoding="utf-8")
        after = validate(copy)
    name = f"data/{relative}"
    return [p for p in after if p.file == name]


_QUOTED = re.compile(r"^'([^']+)'")


def path_of(problem: Problem, lines: dict[Path_, int]) -> Path_ | None:
    """The field (or list item) a problem is about, from its line."""
    if problem.line is None:
        return None
    here = [p for p, line in lines.items() if line == problem.line and p]
    if not here:
        before = [(line, p) for p, line in lines.items() if p and line <= problem.line]
        return max(before, key=lambda x: (x[0], len(x[1])))[1] if before else None
    named = _QUOTED.match(problem.message)
    if "has no '" in problem.message or "is missing" in problem.message:
        return min(here, key=len)  # a missing field: said beside its item
    if named:
        for p in sorted(here, key=len, reverse=True):
            if p[-1] == named[1]:
                return p
    return max(here, key=len)


def reading_notes(value: Any, language: str, where: Path_ = ()) -> dict[Path_, str]:
    """path -> why a text is harder than the content guide allows (`workbook check`'s
    reading level), for every text of ``value`` of three words or more."""
    from widgets.tools.readability import NOT_PROSE

    found: dict[Path_, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PROSE:
                found.update(reading_notes(item, language, (*where, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.update(reading_notes(item, language, (*where, i)))
    elif isinstance(value, str) and len(value.split()) >= 3:
        why = too_hard(value, language)
        if why:
            found[where] = why
    return found


def reading_level(texts: list[str], language: str) -> str:
    """The reading level of an exercise's texts together, in plain words."""
    from widgets.tools.readability import for_scoring, spanish_score

    joined = " ".join(t for t in texts if t.strip())
    if not joined.strip():
        return ""
    if language == "en":
        import textstat

        grade = textstat.flesch_kincaid_grade(for_scoring(joined))
        verdict = "easy enough" if grade <= 7 else "harder than the workbook asks (grade 7)"
        return f"Reading level: grade {grade:.1f}, {verdict}."
    if language == "es":
        score = spanish_score(joined)
        verdict = "easy enough" if score >= 60 else "harder than the workbook asks"
        return f"Reading level (Fernández-Huerta): {score:.0f}, {verdict}."
    return ""


def reading_notes_texts(value: Any, where: Path_ = ()) -> list[tuple[Path_, str]]:
    """(path, text) of every participant-facing text of ``value`` (as the check reads)."""
    from widgets.tools.readability import NOT_PROSE

    found: list[tuple[Path_, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PROSE:
                found.extend(reading_notes_texts(item, (*where, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(reading_notes_texts(item, (*where, i)))
    elif isinstance(value, str) and len(value.split()) >= 3:
        found.append((where, value))
    return found
