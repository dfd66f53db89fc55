"""Complete lesson 1 in a real browser, as a participant would, on desktop and phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .conftest import no_sideways_scroll, open_notebook, screenshot

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"


def exercise(page, kind: str):
    return page.locator(f".oig-exercise-{kind}")


def test_complete_lesson_one(page, voila_url):
    wb = load_workbook()
    _, sorter_spec = wb.exercise("responsibility/sorter")
    open_notebook(page, voila_url, LESSON, exercises=4)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Owning it"))
    expect(page.locator(".oig-content-note")).to_contain_text("Pick a small one")
    screenshot(page, "lesson1-top")

    # 1. Sort every statement; the reasoning shows after each pick, whichever pile.
    sorter = exercise(page, "sorter")
    labels = [c.label for c in sorter_spec.categories]
    for i, statement in enumerate(sorter_spec.statements):
        expect(sorter.locator(".oig-statement")).to_contain_text(statement.text)
        sorter.get_by_role("button", name=labels[i % len(labels)], exact=True).click()
        feedback = sorter.locator(".oig-feedback")
        expect(feedback).to_contain_text(statement.why.split(".")[0])
        same = labels[i % len(labels)] == next(
            c.label for c in sorter_spec.categories if c.id == statement.answer
        )
        lead = sorter_spec.feedback.same if same else sorter_spec.feedback.different
        expect(feedback).to_contain_text(lead)
        if i == 1:
            screenshot(page, "lesson1-sorter-feedback")
        sorter.get_by_role("button", name=wb.ui.next, exact=True).click()
    expect(sorter.locator(".oig-summary")).to_contain_text("You have looked at every statement")
    expect(sorter.get_by_text(re.compile(r"\b\d+ (right|wrong|correct)\b"))).to_have_count(0)

    # 2. Rewrite the voice: a harsh rewrite gets gentle hints, a kind one gets none.
    rewrite = exercise(page, "rewrite")
    happened = rewrite.get_by_label("What happened:")
    happened.fill("I'm such an idiot, I always forget things.")
    rewrite.get_by_role("button", name="Look over my rewrite").click()
    hints = rewrite.locator(".oig-hints")
    expect(hints).to_contain_text("always")
    expect(hints).to_contain_text("sums up all of you")
    screenshot(page, "lesson1-rewrite-hints")
    happened.fill("I was late to pick up Sam from practice on Tuesday.")
    rewrite.get_by_label("What I'll do:").fill("Say sorry to Sam and set an alarm.")
    rewrite.get_by_role("button", name="Look over my rewrite").click()
    expect(hints).to_contain_text("The check found no labels")

    # 3. Pause in the middle of the repair plan: nothing typed is lost.
    repair = exercise(page, "repair_plan")
    repair.get_by_label("What happened?").fill("I forgot Maya's birthday <b>again</b> & 🎂")
    repair.get_by_role("button", name=wb.ui.pause_button).click()
    expect(repair.locator(".oig-pause")).to_be_visible()
    expect(repair.get_by_label("What happened?")).to_be_hidden()
    screenshot(page, "lesson1-pause")
    repair.get_by_role("button", name=wb.ui.pause_back).click()
    expect(repair.get_by_label("What happened?")).to_have_value(
        "I forgot Maya's birthday <b>again</b> & 🎂"
    )
    repair.get_by_label("Who was affected, and how?").fill("Maya felt forgotten.")
    repair.get_by_label("What could help make it right?").fill("Call her and plan lunch.")
    repair.get_by_role("button", name="Make my card").click()
    card = repair.locator(".oig-repair-card")
    expect(card).to_contain_text("I forgot Maya's birthday <b>again</b> & 🎂")
    with page.expect_download() as info:
        repair.get_by_role("link", name="Download my card").click()
    download = info.value
    assert download.suggested_filename == "my-repair-plan.md"
    text = open(download.path(), encoding="utf-8").read()
    assert text.startswith("# My repair plan")
    assert "Call her and plan lunch\\." in text
    assert "&lt;b&gt;again&lt;/b&gt; &amp; 🎂" in text
    # Each question sits above its answer (JupyterLab's CSS would float them side by side).
    for question, answer in zip(card.locator("dt").all(), card.locator("dd").all(), strict=True):
        assert (
            answer.bounding_box()["y"]
            >= question.bounding_box()["y"] + question.bounding_box()["height"] - 1
        )
    screenshot(page, "lesson1-card")

    # 4. Help is one click away from inside an exercise.
    repair.get_by_role("button", name=wb.ui.help_button).click()
    expect(repair.locator(".oig-help-lines")).to_contain_text("988")
    repair.get_by_role("button", name=wb.ui.help_close).click()
    expect(repair.locator(".oig-help-lines")).to_be_hidden()

    # 5. The closing reflection takes text.
    reflection = exercise(page, "reflection")
    reflection.get_by_label(re.compile("One thing I want to remember")).fill("Own it, gently.")

    assert no_sideways_scroll(page), "the page scrolls sideways"
    assert page.dialogs == []
    # The text typed above never became markup: no <b> element inside the card.
    assert card.locator("b").count() == 0
    screenshot(page, "lesson1-end")


@pytest.mark.desktop_only
def test_welcome_page(page, voila_url):
    open_notebook(page, voila_url, "00_welcome.ipynb", exercises=1)
    expect(page.get_by_text("not therapy", exact=False).first).to_be_visible()
    expect(page.get_by_text("How to start")).to_have_count(0)  # JupyterLab-only tip
    checkin = exercise(page, "checkin")
    slider = checkin.get_by_role("slider")
    slider.focus()
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    checkin.get_by_role("button", name="Check in").click()
    expect(checkin.locator(".oig-reply")).to_contain_text("a lot to carry")
    page.get_by_role("button", name="Get help now").first.click()
    expect(page.locator(".oig-help-lines").first).to_contain_text("988")
    assert no_sideways_scroll(page)
    screenshot(page, "welcome")
