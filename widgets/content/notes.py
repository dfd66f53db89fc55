"""Facilitator notes: what a group leader reads, kept apart from what participants read.

Notes live in ``data/<lang>/facilitator/<lesson-id>.yaml``, one file per lesson, next to
the lesson's own file but never mixed into it, so participant text can be edited without
touching the guide and the other way round (the Carpentries keep instructor notes the
same way). The objectives are not repeated here: they come from ``lessons.yaml``.

The notes show in three places: beside each exercise in the facilitator view, in the
printable facilitator guide, and in ``workbook validate``, which checks them like every
other file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator

from widgets.content.schema import Ident, NonEmpty, Strict
from widgets.content.yaml_lines import LinedDocument, Problem

FOLDER = "facilitator"


class PlanStep(Strict):
    """One block of a session: how long, what happens, and (optionally) which exercise."""

    minutes: int = Field(ge=1, le=120)
    activity: NonEmpty
    exercise: Ident | None = None


class SessionPlan(Strict):
    """A timed plan for a session of a given length; its steps must add up to it."""

    minutes: int = Field(ge=10, le=240)
    steps: list[PlanStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _adds_up(self) -> SessionPlan:
        total = sum(step.minutes for step in self.steps)
        if total != self.minutes:
            raise ValueError(
                f"the steps of the {self.minutes}-minute plan add up to {total} minutes; "
                f"change a step's minutes so they add up to {self.minutes}"
            )
        return self


class DistressPlan(Strict):
    """What to do if someone becomes distressed, in the order a facilitator needs it."""

    pause: NonEmpty
    grounding: NonEmpty
    crisis: NonEmpty
    follow_up: NonEmpty


class FacilitatorNotes(Strict):
    """data/<lang>/facilitator/<lesson-id>.yaml: the guide for one lesson."""

    lesson: Ident
    summary: NonEmpty
    prepare: list[NonEmpty] = Field(min_length=1)
    plans: list[SessionPlan] = Field(min_length=1)
    group_prompts: list[NonEmpty] = []
    if_distressed: DistressPlan
    adaptation_tips: list[NonEmpty] = []
    exercises: dict[Ident, NonEmpty] = {}

    @field_validator("plans")
    @classmethod
    def _one_plan_per_length(cls, plans: list[SessionPlan]) -> list[SessionPlan]:
        lengths = [p.minutes for p in plans]
        for length in lengths:
            if lengths.count(length) > 1:
                raise ValueError(f"there are two {length}-minute plans; keep one")
        return plans


def check_notes(
    lang_dir: Path,
    lesson_files: dict[str, Any],
    read: Callable[[Path, type], tuple[Any, LinedDocument]],
    display: Callable[[Path], str],
) -> tuple[dict[str, FacilitatorNotes], list[Problem]]:
    """Load every lesson's notes and check that they point at things that exist.

    ``read`` is the loader's own reader, so schema problems are reported (and collected)
    in the same words as for every other file; this adds the checks across files.
    """
    folder = lang_dir / FOLDER
    notes: dict[str, FacilitatorNotes] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return notes, problems
    for path in sorted(folder.glob("*.yaml")):
        lesson_id = path.stem
        if lesson_id not in lesson_files and not (lang_dir / "lessons" / path.name).exists():
            problems.append(
                Problem(
                    display(path),
                    None,
                    f"these notes are for a lesson '{lesson_id}', but there is no such lesson "
                    f"in lessons.yaml. Rename the file to match a lesson id, or remove it.",
                )
            )
            continue
        value, doc = read(path, FacilitatorNotes)
        if value is None:
            continue
        if value.lesson != lesson_id:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of(("lesson",)),
                    f"lesson is '{value.lesson}' but the file is named '{path.name}'; "
                    "they must match.",
                )
            )
        lesson = lesson_files.get(lesson_id)
        if lesson is not None:
            known = [e.id for e in lesson.exercises]
            for exercise_id in value.exercises:
                if exercise_id not in known:
                    problems.append(
                        Problem(
                            doc.file,
                            doc.line_of(("exercises", exercise_id)),
                            f"there are notes for exercise '{exercise_id}', but lesson "
                            f"'{lesson_id}' has no such exercise (it has: {', '.join(known)}).",
                        )
                    )
            for p, plan in enumerate(value.plans):
                for s, step in enumerate(plan.steps):
                    if step.exercise and step.exercise not in known:
                        problems.append(
                            Problem(
                                doc.file,
                                doc.line_of(("plans", p, "steps", s, "exercise")),
                                f"step {s + 1} of the {plan.minutes}-minute plan names "
                                f"exercise '{step.exercise}', but lesson '{lesson_id}' has "
                                f"no such exercise (it has: {', '.join(known)}).",
                            )
                        )
        notes[lesson_id] = value
    return notes, problems


def missing_notes(
    lang_dir: Path, lesson_ids: list[str], display: Callable[[Path], str]
) -> list[Problem]:
    """A problem for each listed lesson without notes (only once the folder exists)."""
    folder = lang_dir / FOLDER
    if not folder.is_dir():
        return []
    return [
        Problem(
            display(folder / f"{lesson_id}.yaml"),
            None,
            f"lesson '{lesson_id}' has no facilitator notes yet. Copy another lesson's notes "
            "file to this name and change what it says (or run 'workbook new-lesson' next "
            "time, which writes one for you).",
        )
        for lesson_id in lesson_ids
        if not (folder / f"{lesson_id}.yaml").exists()
    ]
