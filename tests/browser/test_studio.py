"""The facilitator's studio in Chromium, driven as a facilitator would: change a sorter
statement and see the preview change; type a wrong value and see the message beside
the field, with nothing saved; save, and the participants' app (a separate server) shows
the new text on the next page; the file keeps its comments; undo puts it back; a second
tab's save is refused; leave out an exercise and its lesson page no longer shows it,
the notebook unchanged; the join screen's QR code reads back as the app's address with
its token."""

from __future__ import annotations

import hashlib

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .app_helpers import run_axe
from .conftest import copy_of_workbook, screenshot, start_voila, stop
from .studio_helpers import start_studio

pytestmark = pytest.mark.desktop_only

LESSON = "en/lessons/responsibility.yaml"
LESSON_LABEL = "Owning it without beating yourself up (responsibility)"
PAGE = "01_responsibility_vs_cruelty.ipynb"
FIRST_TEXT = ".oig-f-statements-0-text"


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    """A copy of the workbook, the studio editing its data/, and the participants' app
    serving it: two servers, as on a workshop day."""
    root = copy_of_workbook(tmp_path_factory)
    data = root / "data"
    studio_proc, studio_base, token = start_studio(data=data)
    app_proc, app_base, _ = start_voila(root=root, env={"OWNING_DATA_DIR": str(data)}, wait=120)
    yield {"root": root, "data": data, "studio": f"{studio_base}/?token={token}", "app": app_base}
    stop(app_proc)
    stop(studio_proc)


def open_studio(page, workshop, lesson: str = LESSON_LABEL) -> None:
    page.goto(workshop["studio"], timeout=90_000)
    page.wait_for_selector(".oig-studio-form", timeout=90_000)
    # Choose only once Voila has rendered every cell: a choice made while the notebook
    # still runs was seen to be lost on a busy CI run (the second tab never got its form).
    page.wait_for_function(
        "document.querySelectorAll("
        "'script[type=\"application/vnd.voila.cell-output+json\"]').length === 0",
        timeout=90_000,
    )
    page.select_option(".oig-studio-lesson select", label=lesson)
    try:
        page.wait_for_selector(f"{FIRST_TEXT} input", timeout=20_000)
    except PlaywrightTimeout:
        # On a busy run the first choice was sometimes never answered (open on issue 22,
        # "tests that hold on a busy machine"): choose another lesson, then this one again.
        others = [o for o in page.locator(".oig-studio-lesson option").all_inner_texts()]
        page.select_option(
            ".oig-studio-lesson select", label=next(o for o in others if o != lesson)
        )
        page.select_option(".oig-studio-lesson select", label=lesson)
        page.wait_for_selector(f"{FIRST_TEXT} input", timeout=90_000)


def field_box(page, css: str):
    """The field's whole box: its label, its input and its problem line."""
    return page.locator(f".oig-studio-field:has({css})")


def participant_page(browser, workshop, notebook: str = PAGE):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.viewport_name = "desktop"  # for conftest.screenshot
    page.goto(f"{workshop['app']}/voila/render/{notebook}", timeout=90_000)
    page.wait_for_function(
        "document.querySelector('.oig-safety') !== null && document.querySelectorAll("
        "'script[type=\"application/vnd.voila.cell-output+json\"]').length === 0",
        timeout=90_000,
    )
    page.wait_for_timeout(500)
    return context, page


def test_edit_preview_save_and_undo(page, browser, workshop):
    path = workshop["data"] / LESSON
    original = path.read_bytes()
    comments = [line for line in original.decode().splitlines() if line.lstrip().startswith("#")]
    open_studio(page, workshop)
    preview = page.locator(".oig-studio-view")
    expect(preview).to_contain_text("I forgot Maya's birthday")
    new = "I forgot Sam's birthday. I will ring him tonight and say sorry."
    page.locator(f"{FIRST_TEXT} input").fill(new)
    expect(preview).to_contain_text(new)
    expect(preview).not_to_contain_text("I forgot Maya's birthday")
    # the field is far down the form; the preview stays in view beside it
    panel = page.locator(".oig-studio-preview").bounding_box()
    assert panel["y"] < 900 and panel["y"] + panel["height"] > 300
    # the preview works: pick a pile, see the reason
    preview.get_by_role("button", name="Owning it").first.click()
    expect(preview).to_contain_text("We see it that way too.")
    screenshot(page, "studio-edit")
    page.locator(".oig-studio-save").click()
    expect(page.locator(".oig-studio-edit-status")).to_contain_text("Saved at", timeout=30_000)
    saved = path.read_text(encoding="utf-8")
    assert f"text: {new}" in saved
    assert all(line in saved.splitlines() for line in comments)  # every comment kept
    context, app = participant_page(browser, workshop)
    expect(app.locator(".oig-exercise").first).to_contain_text(new)
    context.close()
    page.locator(".oig-studio-undo").click()
    expect(page.locator(".oig-studio-edit-status")).to_contain_text("Put back", timeout=30_000)
    assert path.read_bytes() == original
    expect(page.locator(f"{FIRST_TEXT} input")).to_have_value(
        "I forgot Maya's birthday. I'll call her today and say sorry."
    )
    context, app = participant_page(browser, workshop)
    expect(app.locator(".oig-exercise").first).to_contain_text("I forgot Maya's birthday")
    context.close()


def test_a_wrong_value_is_said_beside_its_field_and_not_saved(page, workshop):
    path = workshop["data"] / LESSON
    original = path.read_bytes()
    open_studio(page, workshop)
    page.locator(f"{FIRST_TEXT} input").fill("")
    box = field_box(page, FIRST_TEXT)
    problem = box.locator(".oig-studio-problem-text")
    expect(problem).to_contain_text("needs some text")
    field = page.locator(f"{FIRST_TEXT} input").bounding_box()
    said = problem.bounding_box()
    assert 0 <= said["y"] - (field["y"] + field["height"]) < 40  # right under the field
    expect(page.locator(".oig-studio-view")).to_contain_text("waits until the problems")
    page.locator(".oig-studio-save").click()
    expect(page.locator(".oig-studio-edit-status")).to_contain_text("Not saved")
    assert path.read_bytes() == original
    # a whole-exercise check (the answer must be one of the piles) runs once each
    # field is fine on its own, as in `workbook validate`
    page.locator(f"{FIRST_TEXT} input").fill("I forgot Maya's birthday.")
    expect(problem).to_have_count(0)
    answer = ".oig-f-statements-0-answer"
    page.locator(f"{answer} input").fill("maybe")
    expect(field_box(page, answer).locator(".oig-studio-problem-text")).to_contain_text(
        "not one of the categories"
    )
    screenshot(page, "studio-problem", page.locator(".oig-studio-item").nth(3))
    page.locator(".oig-studio-save").click()
    expect(page.locator(".oig-studio-edit-status")).to_contain_text("Not saved")
    assert path.read_bytes() == original


def test_a_second_tab_cannot_save_over_the_first(browser, workshop):
    path = workshop["data"] / LESSON
    original = path.read_bytes()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    first, second = context.new_page(), context.new_page()
    open_studio(first, workshop)
    open_studio(second, workshop)
    first.locator(f"{FIRST_TEXT} input").fill("Saved from the first tab.")
    first.locator(".oig-studio-save").click()
    expect(first.locator(".oig-studio-edit-status")).to_contain_text("Saved at", timeout=30_000)
    second.locator(f"{FIRST_TEXT} input").fill("Saved from the second tab.")
    second.locator(".oig-studio-save").click()
    expect(second.locator(".oig-studio-edit-status")).to_contain_text(
        "was changed somewhere else", timeout=30_000
    )
    assert "Saved from the first tab." in path.read_text(encoding="utf-8")
    first.locator(".oig-studio-undo").click()
    expect(first.locator(".oig-studio-edit-status")).to_contain_text("Put back", timeout=30_000)
    assert path.read_bytes() == original
    context.close()


def test_try_a_sentence_and_the_phone_width(page, workshop):
    open_studio(page, workshop)
    page.select_option(".oig-studio-exercise select", label="Rewrite the voice (rewrite, rewrite)")
    try_box = page.locator(".oig-studio-try input")
    try_box.fill("I am such an idiot, I always mess up")
    expect(page.locator(".oig-studio-try-reply")).to_contain_text("I am such an idiot")
    page.locator(".oig-studio-phone").click()
    preview = page.locator(".oig-studio-preview")
    page.wait_for_timeout(500)
    assert preview.bounding_box()["width"] <= 400
    screenshot(page, "studio-phone-preview")


def test_leave_out_an_exercise(page, browser, workshop):
    notebook = workshop["root"] / "notebooks" / PAGE
    notebook_before = hashlib.sha256(notebook.read_bytes()).hexdigest()
    settings = workshop["data"] / "settings.yaml"
    settings_before = settings.read_bytes()
    heading = "Exercise 3: A repair plan"
    context, app = participant_page(browser, workshop)
    expect(app.get_by_role("heading", name=heading)).to_be_visible()
    shown = app.locator(".oig-exercise:visible").count()
    context.close()
    open_studio(page, workshop)
    page.get_by_role("tab", name="This workshop").click()
    page.locator(".oig-studio-include-responsibility-repair input").uncheck()
    page.locator(".oig-studio-choices-save").click()
    expect(page.get_by_text("Saved. Participants' pages follow")).to_be_visible(timeout=30_000)
    assert "leave_out:" in settings.read_text(encoding="utf-8")
    assert "responsibility/repair" in settings.read_text(encoding="utf-8")
    assert settings.read_text(encoding="utf-8").startswith("# Settings a facilitator may change")
    context, app = participant_page(browser, workshop)
    expect(app.get_by_role("heading", name="Exercise 1:", exact=False)).to_be_visible()
    expect(app.get_by_role("heading", name=heading)).to_be_hidden()
    assert app.locator(".oig-exercise:visible").count() == shown - 1
    screenshot(app, "studio-left-out-lesson")
    context.close()
    assert hashlib.sha256(notebook.read_bytes()).hexdigest() == notebook_before
    page.locator(".oig-studio-choices-undo").click()
    expect(page.get_by_text("Put back the settings")).to_be_visible(timeout=30_000)
    assert settings.read_bytes() == settings_before


def test_the_join_screen_qr_code_reads_back_as_the_address(page, workshop, tmp_path):
    page.goto(workshop["studio"], timeout=90_000)
    page.wait_for_selector(".oig-studio-form", timeout=90_000)
    page.get_by_role("tab", name="Workshop day").click()
    page.locator(".oig-studio-app-address input").fill("http://192.168.1.20:8866/")
    page.locator(".oig-studio-token input").fill("pick-a-long-random-word")
    expected = "http://192.168.1.20:8866/?token=pick-a-long-random-word"
    expect(page.locator(".oig-studio-join-address")).to_have_text(expected)
    expect(page.locator(".oig-studio-network")).to_contain_text("could read")
    qr = page.locator(".oig-studio-qr svg")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 250  # large enough for the back of the room
    shot = tmp_path / "qr.png"
    qr.screenshot(path=str(shot))
    found = zxingcpp.read_barcodes(Image.open(shot))
    assert [r.text for r in found] == [expected]
    page.locator(".oig-studio-start input").fill("18:30")
    expect(page.locator(".oig-studio-plan-box")).to_contain_text("18:30")
    screenshot(page, "studio-join")


def test_the_studio_passes_the_accessibility_checks(page, workshop):
    """axe, as on the participants' pages: every field is labelled with its name and
    meaning, headings in order. ('region' is left out: the studio is one form in Voila's
    own page, which has no landmarks of its own.)"""
    open_studio(page, workshop)
    label = page.get_by_label("text The sentence or words participants read.").first
    expect(label).to_have_value("I forgot Maya's birthday. I'll call her today and say sorry.")
    found = run_axe(page)
    serious = [v for v in found["violations"] if v["id"] != "region"]
    assert serious == [], serious
