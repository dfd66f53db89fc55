"""The page header, footer and lesson cards follow lessons.yaml (no browser needed)."""

from __future__ import annotations

import re
from dataclasses import replace

from widgets import page
from widgets.content import REPO_DIR, load_workbook

TEMPLATES = REPO_DIR / "share" / "jupyter" / "voila" / "templates" / "gentle"


def test_where_you_are_counts_lessons_after_the_welcome():
    wb = load_workbook()
    lessons = wb.lessons.lessons
    total = len(lessons) - 1
    assert page.where_text(wb, lessons[0].id) == wb.ui.start_here
    assert page.where_text(wb, lessons[1].id) == f"Lesson 1 of {total}"
    assert page.where_text(wb, lessons[-1].id) == f"Lesson {total} of {total}"


def test_footer_links_neighbours_only():
    wb = load_workbook()
    lessons = wb.lessons.lessons
    first = page.footer_html(wb, lessons[0].id)
    assert "rel='prev'" not in first and f"href='{lessons[1].notebook}'" in first
    last = page.footer_html(wb, lessons[-1].id)
    assert "rel='next'" not in last and f"href='{lessons[-2].notebook}'" in last
    assert wb.crisis_region().emergency in last


def test_cards_in_list_order_and_escaped():
    wb = load_workbook()
    html = page.cards_html(wb)
    titles = re.findall(r"<h3><a href='[^']+'>([^<]+)</a></h3>", html)
    assert len(titles) == len(wb.lessons.lessons) - 1
    evil = wb.lessons.lessons[1].model_copy(update={"title": "<img src=x onerror=alert(1)>"})
    lessons = wb.lessons.model_copy(update={"lessons": [wb.lessons.lessons[0], evil]})
    html = page.cards_html(replace(wb, lessons=lessons))
    assert "<img" not in html and "&lt;img" in html


def test_fill_keeps_unknown_slots():
    assert page._fill("Lesson {n} of {total}", n=1, total=4) == "Lesson 1 of 4"
    assert page._fill("Lesson {nn}", n=1) == "Lesson {nn}"


def test_bare_address_leads_to_the_first_listed_page():
    first = load_workbook().lessons.lessons[0].notebook
    for name in ("tree.html", "tree-lab.html"):
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        assert f"voila/render/{first}" in text, name
