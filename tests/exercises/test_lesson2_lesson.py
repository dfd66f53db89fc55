"""Lesson 2 as a whole: its place in the list, its sorter data and its notebook."""

from __future__ import annotations

import json
import re

from support import footer_links

from widgets import build_exercise
from widgets.page.chrome import footer_html
from widgets.paths import REPO_DIR

NOTEBOOK = REPO_DIR / "notebooks" / "02_guilt_vs_shame.ipynb"


def notebook_source() -> str:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"])


def test_lesson_comes_after_responsibility_with_a_content_note(workbook):
    ids = [e.id for e in workbook.lessons.lessons]
    assert ids.index("guilt-shame") == ids.index("responsibility") + 1
    entry = workbook.lesson("guilt-shame")
    assert entry.notebook == NOTEBOOK.name
    assert "Pick a small one" in entry.content_note and len(entry.objectives) >= 2


def test_did_or_am_sorter_is_data_for_the_existing_sorter(workbook):
    _, spec = workbook.exercise("guilt-shame/sorter")
    assert spec.type == "sorter"
    assert [c.id for c in spec.categories] == ["guilt-voice", "shame-voice"]
    assert len(spec.statements) >= 12
    answers = [s.answer for s in spec.statements]
    assert answers.count("guilt-voice") >= 5 and answers.count("shame-voice") >= 5
    view = build_exercise("guilt-shame/sorter", workbook)
    m = view.model
    for s in spec.statements:  # the reasoning shows after every pick, whichever pile
        wrong_pile = next(c.id for c in spec.categories if c.id != s.answer)
        assert m.pick(wrong_pile).why == s.why
        m.next()
    assert m.finished and not re.search(r"\d", spec.summary)  # no score in the summary


def test_notebook_shows_every_exercise_once_and_in_order(workbook):
    refs = re.findall(r'show_exercise\("guilt-shame/([^"]+)"\)', notebook_source())
    assert refs == [
        "checkin-start",
        "sorter",
        "translate",
        "feeling-fit",
        "checkin-end",
        "reflection",
    ]
    assert sorted(refs) == sorted(e.id for e in workbook.lesson_files["guilt-shame"].exercises)
    assert 'show_safety("guilt-shame")' in notebook_source()


def test_notebook_teaches_the_sourced_ideas():
    text = notebook_source()
    assert "Tangney" in text and "DBT" in text and "overdrive" in text
    assert '"I did a bad thing."' in text and '"I am bad."' in text


def test_lesson_one_leads_to_lesson_two(workbook):
    """The footer's Back and Next come from lessons.yaml: lesson 1 leads here, and this
    lesson leads back to lesson 1 (tests/page/test_lesson_order.py reorders the list)."""
    one = footer_links(footer_html(workbook, "responsibility"))
    assert one["next"] == (NOTEBOOK.name, workbook.lesson("guilt-shame").title)
    two = footer_links(footer_html(workbook, "guilt-shame"))
    assert two["prev"] == (
        "01_responsibility_vs_cruelty.ipynb",
        workbook.lesson("responsibility").title,
    )
