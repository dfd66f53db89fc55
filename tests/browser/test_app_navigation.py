"""The web app as a first-time visitor meets it: the address leads to the welcome page,
the lesson cards follow lessons.yaml, and back/next move through the lessons in order.
At desktop size; every page's layout at phone size and 200 % zoom (no sideways scrolling,
nothing overlapping, 44 px touch targets) is checked in test_app_every_page.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .app_helpers import expected_exercises
from .conftest import no_sideways_scroll, screenshot

pytestmark = pytest.mark.browser


def wait_drawn(page, name: str) -> None:
    page.wait_for_url(re.compile(re.escape(f"/voila/render/{name}") + r"$"), timeout=90_000)
    page.wait_for_function(
        "document.querySelector('.oig-safety') !== null && document.querySelectorAll("
        "'script[type=\"application/vnd.voila.cell-output+json\"]').length === 0 && "
        f"document.querySelectorAll('.oig-exercise').length >= {expected_exercises(name)}",
        timeout=90_000,
    )


@pytest.mark.desktop_only
def test_landing_lesson_next_back(page, voila_url):
    wb = load_workbook()
    lessons = wb.lessons.lessons
    total = len(lessons) - 1
    assert total >= 2, "navigation needs two lessons after the welcome page"

    # The bare address is not a file listing: it opens the welcome page.
    page.goto(voila_url + "/")
    wait_drawn(page, lessons[0].notebook)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_text(wb.lessons.workbook_title).first).to_be_visible()
    expect(page.get_by_text("not therapy").first).to_be_visible()
    expect(page.get_by_role("button", name=wb.ui.help_button).first).to_be_visible()
    expect(page.locator(".oig-where").first).to_have_text(wb.ui.start_here)

    # One card per lesson, in the order of lessons.yaml.
    cards = page.locator(".oig-card")
    expect(cards).to_have_count(total)
    for i, entry in enumerate(lessons[1:]):
        card = cards.nth(i)
        expect(card.get_by_role("heading", level=3)).to_have_text(entry.title)
        expect(card).to_contain_text(entry.description)
        expect(card).to_contain_text(f"{entry.minutes} min")
        expect(card).to_contain_text(f"Lesson {i + 1} of {total}")
        if entry.content_note:
            expect(card).to_contain_text(entry.content_note.split(".")[0])
    screenshot(page, "app-landing")
    assert no_sideways_scroll(page)

    # Landing -> lesson 1 from its card.
    cards.nth(0).get_by_role("link", name=lessons[1].title).click()
    wait_drawn(page, lessons[1].notebook)
    expect(page.locator(".oig-where").first).to_have_text(f"Lesson 1 of {total}")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    nav = page.get_by_role("navigation", name=wb.ui.lessons_label)
    expect(nav.get_by_role("link")).to_have_count(2)  # back to the welcome, on to lesson 2
    screenshot(page, "app-lesson1-top")
    assert no_sideways_scroll(page)

    # -> next lesson.
    nav.get_by_role("link", name=re.compile(re.escape(lessons[2].title))).click()
    wait_drawn(page, lessons[2].notebook)
    expect(page.locator(".oig-where").first).to_have_text(f"Lesson 2 of {total}")
    assert no_sideways_scroll(page)

    # <- back, with the page's own link and with the browser's back button.
    nav = page.get_by_role("navigation", name=wb.ui.lessons_label)
    nav.get_by_role("link", name=re.compile(re.escape(lessons[1].title))).click()
    wait_drawn(page, lessons[1].notebook)
    page.go_back()
    wait_drawn(page, lessons[2].notebook)

    # The workbook title in the header always leads home.
    page.locator(".oig-site-title").first.click()
    wait_drawn(page, lessons[0].notebook)
    expect(cards).to_have_count(total)


@pytest.mark.desktop_only
@pytest.mark.parametrize("lang", ["en", "es"])
def test_landing_links_my_answers_after_the_cards(page, voila_url, lang):
    """ "My answers" follows the lesson cards, in the page's language, and opens the page."""
    wb = load_workbook(language=lang)
    welcome = wb.lessons.lessons[0].notebook
    page.goto(f"{voila_url}/voila/render/{welcome}")
    wait_drawn(page, welcome)
    cards = page.locator(".oig-card")
    expect(cards).to_have_count(len(wb.lessons.lessons) - 1)
    link = page.locator(".oig-lesson-cards").get_by_role("link", name=wb.ui.my_answers_link)
    expect(link).to_have_count(1)
    expect(link).to_be_visible()
    expect(page.locator(".oig-my-answers")).to_contain_text(wb.ui.my_answers_note)
    last_card = cards.last.bounding_box()
    assert link.bounding_box()["y"] >= last_card["y"] + last_card["height"], "not after the cards"
    assert no_sideways_scroll(page)
    link.click()
    answers = welcome.replace("00_welcome.ipynb", "05_my_answers.ipynb")
    wait_drawn(page, answers)
    expect(page.get_by_role("heading", level=1, name=wb.journal.export.title)).to_be_visible()


@pytest.mark.desktop_only
def test_last_lesson_has_no_next_and_first_no_back(page, voila_url):
    """The ends of the list: no link that leads nowhere."""
    wb = load_workbook()
    lessons = wb.lessons.lessons
    page.goto(f"{voila_url}/voila/render/{lessons[-1].notebook}")
    wait_drawn(page, lessons[-1].notebook)
    nav = page.get_by_role("navigation", name=wb.ui.lessons_label)
    expect(nav.locator("a[rel=next]")).to_have_count(0)
    expect(nav.locator("a[rel=prev]")).to_have_count(1)
    expect(page.locator(".oig-footer-help")).to_contain_text(wb.crisis_region().emergency)
