"""A facilitator's typo in a lesson file while the app runs never takes help off a page,
and the fix reaches the very next visitor.

The app runs on a copy of the workbook with pages kept ready (voila.json, ready_pages
1), as in a workshop. Before issue 21 the next visitor after a typo lost Take a pause,
Get help now and the footer's help line (only the problem box was left), and after the
fix the first visitor still got a page built from the broken file.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from .conftest import copy_of_workbook, screenshot, start_voila, stop

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"
GOOD = "    question: Which pile does this one fit?\n"
TYPO = "    qestion: Which pile does this one fit?\n"
READY = 10  # seconds for the page kept ready to be rebuilt (fill_delay 2 s + a build)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    root = copy_of_workbook(tmp_path_factory)
    proc, base, log = start_voila(env={"OWNING_DATA_DIR": str(root / "data")}, root=root)
    yield base, root / "data" / "en" / "lessons" / "responsibility.yaml", log
    stop(proc)


def visit(browser, base: str):
    """A new visitor opens lesson 1 and waits until every cell has run."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.viewport_name = "desktop"
    page.goto(f"{base}/voila/render/{LESSON}")
    page.wait_for_function(
        "document.querySelector('.oig-page-footer') !== null && document.querySelectorAll("
        "'script[type=\"application/vnd.voila.cell-output+json\"]').length === 0",
        timeout=90_000,
    )
    page.wait_for_timeout(300)
    return context, page


def replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.desktop_only
def test_a_typo_keeps_the_safety_shell_and_the_fix_reaches_the_next_visitor(browser, app):
    base, lesson, log = app
    context, page = visit(browser, base)  # a page kept ready, built from good files
    expect(page.locator(".oig-exercise")).to_have_count(4)
    context.close()
    time.sleep(READY)  # the next page is ready, built from the good files

    replace(lesson, GOOD, TYPO)
    context, page = visit(browser, base)
    expect(page.locator(".oig-problem").first).to_be_visible()
    expect(page.get_by_text("This part of the workbook could not be shown.").first).to_be_visible()
    expect(page.get_by_role("button", name="Take a pause").first).to_be_visible()
    help_button = page.get_by_role("button", name="Get help now").first
    expect(help_button).to_be_visible()
    footer = page.locator(".oig-footer-help")
    expect(footer).to_be_visible()
    expect(footer).to_contain_text("988")
    help_button.click()
    expect(page.locator(".oig-help-lines").first).to_contain_text("988 Suicide & Crisis Lifeline")
    page.get_by_role("button", name="Take a pause").first.click()
    expect(page.get_by_role("heading", name="A short pause").first).to_be_visible()
    screenshot(page, "broken-lesson-file")
    context.close()
    time.sleep(READY)  # the page kept ready is now one built from the broken file

    replace(lesson, TYPO, GOOD)
    context, page = visit(browser, base)
    expect(page.locator(".oig-exercise")).to_have_count(4)
    expect(page.locator(".oig-problem")).to_have_count(0)
    expect(page.locator(".oig-footer-help")).to_contain_text("988")
    context.close()
    assert "ready pages of 01_responsibility_vs_cruelty.ipynb rebuilt" in log.read_text()
