"""A part of a page that fails shows a kind message and a way to reload: no traceback,
no hint for developers. The error itself still reaches the server log.

Uses tests/notebooks/failing_cell.ipynb, a page made only for this test, served from a
temporary copy of the app so it never appears among the workbook's pages; a Spanish copy
of it (a page that chooses Spanish, like notebooks/es/) shows the message in Spanish.
The words come from data/<lang>/ui.yaml (through the template's oig_text.j2).
"""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook
from widgets.paths import REPO_DIR

from .conftest import DESKTOP, screenshot, start_voila, stop

pytestmark = pytest.mark.browser

FAILING = REPO_DIR / "tests" / "notebooks" / "failing_cell.ipynb"


@pytest.fixture(scope="module")
def failing_app(tmp_path_factory):
    root = tmp_path_factory.mktemp("app")
    (root / "notebooks").mkdir()
    shutil.copy(FAILING, root / "notebooks" / FAILING.name)
    (root / "notebooks" / "es").mkdir()
    spanish = nbformat.read(FAILING, as_version=4)
    spanish.cells[0].source = "# Una página con una parte rota"
    choose = 'from widgets import show_safety\nshow_safety("welcome", language="es")'
    spanish.cells.insert(1, nbformat.v4.new_code_cell(choose))
    nbformat.write(spanish, root / "notebooks" / "es" / FAILING.name)
    shutil.copy(REPO_DIR / "voila.json", root / "voila.json")
    proc, base, log = start_voila(root=root)
    yield base, log
    stop(proc)


def test_failing_cell_shows_kind_message(browser, failing_app):
    base, log = failing_app
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.viewport_name = "desktop"
    try:
        page.goto(f"{base}/voila/render/{FAILING.name}")
        message = page.get_by_role("alert")
        expect(message).to_contain_text("stopped loading", timeout=60_000)
        expect(message).to_contain_text("Nothing you did caused this")
        expect(message.get_by_role("link", name="Reload the page")).to_be_visible()
        # What came before the failing cell shows; Voila stops running the page there.
        expect(page.get_by_role("heading", level=1)).to_contain_text("A page with a broken part")
        text = page.locator("body").inner_text()
        for developer_words in (
            "Traceback",
            "RuntimeError",
            "deliberate failure",
            "show_tracebacks",
            "--debug",
            "executing cell",
        ):
            assert developer_words not in text, developer_words
        screenshot(page, "app-cell-error")
        # Reload is a real reload of the same page.
        with page.expect_navigation():
            message.get_by_role("link", name="Reload the page").click()
        assert page.url.endswith(FAILING.name)
    finally:
        context.close()
    assert "deliberate failure for the kind-error test" in log.read_text(encoding="utf-8")


def test_failing_cell_on_a_spanish_page_speaks_spanish(browser, failing_app):
    base, log = failing_app
    es = load_workbook(language="es").ui
    en = load_workbook(language="en").ui
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(f"{base}/voila/render/es/{FAILING.name}")
        message = page.get_by_role("alert")
        expect(message).to_contain_text(es.cell_error_title, timeout=60_000)
        expect(message).to_contain_text(es.not_your_fault)
        expect(message).to_contain_text(es.cell_error_help)
        expect(message.get_by_role("link", name=es.reload_link)).to_be_visible()
        assert page.evaluate("document.documentElement.lang") == "es"
        text = message.inner_text()
        for english in (en.cell_error_title, en.not_your_fault, en.reload_link, "Traceback"):
            assert english not in text, english
        with page.expect_navigation():
            message.get_by_role("link", name=es.reload_link).click()
        assert page.url.endswith(f"es/{FAILING.name}")
    finally:
        context.close()


def test_page_not_found_in_every_language(browser, voila_url):
    """No page, no known language: the message in each, each leading to its welcome."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(f"{voila_url}/voila/render/no-such-page.ipynb")
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        for lang in ("en", "es"):
            wb = load_workbook(language=lang)
            part = page.locator(f"section[lang={lang}]")
            expect(part.get_by_role("heading")).to_have_text(wb.ui.not_found_title)
            expect(part).to_contain_text(wb.ui.not_your_fault)
            link = part.get_by_role("link", name=wb.ui.go_home_link)
            expect(link).to_have_attribute(
                "href",
                re.compile(re.escape(f"voila/render/{wb.lessons.lessons[0].notebook}") + "$"),
            )
        # The Spanish part also carries its help line (tel:) and the directory.
        spanish = load_workbook(language="es")
        page.locator("section[lang=es]").get_by_role("link", name=spanish.ui.go_home_link).click()
        page.wait_for_url("**/voila/render/es/00_welcome.ipynb")
    finally:
        context.close()


@pytest.mark.parametrize("locale", ["es-MX", "en-GB", "fr-FR"])
def test_bare_address_opens_the_welcome_in_the_browser_language(browser, voila_url, locale):
    """A browser set to Spanish lands on the Spanish welcome; others on the default one."""
    context = browser.new_context(viewport=DESKTOP, locale=locale)
    page = context.new_page()
    try:
        page.goto(voila_url + "/")
        page.wait_for_url("**/voila/render/**", timeout=60_000)
        lang = "es" if locale.startswith("es") else "en"
        assert page.url.endswith(
            "/voila/render/" + load_workbook(language=lang).lessons.lessons[0].notebook
        )
    finally:
        context.close()
