"""Lesson 3's kind pause and lesson 1's "no more, no less" in a real browser, in English
and Spanish, on desktop and phone: the steps one at a time, a soothing choice that needs
no touch, and Take a pause in the middle with nothing lost."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .conftest import ARTIFACTS, no_sideways_scroll, open_notebook

pytestmark = pytest.mark.browser

# language -> (lesson 3 page, lesson 1 page)
PAGES = {
    "en": ("03_staying_present.ipynb", "01_responsibility_vs_cruelty.ipynb"),
    "es": ("es/03_staying_present.ipynb", "es/01_responsibility_vs_cruelty.ipynb"),
}
# The section that names self-compassion, just before the kind pause.
SECTION = {"en": "Being kind to yourself", "es": "Ser amable contigo"}
LESSON3_EXERCISES = 6
LESSON1_EXERCISES = 4


def box(flow, spec, step_id: str, field_id: str = ""):
    step = next(s for s in spec.steps if s.id == step_id)
    field = next(f for f in step.fields if not field_id or f.id == field_id)
    return flow.get_by_label(field.label, exact=True)


@pytest.mark.parametrize("language", ["en", "es"])
def test_kind_pause_with_a_pause_in_the_middle(page, voila_url, language):
    wb = load_workbook(language=language)
    spec = wb.exercise("staying-present/kind-pause")[1]
    open_notebook(page, voila_url, PAGES[language][0], exercises=LESSON3_EXERCISES)
    section = page.get_by_role("heading", level=2, name=SECTION[language], exact=True)
    section.scroll_into_view_if_needed()
    page.screenshot(path=shot_path(page, f"kind-pause-{language}-section"))
    flow = page.locator(".oig-exercise-kind_pause")
    flow.scroll_into_view_if_needed()
    buttons = flow.locator(".oig-flow-buttons")
    nxt = buttons.get_by_role("button", name=wb.ui.next, exact=True)
    skip = buttons.get_by_role("button", name=wb.ui.skip, exact=True)
    # What it will ask, and that eyes can stay open, before anything is asked.
    expect(flow.locator(".oig-exercise-title")).to_have_text(spec.title)
    expect(flow).to_contain_text(spec.intro.split(".")[0])
    expect(flow.locator(".oig-step-bring")).to_be_visible()
    expect(flow.locator(".oig-step-hard")).to_be_hidden()
    mistake = "Talked over Rosa <img src=x onerror=alert(1)>"
    box(flow, spec, "bring").fill(mistake)
    nxt.click()
    hard = box(flow, spec, "hard")
    hard.fill("This hurts a bit.")
    flow.screenshot(path=shot_path(page, f"kind-pause-{language}-hard"))

    # Take a pause in the middle: the practice hides, then comes back as it was.
    flow.get_by_role("button", name=wb.ui.pause_button).click()
    pause = flow.locator(".oig-pause")
    expect(pause).to_be_visible()
    expect(hard).to_be_hidden()
    flow.screenshot(path=shot_path(page, f"kind-pause-{language}-paused"))
    pause.get_by_role("button", name=wb.ui.pause_back).click()
    expect(pause).to_be_hidden()
    expect(hard).to_be_visible()
    expect(hard).to_have_value("This hurts a bit.")

    nxt.click()
    skip.click()  # others go through this too: skipped
    kind = flow.locator(".oig-step-kind")
    expect(kind).to_be_visible()
    voice = next(a for a in spec.steps[3].anchors if a.id == "voice")
    kind.get_by_role("radio", name=voice.label).check()
    expect(kind.locator(".oig-anchor-text")).to_contain_text(voice.text.split(".")[0])
    expect(kind.locator(".oig-pacer")).to_have_count(0)
    box(flow, spec, "kind").fill("It's hard. And you can do it.")
    flow.screenshot(path=shot_path(page, f"kind-pause-{language}-kind"))
    nxt.click()
    box(flow, spec, "next").fill("Say sorry to Rosa.")
    nxt.click()

    end = flow.locator(".oig-end")
    expect(end).to_be_visible()
    expect(buttons).to_be_hidden()
    expect(end.locator(".oig-refrain")).to_have_text(spec.refrain)
    summary = end.locator(".oig-summary")
    for text in (mistake, "This hurts a bit.", voice.label, "Say sorry to Rosa."):
        expect(summary).to_contain_text(text)
    assert summary.locator("img").count() == 0
    assert page.dialogs == []
    assert no_sideways_scroll(page)
    flow.screenshot(path=shot_path(page, f"kind-pause-{language}-end"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_lesson_one_owns_what_is_yours_and_sorts_three_piles(page, voila_url, language):
    wb = load_workbook(language=language)
    spec = wb.exercise("responsibility/sorter")[1]
    open_notebook(page, voila_url, PAGES[language][1], exercises=LESSON1_EXERCISES)
    heading = page.get_by_role("heading", level=2).filter(
        has_text="no more" if language == "en" else "ni más"
    )
    expect(heading).to_have_count(1)
    heading.scroll_into_view_if_needed()
    page.screenshot(path=shot_path(page, f"lesson1-{language}-no-more-no-less"))
    sorter = page.locator(".oig-exercise-sorter")
    labels = [c.label for c in spec.categories]
    assert len(labels) == 3
    for label in labels:
        expect(sorter.get_by_role("button", name=label, exact=True)).to_be_visible()
    brushing = next(c for c in spec.categories if c.id == "brushing")
    first = next(i for i, s in enumerate(spec.statements) if s.answer == "brushing")
    for _ in spec.statements[:first]:
        sorter.get_by_role("button", name=wb.ui.skip, exact=True).click()
    expect(sorter.locator(".oig-statement")).to_contain_text(spec.statements[first].text)
    sorter.get_by_role("button", name=brushing.label, exact=True).click()
    expect(sorter.locator(".oig-feedback")).to_contain_text(spec.feedback.same)
    expect(sorter.locator(".oig-feedback")).to_contain_text(
        spec.statements[first].why.split(".")[0]
    )
    sorter.scroll_into_view_if_needed()
    page.screenshot(path=shot_path(page, f"lesson1-{language}-brushing-pile"))
    assert no_sideways_scroll(page)


def shot_path(page, name: str):
    """Where a screenshot of one section or one exercise goes (not the whole page)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}-{page.viewport_name}.png"
