"""Care in every reply, in a real browser: what a person types, and how they rate their
distress, always gets a safe answer (English and Spanish, desktop and phone)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .app_helpers import run_axe, slide_to, small_targets
from .conftest import no_sideways_scroll, open_notebook, screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "en": ("01_responsibility_vs_cruelty.ipynb", "03_staying_present.ipynb"),
    "es": ("es/01_responsibility_vs_cruelty.ipynb", "es/03_staying_present.ipynb"),
}
RISK = {"en": "I want to kill myself.", "es": "Quiero matarme."}


def no_blocking_axe_findings(page) -> list[dict]:
    found = run_axe(page)["violations"]
    return [v for v in found if v["impact"] in {"serious", "critical"}]


def first_words(text: str) -> str:
    return " ".join(text.split())[:60]


def expect_help_lines(panel, workbook) -> None:
    region = workbook.crisis_region()
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(region.entries[0].name)
    first_phone = next(e.phone for e in region.entries if e.phone)
    tel = panel.locator('a[href^="tel:"]').first
    expect(tel).to_have_text(first_phone)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_risk_line_gets_the_care_note_and_help_right_there(page, voila_url, language):
    wb = load_workbook(language=language)
    _, spec = wb.exercise("responsibility/rewrite")
    open_notebook(page, voila_url, PAGES[language][0], exercises=4)
    rewrite = page.locator(".oig-exercise-rewrite")
    rewrite.get_by_label(spec.steps[-1].label).fill(RISK[language])
    rewrite.get_by_role("button", name=spec.check_button).click()
    note = rewrite.locator(".oig-hints")
    expect(note).to_contain_text(first_words(wb.care.risk.note))
    expect(note).to_have_class(re.compile("oig-care-note"))
    # No praise and no hints, whatever else was written.
    expect(note).not_to_contain_text(first_words(spec.all_clear))
    expect(note.locator("li")).to_have_count(0)
    help_button = note.get_by_role("button", name=wb.ui.help_button)
    expect(help_button).to_be_visible()
    screenshot(page, f"care-note-{language}")
    screenshot(page, f"care-note-rewrite-{language}", rewrite)
    help_button.click()
    expect_help_lines(note.locator(".oig-help-lines"), wb)
    assert no_sideways_scroll(page)
    assert small_targets(page) == []
    assert no_blocking_axe_findings(page) == []
    screenshot(page, f"care-note-help-{language}", note)
    # What was typed is still there, as typed.
    expect(rewrite.get_by_label(spec.steps[-1].label)).to_have_value(RISK[language])


@pytest.mark.desktop_only
@pytest.mark.parametrize("language", ["en", "es"])
def test_translate_answers_a_risk_line_and_an_idiom_differently(page, voila_url, language):
    wb = load_workbook(language=language)
    _, spec = wb.exercise("guilt-shame/translate")
    notebook = PAGES[language][0].replace("01_responsibility_vs_cruelty", "02_guilt_vs_shame")
    open_notebook(page, voila_url, notebook, exercises=6)
    translate = page.locator(".oig-exercise-translate")
    box = translate.get_by_label(spec.rewrite_label)
    check = translate.get_by_role("button", name=spec.check_button)
    note = translate.locator(".oig-hints")
    box.fill({"en": "I don't deserve to live.", "es": "No merezco vivir."}[language])
    check.click()
    expect(note).to_contain_text(first_words(wb.care.risk.note))
    expect(note.get_by_role("button", name=wb.ui.help_button)).to_be_visible()
    idiom = {
        "en": "I could have died of embarrassment when I forgot Dev's birthday on Friday.",
        "es": "Me quería morir de vergüenza cuando olvidé el cumpleaños de Dev el viernes.",
    }[language]
    box.fill(idiom)
    check.click()
    expect(note).not_to_contain_text(first_words(wb.care.risk.note))
    expect(note).to_contain_text(first_words(spec.specific_note))
    expect(note.get_by_role("button", name=wb.ui.help_button)).to_be_hidden()


def rate(page, control, value: int) -> None:
    slide_to(page, control.get_by_role("slider"), value)
    control.get_by_role("button", name=re.compile("Save|Guardar")).click()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_rating_that_rises_from_3_to_9_gets_the_kind_reply(page, voila_url, language):
    wb = load_workbook(language=language)
    words = wb.care.ratings
    open_notebook(page, voila_url, PAGES[language][1], exercises=5)
    breathing = page.locator(".oig-exercise-breathing")
    rate(page, breathing.locator(".oig-rating-before"), 3)
    before = breathing.locator(".oig-rating-before .oig-rating-note")
    expect(before).to_contain_text("3")
    expect(before).not_to_contain_text(first_words(words.offer))
    rate(page, breathing.locator(".oig-rating-after"), 9)
    after = breathing.locator(".oig-rating-after .oig-rating-note")
    expect(after).to_contain_text(first_words(words.rise))
    expect(after).to_contain_text(first_words(words.offer))
    screenshot(page, f"care-rating-rise-{language}", breathing.locator(".oig-rating-after"))
    # The offer's buttons work: 5-4-3-2-1 opens this exercise's pause, and back returns.
    after.get_by_role("button", name=words.senses_button).click()
    pause = breathing.locator(".oig-pause")
    expect(pause).to_be_visible()
    expect(pause.locator(".oig-grounding")).to_be_visible()
    pause.get_by_role("button", name=wb.ui.pause_back).click()
    expect(after).to_be_visible()
    after.get_by_role("button", name=wb.ui.help_button).click()
    expect_help_lines(after.locator(".oig-help-lines"), wb)
    assert no_sideways_scroll(page)
    assert small_targets(page) == []
    assert no_blocking_axe_findings(page) == []
