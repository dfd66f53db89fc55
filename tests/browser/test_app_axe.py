"""WCAG 2.2 AA on every page, in both themes, checked by axe-core in a real browser.

axe-core comes from the npm registry (tests/browser/package.json; `make test` installs
it). Two things make the check mean something:
- the rules about headings, landmarks and regions must actually run: when a page looks
  like an open dialog to axe, it skips them and they "pass" silently; the template lets
  Voila's full-window panel flow as a normal page, and this test checks that those rules
  were applied;
- each page is checked after every widget on it is drawn.
"""

from __future__ import annotations

import pytest

from .app_helpers import MUST_RUN, open_page, pages, run_axe
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_every_page(browser, voila_url, theme):
    context = browser.new_context(viewport=DESKTOP, color_scheme=theme)
    page = context.new_page()
    problems: dict[str, list] = {}
    skipped: dict[str, list] = {}
    try:
        for name in pages():
            open_page(page, voila_url, name)
            assert page.evaluate("document.documentElement.dataset.oigTheme") == theme
            assert page.get_by_role("heading", level=1).count() == 1, name
            assert page.get_by_role("main").count() == 1, name
            result = run_axe(page)
            blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
            if blocking:
                problems[name] = blocking
            ran = set(result["passes"]) | {v["id"] for v in result["violations"]}
            missing = [rule for rule in MUST_RUN if rule not in ran]
            if missing:
                skipped[name] = missing
        page.goto(voila_url + "/voila/render/no-such-page.ipynb")
        result = run_axe(page)
        blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
        if blocking:
            problems["(page not found)"] = blocking
    finally:
        context.close()
    assert skipped == {}, f"axe did not apply these rules (page taken for a dialog?): {skipped}"
    assert problems == {}, problems


def test_axe_phone_lesson(browser, voila_url):
    """The narrow layout (wrapped toolbars, stacked labels) on the longest lesson."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        open_page(page, voila_url, "01_responsibility_vs_cruelty.ipynb")
        result = run_axe(page)
    finally:
        context.close()
    assert [v for v in result["violations"] if v["impact"] in BLOCKING] == []
