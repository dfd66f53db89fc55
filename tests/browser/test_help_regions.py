"""Help that reaches every participant, in the real app: each language's own lines, a
country the participant chooses that follows them to the next lesson, "My people" kept
like answers (and only in their browser), and a help line with a tel: link on the pages
Voila draws by itself (not found, server error, sign-in; sign-in is in test_app_token.py).
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import jinja2
import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook
from widgets.paths import REPO_DIR
from widgets.tools.template_text import TEMPLATE_DIR

from .app_helpers import JOURNAL_PREFIX, open_page, run_axe, small_targets, wait_stored
from .conftest import DESKTOP, PHONE, no_sideways_scroll, screenshot
from .test_journal import _files_with, choose_keep, new_page

pytestmark = pytest.mark.browser

SLOW = 30_000
BLOCKING = {"serious", "critical"}


def lesson(lang: str, n: int) -> str:
    return load_workbook(language=lang).lessons.lessons[n].notebook


def open_help(page, lang: str):
    """Open the page header's "Get help now"; returns the panel."""
    words = load_workbook(language=lang).ui
    header = page.locator(".oig-page-header")
    header.get_by_role("button", name=words.help_button).click()
    panel = header.locator(".oig-help-panel")
    expect(panel).to_be_visible()
    return panel


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_chosen_country_shows_its_lines_and_follows_to_the_next_lesson(page, voila_url, lang):
    wb = load_workbook(language=lang)
    default = wb.crisis_region()
    mexico = wb.crisis.regions["mexico"]
    open_page(page, voila_url, lesson(lang, 1))
    panel = open_help(page, lang)
    lines = panel.locator(".oig-help-lines")
    first = default.entries[0]
    expect(lines).to_contain_text(first.name)
    if lang == "es":  # the Spanish default is Spain's, not the United States'
        expect(lines.locator("a[href='tel:024']")).to_have_text("024")
        expect(lines).not_to_contain_text("911")
    chooser = panel.get_by_label(wb.crisis.words.region_label)
    expect(chooser).to_have_value(default.name)  # ipywidgets' <select> holds the labels
    chooser.select_option(label=mexico.name)
    expect(lines).to_contain_text("Línea de la Vida", timeout=SLOW)
    link = lines.get_by_role("link", name="800 911 2000")
    expect(link).to_have_attribute("href", "tel:8009112000")
    expect(link).to_be_visible()
    expect(page.locator(".oig-footer-help")).to_contain_text(mexico.emergency)
    screenshot(page, f"help-panel-{lang}")
    if page.viewport_name == "phone":
        assert no_sideways_scroll(page)
        assert small_targets(page) == []
    # Saved in this tab's storage (the default "this visit"), never anywhere else.
    wait_stored(page, "sessionStorage", '"region":"mexico"')

    open_page(page, voila_url, lesson(lang, 2))
    expect(page.locator(".oig-footer-help")).to_contain_text(mexico.emergency, timeout=SLOW)
    panel = open_help(page, lang)
    expect(panel.get_by_label(wb.crisis.words.region_label)).to_have_value(mexico.name)
    expect(panel.locator(".oig-help-lines")).to_contain_text("Línea de la Vida")


@pytest.mark.desktop_only
def test_my_people_are_kept_on_this_device_escaped_and_erased(browser, voila_url):
    start = time.time() - 1
    marker = f"Aunt-{uuid.uuid4().hex[:10]}"
    words = load_workbook().crisis.words
    for size, name in ((DESKTOP, "desktop"), (PHONE, "phone")):
        context, page = new_page(browser, size, name)
        page.add_init_script("window.__ran = 0;")
        choose_keep(page, voila_url)
        open_page(page, voila_url, lesson("en", 1))
        panel = open_help(page, "en")
        form = panel.locator(".oig-people-form")
        for who, reach in ((marker, "*4141#"), ('<img src=x onerror="window.__ran=1">', "a note")):
            form.get_by_label(words.people_name).fill(who)
            form.get_by_label(words.people_reach).fill(reach)
            form.get_by_role("button", name=words.people_add).click()
            expect(panel.locator(".oig-people-list")).to_contain_text(who, timeout=SLOW)
        wait_stored(page, "localStorage", marker)
        screenshot(page, "help-my-people")

        page.reload()
        open_page(page, voila_url, lesson("en", 1))
        people = open_help(page, "en").locator(".oig-people-list")
        expect(people).to_contain_text(marker, timeout=SLOW)
        expect(people.get_by_role("link", name="*4141#")).to_have_attribute("href", "tel:*4141%23")
        expect(people).to_contain_text('<img src=x onerror="window.__ran=1">')
        assert people.locator("img, script").count() == 0
        assert page.evaluate("window.__ran") == 0
        assert page.dialogs == [] and page.errors == []

        open_page(page, voila_url, "05_my_answers.ipynb")
        erase = page.locator(".oig-erase")
        erase.get_by_role("button", name="Erase everything").click()
        erase.get_by_role("button", name="Yes, erase it all").click()
        expect(erase.locator(".oig-erase-result")).to_contain_text("erased", timeout=SLOW)
        page.wait_for_function(
            f"""() => !Object.keys(localStorage).concat(Object.keys(sessionStorage)).some(
                  k => k.startsWith('{JOURNAL_PREFIX}') &&
                       (localStorage.getItem(k) || sessionStorage.getItem(k) || '')
                         .includes('{marker}'))""",
            timeout=SLOW,
        )
        open_page(page, voila_url, lesson("en", 1))
        people = open_help(page, "en").locator(".oig-people-list")
        page.wait_for_timeout(2000)  # time for anything stored to arrive (nothing should)
        expect(people).not_to_contain_text(marker)
        context.close()
    time.sleep(1)
    # Nothing typed into "My people" is in any file the server could have written.
    assert _files_with([REPO_DIR, Path.home(), Path("/tmp")], marker.encode(), start) == []


def _help_links(page) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('.oig-plain-help'))
             .map(d => [d.lang, (d.querySelector('a[href^="tel:"]') || {}).href || '']))"""
    )


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_not_found_page_carries_each_languages_help_line(browser, voila_url, size):
    context = browser.new_context(viewport=DESKTOP if size == "desktop" else PHONE)
    page = context.new_page()
    page.viewport_name = size
    try:
        page.goto(f"{voila_url}/voila/render/no_such_page.ipynb")
        expect(page.locator(".oig-plain-help")).to_have_count(2)
        assert _help_links(page) == {"en": "tel:988", "es": "tel:024"}
        expect(page.locator(".oig-plain-help[lang=es]")).to_contain_text("Ayuda en otros países")
        result = run_axe(page)
        assert [v for v in result["violations"] if v["impact"] in BLOCKING] == []
        if size == "phone":
            assert small_targets(page) == [] and no_sideways_scroll(page)
        screenshot(page, "not-found")
    finally:
        context.close()


def test_the_error_page_carries_each_languages_help_line(browser):
    """The server-error page (500) cannot be asked for on purpose; draw its template as
    Voila does and open it."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True)
    html = env.get_template("error.html").render(status_code=500, base_url="/")
    assert "Something went wrong on our side" in html
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.set_content(html)
        assert _help_links(page) == {"en": "tel:988", "es": "tel:024"}
        result = run_axe(page)
        assert [v for v in result["violations"] if v["impact"] in BLOCKING] == []
    finally:
        context.close()
