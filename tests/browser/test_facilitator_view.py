"""The facilitator view: the same lesson page with notes beside each exercise, only when
the address asks for it (``?facilitator=1``). Participants never see the notes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .conftest import ARTIFACTS, no_sideways_scroll, screenshot

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"


def open_page(page, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}/voila/render/{LESSON}{query}")
    page.wait_for_function("document.querySelectorAll('.oig-exercise').length >= 4", timeout=60_000)


def test_facilitator_view_shows_notes_beside_each_exercise(page, voila_url):
    notes = load_workbook().facilitator["responsibility"]
    open_page(page, voila_url, "?facilitator=1")
    panels = page.locator(".oig-exercise .oig-facilitator-notes")
    expect(panels).to_have_count(len(notes.exercises))
    sorter = page.locator(".oig-exercise-sorter")
    note = sorter.get_by_role("note", name="For the facilitator")
    expect(note).to_be_visible()
    expect(note).to_contain_text(notes.exercises["sorter"].split(";")[0])
    expect(note).to_contain_text("60-minute plan: 15 min")
    assert no_sideways_scroll(page)
    screenshot(page, "facilitator-view")
    sorter.screenshot(path=str(ARTIFACTS / f"facilitator-sorter-{page.viewport_name}.png"))


@pytest.mark.desktop_only
def test_participant_view_has_no_notes(page, voila_url):
    open_page(page, voila_url)
    expect(page.locator(".oig-exercise")).to_have_count(4)
    # Carried in the page, but hidden: not seen, not read out, not focusable.
    expect(page.locator(".oig-facilitator-notes:visible")).to_have_count(0)
    expect(page.get_by_role("note", name="For the facilitator")).to_have_count(0)
    for junk in ("0", "", "maybe", "%3Cscript%3E"):
        open_page(page, voila_url, f"?facilitator={junk}")
        expect(page.locator(".oig-facilitator-notes:visible")).to_have_count(0)
