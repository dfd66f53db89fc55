"""Read YAML while remembering which line every value came from.

Facilitators edit the files in ``data/`` by hand. When something is off we want to say
"line 14" rather than show a traceback, so the loader keeps a map from each value's path
(``("exercises", 0, "statements", 3, "why")``) to the line it was written on. PyYAML alone
forgets lines once it builds Python objects, and it silently keeps the last of two
duplicate keys; both are handled here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[Any, ...]
Problem_ = tuple[int, str]  # (line, message) of a slip found in the text


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
    text: str | None = field(default=None, repr=False)  # the source, while it is parsed

    def line_of(self, path: Path_) -> int | None:
        """Line of ``path``, or of its nearest parent we know about."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


_KEY_LINE = re.compile(r"^ *(?:- +)?(?P<key>[A-Za-z_][\w-]*) *:(?: |$)")
_BLOCK_START = re.compile(r"^ *(?:- +)?(?P<key>[A-Za-z_][\w-]*) *: *[>|][+-]?\d? *(#.*)?$")
_QUOTED_VALUE = re.compile(r"^ *(?:- +)?(?:[A-Za-z_][\w-]* *: +|- +)(?P<q>[\"'])(?P<rest>.*)$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_lines(lines: list[str], before: int) -> list[int]:
    """Indexes of the lines above ``before`` that hold something (not blank, not a comment)."""
    return [
        i
        for i in range(min(before, len(lines)))
        if lines[i].strip() and not lines[i].lstrip().startswith("#")
    ]


def _closing_quote(rest: str, quote: str) -> int:
    """Where the quote that opened ``rest`` closes on this line, or -1."""
    i = 0
    while i < len(rest):
        ch = rest[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and rest[i + 1 : i + 2] == "'":  # '' is a quote inside '...'
                i += 2
                continue
            return i
        i += 1
    return -1


def _unclosed_quote(lines: list[str], error_line: int) -> Problem_ | None:
    """A text that opens a quote and never closes it on its line: YAML runs on to the next
    quote it finds, lines later, and then trips over what follows."""
    for i in reversed(_content_lines(lines, error_line + 1)):
        match = _QUOTED_VALUE.match(lines[i])
        if match and _closing_quote(match["rest"], match["q"]) < 0:
            q = match["q"]
            return i + 1, (
                f"this text starts with a quote ({q}) but has no closing {q} at its end. "
                f"Add {q} at the end of the text (or remove the first one)."
            )
        if i < error_line - 12:
            break
    return None


def _text_after_quote(lines: list[str], error_line: int) -> Problem_ | None:
    """A text that starts with a quoted word ("Always" I ...): YAML takes the quoted
    part as the whole text and cannot read the rest of the line."""
    if error_line >= len(lines):
        return None
    match = _QUOTED_VALUE.match(lines[error_line])
    if not match:
        return None
    q = match["q"]
    end = _closing_quote(match["rest"], q)
    after = match["rest"][end + 1 :].strip() if end >= 0 else ""
    if not after or after.startswith("#"):
        return None
    other, name = ("'", "single") if q == '"' else ('"', "double")
    return error_line + 1, (
        f"this text starts with a quote ({q}), so YAML reads only up to the next {q} and "
        f"cannot read the rest of the line. Put the whole text in {name} quotes "
        f"({other}{q}Like this{q} and more{other}), or start it with another word."
    )


def _stray_space(lines: list[str], error_line: int) -> Problem_ | None:
    """A field's line that starts a space or two further in than the field above it."""
    if error_line >= len(lines):
        return None
    match = _KEY_LINE.match(lines[error_line])
    above = _content_lines(lines, error_line)
    if not match or not above:
        return None
    prev = lines[above[-1]]
    prev_key = _KEY_LINE.match(prev)
    if prev_key is None or prev.rstrip().endswith(":") or _BLOCK_START.match(prev):
        return None
    extra = match.start("key") - prev_key.start("key")
    if extra <= 0 or extra > 3:
        return None
    spaces = "space" if extra == 1 else "spaces"
    return error_line + 1, (
        f"'{match['key']}' starts {extra} {spaces} further in than '{prev_key['key']}' on the "
        f"line above. Remove the extra {spaces} so that the two line up."
    )


def _unindented_block(lines: list[str], error_line: int) -> Problem_ | None:
    """A long text after ">-" whose lines are not indented more than its field."""
    for i in reversed(_content_lines(lines, error_line + 1)):
        match = _BLOCK_START.match(lines[i])
        if match:
            nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
            if nxt is not None and _indent(lines[nxt]) <= match.start("key"):
                return nxt + 1, (
                    f"the text of '{match['key']}' (after '>-' on the line above) must start "
                    f"further in than '{match['key']}'. Add two spaces at the start of each "
                    "of its lines."
                )
            return None
        if i < error_line - 30:
            break
    return None


def _friendly_syntax_error(file: str, text: str, exc: yaml.YAMLError) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        # A control character (often invisible, pasted from elsewhere): name its line.
        return Problem(
            file,
            text[: exc.position].count("\n") + 1,
            f"this line holds a hidden control character (#x{exc.character:04x}) that "
            "YAML cannot read. Delete it: retyping the line is the easiest way.",
        )
    mark: Any = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", "") or str(exc)
    lines = text.splitlines()
    if line is not None:
        source_line = lines[mark.line] if mark.line < len(lines) else ""
        if "\t" in source_line or "'\\t'" in problem:
            return Problem(
                file,
                line,
                "this line has a tab character. YAML needs spaces for indenting: "
                "replace the tab with spaces (two per level).",
            )
        # The common slips, most telling first; each names the line the slip is on.
        for diagnose in (_unclosed_quote, _text_after_quote, _stray_space, _unindented_block):
            found = diagnose(lines, mark.line)
            if found is not None:
                return Problem(file, *found)
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
        first_key = None
        for key_node, value_node in node.value:
            key = _build_scalar(key_node)
            first_key = key if first_key is None else first_key
            if key in result and key == first_key and path and isinstance(path[-1], int):
                # The item's first field again ("id:" of the next statement): its "- " is
                # missing, so YAML reads two items as one. Say so once, not per field.
                doc.problems.append(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        f"a new item starts here, but its '- ' is missing, so it is read as "
                        f"part of the item above. Write '- ' before '{key}:', lined up with "
                        "the '- ' of the other items.",
                    )
                )
                result = {**result, key: _build(value_node, (*path, key), doc)}
                first_key = object()  # report the rest of this item no more
                continue
            if key in result and isinstance(first_key, str):
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
    value = _build_scalar(node)
    _check_cut_by_comment(node, value, doc)
    return value


def _check_cut_by_comment(node: yaml.Node, value: Any, doc: LinedDocument) -> None:
    """A " #" inside a plain text starts a comment: YAML drops the rest of the line
    without a word ("I was #1 at..." becomes "I was"). A note after a one-word value
    ("answer: owning  # the pile") is left alone."""
    if not isinstance(value, str) or getattr(node, "style", None) is not None or not doc.text:
        return
    end = node.end_mark
    lines = doc.text.splitlines()
    rest = lines[end.line][end.column :] if end.line < len(lines) else ""
    if not rest.lstrip().startswith("#") or not rest.startswith((" ", "\t")):
        return
    comment = rest.lstrip()
    if " " not in value and comment[1:2] == " ":
        return
    cut = (value.split("\n")[-1] + rest).strip()
    doc.problems.append(
        Problem(
            doc.file,
            end.line + 1,
            f"this text stops at ' #': YAML reads ' #' and what follows as a note to itself, "
            f"so '{cut}' is cut short to '{value.strip()}'. To keep the whole text, put it in "
            'double quotes: "like #this".',
        )
    )


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
    doc = LinedDocument(name, None, text=text)
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
        mark: Any = getattr(exc, "problem_mark", None)
        at: int | None = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        doc.problems.append(
            Problem(
                name,
                at,
                f"YAML could not read a value here ({problem}). If it is meant as text, "
                'put the whole text in double quotes: "like this".',
            )
        )
    doc.text = None  # not kept: documents are cached and compared, the text is not needed
    if doc.value is None and not doc.problems:  # e.g. only "~", "null" or "&name"
        doc.problems.append(
            Problem(name, node.start_mark.line + 1, "this file holds nothing but an empty value.")
        )
    return doc


# Singular names used when we describe where in a file a problem is.
SINGULAR = {
    "lessons": "lesson",
    "exercises": "exercise",
    "statements": "statement",
    "categories": "category",
    "entries": "entry",
    "steps": "step",
    "fields": "field",
    "prompts": "prompt",
    "hint_patterns": "hint pattern",
    "harsh_statements": "harsh statement",
    "replies": "reply",
    "objectives": "objective",
    "pause_steps": "pause step",
    "plans": "plan",
    "prepare": "item to prepare",
    "group_prompts": "group prompt",
    "adaptation_tips": "adaptation tip",
}
