"""Load and check everything in ``data/``.

One call, :func:`load_workbook`, reads every file once per process and returns typed
content; any problem in any file is collected (not raised one at a time) and reported in
plain words with file, line and field, so a facilitator can fix them all in one go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from widgets.content import cache as content_cache
from widgets.content import schema
from widgets.content.yaml_lines import SINGULAR, LinedDocument, Problem, load_lined
from widgets.paths import data_dir

EXERCISE_TYPES: tuple[str, ...] = tuple(sorted(schema.EXERCISE_TAGS))


# Folders under data/ named like a language code ("en", "es", "pt-BR") hold one language.
LANG_DIR = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


class ContentError(Exception):
    """Raised when data/ has problems; ``problems`` lists each in plain words."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def languages_in_use(root: Path | None = None) -> list[str]:
    """The language folders a workshop uses: settings.yaml's ``languages`` if set (an
    English-only group need not keep the Spanish files up to date), else every folder.

    Read lightly, without the full check, because every page asks; a settings.yaml that
    cannot be read leaves every folder in use (its own check reports the problem)."""
    root = Path(root) if root else data_dir()
    folders = sorted(p.name for p in root.iterdir() if p.is_dir() and LANG_DIR.match(p.name))
    doc = load_lined(root / "settings.yaml")
    chosen = doc.value.get("languages") if isinstance(doc.value, dict) else None
    if isinstance(chosen, list) and chosen and all(isinstance(x, str) for x in chosen):
        return [lang for lang in folders if lang in chosen]
    return folders


def languages_not_in_use(root: Path | None = None) -> set[str]:
    root = Path(root) if root else data_dir()
    folders = {p.name for p in root.iterdir() if p.is_dir() and LANG_DIR.match(p.name)}
    return folders - set(languages_in_use(root))


def _display(path: Path, root: Path) -> str:
    try:
        return str(Path("data") / path.relative_to(root))
    except ValueError:
        return str(path)


def _describe(loc: tuple[Any, ...], value: Any) -> tuple[str, tuple[Any, ...]]:
    """Turn a pydantic location into words ("statement 's7'") and a path into the data."""
    words: list[str] = []
    path: list[Any] = []
    current = value
    i = 0
    while i < len(loc):
        key = loc[i]
        if isinstance(current, dict) and key in current:
            path.append(key)
            nxt = current[key]
            if isinstance(nxt, list) and i + 1 < len(loc) and isinstance(loc[i + 1], int):
                index = loc[i + 1]
                if index < len(nxt):
                    item = nxt[index]
                    name = SINGULAR.get(key, key)
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        words.append(f"{name} '{item['id']}'")
                    else:
                        words.append(f"{name} {index + 1}")
                    path.append(index)
                    current = item
                    i += 2
                    continue
            if isinstance(nxt, dict) and key == "regions" and i + 1 < len(loc):
                words.append(f"region '{loc[i + 1]}'")
                path.append(loc[i + 1])
                current = nxt.get(loc[i + 1])
                i += 2
                continue
            current = nxt
        elif isinstance(key, str) and key in schema.EXERCISE_TAGS:
            pass  # the discriminator tag pydantic adds to union locations
        else:
            break
        i += 1
    return " › ".join(words), tuple(path)


def _field_name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part not in schema.EXERCISE_TAGS:
            return part
    return ""


def _humanise(err: dict[str, Any], doc: LinedDocument) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    where, path = _describe(loc, doc.value)
    field = _field_name(loc)
    subject = where or "this file"
    ctx = err.get("ctx") or {}
    if kind == "missing":
        parent_where, parent_path = _describe(loc[:-1], doc.value)
        msg = f"{parent_where or 'this file'} has no '{field}'; it is required here."
        line = doc.line_of(parent_path)
        return Problem(doc.file, line, msg)
    line = doc.line_of(path)
    if kind == "extra_forbidden":
        msg = (
            f"'{field}' is not a field the workbook knows"
            + (f" (in {_describe(loc[:-1], doc.value)[0]})" if len(loc) > 1 else "")
            + ". Check its spelling, or remove it."
        )
    elif kind == "union_tag_invalid":
        msg = (
            f"{subject} has type '{ctx.get('tag')}', which is not an exercise type the "
            f"workbook knows. Known types: {', '.join(EXERCISE_TYPES)}."
        )
    elif kind == "union_tag_not_found":
        msg = f"{subject} has no 'type'. Known types: {', '.join(EXERCISE_TYPES)}."
    elif kind == "value_error":
        text = err["msg"].removeprefix("Value error, ")
        # A check on one field (a crisis entry's 'source') names that field; a check on a
        # whole exercise or entry names only where it is.
        on_field = bool(path) and isinstance(loc[-1], str) and path[-1] == loc[-1]
        msg = f"'{field}' in {subject}: {text}." if on_field else f"{subject}: {text}."
        line = _item_line(doc, path, text) or line
    elif kind in {"string_type", "string_too_short"}:
        msg = (
            f"'{field}' in {subject} needs some text."
            if kind == "string_too_short"
            else (f"'{field}' in {subject} should be text.")
        )
    elif kind == "string_pattern_mismatch":
        if field == "file_name":
            msg = f"'{field}' in {subject} should be a simple file name ending in .md."
        else:
            msg = (
                f"'{field}' in {subject} should be a short id: lower-case letters, digits, "
                "dashes or underscores, no spaces."
            )
    elif kind in {"int_type", "int_parsing", "int_from_float"}:
        msg = f"'{field}' in {subject} should be a whole number."
    elif kind == "greater_than_equal" and "ge" in ctx:
        msg = f"'{field}' in {subject} should be {ctx['ge']} or more."
    elif kind == "less_than_equal" and "le" in ctx:
        msg = f"'{field}' in {subject} should be {ctx['le']} or less."
    elif kind in {"list_type", "too_short"}:
        msg = (
            f"'{field}' in {subject} should be a list with at least one item (lines starting '- ')."
        )
    elif kind in {"dict_type", "model_type", "model_attributes_type"}:
        msg = f"{subject or 'this file'} should be a set of 'name: value' lines."
    elif kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        msg = (
            f"'{field}' in {subject} should be a real date written as YYYY-MM-DD, "
            "for example 2026-03-31."
        )
    elif kind in {"literal_error", "enum"} and "expected" in ctx:
        msg = f"'{field}' in {subject} should be {ctx['expected']}."
    elif kind == "bool_type" or kind == "bool_parsing":
        msg = f"'{field}' in {subject} should be yes or no."
    else:
        msg = f"'{field}' in {subject}: {err['msg']}."
    return Problem(doc.file, line, msg)


_GUESSED = re.compile(r"^'([^']+)' is not a field .*did you mean '([^']+)'\?")
_MISSING_HERE = re.compile(r"^'([^']+)' is in data/\S+ line \d+ but missing here")
_REQUIRED = re.compile(r"has no '([^']+)'; it is required here\.$")
_QUOTED_FIRST = re.compile(r"^'([^']+)'")
_SHARED_ID = re.compile(r"share the id '([^']+)'")
_ITEM_FIELD = re.compile(r"^\w[\w ]* '([^']+)' has (\w+) '")


def _item_line(doc: LinedDocument, path: tuple[Any, ...], text: str) -> int | None:
    """The line of the item a whole-exercise check is about (the second of two statements
    sharing an id, a statement's wrong 'answer'), instead of the exercise's first line."""
    shared, item_field = _SHARED_ID.search(text), _ITEM_FIELD.search(text)
    match = shared or item_field
    wanted = match[1] if match else None
    if wanted is None:
        return None
    found: list[tuple[Any, ...]] = []

    def walk(value: Any, where: tuple[Any, ...]) -> None:
        if isinstance(value, dict):
            if value.get("id") == wanted and where and isinstance(where[-1], int):
                found.append(where)
            for key, inner in value.items():
                walk(inner, (*where, key))
        elif isinstance(value, list):
            for i, inner in enumerate(value):
                walk(inner, (*where, i))

    start: Any = doc.value
    for part in path:
        start = start[part]
    walk(start, tuple(path))
    if shared and len(found) >= 2:
        return doc.line_of(found[1])
    if item_field and found:
        return doc.line_of((*found[0], item_field[2]))
    return None


def _did_you_mean(errors: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """Pair an unknown field with a missing one of like spelling ('qestion' and
    'question'): one slip, one message. Returns the errors left, and a guess per error."""
    import difflib

    missing = {tuple(e["loc"][:-1]): e for e in errors if e["type"] == "missing" and e["loc"]}
    guesses: dict[int, str] = {}
    dropped: set[int] = set()
    for e in errors:
        if e["type"] != "extra_forbidden" or not e["loc"]:
            continue
        parent = tuple(e["loc"][:-1])
        names = [str(m["loc"][-1]) for k, m in missing.items() if k == parent]
        close = difflib.get_close_matches(str(e["loc"][-1]), names, n=1, cutoff=0.6)
        if close:
            guesses[id(e)] = close[0]
            dropped.add(id(missing[parent]))
            continue
        # An optional field misspelled is not missing: guess among every field's name.
        close = difflib.get_close_matches(str(e["loc"][-1]), _field_names(), n=1, cutoff=0.8)
        if close:
            guesses[id(e)] = close[0]
    return [e for e in errors if id(e) not in dropped], guesses


@lru_cache(maxsize=1)
def _field_names() -> list[str]:
    """Every field name any file may use (for "did you mean")."""
    from widgets.content import notes

    names: set[str] = set()
    for module in (schema, notes):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel):
                names.update(value.model_fields)
    return sorted(names)


def check_document(doc: LinedDocument, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate one parsed file against its model; never raises."""
    if doc.problems or doc.value is None:
        return None, list(doc.problems)
    try:
        return model.model_validate(doc.value), []
    except ValidationError as exc:
        errors, guesses = _did_you_mean([dict(e) for e in exc.errors(include_url=False)])
        problems = []
        for e in errors:
            problem = _humanise(e, doc)
            if id(e) in guesses:
                problem.message = problem.message.replace(
                    ". Check its spelling, or remove it.",
                    f": did you mean '{guesses[id(e)]}'? Correct its spelling.",
                )
            problems.append(problem)
        return None, problems


@dataclass(frozen=True)
class Workbook:
    """Everything in data/ for one language, already checked."""

    settings: schema.Settings
    lessons: schema.LessonList
    crisis: schema.CrisisFile
    ui: schema.UiText
    lesson_files: dict[str, schema.LessonFile]
    root: Path
    journal: schema.JournalText | None = None
    # What the care check looks for in typed answers, and the replies to ratings.
    care: schema.CareFile | None = None
    # lesson id -> facilitator notes (data/<lang>/facilitator/), for the facilitator view.
    facilitator: dict[str, Any] = field(default_factory=dict)
    # The words of the printed pages and the notes panel (data/<lang>/handouts.yaml).
    handouts: schema.HandoutText | None = None
    # The folder under data/ this text came from ("en", "es").
    language: str = "en"

    def exercise(self, ref: str) -> tuple[schema.LessonEntry, Any]:
        """Find "lesson-id/exercise-id"; say kindly what exists when it is not found."""
        lesson_id, _, exercise_id = ref.partition("/")
        entry = self.lesson(lesson_id)
        for exercise in self.lesson_files[lesson_id].exercises:
            if exercise.id == exercise_id:
                return entry, exercise
        known = ", ".join(e.id for e in self.lesson_files[lesson_id].exercises)
        raise KeyError(f"lesson '{lesson_id}' has no exercise '{exercise_id}' (it has: {known})")

    def lesson(self, lesson_id: str) -> schema.LessonEntry:
        for entry in self.lessons.lessons:
            if entry.id == lesson_id:
                return entry
        known = ", ".join(e.id for e in self.lessons.lessons)
        raise KeyError(f"there is no lesson '{lesson_id}' in lessons.yaml (known: {known})")

    @property
    def region_id(self) -> str:
        """This language's default help region (settings.yaml's crisis_region)."""
        return region_for(self.settings, self.language, self.crisis)

    def crisis_region(self, choice: str | None = None) -> schema.CrisisRegion:
        """The participant's chosen region if this language knows it, else the default."""
        return self.crisis.regions.get(choice or "", self.crisis.regions[self.region_id])


def region_for(settings: schema.Settings, language: str, crisis: schema.CrisisFile) -> str:
    """The region settings.yaml names for ``language``; a language it does not name gets
    the international list (or the first region when there is none)."""
    chosen = settings.crisis_region
    if isinstance(chosen, dict):
        chosen = chosen.get(language) or ""
    if chosen:
        return chosen
    return "international" if "international" in crisis.regions else next(iter(crisis.regions))


def collect(
    root: Path | None = None, language: str | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """Read every file; return what loaded and every problem found."""
    root = Path(root) if root else data_dir()
    problems: list[Problem] = []
    loaded: dict[str, Any] = {}

    def read(path: Path, model: type[BaseModel]) -> Any:
        doc = load_lined(path, _display(path, root))
        value, found = check_document(doc, model)
        problems.extend(found)
        return value, doc

    settings, settings_doc = read(root / "settings.yaml", schema.Settings)
    lang = language or (settings.language if settings else "en")
    lang_dir = root / lang
    if not lang_dir.is_dir():
        problems.append(
            Problem(_display(lang_dir, root), None, f"there is no folder for language '{lang}'.")
        )
        return loaded, problems
    lessons, lessons_doc = read(lang_dir / "lessons.yaml", schema.LessonList)
    crisis, crisis_doc = read(lang_dir / "crisis.yaml", schema.CrisisFile)
    ui, _ = read(lang_dir / "ui.yaml", schema.UiText)
    journal, _ = read(lang_dir / "journal.yaml", schema.JournalText)
    care_words, care_doc = read(lang_dir / "care.yaml", schema.CareFile)
    if care_words is not None:
        from widgets.content.care import example_problems

        problems.extend(
            Problem(care_doc.file, care_doc.line_of(path), message)
            for path, message in example_problems(care_words)
        )
    if settings and crisis and region_for(settings, lang, crisis) not in crisis.regions:
        problems.append(_missing_region(root, lang, settings, settings_doc, crisis_doc, crisis))
    if settings:
        problems.extend(_unknown_languages(root, settings, settings_doc))
    if settings and lessons and settings.workshop_lesson not in {e.id for e in lessons.lessons}:
        problems.append(
            Problem(
                settings_doc.file,
                settings_doc.line_of(("workshop_lesson",)),
                f"workshop_lesson is '{settings.workshop_lesson}', but lessons.yaml has no such "
                f"lesson. Choose one of: {', '.join(e.id for e in lessons.lessons)}.",
            )
        )
    lesson_files: dict[str, schema.LessonFile] = {}
    listed: set[str] = set()
    if lessons:
        for index, entry in enumerate(lessons.lessons):
            listed.add(entry.id)
            path = lang_dir / "lessons" / f"{entry.id}.yaml"
            if not path.exists():
                problems.append(
                    Problem(
                        lessons_doc.file,
                        lessons_doc.line_of(("lessons", index)),
                        f"lesson '{entry.id}' is listed, but {_display(path, root)} is missing.",
                    )
                )
                continue
            notebooks = root.parent / "notebooks"
            if notebooks.is_dir() and not (notebooks / entry.notebook).exists():
                problems.append(
                    Problem(
                        lessons_doc.file,
                        lessons_doc.line_of(("lessons", index, "notebook")),
                        f"lesson '{entry.id}' names notebook '{entry.notebook}', which is "
                        "not in notebooks/.",
                    )
                )
            lesson, doc = read(path, schema.LessonFile)
            if lesson is not None:
                if lesson.id != entry.id:
                    problems.append(
                        Problem(
                            doc.file,
                            doc.line_of(("id",)),
                            f"id is '{lesson.id}' but the file is listed as '{entry.id}'; "
                            "they must match.",
                        )
                    )
                lesson_files[entry.id] = lesson
    lessons_folder = lang_dir / "lessons"
    if lessons and lessons_folder.is_dir():
        for path in sorted(lessons_folder.glob("*.yaml")):
            if path.stem not in listed:
                problems.append(
                    Problem(
                        _display(path, root),
                        None,
                        "this lesson file is not listed in "
                        f"{_display(lang_dir, root)}/lessons.yaml. "
                        "Add it to the list (or move the file out of this folder).",
                    )
                )
    from widgets.content.notes import check_notes, missing_notes

    notes, found = check_notes(lang_dir, lesson_files, read, lambda p: _display(p, root))
    problems.extend(found)
    listed_ids = [e.id for e in lessons.lessons] if lessons else []
    problems.extend(missing_notes(lang_dir, listed_ids, lambda p: _display(p, root)))
    if settings is not None and lessons is not None:
        problems.extend(_unknown_left_out(settings, settings_doc, lesson_files, listed_ids))
    # words for the printed handouts and the facilitator's notes panel
    handout_words, _ = read(lang_dir / "handouts.yaml", schema.HandoutText)
    loaded.update(
        language=lang,
        facilitator=notes,
        handouts=handout_words,
        settings=settings,
        lessons=lessons,
        crisis=crisis,
        ui=ui,
        journal=journal,
        care=care_words,
        lesson_files=lesson_files,
        root=root,
    )
    return loaded, problems


def _missing_region(
    root: Path,
    lang: str,
    settings: schema.Settings,
    settings_doc: LinedDocument,
    crisis_doc: LinedDocument,
    crisis: schema.CrisisFile,
) -> Problem:
    """The region settings.yaml chooses for this language is not in its crisis.yaml. A
    region chosen per language is that language's own line; one region for every
    language that another language has was added there only: say where to copy it, once."""
    region = region_for(settings, lang, crisis)
    if isinstance(settings.crisis_region, dict):
        return Problem(
            settings_doc.file,
            settings_doc.line_of(("crisis_region", lang)),
            f"crisis_region for {lang} is '{region}', but {lang}/crisis.yaml has no such "
            f"region. Choose one of: {', '.join(crisis.regions)}.",
        )
    elsewhere = []
    for other in languages_in_use(root):
        doc = load_lined(root / other / "crisis.yaml")
        regions = doc.value.get("regions") if isinstance(doc.value, dict) else None
        if other != lang and isinstance(regions, dict) and region in regions:
            elsewhere.append(other)
    if elsewhere:
        source = f"data/{elsewhere[0]}/crisis.yaml"
        only = ", ".join(elsewhere)
        return Problem(
            crisis_doc.file,
            crisis_doc.line_of(("regions",)),
            f"there is no region '{region}' here yet, and settings.yaml chooses it. Copy it "
            f"from {source} and write it in this language, or serve only {only} with "
            f"'languages: [{only}]' in data/settings.yaml.",
        )
    # No language has it: one message, the same from every language, about the main one.
    main = settings.language
    doc = load_lined(root / main / "crisis.yaml")
    regions = doc.value.get("regions") if isinstance(doc.value, dict) else None
    known = regions if isinstance(regions, dict) else {}
    return Problem(
        settings_doc.file,
        settings_doc.line_of(("crisis_region",)),
        f"crisis_region is '{region}', but data/{main}/crisis.yaml has no such region. Choose "
        f"one of: {', '.join(known)}.",
    )


def _unknown_left_out(
    settings: schema.Settings,
    settings_doc: LinedDocument,
    lesson_files: dict[str, schema.LessonFile],
    listed: list[str],
) -> list[Problem]:
    """Each ``leave_out`` entry must name a lesson, or an exercise of one: a typo would
    otherwise leave everything in without a word."""
    problems = []
    for i, ref in enumerate(settings.leave_out):
        lesson_id, _, exercise_id = ref.partition("/")
        where = settings_doc.line_of(("leave_out", i))
        if lesson_id not in listed:
            problems.append(
                Problem(
                    settings_doc.file,
                    where,
                    f"leave_out lists '{ref}', but there is no lesson '{lesson_id}'. "
                    f"The lessons are: {', '.join(listed)}.",
                )
            )
        elif exercise_id and lesson_id in lesson_files:
            known = [e.id for e in lesson_files[lesson_id].exercises]
            if exercise_id not in known:
                problems.append(
                    Problem(
                        settings_doc.file,
                        where,
                        f"leave_out lists '{ref}', but lesson '{lesson_id}' has no exercise "
                        f"'{exercise_id}'. Its exercises are: {', '.join(known)}.",
                    )
                )
    return problems


def _unknown_languages(
    root: Path, settings: schema.Settings, settings_doc: LinedDocument
) -> list[Problem]:
    if not settings.languages:
        return []
    folders = {p.name for p in root.iterdir() if p.is_dir() and LANG_DIR.match(p.name)}
    problems = [
        Problem(
            settings_doc.file,
            settings_doc.line_of(("languages",)),
            f"languages lists '{lang}', but there is no folder data/{lang}. Choose from: "
            f"{', '.join(sorted(folders))}.",
        )
        for lang in settings.languages
        if lang not in folders
    ]
    if settings.language not in settings.languages:
        problems.append(
            Problem(
                settings_doc.file,
                settings_doc.line_of(("languages",)),
                f"languages does not list '{settings.language}', the language in 'language'. "
                f"Add it: languages: [{', '.join([settings.language, *settings.languages])}].",
            )
        )
    return problems


def validate(root: Path | None = None) -> list[Problem]:
    """Every problem in data/, for every language in use (``languages_in_use``)."""
    root = Path(root) if root else data_dir()
    _, problems = collect(root)
    settings_lang = None
    if (root / "settings.yaml").exists():
        doc = load_lined(root / "settings.yaml")
        if isinstance(doc.value, dict):
            settings_lang = doc.value.get("language")
    in_use = languages_in_use(root)
    for lang in in_use:
        if lang != (settings_lang or "en"):
            problems.extend(collect(root, lang)[1])
    from widgets.content.parity import compare_languages

    # A file with a problem of its own is not compared: one typo, one message.
    with_problems = {p.file for p in problems}
    # Nor is a misspelled key that already has its "did you mean" (in a translation).
    guessed: set[tuple[str, str]] = set()
    for problem in problems:
        if match := _GUESSED.match(problem.message):
            guessed |= {(problem.file, match[1]), (problem.file, match[2])}
    for problem in compare_languages(root, languages=in_use, skip=with_problems):
        key = _QUOTED_FIRST.match(problem.message)
        if not (key and (problem.file, key[1]) in guessed):
            problems.append(problem)
    # A key a translation lacks is said once, by the comparison, which names where the
    # main language has it; the schema's "required" for the same key is left out.
    lacking = {(p.file, m[1], p.line) for p in problems if (m := _MISSING_HERE.match(p.message))}
    problems = [
        p
        for p in problems
        if not ((m := _REQUIRED.search(p.message)) and (p.file, m[1], p.line) in lacking)
    ]
    seen: set[str] = set()
    unique = []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            unique.append(p)
    return unique


@lru_cache(maxsize=8)
def _load(root: str, language: str | None) -> Workbook:
    key = content_cache.fingerprint(Path(root), language)
    cached = content_cache.read(key)
    if isinstance(cached, Workbook):
        if not content_cache.has_last_good(Path(root), cached.language):
            content_cache.write_last_good(Path(root), cached.language, cached)
        return cached
    loaded, problems = collect(Path(root), language)
    if problems:
        raise ContentError(problems)
    workbook = Workbook(**loaded)
    content_cache.write(key, workbook)
    content_cache.write_last_good(Path(root), workbook.language, workbook)
    return workbook


def load_workbook(root: Path | None = None, language: str | None = None) -> Workbook:
    """The checked content; parsed once per process, and kept for the next process while
    the files stay the same (:mod:`widgets.content.cache`).

    Without ``language``: the page's language if it chose one, else settings.yaml's."""
    return _load(str(Path(root) if root else data_dir()), language)


def clear_cache() -> None:
    _load.cache_clear()


# --- the safety shell, whatever is wrong -----------------------------------------------

SHIPPED_SAFETY = Path(__file__).parent / "shipped_safety.yaml"


def load_shell(root: Path | None = None, language: str | None = None) -> Workbook:
    """What every page needs to stay safe (pause, help, help lines, where it is) when
    :func:`load_workbook` finds a problem: a typo in one lesson must not take help off
    any page. Each part is the file as it is now if that file checks on its own, else the
    last content that checked (``content_cache``), else the words the workbook ships
    (``shipped_safety.yaml``: the pause and a help line that works in every country).

    ``lessons`` is None when neither lessons.yaml nor a checked copy can be read; there
    are no exercises (``lesson_files`` is empty): each exercise shows the problem."""
    root = Path(root) if root else data_dir()
    settings_doc = load_lined(root / "settings.yaml")
    chosen = settings_doc.value.get("language") if isinstance(settings_doc.value, dict) else None
    lang = language or (chosen if isinstance(chosen, str) else None) or "en"
    good = content_cache.read_last_good(root, lang)
    good = good if isinstance(good, Workbook) else None

    def part(path: Path, model: type[BaseModel], name: str) -> Any:
        value, problems = check_document(load_lined(path), model)
        return value if not problems else getattr(good, name, None)

    settings = part(root / "settings.yaml", schema.Settings, "settings") or schema.Settings()
    lessons = part(root / lang / "lessons.yaml", schema.LessonList, "lessons")
    crisis = part(root / lang / "crisis.yaml", schema.CrisisFile, "crisis")
    ui = part(root / lang / "ui.yaml", schema.UiText, "ui")
    region = region_for(settings, lang, crisis) if crisis is not None else ""
    if (crisis is None or region not in crisis.regions) and good is not None:
        crisis, region = good.crisis, good.region_id
    if crisis is None or ui is None or region not in crisis.regions:
        import yaml

        shipped = yaml.safe_load(SHIPPED_SAFETY.read_text(encoding="utf-8"))
        words = shipped.get(lang) or shipped["en"]
        ui = ui or schema.UiText.model_validate(words["ui"])
        if crisis is None or region not in crisis.regions:
            crisis = schema.CrisisFile.model_validate(words["crisis"])
            region = next(iter(crisis.regions))
    return Workbook(
        settings=settings.model_copy(update={"crisis_region": region}),
        lessons=lessons,
        crisis=crisis,
        ui=ui,
        lesson_files={},
        root=root,
        language=lang,
    )
