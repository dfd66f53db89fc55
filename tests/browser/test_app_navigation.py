"""The web app as a first-time visitor meets it: the address leads to the welcome page,
the lesson cards follow lessons.yaml, and back/next move through the lessons in order.
Runs on desktop and on a 390 x 844 phone (no sideways scrolling, 44 px touch targets)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from widgets.content import load_workbook

from .app_helpers import expected_exercises, small_targets
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


def check_phone_friendly(page) -> None:
    assert no_sideways_scroll(page), "the page scrolls sideways"
    if page.viewport_name == "phone":
        # Widgets get their classes (and so their sizes) as they are drawn: allow the
        # page a few seconds to settle; a control that stays small still fails.
        for _ in range(10):
            small = small_targets(page)
            if not small:
                break
            page.wait_for_timeout(500)
        assert small == [], f"touch targets smaller than 44 x 44 px: {small}"


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
    check_phone_friendly(page)

    # Landing -> lesson 1 from its card.
    cards.nth(0).get_by_role("link", name=lessons[1].title).click()
    wait_drawn(page, lessons[1].notebook)
    expect(page.locator(".oig-where").first).to_have_text(f"Lesson 1 of {total}")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    nav = page.get_by_role("navigation", name=wb.ui.lessons_label)
    expect(nav.get_by_role("link")).to_have_count(2)  # back to the welcome, on to lesson 2
    screenshot(page, "app-lesson1-top")
    check_phone_friendly(page)

    # -> next lesson.
    nav.get_by_role("link", name=re.compile(re.escape(lessons[2].title))).click()
    wait_drawn(page, lessons[2].notebook)
    expect(page.locator(".oig-where").first).to_have_text(f"Lesson 2 of {total}")
    check_phone_friendly(page)

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


def test_zoom_200_percent(browser, voila_url):
    """Large text: a 1280 x 900 window at 200 % zoom is a 640 x 450 page drawn twice as big.
    Nothing may need sideways scrolling; tests/artifacts/app-zoom200-*.png is for a look."""
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    page.viewport_name = "zoom200"
    try:
        for name in ("00_welcome.ipynb", "01_responsibility_vs_cruelty.ipynb"):
            page.goto(f"{voila_url}/voila/render/{name}")
            wait_drawn(page, name)
            assert no_sideways_scroll(page), name
            screenshot(page, "app-" + name.split("_")[0])
    finally:
        context.close()
