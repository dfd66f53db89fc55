"""Every language must have the same files and the same keys as English.

A translator works file by file; it is easy to miss one key (a button label, a pause
step's field) and then a page would show nothing, or crash, in that language only. This
compares each language folder with ``data/en`` key by key and names the file, line and
key that is missing or extra.

What may differ: the text itself, and how many items a list holds (a language may have
more or fewer example statements). What must match: the files, the keys of every
mapping, and the ids of lessons and exercises, because notebooks and code refer to them.
Crisis regions may differ too: each language lists the regions its readers need.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from widgets.content.yaml_lines import SINGULAR, LinedDocument, Problem, load_lined

BASE = "en"
LANG_DIR = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
# Lists whose items are matched by id and whose ids must be the same in every language.
SAME_IDS = {"lessons", "exercises"}
# Mappings whose keys each language chooses for itself.
FREE_KEYS = {"regions"}


def _display(path: Path, root: Path) -> str:
    return str(Path("data") / path.relative_to(root))


def _singular(key: Any) -> str:

    return SINGULAR.get(key, str(key))


def _name(item: Any, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"'{item['id']}'"
    return str(index + 1)


class _Compare:
    def __init__(self, base: LinedDocument, other: LinedDocument):
        self.base = base
        self.other = other
        self.problems: list[Problem] = []

    def where(self, words: list[str]) -> str:
        return " › ".join(words) if words else "the top of the file"

    def inside(self, words: list[str]) -> str:
        return f" (in {' › '.join(words)})" if words else ""

    def missing(self, path: tuple[Any, ...], words: list[str], key: str) -> None:
        line = self.base.line_of((*path, key))
        self.problems.append(
            Problem(
                self.other.file,
                self.other.line_of(path),
                f"'{key}'{self.inside(words)} is in {self.base.file} line {line} but "
                f"missing here. Add it, written in this language.",
            )
        )

    def extra(self, path: tuple[Any, ...], words: list[str], key: str) -> None:
        self.problems.append(
            Problem(
                self.other.file,
                self.other.line_of((*path, key)),
                f"'{key}'{self.inside(words)} is here but not in {self.base.file}. "
                "Check its spelling, or remove it.",
            )
        )

    def walk(self, a: Any, b: Any, path: tuple[Any, ...], words: list[str]) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            free = bool(path) and path[-1] in FREE_KEYS
            for key in a:
                if key not in b:
                    if not free:
                        self.missing(path, words, key)
                    continue
                both_lists = isinstance(a[key], list) and isinstance(b[key], list)
                # A list names its items itself ("statement 's3'"), so skip its key.
                inner = words if both_lists else [*words, str(key)]
                self.walk(a[key], b[key], (*path, key), inner)
            for key in b:
                if key not in a and not free:
                    self.extra(path, words, key)
        elif isinstance(a, list) and isinstance(b, list):
            self.walk_list(a, b, path, words)
        elif isinstance(a, dict | list) != isinstance(b, dict | list):
            kind = "a list" if isinstance(a, list) else "a set of 'name: value' lines"
            if not isinstance(a, dict | list):
                kind = "plain text"
            self.problems.append(
                Problem(
                    self.other.file,
                    self.other.line_of(path),
                    f"{self.where(words)} should be {kind}, as in {self.base.file} line "
                    f"{self.base.line_of(path)}.",
                )
            )

    def walk_list(
        self, a: list[Any], b: list[Any], path: tuple[Any, ...], words: list[str]
    ) -> None:
        key = path[-1] if path else ""
        with_ids = all(isinstance(x, dict) and "id" in x for x in a + b)
        if with_ids and (a or b):
            b_by_id = {x["id"]: (i, x) for i, x in enumerate(b)}
            a_ids = [x["id"] for x in a]
            for i, item in enumerate(a):
                if item["id"] in b_by_id:
                    j, other = b_by_id[item["id"]]
                    name = f"{_singular(key)} '{item['id']}'"
                    self.walk(item, other, (*path, j), [*words, name])
                elif key in SAME_IDS:
                    self.problems.append(
                        Problem(
                            self.other.file,
                            self.other.line_of(path),
                            f"{key} has no '{item['id']}' here, but {self.base.file} line "
                            f"{self.base.line_of((*path, i))} has. Every language needs the "
                            "same ids (the text may differ).",
                        )
                    )
            if key in SAME_IDS:
                for j, item in enumerate(b):
                    if item["id"] not in a_ids:
                        self.problems.append(
                            Problem(
                                self.other.file,
                                self.other.line_of((*path, j)),
                                f"{key} has '{item['id']}' here, but {self.base.file} does "
                                "not. Every language needs the same ids.",
                            )
                        )
            return
        # Items without ids: compare the ones both lists have, position by position.
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if isinstance(x, dict) or isinstance(y, dict):
                self.walk(x, y, (*path, i), [*words, f"{_singular(key)} {_name(x, i)}"])


def compare_languages(
    root: Path,
    base: str = BASE,
    languages: list[str] | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
) -> list[Problem]:
    """Problems for every file or key that differs between ``data/en`` and another language.

    ``languages``: the folders to compare (default: all); ``skip``: English files (as
    messages name them) already reported: a typo there would otherwise be reported again
    in every other language, as a key missing there and one extra."""
    base_dir = root / base
    if not base_dir.is_dir() or (languages is not None and base not in languages):
        return []
    others = sorted(
        d
        for d in root.iterdir()
        if d.is_dir()
        and LANG_DIR.match(d.name)
        and d.name != base
        and (languages is None or d.name in languages)
    )
    base_files = {p.relative_to(base_dir) for p in base_dir.rglob("*.yaml")}
    problems: list[Problem] = []
    for other_dir in others:
        other_files = {p.relative_to(other_dir) for p in other_dir.rglob("*.yaml")}
        for rel in sorted(base_files - other_files):
            problems.append(
                Problem(
                    _display(other_dir / rel, root),
                    None,
                    f"this file is missing. {_display(base_dir / rel, root)} has it, and every "
                    "language needs the same files: copy it here and write it in this language.",
                )
            )
        for rel in sorted(other_files - base_files):
            problems.append(
                Problem(
                    _display(other_dir / rel, root),
                    None,
                    f"{_display(base_dir / rel, root)} does not exist, so this file is never "
                    "compared. Rename it to match an English file, or add it in English too.",
                )
            )
        for rel in sorted(base_files & other_files):
            a = load_lined(base_dir / rel, _display(base_dir / rel, root))
            b = load_lined(other_dir / rel, _display(other_dir / rel, root))
            if a.problems or b.problems or a.file in skip:
                continue  # reported by the file's own check
            compare = _Compare(a, b)
            compare.walk(a.value, b.value, (), [])
            problems.extend(compare.problems)
    return problems
