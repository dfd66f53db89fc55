"""No third-party requests: a visitor's browser talks only to the app's own address.

A mental-health tool must not tell a font CDN (or anyone else) who visits it. Every
request of every page is recorded, from the bare address through each lesson and a
missing page, and any other origin fails the test.
"""

from __future__ import annotations

import pytest

from widgets.content import load_workbook

from .app_helpers import foreign_origins, open_page, page_language, pages
from .conftest import DESKTOP

pytestmark = pytest.mark.browser


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


def test_every_page_requests_only_its_own_origin(browser, voila_url):
    context = browser.new_context(viewport=DESKTOP)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    visited = []
    try:
        page.goto(voila_url + "/")
        page.wait_for_url("**/voila/render/**", timeout=60_000)
        visited.append(page.url)
        for name in pages():
            open_page(page, voila_url, name)
            # Open what a visitor opens: help and pause (they load no more than this).
            help_button = load_workbook(language=page_language(name)).ui.help_button
            page.get_by_role("button", name=help_button).first.click()
            page.wait_for_timeout(300)
            visited.append(page.url)
        page.goto(voila_url + "/voila/render/no-such-page.ipynb")
        visited.append(page.url)
        page.wait_for_timeout(500)
    finally:
        context.close()
    assert len(visited) == len(pages()) + 2
    assert len(requests) > 20, "the recorder saw too little to mean anything"
    assert foreign_origins(requests, voila_url) == []
