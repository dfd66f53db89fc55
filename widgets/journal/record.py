"""The journal record: every exercise's answers, kept in the participant's own browser.

One record holds the whole workbook, so answers follow the participant from lesson to
lesson. It is plain JSON, versioned, and checked strictly whenever it comes back from
the browser or from a file, because both can be old, damaged or not ours at all. A record
that cannot be read is never "repaired" by guessing: the caller is told why, in a code
that maps to a kind message in ``data/<lang>/journal.yaml``.

    {"app": "owning-it-gently", "kind": "journal", "version": 1,
     "answers": {"responsibility/rewrite": {"data": {...}, "updated": "2026-...Z"}},
     "ratings": [{"ref": "welcome/arriving", "key": "rating", "value": 7, "at": "..."}]}

``answers[ref].data`` is exactly what the exercise model's ``answers()`` returned.
``ratings`` is a log of 0-10 self-ratings in the order they were made, for the charts
"over time"; a rating changed twice is logged twice.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

APP = "owning-it-gently"
KIND = "journal"
VERSION = 1
# A record bigger than this is not something a person typed into a workbook.
MAX_CHARS = 20_000_000
MAX_RATINGS = 500

# version n -> function that turns a version-n record (a dict) into version n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

Ref = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*$")]


class RecordProblem(Exception):
    """Why a record or file cannot be used: one of "not_json", "wrong_kind", "damaged",
    "older", "newer", "too_big"."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Entry(_Strict):
    data: dict[str, Any]
    updated: str = Field(max_length=40)


class Rating(_Strict):
    ref: Ref
    key: str = Field(min_length=1, max_length=200)
    value: int = Field(ge=0, le=10)
    at: str = Field(max_length=40)


class Record(_Strict):
    app: Literal["owning-it-gently"]
    kind: Literal["journal"]
    version: Literal[1]
    updated: str = Field(default="", max_length=40)
    answers: dict[Ref, Entry] = {}
    ratings: list[Rating] = Field(default=[], max_length=MAX_RATINGS)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_record() -> dict[str, Any]:
    return {
        "app": APP,
        "kind": KIND,
        "version": VERSION,
        "updated": "",
        "answers": {},
        "ratings": [],
    }


def parse(text: str | bytes) -> dict[str, Any]:
    """A checked record from JSON text; raises RecordProblem saying what is wrong."""
    if isinstance(text, bytes):
        if len(text) > MAX_CHARS * 4:
            raise RecordProblem("too_big")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise RecordProblem("not_json") from None
    if len(text) > MAX_CHARS:
        raise RecordProblem("too_big")
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise RecordProblem("not_json") from None
    return check(value)


def check(value: Any) -> dict[str, Any]:
    """A checked (and, if older, upgraded) copy of a record already parsed from JSON."""
    if not isinstance(value, dict) or value.get("app") != APP or value.get("kind") != KIND:
        raise RecordProblem("wrong_kind")
    version = value.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise RecordProblem("damaged")
    if version > VERSION:
        raise RecordProblem("newer")
    value = copy.deepcopy(value)
    while value["version"] < VERSION:
        step = MIGRATIONS.get(value["version"])
        if step is None:
            raise RecordProblem("older")
        value = step(value)
    try:
        return _whole_characters(Record.model_validate(value).model_dump())
    except (ValidationError, RecursionError):
        raise RecordProblem("damaged") from None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_characters(value: Any) -> Any:
    """The value with any half of an emoji (a lone UTF-16 surrogate, which JSON can spell
    but no file or page can show) replaced by U+FFFD, so it can always be saved again."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_whole_characters(k): _whole_characters(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_characters(v) for v in value]
    return value


def to_json(record: dict[str, Any], indent: int | None = 2) -> str:
    """The record as JSON: the format of the export file and of browser storage."""
    return json.dumps(record, ensure_ascii=False, indent=indent, sort_keys=True)


def put(record: dict[str, Any], ref: str, data: dict[str, Any], at: str) -> dict[str, Any]:
    """Store one exercise's answers; returns the entry that was stored."""
    entry = {"data": copy.deepcopy(data), "updated": at}
    record["answers"][ref] = entry
    record["updated"] = at
    return entry


def log_ratings(
    record: dict[str, Any], ref: str, ratings: dict[str, int], at: str
) -> list[dict[str, Any]]:
    """Add each rating that differs from the last one logged for it; returns the new ones."""
    added = []
    for key, value in ratings.items():
        last = next(
            (r for r in reversed(record["ratings"]) if r["ref"] == ref and r["key"] == key), None
        )
        if last is None or last["value"] != value:
            rating = {"ref": ref, "key": key, "value": value, "at": at}
            record["ratings"].append(rating)
            added.append(rating)
    del record["ratings"][:-MAX_RATINGS]
    return added


def merge_file(
    current: dict[str, Any], incoming: dict[str, Any]
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], int]:
    """What an imported record adds to the current one, never overwriting.

    Returns (entries to add, ratings to add, how many exercises were kept as they were).
    Exercises already answered here stay as they are, so loading a file can never lose
    anything; ratings are added when the same rating is not logged yet.
    """
    entries: dict[str, dict[str, Any]] = {}
    kept = 0
    for ref, entry in incoming["answers"].items():
        mine = current["answers"].get(ref)
        if mine is None:
            entries[ref] = copy.deepcopy(entry)
        elif mine["data"] != entry["data"]:
            kept += 1

    def same(r: dict[str, Any]) -> tuple:
        return r["ref"], r["key"], r["value"], r["at"]

    seen = {same(r) for r in current["ratings"]}
    ratings = [dict(r) for r in incoming["ratings"] if same(r) not in seen]
    return entries, ratings, kept


def apply(
    record: dict[str, Any], entries: dict[str, dict[str, Any]], ratings: list[dict[str, Any]]
) -> None:
    """Add entries and ratings in place, keeping ratings in time order."""
    for ref, entry in entries.items():
        record["answers"][ref] = copy.deepcopy(entry)
    if ratings:
        record["ratings"] = sorted([*record["ratings"], *ratings], key=lambda r: r["at"])
        del record["ratings"][:-MAX_RATINGS]


def is_empty(record: dict[str, Any]) -> bool:
    return not record["answers"] and not record["ratings"]
