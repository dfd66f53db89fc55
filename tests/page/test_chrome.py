"""The page header, footer and lesson cards follow lessons.yaml (no browser needed)."""

from __future__ import annotations

import re
from dataclasses import replace

from widgets.content.loader import load_workbook
from widgets.page import chrome as page
from widgets.paths import REPO_DIR

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
    from widgets.text import fill

    assert fill("Lesson {n} of {total}", n=1, total=4) == "Lesson 1 of 4"
    assert fill("Lesson {nn}", n=1) == "Lesson {nn}"
    assert fill("{a} {b}", a="{b}", b=2) == "{b} 2"  # one pass: a value is not filled again


def test_bare_address_leads_to_the_first_listed_page():
    """The way in (tree.html) links each language's first listed page (through the
    template's oig_text.j2, see tests/tools/test_template_text.py); the default one without
    JavaScript."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    first = load_workbook().lessons.lessons[0].notebook
    for name in ("tree.html", "tree-lab.html"):
        text = env.get_template(name).render(base_url="/")
        assert f"url=/voila/render/{first}" in text, name
        for lang in ("en", "es"):
            home = load_workbook(language=lang).lessons.lessons[0].notebook
            assert f'href="/voila/render/{home}"' in text, (name, lang)


def test_my_answers_link_follows_the_cards():
    for lang in ("en", "es"):
        wb = load_workbook(language=lang)
        html = page.cards_html(wb)
        link = f"<a href='05_my_answers.ipynb'>{wb.ui.my_answers_link}</a>"
        assert link in html, lang
        assert html.index("</ol>") < html.index(link), "the link comes after the cards"
        assert wb.ui.my_answers_note in html


def test_my_answers_link_is_escaped_and_left_out_without_the_page(tmp_path):
    wb = load_workbook()
    hostile = replace(wb, ui=wb.ui.model_copy(update={"my_answers_link": "<img src=x>"}))
    html = page.my_answers_html(hostile)
    assert "<img" not in html and "&lt;img src=x&gt;" in html
    # A copy of the workbook without a "My answers" page gets no link that leads nowhere.
    (tmp_path / "data").mkdir()
    (tmp_path / "notebooks").mkdir()
    assert page.my_answers_html(replace(wb, root=tmp_path / "data")) == ""


def _style_widgets(widget) -> list:
    """Every <style> HTML widget at or below ``widget``."""
    import ipywidgets as W

    found = []
    if isinstance(widget, W.HTML) and widget.value.startswith("<style>"):
        found.append(widget)
    for child in getattr(widget, "children", ()):
        found.extend(_style_widgets(child))
    return found


def test_style_sheets_travel_as_widgets_only_in_jupyterlab(monkeypatch):
    """JupyterLab gets the page's and the journal's style sheets as <style> widgets; the
    web app (Voila marks its kernels with VOILA_PREHEAT) has them in the page's head
    (static/widgets.css), so its lesson tops carry none."""
    from widgets.page.journal_page import journal_top
    from widgets.paths import JOURNAL_STYLE_SHEET, PAGE_STYLE_SHEET

    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    in_lab = [w.value for w in _style_widgets(page.lesson_top("responsibility"))]
    assert in_lab == [
        f"<style>{PAGE_STYLE_SHEET.read_text(encoding='utf-8')}</style>",
        f"<style>{JOURNAL_STYLE_SHEET.read_text(encoding='utf-8')}</style>",
    ]
    assert len(_style_widgets(journal_top())) == 2
    for preheat in ("True", "False"):
        monkeypatch.setenv("VOILA_PREHEAT", preheat)
        assert _style_widgets(page.lesson_top("responsibility")) == []
        assert _style_widgets(journal_top()) == []
        assert page.lesson_top("responsibility").children  # the header and bar are there
