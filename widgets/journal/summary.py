"""Turn stored answers back into words: labelled lines for "My answers" and the export.

Exercises keep their answers as ids (a field id, a statement id, a pile id); the words for
those ids live in the exercise's text in ``data/``. Any list in an exercise's text whose
items have an ``id`` and a ``label`` or ``text`` gives those words, so every exercise
type, present and future, reads back without code of its own.

0-10 self-ratings are found the same way: an exercise whose text has a 0-10 scale
(``low_label`` and ``high_label``) keeps its ratings as whole numbers. A model may also
say exactly what it rated with a ``ratings()`` method returning {key: 0-10}.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from widgets.content.loader import Workbook
from widgets.text import fill

# Answer keys that record where someone was, not what they wrote.
STATE_KEYS = frozenset(
    {"index", "skipped", "revealed", "checked", "step", "page", "position", "open", "paused"}
)
# Answer keys whose words sit in a named field of the exercise's text.
KEY_LABEL_FIELDS = {
    "harsh_choice": "pick_label",
    "own_harsh": "own_label",
    "rating": "question",
    "rewrite": "rewrite_label",
}
_SCALE_FIELDS = ("low_label", "high_label")


@dataclass
class ExerciseAnswers:
    ref: str
    title: str
    lines: list[tuple[str, str]]
    updated: str


@dataclass
class LessonAnswers:
    lesson_id: str
    title: str
    exercises: list[ExerciseAnswers] = field(default_factory=list)


def humanise(key: str) -> str:
    return key.replace("_", " ").replace("-", " ").strip().capitalize()


def label_map(spec: Any) -> dict[str, str]:
    """id -> words, from every list of {id, label|text} items anywhere in the spec.

    A step that offers anchors stores the one picked under its own id, so its words
    there are the question that was asked (not the step's whole text)."""
    found: dict[str, str] = {}

    def walk(value: Any) -> None:
        if isinstance(value, BaseModel):
            ident = getattr(value, "id", None)
            words = (
                getattr(value, "label", None)
                or getattr(value, "anchor_question", None)
                or getattr(value, "text", None)
            )
            if isinstance(ident, str) and isinstance(words, str) and ident not in found:
                found[ident] = words
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for name in type(spec).model_fields:
        walk(getattr(spec, name))
    return found


def text_field_ids(spec: Any) -> set[str]:
    """Ids of text boxes: what is stored under them is the participant's own words."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, BaseModel):
            if "placeholder" in type(value).model_fields and isinstance(
                getattr(value, "id", None), str
            ):
                found.add(value.id)
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(spec)
    return found


def has_scale(spec: Any) -> bool:
    """Whether the exercise (or a part of its text) asks for a 0-10 rating."""

    def walk(value: Any) -> bool:
        if isinstance(value, BaseModel):
            if all(getattr(value, f, None) for f in _SCALE_FIELDS):
                return True
            return any(walk(getattr(value, n)) for n in type(value).model_fields)
        if isinstance(value, (list, tuple)):
            return any(walk(v) for v in value)
        return False

    return walk(spec)


def _is_rating(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10


def ratings_in(spec: Any, data: dict[str, Any]) -> dict[str, int]:
    """{key path: value} for every 0-10 rating in an exercise's answers."""
    if not has_scale(spec):
        return {}
    found: dict[str, int] = {}

    def walk(value: Any, path: tuple[str, ...]) -> None:
        if path and path[-1] in STATE_KEYS:
            return
        if _is_rating(value) and path:
            found["/".join(path)] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, str(key)))

    walk(data, ())
    return found


def model_ratings(model: Any, spec: Any) -> dict[str, int]:
    """A live model's ratings: its own ``ratings()`` if it has one, else found in answers."""
    own = getattr(model, "ratings", None)
    if callable(own):
        try:
            value = own()
        except Exception:  # a model's bug must not stop the page from saving
            return {}
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items() if _is_rating(v)}
        return {}
    return ratings_in(spec, model.answers())


def rating_label(spec: Any, key: str) -> str:
    """Words for a rating key such as "rating" or "start/shame"."""
    labels = label_map(spec)
    parts = key.split("/")
    if parts == ["rating"] and getattr(spec, "question", None):
        return spec.question
    return ", ".join(labels.get(p) or humanise(p) for p in parts)


def answer_lines(spec: Any, data: dict[str, Any], out_of_ten: str) -> list[tuple[str, str]]:
    """(question, answer) pairs in the words the participant saw, skipping empty ones."""
    labels = label_map(spec)
    typed = text_field_ids(spec)
    rated = has_scale(spec)
    lines: list[tuple[str, str]] = []

    def label_for(key: str, parent: str) -> str:
        if key in labels:
            return labels[key]
        named = KEY_LABEL_FIELDS.get(key)
        if named and isinstance(getattr(spec, named, None), str):
            return getattr(spec, named)
        return parent or humanise(key)

    def walk(key: str, value: Any, parent: str) -> None:
        if key in STATE_KEYS or key.startswith("_") or value is None or isinstance(value, bool):
            return
        if isinstance(value, str):
            if value.strip() and not value.startswith("__"):
                # A choice (e.g. a pile picked for a statement) is stored as an id.
                chosen = key in labels and key not in typed
                shown = labels.get(value, value) if chosen else value
                lines.append((label_for(key, parent), shown))
        elif isinstance(value, int):
            if rated and _is_rating(value):
                lines.append((label_for(key, parent), fill(out_of_ten, value=value)))
        elif isinstance(value, dict):
            here = label_for(key, parent) if key else parent
            for k, v in value.items():
                walk(str(k), v, here if k not in labels else "")
        elif isinstance(value, list):
            for item in value:
                walk(key, item, parent)

    walk("", data, "")
    return lines


def gather(workbook: Workbook, record: dict[str, Any], out_of_ten: str) -> list[LessonAnswers]:
    """Every answered exercise, grouped by lesson, in the order of lessons.yaml."""
    lessons: list[LessonAnswers] = []
    for entry in workbook.lessons.lessons:
        lesson = LessonAnswers(entry.id, entry.title)
        lesson_file = workbook.lesson_files.get(entry.id)
        for spec in lesson_file.exercises if lesson_file else []:
            ref = f"{entry.id}/{spec.id}"
            stored = record["answers"].get(ref)
            if not stored:
                continue
            lines = answer_lines(spec, stored["data"], out_of_ten)
            if lines:
                lesson.exercises.append(ExerciseAnswers(ref, spec.title, lines, stored["updated"]))
        if lesson.exercises:
            lessons.append(lesson)
    return lessons


def spec_for(workbook: Workbook, ref: str) -> Any | None:
    try:
        return workbook.exercise(ref)[1]
    except KeyError:
        return None


def lesson_title(workbook: Workbook, ref: str) -> str:
    try:
        return workbook.lesson(ref.partition("/")[0]).title
    except KeyError:
        return ref.partition("/")[0]


def checkin_history(workbook: Workbook, record: dict[str, Any]) -> Iterator[tuple[str, int, str]]:
    """(lesson title, value, when) for every check-in rating, oldest first."""
    for rating in record["ratings"]:
        spec = spec_for(workbook, rating["ref"])
        if spec is not None and spec.type == "checkin" and rating["key"] == "rating":
            yield lesson_title(workbook, rating["ref"]), rating["value"], rating["at"]


def other_ratings(
    workbook: Workbook, record: dict[str, Any]
) -> list[tuple[str, list[tuple[str, int]]]]:
    """(exercise title, [(rating words, latest value)]) for rated exercises that are not
    the day's check-in, in lesson order."""
    found = []
    for entry in workbook.lessons.lessons:
        lesson_file = workbook.lesson_files.get(entry.id)
        for spec in lesson_file.exercises if lesson_file else []:
            stored = record["answers"].get(f"{entry.id}/{spec.id}")
            if not stored or spec.type == "checkin":
                continue
            ratings = ratings_in(spec, stored["data"])
            if ratings:
                found.append((spec.title, [(rating_label(spec, k), v) for k, v in ratings.items()]))
    return found
