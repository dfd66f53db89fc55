"""Find the words a facilitator marked as harsh (``hint_patterns`` in data/) in a text.

Shared by every exercise that gives gentle hints, so that patterns behave the same
everywhere and are tested once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from widgets.content.schema import HintPattern


@dataclass(frozen=True)
class Hint:
    id: str
    text: str
    found: str


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def find_hints(text: str, patterns: Iterable[HintPattern]) -> list[Hint]:
    """Every pattern that occurs in ``text``, in the order the patterns are listed."""
    hints = []
    for p in patterns:
        match = _compiled(p.pattern).search(text or "")
        if match:
            hints.append(Hint(p.id, p.hint, match.group(0)))
    return hints
