"""What an exercise says back to what a participant typed, in one place for every view.

The exercises' views show these replies; ``workbook reply`` prints the very same words,
so a facilitator can try sentences before a workshop. The care check
(:mod:`widgets.content.care`) always comes first: a risk or check-in line gets only its note and
help, never praise or hints. When nothing is found, the reply says what was looked for
and asks a question, so it stays true when a pattern misses something.

No ipywidgets here: the command line uses it without the widget stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from widgets.content import care
from widgets.content.hints import Hint, find_hints
from widgets.content.schema import CareFile, RewriteExercise, TranslateExercise

KINDS = ("care", "notes", "clear", "empty")


@dataclass(frozen=True)
class Block:
    """A paragraph, optionally followed by what was found and a note on each."""

    text: str
    hints: tuple[Hint, ...] = ()


@dataclass(frozen=True)
class Reply:
    """``kind``: "care" (risk or a check-in), "notes" (gentle notes of any kind), "clear"
    (nothing found) or "empty". ``care``: the care group that spoke, if any.
    ``offers_help``: the help lines go right under it. ``found``: pattern ids."""

    kind: str
    blocks: tuple[Block, ...]
    care: str = ""
    offers_help: bool = False
    found: tuple[str, ...] = field(default=())

    def message(self) -> str:
        """The reply as plain text, the words in the order a participant reads them."""
        lines = []
        for block in self.blocks:
            lines.append(" ".join(block.text.split()))
            lines.extend(f"- “{h.found}”: {' '.join(h.text.split())}" for h in block.hints)
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message(),
            "care": self.care or None,
            "found": list(self.found),
        }


def _care_first(typed: Iterable[str], words: CareFile) -> tuple[Reply | None, str]:
    """The care reply, if any; else the minimising pattern found, if any, which is
    answered later, beside the exercise's own hints."""
    finding = care.check("\n".join(t for t in typed if t), words)
    if finding is None:
        return None, ""
    if finding.group in {"risk", "check_in"}:
        note = getattr(words, finding.group).note
        reply = Reply("care", (Block(note),), finding.group, True, (finding.pattern_id,))
        return reply, finding.group
    if finding.group == "others_harm":
        reply = Reply(
            "notes", (Block(words.others_harm.note),), "others_harm", True, (finding.pattern_id,)
        )
        return reply, finding.group
    return None, finding.pattern_id


def care_reply(typed: Iterable[str], words: CareFile) -> Reply | None:
    """The care note alone (risk, check-in, or another's harm), for exercises whose own
    reply does not depend on the words typed but would sound like an answer to them."""
    return _care_first(typed, words)[0]


def _first_words(
    spec: RewriteExercise | TranslateExercise, words: CareFile, rewrite: str, typed: Iterable[str]
) -> tuple[Reply | None, str]:
    """The care reply or the empty note, if either speaks (in that order); and the
    minimising pattern found, if any."""
    first, minimising = _care_first([*typed, rewrite], words)
    if first is None and not rewrite.strip():
        first = Reply("empty", (Block(spec.empty_note),))
    return first, minimising


def _with_minimising(found: str, words: CareFile, blocks: list[Block]) -> list[Block]:
    return [Block(words.minimising.note), *blocks] if found else blocks


def _notes(found: str, blocks: list[Block], hints: tuple[Hint, ...]) -> Reply:
    """Gentle notes: the minimising note (``found`` names its pattern) and hints."""
    ids = ((found,) if found else ()) + tuple(h.id for h in hints)
    return Reply("notes", tuple(blocks), "minimising" if found else "", False, ids)


def rewrite_reply(
    spec: RewriteExercise, words: CareFile, rewrite: str, also_typed: Iterable[str] = ()
) -> Reply:
    """The reply to "Look over my rewrite": ``rewrite`` is the four boxes, ``also_typed``
    the participant's own harsh thought (read by the care check, not for hints)."""
    first, minimising = _first_words(spec, words, rewrite, also_typed)
    if first is not None:
        return first
    hints = tuple(find_hints(rewrite, spec.hint_patterns))
    blocks = [Block(spec.hint_intro, hints)] if hints else []
    blocks = _with_minimising(minimising, words, blocks)
    if not blocks:
        return Reply("clear", (Block(spec.all_clear),))
    return _notes(minimising, blocks, hints)


def translate_reply(
    spec: TranslateExercise, words: CareFile, rewrite: str, also_typed: Iterable[str] = ()
) -> Reply:
    """The reply to looking over a translation from shame into guilt."""
    first, minimising = _first_words(spec, words, rewrite, also_typed)
    if first is not None:
        return first
    self_hints = tuple(find_hints(rewrite, spec.self_patterns))
    specific = tuple(find_hints(rewrite, spec.specific_patterns))
    blocks = [Block(spec.self_intro, self_hints)] if self_hints else []
    blocks = _with_minimising(minimising, words, blocks)
    if blocks:
        if specific:
            blocks.append(Block(spec.specific_intro, specific))
        return _notes(minimising, blocks, self_hints)
    if specific:
        return Reply("clear", (Block(spec.specific_note), Block(spec.specific_intro, specific)))
    return Reply("clear", (Block(spec.vague_note),))


# Exercise type -> its reply, for ``workbook reply`` and the tests.
REPLIES: dict[str, Callable[..., Reply]] = {
    "rewrite": rewrite_reply,
    "translate": translate_reply,
}
