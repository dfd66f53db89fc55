"""Lesson 1 completed with the keyboard alone (Tab, Shift+Tab, Enter, Space, typing),
the way test_lesson1.py completes it with a mouse; every control on the way shows a
visible focus ring."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .app_helpers import open_page
from .conftest import DESKTOP, screenshot

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"
IS_FOCUSED = "el => el === document.activeElement || el.contains(document.activeElement)"


def tab_to(page, target, limit: int = 250) -> None:
    """Press Tab (only) until ``target`` has the focus."""
    target.wait_for(state="visible")
    for _ in range(limit):
        if target.evaluate(IS_FOCUSED):
            ring = page.evaluate(
                "(() => { const s = getComputedStyle(document.activeElement);"
                " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
            )
            assert ring[0] != "none" and ring[1] >= 2, f"no visible focus ring: {ring}"
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def press(page, target, key: str = "Enter") -> None:
    tab_to(page, target)
    page.keyboard.press(key)


def type_into(page, target, text: str) -> None:
    tab_to(page, target)
    page.keyboard.type(text)


def test_lesson_one_keyboard_only(browser, voila_url):
    wb = load_workbook()
    _, sorter_spec = wb.exercise("responsibility/sorter")
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.viewport_name = "desktop"
    try:
        open_page(page, voila_url, LESSON)
        page.locator("body").focus()

        # 1. The sorter: a pile for every statement, then Next.
        sorter = page.locator(".oig-exercise-sorter")
        labels = [c.label for c in sorter_spec.categories]
        for i, statement in enumerate(sorter_spec.statements):
            expect(sorter.locator(".oig-statement")).to_contain_text(statement.text)
            key = "Enter" if i % 2 else " "
            press(page, sorter.get_by_role("button", name=labels[i % 2], exact=True), key)
            expect(sorter.locator(".oig-feedback")).to_contain_text(statement.why.split(".")[0])
            press(page, sorter.get_by_role("button", name=wb.ui.next, exact=True))
        expect(sorter.locator(".oig-summary")).to_contain_text("You have looked at every")

        # 2. The rewrite, with its gentle look-over.
        rewrite = page.locator(".oig-exercise-rewrite")
        type_into(page, rewrite.get_by_label("What happened:"), "I was late to pick up Sam.")
        type_into(page, rewrite.get_by_label("What I'll do:"), "Set an alarm.")
        press(page, rewrite.get_by_role("button", name="Look over my rewrite"))
        expect(rewrite.locator(".oig-hints")).to_contain_text("The check found no labels")

        # 3. The repair plan: a pause and back, the card, and its download.
        repair = page.locator(".oig-exercise-repair_plan")
        type_into(page, repair.get_by_label("What happened?"), "I forgot Maya's birthday.")
        press(page, repair.get_by_role("button", name=wb.ui.pause_button))
        back = repair.get_by_role("button", name=wb.ui.pause_back)
        expect(back).to_be_visible()
        press(page, back)
        expect(repair.get_by_label("What happened?")).to_have_value("I forgot Maya's birthday.")
        type_into(page, repair.get_by_label("What could help make it right?"), "Call her.")
        press(page, repair.get_by_role("button", name="Make my card"))
        expect(repair.locator(".oig-repair-card")).to_contain_text("Call her.")
        link = repair.get_by_role("link", name="Download my card")
        tab_to(page, link)
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        assert info.value.suggested_filename == "my-repair-plan.md"

        # 4. Help opens and closes from the keyboard.
        press(page, repair.get_by_role("button", name=wb.ui.help_button))
        expect(repair.locator(".oig-help-lines")).to_contain_text("988")
        press(page, repair.get_by_role("button", name=wb.ui.help_close))
        expect(repair.locator(".oig-help-lines")).to_be_hidden()

        # 5. The closing reflection.
        reflection = page.locator(".oig-exercise-reflection")
        field = reflection.get_by_label("One thing I want to remember", exact=False)
        type_into(page, field, "Own it, gently.")
        expect(field).to_have_value("Own it, gently.")

        # 6. On to the next lesson by keyboard.
        nav = page.get_by_role("navigation", name=wb.ui.lessons_label)
        press(page, nav.locator("a[rel=next]"))
        page.wait_for_url(f"**/{wb.lessons.lessons[2].notebook}", timeout=60_000)
        screenshot(page, "app-keyboard-next")
    finally:
        context.close()
