"""The chosen option of a toggle-style choice is announced, not only coloured.

The sorter's piles (lesson 1) and the feeling-fit answers (lesson 2) are buttons that
stay chosen. A screen reader learns which one from aria-pressed (set by the template's
gentle.js from the kernel's oig-chosen class); Playwright's role query with
``pressed=`` reads the same accessibility tree a screen reader does.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .app_helpers import open_page
from .conftest import DESKTOP

pytestmark = pytest.mark.browser


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def test_sorter_pile_is_announced_as_pressed(desktop, voila_url):
    page = desktop
    wb = load_workbook()
    _, spec = wb.exercise("responsibility/sorter")
    open_page(page, voila_url, "01_responsibility_vs_cruelty.ipynb")
    sorter = page.locator(".oig-exercise-sorter").first
    first, second = (c.label for c in spec.categories[:2])
    # Before a pick nothing is pressed, but each pile says it is a toggle button.
    for label in (first, second):
        button = sorter.get_by_role("button", name=label, exact=True)
        expect(button).to_have_attribute("aria-pressed", "false")
    sorter.get_by_role("button", name=second, exact=True).click()
    expect(sorter.get_by_role("button", name=second, exact=True, pressed=True)).to_have_count(1)
    expect(sorter.get_by_role("button", name=first, exact=True, pressed=False)).to_have_count(1)
    # The next statement starts with nothing chosen again.
    sorter.get_by_role("button", name=wb.ui.next, exact=True).click()
    expect(sorter.get_by_role("button", name=second, exact=True, pressed=False)).to_have_count(1)
    expect(sorter.get_by_role("button", pressed=True)).to_have_count(0)


def test_feeling_fit_answer_is_announced_as_pressed(desktop, voila_url):
    page = desktop
    wb = load_workbook()
    _, spec = wb.exercise("guilt-shame/feeling-fit")
    yes, no = (o.label for o in spec.options[:2])
    open_page(page, voila_url, "02_guilt_vs_shame.ipynb")
    fit = page.locator(".oig-exercise-feeling_fit").first
    fit.get_by_label(re.compile("What happened")).fill("I forgot to text Ines back.")
    fit.get_by_role("button", name=wb.ui.next, exact=True).click()
    expect(fit.get_by_role("button", name=yes, exact=True, pressed=False)).to_be_visible()
    fit.get_by_role("button", name=yes, exact=True).click()
    # Back at the question, the answer given is the pressed one.
    fit.get_by_role("button", name=spec.back_button, exact=True).click()
    expect(fit.get_by_role("button", name=yes, exact=True, pressed=True)).to_be_visible()
    expect(fit.get_by_role("button", name=no, exact=True, pressed=False)).to_be_visible()
    # Changing the answer moves the pressed state.
    fit.get_by_role("button", name=no, exact=True).click()
    fit.get_by_role("button", name=spec.back_button, exact=True).click()
    expect(fit.get_by_role("button", name=no, exact=True, pressed=True)).to_be_visible()
    expect(fit.get_by_role("button", name=yes, exact=True, pressed=False)).to_be_visible()
