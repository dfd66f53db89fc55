"""``workbook new-lesson``: start a lesson from a template that already works.

A facilitator who adds a lesson should begin from something that passes every check
(the validator, the notebook run, the browser) and change it step by step, instead of
copying files by hand and chasing errors. The new lesson has the safety shell, one
example exercise, placeholder facilitator notes, and a place at the end of the lesson
list. Nothing existing is changed except that list, which is appended to as text so its
comments stay.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from widgets.content.loader import EXERCISE_TYPES, LANG_DIR
from widgets.content.yaml_lines import load_lined, parse_lined
from widgets.tools import notebook_builder

SLUG = re.compile(r"[^a-z0-9]+")


class ScaffoldError(Exception):
    """Why a lesson could not be made, in words a facilitator can act on."""


@dataclass
class NewLesson:
    id: str
    title: str
    notebook: Path
    written: list[Path]


def lesson_id(name: str) -> str:
    """A short id from any name: "Self-Forgiveness 101" -> "self-forgiveness-101"."""
    slug = SLUG.sub("-", name.strip().lower()).strip("-")[:40].strip("-")
    if not slug or not slug[0].isalnum():
        raise ScaffoldError(
            f"'{name}' does not make a usable lesson id. Use letters and digits, "
            "for example: workbook new-lesson self-forgiveness"
        )
    return slug


def _next_number(notebooks: Path) -> int:
    numbers = [
        int(m.group(1)) for p in notebooks.glob("*.ipynb") if (m := re.match(r"^(\d+)_", p.name))
    ]
    return max(numbers, default=-1) + 1


# The same tip as in every lesson; the Voila template hides cells tagged lab-only.
START_TIP = (
    "> **How to start:** in the menu at the top, choose **Run ▸ Run All Cells**. Then "
    "scroll down and read at your own pace. You never need to touch any code."
)

NOTEBOOK = """%%md
# {title}
%%md lab-only
{start_tip}
%%code
from widgets import show_exercise, show_safety
show_safety({id_json})
%%md
## What this lesson is about

This is a new lesson. Write what it is about here.
Keep your sentences short and kind.
Say what the exercise will ask before it asks it.
%%md
## Exercise 1: A moment to reflect
%%code
show_exercise({ref_json})
%%md
## Well done

You reached the end of this lesson. However much you did today is enough.
%%code
from widgets import show_footer
show_footer({lesson_json})
"""

LESSON_FILE = """# A new lesson made by "workbook new-lesson". Change the example text to your own.
# Every text here is shown to participants as plain text. Keep sentences short (grade 7
# or below). Each exercise has an id (used in the notebook, {notebook}) and a type
# (which widget shows it). Types: {types}.
# See the other files in this folder for an example of each type.
id: {id}
exercises:
  - id: reflection
    type: reflection
    title: A moment to reflect
    intro: >-
      This is an example exercise. Write as much or as little as you like. Nobody else
      will read it, and you can skip it.
    prompts:
      - id: notice
        label: "One thing I noticed in this lesson:"
      - id: try_next
        label: "One small thing I might try next:"
"""

NOTES_FILE = """# Facilitator notes for the lesson '{id}' (made by "workbook new-lesson").
# Only facilitators see these: in the facilitator view (add ?facilitator=1 to the page
# address) and in the printed guide (workbook handouts). Replace each "Write ..." line.
# plans: the steps of each plan must add up to its minutes; a step may name an exercise.
# exercises: notes shown beside each exercise, keyed by its id in lessons/{id}.yaml.
lesson: {id}
summary: >-
  Write two or three sentences: what this lesson is about, and why it matters for
  your group.
prepare:
  - Write what to read, try or print before the session.
plans:
  - minutes: 60
    steps:
      - minutes: 5
        activity: Arrive. Remind people that everything is optional and how to pause.
      - minutes: 15
        activity: Read the lesson text together. Invite questions about the ideas.
      - minutes: 20
        activity: The reflection, alone and quietly.
        exercise: reflection
      - minutes: 15
        activity: Optional pair or group talk (see the prompts).
      - minutes: 5
        activity: Close. Remind people where help is.
  - minutes: 90
    steps:
      - minutes: 10
        activity: Arrive and check in (one word, or pass).
      - minutes: 25
        activity: Read the lesson text together. Invite questions about the ideas.
      - minutes: 25
        activity: The reflection, alone and quietly.
        exercise: reflection
      - minutes: 25
        activity: Optional pair or group talk (see the prompts).
      - minutes: 5
        activity: Close. Remind people where help is.
group_prompts:
  - "Write a prompt about the ideas, not about anyone's own mistake. Sharing stays optional."
if_distressed:
  pause: >-
    Remind everyone they can stop or step out at any time. Stop the group activity if
    needed and point to "Take a pause".
  grounding: >-
    Lead the pause steps slowly: feet on the floor, three things you can see, one slow
    out-breath if it feels okay. Offer sounds or hands instead of the breath.
  crisis: >-
    If someone may be unsafe, stay with them, open "Get help now" together, and call the
    local emergency number if there is immediate danger.
  follow_up: >-
    Check in privately after the session. Suggest a counselor or doctor if hard feelings
    keep coming up.
adaptation_tips:
  - Write how a facilitator might change this lesson for a different group.
exercises:
  reflection: >-
    Write what a facilitator should know about this exercise.
"""

LIST_ENTRY = """
{indent}- id: {id}
{indent}  title: {title_json}
{indent}  notebook: {notebook}
{indent}  description: A new lesson. Say what it is about in one short line.
{indent}  minutes: 20
{indent}  objectives:
{indent}    - Write one thing people will be able to do after this lesson.
{indent}  content_note: ""
"""


# Example text the files above start with, one phrase per placeholder: ``workbook check``
# names any still there (tests/tools/test_check.py keeps this list in step with the templates).
PLACEHOLDERS = (
    "This is a new lesson. Write what it is about here.",
    "This is an example exercise.",
    "A new lesson. Say what it is about in one short line.",
    "Write one thing people will be able to do after this lesson.",
    "Write two or three sentences: what this lesson is about",
    "Write what to read, try or print before the session.",
    "Write a prompt about the ideas, not about anyone's own mistake.",
    "Write how a facilitator might change this lesson for a different group.",
    "Write what a facilitator should know about this exercise.",
)


def _list_indent(text: str) -> str:
    match = re.search(r"^(\s*)- id:", text, flags=re.M)
    return match.group(1) if match else "  "


def new_lesson(name: str, data: Path, notebooks: Path, title: str | None = None) -> NewLesson:
    """Write the notebook and data files for a new lesson and list it last."""
    ident = lesson_id(name)
    title = (title or ident.replace("-", " ").replace("_", " ").capitalize()).strip()
    languages = sorted(d for d in data.iterdir() if d.is_dir() and LANG_DIR.match(d.name))
    if not languages:
        raise ScaffoldError(f"{data} has no language folder (such as en/).")
    if not notebooks.is_dir():
        raise ScaffoldError(f"there is no notebooks folder at {notebooks}.")
    number = _next_number(notebooks)
    notebook = notebooks / f"{number:02d}_{ident.replace('-', '_')}.ipynb"
    lists: dict[Path, str] = {}
    targets: list[Path] = [notebook]
    # A language whose pages live in notebooks/<folder>/ (Spanish: notebooks/es/) gets
    # its own copy of the page, which sets the page's language; its text starts in
    # English for the facilitator to translate.
    folders: dict[Path, str] = {}
    for lang in languages:
        listing = lang / "lessons.yaml"
        doc = load_lined(listing)
        if doc.problems:
            raise ScaffoldError(
                f"{listing} has a problem to fix first: run 'workbook validate' to see it."
            )
        listed = [e.get("id") for e in (doc.value or {}).get("lessons", []) if isinstance(e, dict)]
        if ident in listed:
            raise ScaffoldError(f"there is already a lesson '{ident}' in {listing}.")
        lists[listing] = listing.read_text(encoding="utf-8")
        targets += [lang / "lessons" / f"{ident}.yaml", lang / "facilitator" / f"{ident}.yaml"]
        first = next(
            (e.get("notebook") for e in doc.value.get("lessons", []) if isinstance(e, dict)), ""
        )
        folder = str(Path(first).parent) if isinstance(first, str) and first else "."
        if folder != ".":
            folders[lang] = folder
            targets.append(notebooks / folder / notebook.name)
    existing = [str(p) for p in targets if p.exists()]
    if existing:
        raise ScaffoldError(f"these files already exist: {', '.join(existing)}.")

    fields = {
        "id": ident,
        "start_tip": START_TIP,
        "title": title,
        "id_json": json.dumps(ident),
        # The footer's Back and Next follow lessons.yaml, so no page names another.
        "lesson_json": json.dumps(ident),
        "ref_json": json.dumps(f"{ident}/reflection"),
        "title_json": json.dumps(title, ensure_ascii=False),
        "notebook": notebook.name,
        "types": ", ".join(EXERCISE_TYPES),
    }
    new_lists: dict[Path, str] = {}
    for listing, text in lists.items():
        folder = folders.get(listing.parent)
        entry = {**fields, "notebook": f"{folder}/{notebook.name}" if folder else notebook.name}
        new = text.rstrip("\n") + "\n" + LIST_ENTRY.format(indent=_list_indent(text), **entry)
        value = parse_lined(new, str(listing)).value
        if not isinstance(value, dict) or ident not in [
            e.get("id") for e in value.get("lessons", []) if isinstance(e, dict)
        ]:
            raise ScaffoldError(
                f"could not add the lesson to {listing}: 'lessons:' must be the last part "
                "of that file. Move it to the end, then try again."
            )
        new_lists[listing] = new

    notebook_builder.write(NOTEBOOK.format(**fields), notebook)
    for lang, folder in folders.items():
        safety = f"{fields['id_json']}, language={json.dumps(lang.name)}"
        (notebooks / folder).mkdir(exist_ok=True)
        notebook_builder.write(
            NOTEBOOK.format(**{**fields, "id_json": safety}), notebooks / folder / notebook.name
        )
    for lang in languages:
        for folder, template in (("lessons", LESSON_FILE), ("facilitator", NOTES_FILE)):
            (lang / folder).mkdir(exist_ok=True)
            (lang / folder / f"{ident}.yaml").write_text(
                template.format(**fields), encoding="utf-8"
            )
    for listing, text in new_lists.items():
        listing.write_text(text, encoding="utf-8")
    return NewLesson(ident, title, notebook, targets + list(lists))
