"""The help panel's words and every help line's "how" read easily: grade 7 or below in
English, Fernández-Huerta 80 or more in Spanish (stricter than the workbook's floor of 70,
because these are read at the worst moment). Names of services are left out: they are
what they are called."""

from __future__ import annotations

import pytest
import textstat
from test_readability_es import score

from widgets.paths import DEFAULT_DATA_DIR
from widgets.tools.readability import data_texts, for_scoring


def _help_texts(lang: str) -> list[tuple[str, str]]:
    return [
        (where, text)
        for where, text in data_texts(DEFAULT_DATA_DIR / lang)
        if "crisis.yaml" in where and not where.endswith(":name")
    ]


def test_there_is_help_text_in_both_languages():
    for lang in ("en", "es"):
        kinds = {where.rsplit(":", 1)[1] for where, _ in _help_texts(lang)}
        assert {"how", "emergency", "people_intro", "people_full"} <= kinds, kinds


@pytest.mark.parametrize("where,text", _help_texts("en"), ids=lambda v: str(v)[-60:])
def test_english_help_reads_at_grade_seven_or_below(where, text):
    assert textstat.flesch_kincaid_grade(for_scoring(text)) <= 7, (where, text)


@pytest.mark.parametrize("where,text", _help_texts("es"), ids=lambda v: str(v)[-60:])
def test_spanish_help_scores_eighty_or_more(where, text):
    if len(text.split()) < 4:
        return  # a label ("Tu país"): too short for the formula to mean anything
    assert score(text) >= 80, (where, text, score(text))
