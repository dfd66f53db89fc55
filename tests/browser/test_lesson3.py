"""Lesson 3 in a real browser: the breathing guide's timing and motion, 5-4-3-2-1, the
"staying with a small mistake" flow and the pause's short practices, on desktop and phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .conftest import no_sideways_scroll, open_notebook, screenshot

pytestmark = pytest.mark.browser

LESSON = "03_staying_present.ipynb"
EXERCISES = 6

# Records every cue the guide shows (with the browser's clock) and the shape's width
# every 50 ms, so a test can check the rhythm and the motion after the fact.
RECORD = """(root) => {
  const cue = root.querySelector('.oig-pacer-cue');
  const shape = root.querySelector('.oig-pacer-shape');
  window.__cues = [];
  window.__widths = [];
  new MutationObserver(() => window.__cues.push([performance.now(), cue.textContent]))
    .observe(cue, {childList: true, characterData: true, subtree: true});
  setInterval(() => window.__widths.push(shape.getBoundingClientRect().width), 50);
}"""


def set_seconds(pacer, inhale: int, exhale: int) -> None:
    """Short custom seconds, typed as a participant would."""
    for name, value in (("In", inhale), ("Out", exhale)):
        box = pacer.get_by_label(name, exact=True)
        box.fill(str(value))
        box.press("Tab")
    expect(pacer.get_by_label("My own pace")).to_be_checked()
    expect(pacer.locator(".oig-pacer-pace")).to_contain_text(f"takes {inhale + exhale} seconds")


def run_guide(page, pacer, inhale: int, exhale: int) -> tuple[list, list]:
    """Start the guide, wait for in, out, in, out, stop it; return (cues, widths)."""
    words = load_workbook().ui.pacer
    pacer.evaluate(RECORD)
    pacer.get_by_role("button", name=words.start).click()
    page.wait_for_function("window.__cues.length >= 4", timeout=(inhale + exhale) * 2000 + 5000)
    pacer.get_by_role("button", name=words.stop).click()
    expect(pacer.locator(".oig-pacer-cue")).to_have_text(words.cue_stopped)
    expect(pacer.get_by_role("button", name=words.start)).to_be_enabled()
    cues = page.evaluate("window.__cues")
    widths = page.evaluate("window.__widths")
    return cues, widths


def check_rhythm(cues: list, inhale: int, exhale: int) -> None:
    words = load_workbook().ui.pacer
    texts = [text for _, text in cues[:4]]
    assert texts == [words.cue_in, words.cue_out, words.cue_in, words.cue_out], texts
    times = [t for t, _ in cues[:4]]
    # "in" turns to "out" after the configured in-breath, and a whole breath takes in + out.
    assert times[1] - times[0] == pytest.approx(inhale * 1000, abs=400)
    assert times[2] - times[0] == pytest.approx((inhale + exhale) * 1000, abs=400)
    assert times[3] - times[2] == pytest.approx(inhale * 1000, abs=400)


def test_breathing_guide_follows_the_settings(page, voila_url):
    open_notebook(page, voila_url, LESSON, exercises=EXERCISES)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Staying present"))
    pacer = page.locator(".oig-exercise-breathing .oig-pacer")
    words = load_workbook().ui.pacer
    # The guide offers another anchor and says eyes open is fine, before anything starts.
    expect(pacer.locator(".oig-pacer-anchor")).to_contain_text("feet on the floor")
    expect(pacer.locator(".oig-pacer-eyes")).to_contain_text("eyes open")
    expect(pacer.get_by_label(words.preset_calm)).to_be_checked()
    expect(pacer.locator(".oig-pacer-pace")).to_contain_text("about 6 breaths a minute")
    expect(pacer.locator(".oig-pacer-cue")).to_have_attribute("aria-live", "polite")
    pacer.get_by_label(words.preset_box).check()
    expect(pacer.get_by_label("Hold after out")).to_have_value("4")
    pacer.get_by_label(words.preset_calm).check()
    expect(pacer.get_by_label("Out", exact=True)).to_have_value("6")

    set_seconds(pacer, inhale=2, exhale=3)
    cues, widths = run_guide(page, pacer, inhale=2, exhale=3)
    check_rhythm(cues, inhale=2, exhale=3)
    # The shape grows on the in-breath and shrinks on the out-breath.
    assert max(widths) > 1.5 * min(widths), (min(widths), max(widths))
    screenshot(page, "lesson3-pacer")
    assert no_sideways_scroll(page)


@pytest.mark.desktop_only
def test_reduced_motion_keeps_the_shape_still_and_the_words(page, voila_url):
    page.emulate_media(reduced_motion="reduce")
    open_notebook(page, voila_url, LESSON, exercises=EXERCISES)
    pacer = page.locator(".oig-exercise-breathing .oig-pacer")
    set_seconds(pacer, inhale=2, exhale=2)
    cues, widths = run_guide(page, pacer, inhale=2, exhale=2)
    check_rhythm(cues, inhale=2, exhale=2)
    assert len(widths) > 40 and max(widths) - min(widths) < 0.5, (min(widths), max(widths))
    expect(pacer).to_have_class(re.compile("oig-pacer-still"))
    screenshot(page, "lesson3-pacer-still")


@pytest.mark.desktop_only
def test_grounding_and_small_mistake_can_be_completed(page, voila_url):
    wb = load_workbook()
    open_notebook(page, voila_url, LESSON, exercises=EXERCISES)

    # 5-4-3-2-1: one sense at a time; write, skip, or just go on.
    grounding = page.locator(".oig-exercise-grounding")
    expect(grounding.locator(".oig-sense").filter(has_text="5 things you can see")).to_be_visible()
    expect(grounding.get_by_text("4 things you can touch")).to_be_hidden()
    grounding.get_by_label("Things I can see (optional):").fill("a lamp, a mug, the window")
    grounding.get_by_role("button", name=wb.ui.senses_next).click()
    expect(grounding.get_by_text("4 things you can touch")).to_be_visible()
    grounding.get_by_role("button", name=wb.ui.senses_skip).click()
    grounding.get_by_role("button", name=wb.ui.senses_next).click()
    expect(grounding.get_by_text("smells you like")).to_be_visible()
    grounding.get_by_role("button", name=wb.ui.senses_next).click()
    grounding.get_by_role("button", name=wb.ui.senses_next).click()
    expect(grounding.locator(".oig-done")).to_contain_text("That's all five")
    screenshot(page, "lesson3-grounding-done")

    # Staying with a small mistake, start to end.
    flow = page.locator(".oig-exercise-small_mistake")
    buttons = flow.locator(".oig-flow-buttons")
    nxt = buttons.get_by_role("button", name=wb.ui.next)
    expect(flow.get_by_text("A small one is best")).to_be_visible()
    flow.get_by_label("A few words about it (optional):").fill("Forgot to call Mom back")
    nxt.click()
    rate(page, flow.locator(".oig-rating-before"), presses=2)  # 5 -> 7
    expect(flow.locator(".oig-rating-before .oig-rating-note")).to_contain_text("7 out of 10")
    nxt.click()
    flow.get_by_role("radio", name="My senses (5-4-3-2-1)").check()
    senses = flow.locator(".oig-anchor-practice .oig-grounding")
    expect(senses.get_by_text("Name 5 things you can see.")).to_be_visible()
    senses.get_by_role("button", name=wb.ui.senses_next).click()
    expect(senses.get_by_text("Name 4 things")).to_be_visible()
    screenshot(page, "lesson3-mistake-ground")
    nxt.click()
    rate(page, flow.locator(".oig-rating-after"), presses=-1)  # 5 -> 4
    nxt.click()
    expect(flow.locator(".oig-refrain")).to_have_text(re.compile("^It happens."))
    flow.get_by_label("What happened, in plain words:").fill("I didn't call <b>Mom</b> back.")
    nxt.click()
    flow.get_by_label("My next step:").fill("Call her tomorrow after work.")
    nxt.click()
    end = flow.locator(".oig-end")
    expect(end).to_contain_text("You stayed with a mistake")
    expect(end.locator(".oig-summary")).to_contain_text("I didn't call <b>Mom</b> back.")
    assert end.locator(".oig-summary b").count() == 0
    chart = end.locator("figure.oig-chart")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute(
        "aria-label", re.compile("7 out of 10 at the start, 4 out of 10 at the end")
    )
    expect(buttons).to_be_hidden()
    assert no_sideways_scroll(page)
    screenshot(page, "lesson3-mistake-end")


def rate(page, control, presses: int) -> None:
    slider = control.get_by_role("slider")
    slider.focus()
    for _ in range(abs(presses)):
        page.keyboard.press("ArrowRight" if presses > 0 else "ArrowLeft")
    control.get_by_role("button", name=re.compile("Save")).click()


@pytest.mark.desktop_only
def test_pause_opens_short_practices_and_returns(page, voila_url):
    wb = load_workbook()
    open_notebook(page, voila_url, LESSON, exercises=EXERCISES)
    flow = page.locator(".oig-exercise-small_mistake")
    box = flow.get_by_label("A few words about it (optional):")
    box.fill("Snapped at Dev")
    flow.get_by_role("button", name=wb.ui.pause_button).click()
    pause = flow.locator(".oig-pause")
    expect(pause).to_be_visible()
    expect(box).to_be_hidden()
    expect(pause.locator(".oig-pacer")).to_have_count(0)  # built only when asked for
    pause.get_by_role("button", name=wb.ui.pause_breathe).click()
    pacer = pause.locator(".oig-pacer")
    expect(pacer.locator(".oig-pacer-anchor")).to_be_visible()
    expect(pacer.get_by_label(wb.ui.pacer.minutes_label)).to_have_value("1")
    pacer.get_by_role("button", name=wb.ui.pacer.start).click()
    expect(pacer.locator(".oig-pacer-cue")).to_have_text(wb.ui.pacer.cue_in)
    screenshot(page, "lesson3-pause-breathe")
    pause.get_by_role("button", name=wb.ui.pause_senses).click()
    expect(pause.locator(".oig-pacer")).to_have_count(0)
    expect(pause.get_by_text("Name 5 things you can see.")).to_be_visible()
    pause.get_by_role("button", name=wb.ui.pause_back).click()
    expect(box).to_have_value("Snapped at Dev")
    expect(pause).to_be_hidden()


@pytest.mark.desktop_only
def test_the_guide_ends_gently_after_its_minutes(page, voila_url):
    """A one-minute session, with the browser's clock sped up: it ends after whole breaths."""
    wb = load_workbook()
    open_notebook(page, voila_url, LESSON, exercises=EXERCISES)
    page.clock.install()
    pause = page.locator(".oig-exercise-grounding .oig-pause")
    page.locator(".oig-exercise-grounding").get_by_role("button", name=wb.ui.pause_button).click()
    pause.get_by_role("button", name=wb.ui.pause_breathe).click()
    pacer = pause.locator(".oig-pacer")
    pacer.get_by_role("button", name=wb.ui.pacer.start).click()
    expect(pacer.locator(".oig-pacer-cue")).to_have_text(wb.ui.pacer.cue_in)
    page.clock.run_for(59_000)
    expect(pacer.locator(".oig-pacer-cue")).not_to_have_text(wb.ui.pacer.cue_done)
    page.clock.run_for(2_000)
    expect(pacer.locator(".oig-pacer-cue")).to_have_text(wb.ui.pacer.cue_done)
    assert pacer.get_attribute("data-cycles") == "6"  # 60 s of 4-in, 6-out breaths
    expect(pacer.get_by_role("button", name=wb.ui.pacer.start)).to_be_enabled()
