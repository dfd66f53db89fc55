"""What a participant chose in the help panel: their country and "My people".

Both are kept exactly like an exercise's answers (one entry, ``help/mine``, in the journal
record in their own browser: for this visit, on this device, or not at all), so they
follow the participant from page to page, go out and come back with "My answers", and
are gone after "Erase everything". Nothing of it is ever written on the server.
"""

from __future__ import annotations

from typing import Any

import traitlets as T

REF = "help/mine"
MAX_PEOPLE = 5
MAX_CHARS = 200  # a name or a number-or-note longer than this is not one


def _clean(value: Any) -> str:
    return value.strip()[:MAX_CHARS] if isinstance(value, str) else ""


class HelpChoices(T.HasTraits):
    """The page's one record of the participant's help choices (a journal "exercise")."""

    region = T.Unicode("", help="The region they chose; '' = the language's default.")
    people = T.List(help="Up to five {'name': ..., 'reach': ...}, in the order added.")

    def add(self, name: str, reach: str) -> bool:
        """Add a person or place; False when there is nothing to add or no room."""
        person = {"name": _clean(name), "reach": _clean(reach)}
        if not person["name"] and not person["reach"]:
            return False
        if len(self.people) >= MAX_PEOPLE:
            return False
        self.people = [*self.people, person]
        return True

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.people):
            self.people = [p for i, p in enumerate(self.people) if i != index]

    def clear(self) -> None:
        self.people = []
        self.region = ""

    # --- the journal's side (see JournalStore.follow) -----------------------------------

    def answers(self) -> dict[str, Any]:
        return {"region": self.region, "people": [dict(p) for p in self.people]}

    def restore(self, data: dict[str, Any]) -> None:
        """Take back what was stored; anything odd in it (an old or edited file) is left out."""
        region = data.get("region")
        if isinstance(region, str) and len(region) <= 40:
            self.region = region
        people = data.get("people")
        if isinstance(people, list):
            kept = []
            for person in people:
                if isinstance(person, dict):
                    cleaned = {
                        "name": _clean(person.get("name")),
                        "reach": _clean(person.get("reach")),
                    }
                    if cleaned["name"] or cleaned["reach"]:
                        kept.append(cleaned)
            self.people = kept[:MAX_PEOPLE]
