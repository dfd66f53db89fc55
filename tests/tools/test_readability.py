"""Every text a participant reads is at or below grade 7 (Flesch-Kincaid).

Each YAML string and each Markdown paragraph is scored on its own, so one hard passage
cannot hide behind many easy ones. Terms the workbook must name are in GLOSSARY.
"""

from __future__ import annotations

import pytest
import textstat

from widgets.paths import DEFAULT_DATA_DIR, REPO_DIR
from widgets.tools.readability import (
    MAX_GRADE,
    data_texts,
    for_scoring,
    long_sentences,
    notebook_texts,
)

TEXTS = list(data_texts(DEFAULT_DATA_DIR / "en")) + [
    item for nb in sorted((REPO_DIR / "notebooks").glob("*.ipynb")) for item in notebook_texts(nb)
]


def test_there_is_text_to_check():
    assert len(TEXTS) > 100


@pytest.mark.parametrize("where,text", TEXTS, ids=[w for w, _ in TEXTS])
def test_grade_seven_or_below(where, text):
    grade = textstat.flesch_kincaid_grade(for_scoring(text))
    assert grade <= MAX_GRADE, f"{where} reads at grade {grade}: {text!r}"


@pytest.mark.parametrize("where,text", TEXTS, ids=[w for w, _ in TEXTS])
def test_no_long_sentence_is_above_grade_seven(where, text):
    """A paragraph of short sentences can hide one long, hard one: score those alone too."""
    grades = [(round(textstat.flesch_kincaid_grade(s), 1), s) for s in long_sentences(text)]
    hard = [(grade, s) for grade, s in grades if grade > MAX_GRADE]
    assert not hard, f"{where}: {hard}"


def test_a_hard_sentence_among_easy_ones_is_found():
    text = (
        "It happens. You can breathe. Notwithstanding considerable heterogeneity, "
        "investigations substantiate that compassion facilitates reparative intentions."
    )
    assert len(long_sentences(text)) == 1
    assert textstat.flesch_kincaid_grade(long_sentences(text)[0]) > MAX_GRADE


def test_the_check_can_fail():
    hard = (
        "Notwithstanding considerable methodological heterogeneity, contemporaneous "
        "investigations substantiate the proposition that compassionate self-evaluation "
        "facilitates reparative behavioural intentions."
    )
    assert textstat.flesch_kincaid_grade(for_scoring(hard)) > MAX_GRADE
