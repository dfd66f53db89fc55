"""A real Voila server and a real Chromium, as a visitor would use them.

The server is started once for the browser tests on a free port of 127.0.0.1 with the
repo's own configuration (voila.json, the template in share/), and stopped at the end.
Without /usr/bin/chromium the tests skip and say how to install it; CI sets
OIG_REQUIRE_BROWSER=1 so that a missing browser fails instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from widgets.paths import REPO_DIR

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO_DIR / "tests" / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _need_browser() -> None:
    if not Path(CHROMIUM).exists():
        message = (
            "browser tests skipped because no Chromium is installed at /usr/bin/chromium. "
            "Install it with: sudo apt-get update && sudo apt-get install -y chromium"
        )
        if os.environ.get("OIG_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)


def start_voila(
    extra_args: list[str] | None = None,
    env: dict | None = None,
    root: Path | None = None,
    port: int | None = None,
    wait: float = 60,
):
    """Start Voila as `make app` does; returns (process, base_url, log_path).

    ``root`` serves another copy of the workbook (its notebooks/ and voila.json), e.g. a
    temporary one with a scaffolded lesson; pair it with OWNING_DATA_DIR in ``env``.
    ``port`` starts it again where an earlier one ran (a server restart); each start
    has its own log.
    """
    again = port is not None
    port = port or _free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / (f"voila-{port}-{time.time_ns()}.log" if again else f"voila-{port}.log")
    full_env = {**os.environ, "JUPYTER_PATH": str(REPO_DIR / "share" / "jupyter"), **(env or {})}
    voila = Path(sys.executable).parent / "voila"
    proc = subprocess.Popen(
        [str(voila), "notebooks/", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
        + (extra_args or []),
        cwd=root or REPO_DIR,
        env=full_env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Voila exited early; see {log_path}")
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            return proc, base, log_path
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError(f"Voila did not start within 60 s; see {log_path}")


def copy_of_workbook(tmp_path_factory) -> Path:
    """A copy of the workbook (data/, notebooks/, voila.json) to change and serve with
    ``start_voila(root=...)`` and OWNING_DATA_DIR, leaving the repository as it is."""
    _need_browser()
    root = tmp_path_factory.mktemp("workbook")
    shutil.copytree(REPO_DIR / "data", root / "data")
    shutil.copytree(REPO_DIR / "notebooks", root / "notebooks")
    shutil.copy(REPO_DIR / "voila.json", root / "voila.json")
    return root


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def voila_url():
    _need_browser()
    proc, base, _ = start_voila()
    yield base
    stop(proc)


@pytest.fixture(scope="session")
def browser():
    _need_browser()
    from playwright.sync_api import expect, sync_playwright

    # Playwright's assertions wait 5 s by default. On a loaded machine (2 cores, Voila,
    # kernels and Chromium together) a page's answer can take longer than that; a
    # longer wait still fails a page that never answers.
    expect.set_options(timeout=20_000)
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        _record_console(b)
        yield b
        b.close()


# What every page said on its console during the current test, written to
# tests/artifacts/console-<test>.txt when the test fails: a page that stays stuck under
# load (e.g. waiting for its kernel) then leaves a trail to read.
_console: list[str] = []


def _record_console(b) -> None:
    new_context = b.new_context

    def recording_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.on(
            "console",
            lambda m: _console.append(f"{time.strftime('%H:%M:%S')} {m.type}: {m.text[:500]}"),
        )
        context.on("weberror", lambda e: _console.append(f"page error: {e.error}"))
        return context

    b.new_context = recording_context


def pytest_runtest_setup(item):
    _console.clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in item.name)
    failed_page = item.funcargs.get("page")
    if failed_page is not None:  # what the page showed when the test gave up
        try:
            failed_page.screenshot(path=str(ARTIFACTS / f"failed-{name}.png"), full_page=True)
        except Exception:  # noqa: BLE001 - a closed or crashed page has nothing to show
            pass
    if _console:
        noise = "No satisfying version"  # Voila's shared-module warning on every load
        lines = [line for line in _console if noise not in line]
        (ARTIFACTS / f"console-{name}.txt").write_text("\n".join(lines), encoding="utf-8")


def pytest_generate_tests(metafunc):
    """Tests that take ``page`` run on a desktop and on a phone, unless marked
    ``desktop_only``: every page's phone layout (overlaps, cut-off controls, touch targets,
    sideways scrolling) is checked in test_app_every_page.py, so a second run of the same
    steps at phone size is kept for the flows where the narrow layout changes what a
    visitor does (whole lessons, the breathing guide, the facilitator's notes)."""
    if "viewport" in metafunc.fixturenames:
        sizes = ["desktop"]
        if not metafunc.definition.get_closest_marker("desktop_only"):
            sizes.append("phone")
        metafunc.parametrize("viewport", sizes, indirect=True)


@pytest.fixture
def viewport(request):
    return request.param, DESKTOP if request.param == "desktop" else PHONE


@pytest.fixture
def page(browser, viewport):
    name, size = viewport
    context = browser.new_context(viewport=size, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.viewport_name = name
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def open_notebook(page, base_url: str, notebook: str, exercises: int) -> None:
    """Open a page and wait until Voila has rendered every exercise."""
    page.goto(f"{base_url}/voila/render/{notebook}")
    page.wait_for_function(
        f"document.querySelectorAll('.oig-exercise').length >= {exercises}", timeout=60_000
    )


def screenshot(page, name: str, part=None) -> None:
    """The whole page, or only ``part`` (a locator) as a person sees it there."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = str(ARTIFACTS / f"{name}-{page.viewport_name}.png")
    if part is None:
        page.screenshot(path=path, full_page=True)
    else:
        part.screenshot(path=path)


def no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
