"""The app sends Voila's front end compressed (widgets/compressed_static.py): a first visit
downloads under a third of the bytes (1.6 of 5.4 MB), and the page works the same."""

from __future__ import annotations

import gzip
import re
import urllib.request

import pytest

from bench.timing import TRANSFERRED
from widgets.content.loader import load_workbook

from .app_helpers import open_page
from .conftest import DESKTOP

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"


def fetch(url: str, encoding: str | None) -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return dict(response.headers), response.read()


def test_every_kind_of_static_file_is_compressed_and_unchanged(voila_url):
    """Voila's own scripts, the widget extensions' scripts and the template's styles: each
    kind is served by a different handler."""
    html = urllib.request.urlopen(f"{voila_url}/voila/render/{LESSON}", timeout=60).read().decode()
    found = {
        "voila": re.search(r'src="(/voila/static/voila\.js[^"]*)"', html),
        "template": re.search(r'href="(/voila/templates/gentle/static/[^"]+\.css[^"]*)"', html),
    }
    paths = {kind: match.group(1) for kind, match in found.items() if match}
    assert set(paths) == {"voila", "template"}, html[:2000]
    paths["labextension"] = "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/package.json"
    for kind, path in paths.items():
        plain_headers, plain = fetch(voila_url + path, None)
        packed_headers, packed = fetch(voila_url + path, "gzip, deflate, br")
        assert "Content-Encoding" not in plain_headers, kind
        if len(plain) < 1024:
            continue
        assert packed_headers.get("Content-Encoding") == "gzip", (kind, packed_headers)
        assert gzip.decompress(packed) == plain, kind


def test_a_first_visit_downloads_under_a_third_and_the_page_works(browser, voila_url):
    wb = load_workbook()
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    encodings = {}
    page.on(
        "response",
        lambda r: encodings.__setitem__(r.url, r.headers.get("content-encoding", "")),
    )
    try:
        open_page(page, voila_url, LESSON)
        page.get_by_role("button", name=wb.ui.pause_button).first.click()
        page.locator(".oig-pause").first.wait_for(state="visible")
        sent, unpacked = page.evaluate(TRANSFERRED)
        decoded = dict(
            page.evaluate(
                "performance.getEntriesByType('resource').map((e) => [e.name, e.decodedBodySize])"
            )
        )
        scripts = [url for url in encodings if url.split("?")[0].endswith(".js")]
        assert len(scripts) > 50
        # Only files under 1 KB go as they are.
        plain = [url for url in scripts if encodings[url] != "gzip" and decoded[url] >= 1024]
        assert plain == []
        assert unpacked > 4_000_000, unpacked  # Voila's front end, as the browser runs it
        assert sent < unpacked / 3, (sent, unpacked)
        # voila.json's extension_denylist: the code-highlighting extension styles code
        # cells, which a Voila page never shows (two requests, ~5 KB, on every first visit).
        assert [url for url in encodings if "/labextensions/jupyterlab_pygments/" in url] == []
    finally:
        context.close()
