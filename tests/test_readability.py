"""Every text a participant reads is at or below grade 7 (Flesch-Kincaid).

Each YAML string and each Markdown paragraph is scored on its own, so one hard passage
cannot hide behind many easy ones. Terms the workbook must name are in GLOSSARY.
"""

from __future__ import annotations

import pytest
import textstat

from widgets.content import DEFAULT_DATA_DIR, REPO_DIR
from widgets.readability import data_texts, for_scoring, notebook_texts

MAX_GRADE = 7.0

TEXTS = list(data_texts(DEFAULT_DATA_DIR / "en")) + [
    item for nb in sorted((REPO_DIR / "notebooks").glob("*.ipynb")) for item in notebook_texts(nb)
]


def test_there_is_text_to_check():
    assert len(TEXTS) > 100


@pytest.mark.parametrize("where,text", TEXTS, ids=[w for w, _ in TEXTS])
def test_grade_seven_or_below(where, text):
    grade = textstat.flesch_kincaid_grade(for_scoring(text))
    assert grade <= MAX_GRADE, f"{where} reads at grade {grade}: {text!r}"


def test_the_check_can_fail():
    hard = (
        "Notwithstanding considerable methodological heterogeneity, contemporaneous "
        "investigations substantiate the proposition that compassionate self-evaluation "
        "facilitates reparative behavioural intentions."
    )
    assert textstat.flesch_kincaid_grade(for_scoring(hard)) > MAX_GRADE
