"""The optional access token for workshop networks (docs/app.md).

With `make app TOKEN=...` a request without the token is refused (sent to a sign-in
page, never shown a lesson); the address with ?token=... opens the workbook, and the
browser may then move between lessons. Without a token (the default, on 127.0.0.1)
pages open directly.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook
from widgets.paths import REPO_DIR

from .app_helpers import MUST_RUN, foreign_origins, open_page, run_axe, small_targets
from .conftest import ARTIFACTS, DESKTOP, PHONE, _free_port, _need_browser, no_sideways_scroll, stop

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


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_sign_in_page(browser, token_url, size):
    """The page a visitor without the token meets is the workbook's own: its title, what
    to do in every language, no Jupyter words, nothing from other sites, axe-clean, 44 px
    targets on a phone. A wrong word gets a kind note; the right one opens the lesson."""
    context = browser.new_context(viewport=DESKTOP if size == "desktop" else PHONE)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    lesson = "01_responsibility_vs_cruelty.ipynb"
    try:
        page.goto(f"{token_url}/voila/render/{lesson}")
        assert "/login" in page.url
        text = page.locator("body").inner_text()
        assert "Jupyter" not in text and TOKEN not in page.content()
        wb = load_workbook()
        expect(page.get_by_role("heading", level=1)).to_have_text(wb.lessons.workbook_title)
        for lang in ("en", "es"):
            expect(page.get_by_text(load_workbook(language=lang).ui.signin_text)).to_be_visible()
        expect(page.get_by_role("main")).to_have_count(1)
        # Help before signing in: each language's first line as a tel: link.
        tel = page.locator(".oig-plain-help a[href^='tel:']")
        expect(tel).to_have_count(2)
        assert [tel.nth(i).get_attribute("href") for i in range(2)] == ["tel:988", "tel:024"]
        result = run_axe(page)
        assert [v for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
        ran = set(result["passes"]) | {v["id"] for v in result["violations"]}
        assert [rule for rule in MUST_RUN if rule not in ran] == []
        if size == "phone":
            assert small_targets(page) == []
        assert no_sideways_scroll(page)

        field = page.get_by_label(re.compile(re.escape(wb.ui.signin_label)))
        field.fill("not-the-word")
        field.press("Enter")
        expect(page.get_by_role("alert")).to_contain_text(wb.ui.signin_problem)
        assert "/login" in page.url
        field = page.get_by_label(re.compile(re.escape(wb.ui.signin_label)))
        field.fill(TOKEN)
        page.get_by_role("button", name=re.compile(re.escape(wb.ui.open_workbook_link))).click()
        page.wait_for_url(f"**/voila/render/{lesson}", timeout=60_000)
        open_page(page, token_url, lesson)
    finally:
        context.close()
    assert foreign_origins(requests, token_url) == []
