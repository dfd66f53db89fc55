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


# --- the reading-level rules, shared by the tests and ``workbook check`` ----------------

MAX_GRADE = 7.0  # English: Flesch-Kincaid grade, for a text and for each long sentence
LONG_SENTENCE_WORDS = 10  # shorter sentences get unreliable grade scores

# Spanish: Fernández-Huerta (0-100, higher is easier), per text.
LONG_BLOCK = 8
MIN_BLOCK = 70.0
MIN_FRAGMENT = 50.0
MIN_MEDIAN = 85.0
# Names of services and the echoed refrain, scored as one short word each.
GLOSSARY_ES = (
    "Respira; parpadea; enfócate",
    "parpadea",
    "enfócate",
    "Suicide Crisis Helpline",
    "Find a Helpline",
    "Samaritans",
    "Lifeline",
)


def long_sentences(text: str) -> list[str]:
    """Sentences of 10 or more words, as scored (glossary terms already replaced)."""
    parts = re.split(r"(?<=[.!?])\s+", for_scoring(text))
    return [p for p in parts if len(p.split()) >= LONG_SENTENCE_WORDS]


def spanish_score(text: str) -> float:
    import textstat

    for term in GLOSSARY_ES:
        text = re.sub(re.escape(term), "sol", text, flags=re.IGNORECASE)
    textstat.set_lang("es")
    try:
        return textstat.fernandez_huerta(text)
    finally:
        textstat.set_lang("en_US")  # the English check shares textstat's state


def too_hard(text: str, language: str) -> str | None:
    """Why ``text`` is harder than the content guide allows, in plain words; None if it
    is fine, or if the language has no reading-level rule here (only en and es do)."""
    import textstat

    if language == "en":
        grade = textstat.flesch_kincaid_grade(for_scoring(text))
        if grade > MAX_GRADE:
            return f"reads at grade {grade:.1f}; the workbook asks for grade 7 or below"
        for sentence in long_sentences(text):
            grade = round(textstat.flesch_kincaid_grade(sentence), 1)  # as the tests
            if grade > MAX_GRADE:
                return (
                    f'has a sentence at grade {grade:.1f} ("{sentence}"); the workbook asks '
                    "for grade 7 or below"
                )
    elif language == "es":
        value = spanish_score(text)
        floor = MIN_BLOCK if len(text.split()) >= LONG_BLOCK else MIN_FRAGMENT
        if value < floor:
            return (
                f"scores {value:.0f} for ease of reading (Fernández-Huerta); it needs {floor:.0f}"
            )
    return None


def lined_data_texts(
    lang_dir: Path, display, min_words: int = 3
) -> Iterator[tuple[str, int | None, str]]:
    """(file, line, text) for each participant-facing string, as :func:`data_texts`
    finds them, with the file named as messages name it and the line of the text;
    ``min_words=1`` also gives short texts such as labels."""
    from widgets.content.yaml_lines import load_lined

    for path in sorted(lang_dir.rglob("*.yaml")):
        if "facilitator" in path.relative_to(lang_dir).parts:
            continue
        doc = load_lined(path, display(path))
        if doc.value is not None:
            for where, text in _prose(doc.value, (), min_words):
                yield doc.file, doc.line_of(where), text


def _prose(value, where: tuple, min_words: int = 3) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PROSE:
                yield from _prose(item, (*where, key), min_words)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _prose(item, (*where, i), min_words)
    elif isinstance(value, str) and len(value.split()) >= min_words:
        yield where, value
