"""Every page of the web app, each opened once and checked the ways a visitor meets it.

One pass opens every page (every lesson in every language, the bare address and a
missing page) in one browser tab and, on each, records:
- every request the browser makes: a mental-health tool must not tell a font CDN (or
  anyone else) who visits it, so any origin but the app's own fails;
- WCAG 2.2 AA by axe-core (from the npm registry, tests/browser/package.json) in the light
  and the dark theme (the system setting switched while the page is open, as the page
  follows it). The rules about headings, landmarks and regions must actually run: when a
  page looks like an open dialog to axe, it skips them and they "pass" silently; the
  template lets Voila's full-window panel flow as a normal page, and the test checks that
  those rules were applied;
- the layout on a 390 x 844 phone and at 200 % zoom (a 1280 x 900 window at 200 % lays
  out as a 640 x 450 page): no sideways scrolling, no label or control drawn over
  another, no control cut off at a side, and (on the phone) touch targets of at least
  44 px. Screenshots of the longest pages: tests/artifacts/app-*-{phone,zoom200}.png;
- the icons of the pause and help buttons, drawn by the style sheet: no page downloads
  an icon font (on a phone it came last, seconds after the buttons).
Each page is checked after every widget on it is drawn. One pass, not one per check,
because opening a page (a kernel, the front end) is what costs time; the tests below
read what it recorded, so each kind of fault still fails its own test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from widgets.content.loader import load_workbook

from .app_helpers import (
    MUST_RUN,
    foreign_origins,
    layout_faults,
    open_page,
    page_language,
    pages,
    run_axe,
    small_targets,
)
from .conftest import DESKTOP, PHONE, no_sideways_scroll, screenshot

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
THEMES = ("light", "dark")
SIZES = {"phone": PHONE, "zoom200": {"width": 640, "height": 450}}
NOT_FOUND = "(page not found)"
LONGEST = ("00_welcome.ipynb", "01_responsibility_vs_cruelty.ipynb")


# What each pause and help button draws before its words.
ICONS = """() => [...document.querySelectorAll('.oig-pause-button, .oig-help-button')]
  .map((b) => getComputedStyle(b, '::before').webkitMaskImage)"""


@dataclass
class Seen:
    """What the pass recorded: per page, per check."""

    requests: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    structure: dict[str, list[str]] = field(default_factory=dict)
    icons: dict[str, list[str]] = field(default_factory=dict)
    axe: dict[str, dict[str, dict]] = field(default_factory=lambda: {t: {} for t in THEMES})
    axe_phone: dict[str, dict] = field(default_factory=dict)
    layout: dict[str, dict[str, list[str]]] = field(default_factory=lambda: {s: {} for s in SIZES})


def _use_theme(page, theme: str) -> None:
    page.emulate_media(color_scheme=theme)
    page.wait_for_function(
        "(theme) => document.documentElement.dataset.oigTheme === theme", arg=theme
    )


def _layout(page, size: str) -> list[str]:
    found = [] if no_sideways_scroll(page) else ["the page scrolls sideways"]
    found += layout_faults(page)
    if size == "phone":
        small = small_targets(page)
        for _ in range(10):  # widgets get their classes (and sizes) as drawn
            if not small:
                break
            page.wait_for_timeout(500)
            small = small_targets(page)
        found += [f"touch target smaller than 44 x 44 px: {t}" for t in small]
    return found


@pytest.fixture(scope="module")
def seen(browser, voila_url) -> Seen:
    result = Seen()
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    context.on("request", lambda r: result.requests.append(r.url))
    page = context.new_page()
    try:
        page.goto(voila_url + "/")
        page.wait_for_url("**/voila/render/**", timeout=60_000)
        result.visited.append(page.url)
        for name in pages():
            open_page(page, voila_url, name)
            result.structure[name] = [
                f"{page.get_by_role('heading', level=1).count()} main headings",
                f"{page.get_by_role('main').count()} main landmarks",
            ]
            result.icons[name] = page.evaluate(ICONS)
            for theme in THEMES:
                _use_theme(page, theme)
                result.axe[theme][name] = run_axe(page)
            _use_theme(page, "light")
            for size, viewport in SIZES.items():
                page.set_viewport_size(viewport)
                page.viewport_name = size
                page.wait_for_timeout(200)
                result.layout[size][name] = _layout(page, size)
                if size == "phone" and name == "01_responsibility_vs_cruelty.ipynb":
                    # The narrow layout (wrapped toolbars, stacked labels), longest lesson.
                    result.axe_phone[name] = run_axe(page)
                if name in LONGEST:
                    screenshot(page, "app-" + name.split("_")[0])
            page.set_viewport_size(DESKTOP)
            # Open what a visitor opens: help and pause (they load no more than this).
            help_button = load_workbook(language=page_language(name)).ui.help_button
            page.get_by_role("button", name=help_button).first.click()
            page.wait_for_timeout(300)
            result.visited.append(page.url)
        page.goto(voila_url + "/voila/render/no-such-page.ipynb")
        result.visited.append(page.url)
        for theme in THEMES:
            _use_theme(page, theme)
            result.axe[theme][NOT_FOUND] = run_axe(page)
    finally:
        context.close()
    return result


def test_every_page_was_opened(seen):
    assert len(seen.visited) == len(pages()) + 2
    assert all(len(seen.layout[size]) == len(pages()) for size in SIZES)
    assert len(seen.requests) > 20, "the recorder saw too little to mean anything"


def test_every_page_requests_only_its_own_origin(seen, voila_url):
    assert foreign_origins(seen.requests, voila_url) == []


def test_every_page_has_one_main_heading_and_one_main_landmark(seen):
    expected = ["1 main headings", "1 main landmarks"]
    assert {name: s for name, s in seen.structure.items() if s != expected} == {}


def test_pause_and_help_show_their_icons_without_an_icon_font(seen):
    lesson = seen.icons["01_responsibility_vs_cruelty.ipynb"]
    assert len(lesson) >= 2 * 4, "lesson 1 has a page bar and four exercises"
    drawn = {name: i for name, i in seen.icons.items() if any("svg" not in x for x in i)}
    assert drawn == {}
    fonts = [u for u in seen.requests if re.search(r"\.(woff2?|ttf|otf|eot)(\?|$)", u)]
    assert fonts == []


def _blocking(result: dict) -> list[dict]:
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


@pytest.mark.parametrize("theme", THEMES)
def test_axe_every_page(seen, theme):
    results = seen.axe[theme]
    assert set(results) == set(pages()) | {NOT_FOUND}
    skipped = {}
    for name, result in results.items():
        ran = set(result["passes"]) | {v["id"] for v in result["violations"]}
        missing = [rule for rule in MUST_RUN if rule not in ran]
        if missing and name != NOT_FOUND:
            skipped[name] = missing
    assert skipped == {}, f"axe did not apply these rules (page taken for a dialog?): {skipped}"
    problems = {name: _blocking(r) for name, r in results.items() if _blocking(r)}
    assert problems == {}, problems


def test_axe_phone_lesson(seen):
    assert list(seen.axe_phone) == ["01_responsibility_vs_cruelty.ipynb"]
    assert [_blocking(r) for r in seen.axe_phone.values()] == [[]]


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_fits_phone_and_zoom(seen, size):
    problems = {name: found for name, found in seen.layout[size].items() if found}
    assert problems == {}, problems


def test_foreign_origins_sees_other_sites():
    """The check itself: only the app's own origin (and in-page data) passes."""
    base = "http://127.0.0.1:8866"
    urls = [
        base + "/voila/render/00_welcome.ipynb",
        "data:image/png;base64,AAAA",
        "https://cdn.jsdelivr.net/npm/font-awesome@4.5.0/css/font-awesome.min.css",
        "http://127.0.0.1:9999/other-port",
    ]
    assert foreign_origins(urls, base) == urls[2:]


def test_layout_check_sees_overlaps_and_cut_off_controls(browser):
    """The check itself, on a made-up exercise with the two faults it must find (a
    dropdown over the next label, a text box wider than its box) and one clean field."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.set_content(
            """<div class="oig-exercise" style="width: 300px; padding: 10px">
              <div style="height: 20px">
                <label class="widget-label">Harsh thought:</label>
                <select style="display: block; height: 40px"><option>I ruin</option></select>
              </div>
              <label class="widget-label">What happened:</label>
              <div style="overflow: auto"><textarea style="width: 320px"></textarea></div>
              <label class="widget-label" for="ok">Fine:</label>
              <textarea id="ok" placeholder="Fine box" style="display: block; width: 200px">
              </textarea>
            </div>"""
        )
        faults = layout_faults(page)
    finally:
        context.close()
    assert any("overlaps" in f and "What happened" in f for f in faults), faults
    assert any("cut off" in f and "textarea" in f for f in faults), faults
    assert not any("Fine" in f for f in faults), faults
