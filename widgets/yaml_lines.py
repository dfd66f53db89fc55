"""Read YAML while remembering which line every value came from.

Facilitators edit the files in ``data/`` by hand. When something is off we want to say
"line 14" rather than show a traceback, so the loader keeps a map from each value's path
(``("exercises", 0, "statements", 3, "why")``) to the line it was written on. PyYAML alone
forgets lines once it builds Python objects, and it silently keeps the last of two
duplicate keys; both are handled here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[Any, ...]


@dataclass
class Problem:
    """One thing wrong in one file, in words a facilitator can act on."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class LinedDocument:
    """The parsed value of one YAML file plus the line of every value in it."""

    file: str
    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: Path_) -> int | None:
        """Line of ``path``, or of its nearest parent we know about."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _friendly_syntax_error(file: str, text: str, exc: yaml.YAMLError) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        # A control character (often invisible, pasted from elsewhere): name its line.
        return Problem(
            file,
            text[: exc.position].count("\n") + 1,
            f"this line holds a hidden control character (#x{exc.character:04x}) that "
            "YAML cannot read. Delete it: retyping the line is the easiest way.",
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", "") or str(exc)
    if line is not None:
        source_line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        if "\t" in source_line or "'\\t'" in problem:
            return Problem(
                file,
                line,
                "this line has a tab character. YAML needs spaces for indenting: "
                "replace the tab with spaces (two per level).",
            )
    if "mapping values are not allowed" in problem:
        hint = (
            "a colon (:) appears where YAML does not expect one. If the text itself has a "
            'colon, put the whole text in double quotes: "like: this".'
        )
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        hint = (
            "the indentation here does not line up with the lines around it. "
            "Check that this line starts at the same column as its neighbours."
        )
    elif "found undefined alias" in problem or "found unknown escape" in problem:
        hint = f"YAML could not read this line ({problem}). Try putting the text in quotes."
    else:
        hint = f"YAML could not read this line ({problem}). Check quotes and indentation."
    return Problem(file, line, hint)


def _build(node: yaml.Node, path: Path_, doc: LinedDocument) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _build_scalar(key_node)
            if key in result:
                doc.problems.append(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        f"'{key}' is written twice here; keep only one of them.",
                    )
                )
            result[key] = _build(value_node, (*path, key), doc)
            doc.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), doc) for i, item in enumerate(node.value)]
    return _build_scalar(node)


def _build_scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        # A list or mapping used as a key: keep a readable stand-in; the schema rejects it.
        return repr(node.value)
    try:
        return yaml.SafeLoader.construct_object(_ScalarOnly(node), node, deep=True)
    except (ValueError, OverflowError):
        # Looks like a date or number but is not one ("2026-13-45"): keep the text as
        # written, so the field's own check names the field and the line.
        return node.value


class _ScalarOnly(yaml.SafeLoader):
    """A SafeLoader used only to turn single scalar nodes into Python values."""

    def __init__(self, node: yaml.Node) -> None:  # noqa: D401 - no stream needed
        yaml.SafeLoader.__init__(self, "")


def load_lined(path: Path | str, display_name: str | None = None) -> LinedDocument:
    """Parse one YAML file. Syntax problems are returned, never raised."""
    path = Path(path)
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LinedDocument(name, None, problems=[Problem(name, None, "this file is missing.")])
    except UnicodeDecodeError as exc:
        return LinedDocument(
            name,
            None,
            problems=[
                Problem(
                    name,
                    text_line_of_offset(path.read_bytes(), exc.start),
                    "this file is not saved as UTF-8 text. Save it again as UTF-8 "
                    "(most editors offer this under 'Save as' or 'Encoding').",
                )
            ],
        )
    return parse_lined(text, name)


def text_line_of_offset(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def parse_lined(text: str, name: str) -> LinedDocument:
    """Parse YAML text; the name is only used in messages."""
    doc = LinedDocument(name, None)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        doc.problems.append(Problem(name, line, "this line holds a NUL character; remove it."))
        return doc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        doc.problems.append(_friendly_syntax_error(name, text, exc))
        return doc
    except (ValueError, RecursionError) as exc:  # odd scalars, absurd nesting
        doc.problems.append(Problem(name, None, f"YAML could not read this file ({exc})."))
        return doc
    if node is None:
        doc.problems.append(Problem(name, 1, "this file is empty."))
        return doc
    try:
        doc.value = _build(node, (), doc)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        doc.problems.append(
            Problem(
                name,
                line,
                f"YAML could not read a value here ({problem}). If it is meant as text, "
                'put the whole text in double quotes: "like this".',
            )
        )
    if doc.value is None and not doc.problems:  # e.g. only "~", "null" or "&name"
        doc.problems.append(
            Problem(name, node.start_mark.line + 1, "this file holds nothing but an empty value.")
        )
    return doc
