"""Every Spanish text a participant reads is easy to read (Fernández-Huerta).

Flesch-Kincaid is made for English; Spanish has its own version of the Flesch formula,
Fernández-Huerta (1959), on a 0-100 scale: 60-70 "normal", 70-80 "fairly easy", 80-90
"easy". Like the English check, each YAML string and each Markdown paragraph of
notebooks/es is scored on its own.

Thresholds, calibrated on this workbook's texts (November 2026):
- A block of 8 words or more must reach 70 ("fairly easy"). Plain sentences such as
  "Me equivoqué, y todavía puedo aprender de esto." score about 86; the academic sentence
  in ``test_the_check_can_fail`` scores below 0.
- A fragment of 3 to 7 words (a title, a button, a label) must reach 50. On so few
  words one everyday word of four syllables ("respiración", "tarjeta") decides the
  score, so the title "Hacerte cargo sin castigarte" scores 53 although any reader knows it.
- Half of all texts must reach 85 ("easy"), so the workbook as a whole stays plain.
The refrain "Respira; parpadea; enfócate" is echoed on purpose and is scored as short
words, as the English check does with the terms in widgets/readability.py GLOSSARY.
"""

from __future__ import annotations

import statistics

import pytest

from widgets.paths import DEFAULT_DATA_DIR, REPO_DIR
from widgets.tools.readability import (
    LONG_BLOCK,
    MIN_BLOCK,
    MIN_FRAGMENT,
    MIN_MEDIAN,
    data_texts,
    notebook_texts,
)
from widgets.tools.readability import spanish_score as score

TEXTS = list(data_texts(DEFAULT_DATA_DIR / "es")) + [
    item
    for nb in sorted((REPO_DIR / "notebooks" / "es").glob("*.ipynb"))
    for item in notebook_texts(nb)
]


def test_there_is_text_to_check():
    assert len(TEXTS) > 100
    assert any(".ipynb" in w for w, _ in TEXTS)  # the Spanish notebooks are read too


@pytest.mark.parametrize("where,text", TEXTS, ids=[w for w, _ in TEXTS])
def test_easy_to_read(where, text):
    value = score(text)
    floor = MIN_BLOCK if len(text.split()) >= LONG_BLOCK else MIN_FRAGMENT
    assert value >= floor, f"{where} scores {value:.0f} (Fernández-Huerta, needs {floor})"


def test_most_texts_are_easy():
    assert statistics.median(score(t) for _, t in TEXTS) >= MIN_MEDIAN


def test_the_check_can_fail():
    hard = (
        "No obstante la considerable heterogeneidad metodológica, las investigaciones "
        "contemporáneas corroboran la proposición de que la autoevaluación compasiva "
        "facilita intenciones conductuales reparadoras."
    )
    assert score(hard) < MIN_BLOCK
    assert score("Me equivoqué, y todavía puedo aprender de esto.") >= MIN_BLOCK
