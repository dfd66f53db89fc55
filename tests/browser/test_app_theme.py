"""Light and dark: the page follows the system setting, and the "Dark mode" button
switches it for this tab (the choice is kept while moving between lessons, and nowhere
else: sessionStorage, not a cookie or localStorage)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .app_helpers import open_page
from .conftest import DESKTOP, screenshot

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"
BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def luminance(css_rgb: str) -> float:
    r, g, b = (int(x) for x in css_rgb[css_rgb.index("(") + 1 : css_rgb.index(")")].split(",")[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@pytest.mark.parametrize("system", ["light", "dark"])
def test_follows_system_then_toggle(browser, voila_url, system):
    wb = load_workbook()
    context = browser.new_context(viewport=DESKTOP, color_scheme=system)
    page = context.new_page()
    page.viewport_name = f"desktop-{system}"
    try:
        open_page(page, voila_url, LESSON)
        toggle = page.get_by_role("button", name=wb.ui.dark_mode)
        dark = system == "dark"
        expect(toggle).to_have_attribute("aria-pressed", "true" if dark else "false")
        assert page.evaluate("document.body.dataset.jpThemeLight") == str(not dark).lower()
        assert (luminance(page.evaluate(BACKGROUND)) < 0.3) is dark
        screenshot(page, "app-theme-before")

        toggle.click()
        expect(toggle).to_have_attribute("aria-pressed", "false" if dark else "true")
        assert page.evaluate("document.body.dataset.jpThemeLight") == str(dark).lower()
        assert (luminance(page.evaluate(BACKGROUND)) < 0.3) is not dark
        # Charts and widgets read these variables; they changed with the theme.
        chart = page.evaluate(
            "getComputedStyle(document.body).getPropertyValue('--oig-chart-1').trim()"
        )
        assert chart == ("#1565c0" if dark else "#64b5f6")
        screenshot(page, "app-theme-after")

        # The choice stays for the next page of this visit ...
        open_page(page, voila_url, "00_welcome.ipynb")
        expect(page.get_by_role("button", name=wb.ui.dark_mode)).to_have_attribute(
            "aria-pressed", "false" if dark else "true"
        )
        # ... and is kept only in this tab.
        assert page.evaluate("window.localStorage.length") == 0
        assert page.evaluate("document.cookie").find("theme") == -1
    finally:
        context.close()
