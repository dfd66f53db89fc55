"""Collect every sentence a participant reads, so tests can check its reading level.

The content guide asks for grade 7 or below (Flesch-Kincaid). Texts come from two
places: the strings in data/<lang>/ (minus ids, patterns, addresses and examples that
only facilitators read) and the Markdown cells of the notebooks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

# Keys whose values participants never read as prose.
NOT_PROSE = {
    "id",
    "type",
    "pattern",
    "matches",
    "ignores",
    "answer",
    "file_name",
    "source",
    "url",
    "phone",
    "text_number",
    "last_checked",
    # How a help line was checked (crisis.yaml): for facilitators, never shown.
    "checked",
    "check_note",
    "emergency_checked",
    "emergency_note",
    "notebook",
    "language",
    "crisis_region",
    "storage",
    "up_to",
    "minutes",
    "objectives",
    "facilitator",
    "examples",
}


# Terms the workbook must use and explains where they first appear. They are scored as
# a short word, so that naming the idea itself does not fail the reading-level check.
GLOSSARY = (
    "responsibility",
    "emergency",
    "self-compassion",
    "compassion",
    "facilitator",
    "Ireland",
    "Kingdom",
    "Lifeline",
    "Australia",
    "international",
    # Help lines' own names in another language (crisis.yaml), e.g. "Teléfono de la
    # Esperanza" on an English page.
    "Teléfono",
    "Esperanza",
)


def for_scoring(text: str) -> str:
    for term in GLOSSARY:
        text = re.sub(rf"\b{re.escape(term)}\b", "word", text, flags=re.IGNORECASE)
    return text


def data_texts(lang_dir: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every participant-facing string under one language folder."""
    for path in sorted(lang_dir.rglob("*.yaml")):
        if "facilitator" in path.relative_to(lang_dir).parts:
            continue  # facilitator notes are for group leaders, not participants
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        yield from _walk(doc, str(path))


def _walk(value, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PROSE:
                yield from _walk(item, f"{where}:{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{where}[{i}]")
    elif isinstance(value, str) and len(value.split()) >= 3:
        yield where, value


def notebook_texts(notebook: Path) -> Iterator[tuple[str, str]]:
    """(where, paragraph) for every Markdown paragraph of a notebook, markup removed."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for para in re.split(r"\n\s*\n", text):
            plain = strip_markdown(para)
            if len(plain.split()) >= 3:
                yield f"{notebook.name} cell {i}", plain


def strip_markdown(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#+|>|[-*]|\d+\.)\s*", "", text, flags=re.M)
    text = re.sub(r"[*_`]", "", text)
    # A list item or heading is a sentence of its own for the reader.
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return " ".join(ln if ln[-1] in ".!?:" else ln + "." for ln in lines)
