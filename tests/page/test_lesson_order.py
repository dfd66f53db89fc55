"""The order of the lessons lives in one place: data/<lang>/lessons.yaml.

The lesson pages never link to each other in their text; the last cell of each page,
``show_footer("<id>")``, builds Back and Next from the list. So a facilitator who moves a
lesson's block in lessons.yaml changes every Back and Next link, and no notebook.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from support import footer_links

from widgets.content import loader as content
from widgets.content.loader import load_workbook, validate
from widgets.page import chrome as page
from widgets.page import state as page_state
from widgets.paths import REPO_DIR

LANGUAGES = ("en", "es")


def footer_text(footer: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", footer))


def lesson_pages(language: str) -> list[tuple[str, Path]]:
    wb = load_workbook(language=language)
    return [(e.id, REPO_DIR / "notebooks" / e.notebook) for e in wb.lessons.lessons]


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_lesson_text_never_links_to_another_lesson(language):
    pages = lesson_pages(language)
    names = {path.name for _, path in pages}
    for _, path in pages:
        markdown = "\n".join(
            "".join(c["source"]) for c in cells(path) if c["cell_type"] == "markdown"
        )
        linked = set(re.findall(r"\]\(([^)\s]+\.ipynb)", markdown))
        linked |= set(re.findall(r"href=['\"]([^'\"]+\.ipynb)", markdown))
        assert not {Path(link).name for link in linked} & names, (path, linked)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lesson_page_ends_with_its_footer(language):
    for lesson_id, path in lesson_pages(language):
        last = cells(path)[-1]
        assert last["cell_type"] == "code", path
        assert "".join(last["source"]) == (
            f'from widgets import show_footer\nshow_footer("{lesson_id}")'
        ), path


def move_lesson(listing: Path, lesson_id: str, before: str) -> None:
    """Move one lesson's block in lessons.yaml, as docs/adapting.md §4 says: the lines
    from its ``- id:`` down to the line before the next ``- id:``."""
    text = listing.read_text(encoding="utf-8")
    head, *blocks = re.split(r"(?m)^(?=  - id: )", text)
    blocks = [b.rstrip("\n") + "\n\n" for b in blocks]
    ids = [re.match(r"  - id: (\S+)", b).group(1) for b in blocks]
    moving = blocks.pop(ids.index(lesson_id))
    ids.remove(lesson_id)
    blocks.insert(ids.index(before), moving)
    listing.write_text(head + "".join(blocks).rstrip("\n") + "\n", encoding="utf-8")


@pytest.fixture
def reordered(data_copy, monkeypatch):
    """data/ with "Staying present" moved before "Guilt versus shame", in both languages;
    the page functions read this copy (OWNING_DATA_DIR), as a Voila kernel would."""
    monkeypatch.setenv("OWNING_DATA_DIR", str(data_copy))
    page_state.set_language(None)
    yield data_copy
    page_state.set_language(None)


def nav(lesson_id: str) -> dict[str, tuple[str, str]]:
    return footer_links(page.show_footer(lesson_id).value)


def test_moving_a_lesson_in_lessons_yaml_changes_back_and_next(reordered):
    wb = load_workbook()
    title = {e.id: e.title for e in wb.lessons.lessons}
    # As shipped: responsibility -> guilt-shame -> staying-present -> putting-it-together.
    assert nav("responsibility")["next"] == ("02_guilt_vs_shame.ipynb", title["guilt-shame"])

    move_lesson(reordered / "en" / "lessons.yaml", "staying-present", before="guilt-shame")
    content.clear_cache()
    assert validate(reordered) == []  # nothing else needs to change

    assert nav("responsibility")["next"] == (
        "03_staying_present.ipynb",
        title["staying-present"],
    )
    assert nav("staying-present") == {
        "prev": ("01_responsibility_vs_cruelty.ipynb", title["responsibility"]),
        "next": ("02_guilt_vs_shame.ipynb", title["guilt-shame"]),
    }
    assert nav("guilt-shame") == {
        "prev": ("03_staying_present.ipynb", title["staying-present"]),
        "next": ("04_putting_it_together.ipynb", title["putting-it-together"]),
    }
    footer = page.show_footer("staying-present").value
    assert "Lesson 2 of 4" in footer_text(footer)


def test_spanish_footer_follows_the_spanish_list(reordered):
    page_state.set_language("es")
    wb = page_state.workbook()
    title = {e.id: e.title for e in wb.lessons.lessons}
    assert nav("responsibility")["next"] == ("02_guilt_vs_shame.ipynb", title["guilt-shame"])

    move_lesson(reordered / "es" / "lessons.yaml", "staying-present", before="guilt-shame")
    content.clear_cache()

    # Spanish pages sit side by side in notebooks/es/, so the links stay relative.
    assert nav("responsibility")["next"] == (
        "03_staying_present.ipynb",
        title["staying-present"],
    )
    assert nav("guilt-shame")["prev"] == ("03_staying_present.ipynb", title["staying-present"])
    footer = footer_text(page.show_footer("staying-present").value)
    assert wb.ui.next_link in footer and wb.ui.back_link in footer
    assert "Next" not in footer and "Back" not in footer
    # The English list keeps its own order.
    page_state.set_language("en")
    assert nav("responsibility")["next"][0] == "02_guilt_vs_shame.ipynb"
