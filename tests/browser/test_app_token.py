"""The optional access token for workshop networks (docs/app.md).

With `make app TOKEN=...` a request without the token is refused (sent to a sign-in
page, never shown a lesson); the address with ?token=... opens the workbook, and the
browser may then move between lessons. Without a token (the default, on 127.0.0.1)
pages open directly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from widgets.content import REPO_DIR

from .app_helpers import open_page
from .conftest import ARTIFACTS, DESKTOP, _free_port, _need_browser, stop

pytestmark = pytest.mark.browser

TOKEN = "gentle-workshop-7c1e"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def status(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "")


@pytest.fixture(scope="module")
def token_url():
    _need_browser()
    port = _free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = (ARTIFACTS / f"voila-token-{port}.log").open("w")
    env = {**os.environ, "JUPYTER_PATH": str(REPO_DIR / "share" / "jupyter")}
    voila = Path(sys.executable).parent / "voila"
    proc = subprocess.Popen(
        [
            str(voila),
            "notebooks/",
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            f"--token={TOKEN}",
        ],
        cwd=REPO_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if status(f"{base}/?token={TOKEN}")[0] == 200:
                break
        except urllib.error.URLError:
            pass  # not listening yet
        if proc.poll() is not None or time.monotonic() > deadline:
            stop(proc)
            raise RuntimeError("Voila with a token did not start; see tests/artifacts")
        time.sleep(0.3)
    yield base
    stop(proc)


def test_token_on_refuses_requests_without_it(token_url):
    for path in (
        "/",
        "/voila/render/00_welcome.ipynb",
        "/voila/render/01_responsibility_vs_cruelty.ipynb",
    ):
        code, where = status(token_url + path)
        assert code in (302, 403), (path, code)
        if code == 302:
            assert "/login" in where, where
    code, body = status(f"{token_url}/voila/render/00_welcome.ipynb?token=wrong")
    assert code in (302, 403)


def test_token_on_opens_with_it(browser, token_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        # Without the token the browser never sees a lesson.
        page.goto(f"{token_url}/voila/render/00_welcome.ipynb")
        assert "/login" in page.url
        expect(page.locator(".oig-page-header")).to_have_count(0)
        # The facilitator's address carries the token; after that, lessons just open.
        page.goto(f"{token_url}/?token={TOKEN}")
        page.wait_for_url("**/voila/render/00_welcome.ipynb", timeout=60_000)
        open_page(page, token_url, "01_responsibility_vs_cruelty.ipynb")
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
    finally:
        context.close()


def test_token_off_by_default(voila_url):
    code, body = status(f"{voila_url}/voila/render/00_welcome.ipynb")
    assert code == 200
    assert "Welcome" in body
