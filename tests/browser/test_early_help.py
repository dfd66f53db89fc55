"""Help and a pause work before any widget has loaded (on a phone, the widgets come seconds
after the text): the plain bar at the top of every lesson page (index.html.j2, #oig-early)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from widgets.content.help_lines import first_line, tel_href
from widgets.content.loader import load_workbook
from widgets.journal.record import VERSION

from .app_helpers import run_axe, small_targets
from .conftest import screenshot

pytestmark = pytest.mark.browser

PAGES = {"en": "01_responsibility_vs_cruelty.ipynb", "es": "es/01_responsibility_vs_cruelty.ipynb"}


def without_widgets(page) -> None:
    """No widget can load: Voila's front end never arrives (the kernel still runs)."""
    page.route("**/voila/static/voila.js", lambda route: route.abort())


def widgets_bar_arrives(page) -> None:
    """What gentle.js waits for before it puts the plain bar away: the page's own bar."""
    page.evaluate(
        "() => { const bar = document.createElement('div'); bar.className = 'oig-page-header';"
        " bar.innerHTML = '<button class=\"oig-help-button\">x</button>';"
        " document.body.appendChild(bar); }"
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_help_and_pause_work_before_any_widget(page, voila_url, language):
    wb = load_workbook(language=language)
    without_widgets(page)
    page.goto(f"{voila_url}/voila/render/{PAGES[language]}")
    early = page.locator("#oig-early")
    expect(early).to_be_visible()
    help_ = early.locator(".oig-early-help")
    help_.get_by_text(wb.ui.help_button, exact=True).click()
    line = first_line(wb.crisis_region())
    tel = help_.locator(f'a[href="{tel_href(line.phone)}"]')
    expect(tel).to_have_text(line.phone)
    expect(help_).to_contain_text(wb.crisis_region().emergency)
    pause = early.locator(".oig-early-pause")
    pause.get_by_text(wb.ui.pause_button, exact=True).click()
    for step in wb.ui.pause_steps:
        expect(pause).to_contain_text(step)
    screenshot(page, f"early-help-{language}")
    assert small_targets(page) == []
    blocking = [v for v in run_axe(page)["violations"] if v["impact"] in {"serious", "critical"}]
    assert blocking == []


def test_the_plain_help_follows_the_chosen_country(page, voila_url):
    """A country chosen in the help panel (kept in this browser) is the one shown."""
    wb = load_workbook(language="es")
    record = {
        "app": "owning-it-gently",
        "kind": "journal",
        "version": VERSION,
        "updated": "",
        "answers": {"help/mine": {"data": {"region": "mexico", "people": []}, "updated": ""}},
        "ratings": [],
    }
    page.add_init_script(
        f"sessionStorage.setItem('owning-it-gently:journal:/', {json.dumps(json.dumps(record))});"
    )
    without_widgets(page)
    page.goto(f"{voila_url}/voila/render/{PAGES['es']}")
    help_ = page.locator("#oig-early .oig-early-help")
    help_.get_by_text(wb.ui.help_button, exact=True).click()
    mexico = first_line(wb.crisis_region("mexico"))
    expect(help_.locator(f'a[href="{tel_href(mexico.phone)}"]')).to_have_text(mexico.phone)
    expect(help_).to_contain_text(mexico.name)
    expect(help_).not_to_contain_text(first_line(wb.crisis_region()).name)


@pytest.mark.desktop_only
def test_the_plain_bar_gives_way_to_the_widgets_but_not_while_open(page, voila_url):
    wb = load_workbook()
    page.goto(f"{voila_url}/voila/render/{PAGES['en']}")
    early = page.locator("#oig-early")
    expect(page.locator(".oig-page-header .oig-help-button")).to_be_visible(timeout=60_000)
    expect(early).to_be_hidden()
    # Open when the widgets arrive: it stays until it is closed.
    without_widgets(page)
    page.reload()
    early.locator(".oig-early-help summary").click()
    widgets_bar_arrives(page)
    page.wait_for_timeout(300)
    expect(early).to_be_visible()
    early.locator(".oig-early-help summary").click()
    expect(early).to_be_hidden()
    assert wb.ui.help_button


# The page has stopped growing: its height is the same as a second ago. (With the widget
# library held back, Voila draws an error box for each widget a moment after the text.)
SETTLED = """() => {
  const height = document.scrollingElement.scrollHeight;
  const same = window.__oigHeight === height;
  window.__oigHeight = height;
  return same;
}"""

# Where the plain bar is, and the page's last text, once the page is scrolled to its end.
BAR_AND_END = """() => {
  window.scrollTo({top: document.scrollingElement.scrollHeight, behavior: 'instant'});
  const bar = document.getElementById('oig-early').getBoundingClientRect();
  const texts = [...document.querySelectorAll('.jp-RenderedMarkdown > *')];
  const last = texts[texts.length - 1].getBoundingClientRect();
  return {barTop: bar.top, barBottom: bar.bottom, lastBottom: last.bottom,
          height: window.innerHeight};
}"""


def test_the_plain_bar_stays_in_reach_and_moves_nothing_when_it_goes(page, voila_url):
    """It sits at the bottom of the window while the page loads, covers none of the page's
    text, and going away shifts nothing (at the top of the page it pushed the text 108 px
    down on a phone until the widgets came, then the text jumped up)."""
    # The lesson's text shows, but no widget can be drawn (as on a phone's first seconds).
    page.route("**/@jupyter-widgets/jupyterlab-manager/**", lambda route: route.abort())
    page.goto(f"{voila_url}/voila/render/{PAGES['en']}")
    early = page.locator("#oig-early")
    expect(early).to_be_visible()
    title = page.get_by_role("heading", level=1)
    expect(title).to_be_visible(timeout=60_000)
    page.wait_for_function(SETTLED, polling=1000)
    top_before = title.bounding_box()["y"]
    found = page.evaluate(BAR_AND_END)
    assert abs(found["barBottom"] - found["height"]) <= 1, found
    assert found["lastBottom"] <= found["barTop"], found
    screenshot(page, "early-help-bottom-bar")
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    widgets_bar_arrives(page)
    expect(early).to_be_hidden()
    assert title.bounding_box()["y"] == top_before
