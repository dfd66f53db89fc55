"""The care check: what the workbook looks for in a typed answer before any other reply.

Anything a participant types may be the worst thing they have thought about themselves.
So every exercise that answers typed text asks this module first, and what it finds
replaces praise and hints (the content guide's "Replies to what people type"):

- ``risk``: thoughts of suicide or self-harm, not wanting to be alive, being a burden,
  hopelessness, a plan. Answered by a calm note and help right there; nothing else.
- ``check_in``: lines that may mean that, or may be tiredness ("I can't go on like this").
  Answered by a soft "if you mean this" note and help right there.
- ``others_harm``: taking the blame for what someone else did to them.
- ``minimising``: brushing a mistake off ("no big deal").

Common ways of saying shame ("I could have died of embarrassment") are ``idioms``: they
are taken out of the text before it is checked for risk, so they never alarm anyone.
The patterns and their example sentences live in data/<lang>/care.yaml. Nothing found
here is stored or sent anywhere: it only picks the words shown back on the same page.

Ratings are answered here too (:func:`rating_tier`): a high rating or a rise is useful
to know, never a failure, and comes with an offer to stop, ground, pause or get help.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from widgets.content.schema import CareFile, CarePattern, CareRatings
from widgets.text import fold, plain_letters

# In this order: the first group that finds something decides the reply.
GROUPS = ("risk", "check_in", "others_harm", "minimising")
# Groups that are read with the idioms taken out.
_IDIOM_FREE = {"risk", "check_in"}


@dataclass(frozen=True)
class CareFinding:
    group: str
    pattern_id: str

    @property
    def offers_help(self) -> bool:
        return self.group in {"risk", "check_in", "others_harm"}


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern as the folded text needs it: accents and curly quotes taken out, any
    case. Its own letters keep their case, because ``\\S`` and ``\\s`` differ."""
    return re.compile(plain_letters(pattern), re.IGNORECASE)


def finds(pattern: CarePattern, folded: str) -> bool:
    return _compiled(pattern.pattern).search(folded) is not None


def without_idioms(folded: str, care: CareFile) -> str:
    for idiom in care.idioms:
        folded = _compiled(idiom.pattern).sub(" / ", folded)
    return folded


def check(text: str, care: CareFile) -> CareFinding | None:
    """The first group (in :data:`GROUPS` order) with a pattern found in ``text``."""
    folded = fold(text)
    if not folded:
        return None
    plain = without_idioms(folded, care)
    for group in GROUPS:
        source = plain if group in _IDIOM_FREE else folded
        for pattern in getattr(care, group).patterns:
            if finds(pattern, source):
                return CareFinding(group, pattern.id)
    return None


def example_problems(care: CareFile) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path in the file, what is wrong) for every example sentence that does not behave
    as its pattern says, so ``workbook validate`` can name the line."""
    for i, idiom in enumerate(care.idioms):

        def idiom_found(sentence: str, idiom: CarePattern = idiom) -> bool:
            return finds(idiom, fold(sentence))

        yield from _examples(("idioms", i), "idiom", idiom, idiom_found)
    for group in GROUPS:
        for i, pattern in enumerate(getattr(care, group).patterns):

            def found(sentence: str, pattern: CarePattern = pattern, group: str = group) -> bool:
                folded = fold(sentence)
                return finds(
                    pattern, without_idioms(folded, care) if group in _IDIOM_FREE else folded
                )

            yield from _examples((group, "patterns", i), f"{group} pattern", pattern, found)


def _examples(
    path: tuple[Any, ...], kind: str, pattern: CarePattern, found: Callable[[str], Any]
) -> Iterator[tuple[tuple[Any, ...], str]]:
    for j, sentence in enumerate(pattern.matches):
        if not found(sentence):
            yield (
                (*path, "matches", j),
                f"{kind} '{pattern.id}' should find \"{sentence}\" (listed under matches), "
                "but does not. Change the pattern, or move the sentence to ignores.",
            )
    for j, sentence in enumerate(pattern.ignores):
        if found(sentence):
            yield (
                (*path, "ignores", j),
                f"{kind} '{pattern.id}' finds \"{sentence}\", which is listed under "
                "ignores. Change the pattern, or move the sentence to matches.",
            )


def rating_tier(value: int, before: int | None, words: CareRatings) -> str:
    """How a 0-10 rating stands: "rise", "high", "lower", "steady", or "first" (a first
    rating below ``high_from``). A rise is named before a high rating, because it says
    more: the practice did not help this time, and that is worth hearing kindly."""
    if before is not None and value - before >= words.rise_by:
        return "rise"
    if value >= words.high_from:
        return "high"
    if before is None:
        return "first"
    return "lower" if value < before else "steady"


def needs_offer(tier: str) -> bool:
    return tier in {"rise", "high"}
