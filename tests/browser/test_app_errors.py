"""A part of a page that fails shows a kind message and a way to reload: no traceback,
no hint for developers. The error itself still reaches the server log.

Uses tests/notebooks/failing_cell.ipynb, a page made only for this test, served from a
temporary copy of the app so it never appears among the workbook's pages.
"""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from widgets.content import REPO_DIR

from .conftest import DESKTOP, screenshot, start_voila, stop

pytestmark = pytest.mark.browser

FAILING = REPO_DIR / "tests" / "notebooks" / "failing_cell.ipynb"


@pytest.fixture(scope="module")
def failing_app(tmp_path_factory):
    root = tmp_path_factory.mktemp("app")
    (root / "notebooks").mkdir()
    shutil.copy(FAILING, root / "notebooks" / FAILING.name)
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
