"""Whatever a page's address carries, the page is the workbook's usual page.

The addresses a visitor can change: ``?facilitator=`` (read in the browser by the
template), and Voila's own ``?template=`` and ``?theme=``, which voila.json turns off
(``allow_template_override``/``allow_theme_override``: "NO"; before that, ``?template=lab``
swapped in Voila's stock page, which fetches fonts from a CDN, and a made-up template
name left the visitor on a page that never finished loading). Language, colours and where
answers are kept are not read from the address at all (the page's folder, the system
setting or the "Dark mode" button, and the visitor's choice on the page decide), so
``?lang=``, ``?theme=`` or ``?storage=`` must change nothing either.

Each address below is junk of one kind: empty, very long, markup, other scripts and
combining marks, repeated, or not a key=value at all. The page must come out exactly as
without it: our template, English, light (the system setting here), no facilitator notes,
answers kept for this visit, and no dialog, console error or request to another site.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .app_helpers import JOURNAL_PREFIX, expected_exercises, foreign_origins, wait_stored
from .conftest import DESKTOP

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"
SCRIPT = "%3Cscript%3Ealert(1)%3C%2Fscript%3E"
IMG = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
QUERIES = {
    "empty": "?facilitator=&theme=&template=&lang=&language=&storage=",
    "long": "?facilitator=" + "1" * 6000 + "&theme=" + "dark" * 1000 + "&lang=" + "es" * 500,
    "markup": f"?facilitator={SCRIPT}&theme={IMG}&lang=%22%3E{SCRIPT}&storage={SCRIPT}",
    "unicode": (
        "?facilitator=%E2%9C%93%F0%9F%8C%B1&theme=%D7%A9%D7%9C%D7%95%D7%9D"
        "&lang=e%CC%81%CC%81s&storage=%E2%80%AEkeep%E2%80%AC"
    ),
    "control": "?facilitator=1%00&theme=dark%0A&lang=es%0D%0A&storage=%00keep",
    "repeated": (
        "?facilitator=maybe&facilitator=&facilitator=%3Cb%3E"
        "&theme=dark&theme=dark&lang=es&lang=es&storage=keep&storage=keep"
    ),
    "voila-template": "?template=lab&theme=dark",
    "made-up-template": f"?template={SCRIPT}",
    "template-path": "?template=..%2F..%2F..%2Fetc",
    "other-names": "?voila-template=lab&voila-theme=dark&classic-tree=1&token=nope&mode=keep",
    "odd-shapes": "?=&&&=&%=%25&a[]=1&facilitator&theme&%E2%9C%93",
}


def open_with(page, base: str, query: str):
    """Open the lesson with ``query`` in its address; wait until every widget is drawn."""
    response = page.goto(f"{base}/voila/render/{LESSON}{query}")
    page.wait_for_function(
        "document.querySelector('.oig-safety') !== null && document.querySelectorAll("
        "'script[type=\"application/vnd.voila.cell-output+json\"]').length === 0 && "
        f"document.querySelectorAll('.oig-exercise').length >= {expected_exercises(LESSON)}",
        timeout=90_000,
    )
    page.wait_for_timeout(300)
    return response


@pytest.fixture
def visitor(browser):
    context = browser.new_context(viewport=DESKTOP, color_scheme="light", locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)
    seen = {"dialogs": [], "errors": [], "requests": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: seen["requests"].append(r.url))
    yield page, seen
    context.close()


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_junk_in_the_address_gives_the_usual_page(visitor, voila_url, query):
    page, seen = visitor
    wb = load_workbook(language="en")
    assert open_with(page, voila_url, query).status == 200
    # Our template (not Voila's stock one), with its colour script running.
    expect(page.locator("#rendered_cells[role=main]")).to_have_count(1)
    assert page.evaluate("typeof window.oigTheme") == "object"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("document.documentElement.dataset.oigTheme") == "light"
    assert page.evaluate("document.body.dataset.jpThemeLight") == "true"
    expect(page.get_by_role("heading", level=1)).to_contain_text(wb.lessons.lessons[1].title)
    # No facilitator notes, and answers kept for this visit (the default), not "keep".
    expect(page.locator(".oig-facilitator-notes:visible")).to_have_count(0)
    expect(page.locator(".oig-privacy").first).to_contain_text(wb.journal.status.visit)
    box = page.get_by_label("What happened?")
    box.fill("I was late again.")
    box.blur()
    wait_stored(page, "sessionStorage", "I was late again.")
    stored = page.evaluate(
        "[Object.keys(localStorage).length, Object.keys(sessionStorage).filter("
        f"k => k.startsWith('{JOURNAL_PREFIX}')).length]"
    )
    assert stored == [0, 1]
    # Nothing ran, nothing broke, nothing left the app.
    assert seen["dialogs"] == []
    assert seen["errors"] == []
    assert foreign_origins(seen["requests"], voila_url) == []
    html = page.content()
    assert "<script>alert(1)" not in html and "onerror=alert(1)" not in html


def test_the_address_cannot_turn_dark_mode_on_or_off(browser, voila_url):
    """Colours follow the system setting: a dark system stays dark with ?theme=light."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    page = context.new_page()
    try:
        open_with(page, voila_url, "?theme=light&voila-theme=light")
        assert page.evaluate("document.documentElement.dataset.oigTheme") == "dark"
        assert page.evaluate("document.body.dataset.jpThemeLight") == "false"
    finally:
        context.close()
