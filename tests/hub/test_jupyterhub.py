"""The JupyterHub deployment in deploy/jupyterhub/, started for real on 127.0.0.1.

Three users log in, each lands on the workbook's Voila welcome page, opens lesson 1 and
types; nobody sees anyone else's words. Opt-in (it starts a hub, a proxy and three user
servers, about a minute on two cores): `make test-hub`, or OIG_HUB_TEST=1.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.timing import TRANSFERRED
from widgets.paths import REPO_DIR

HUB_DIR = REPO_DIR / "deploy" / "jupyterhub"
CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.environ.get("OIG_HUB_TEST"), reason="opt-in: make test-hub"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    if not (HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        pytest.fail("run `npm ci --prefix deploy/jupyterhub` first (make test-hub does)")
    state = tmp_path_factory.mktemp("hub")
    port = _free_port()
    env = {
        **os.environ,
        "OIG_HUB_PORT": str(port),
        "OIG_HUB_INTERNAL_PORT": str(_free_port()),
        "OIG_PROXY_API_PORT": str(_free_port()),
        "OIG_HUB_STATE": str(state),
        "OIG_HUB_PASSWORD": "test-workshop",
    }
    log = (state / "hub.log").open("w")
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyterhub"), "-f", "jupyterhub_config.py"],
        cwd=HUB_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/hub/login", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(f"JupyterHub did not start; see {state / 'hub.log'}")
    yield base
    proc.send_signal(signal.SIGTERM)  # the hub stops the users' servers and its proxy
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def test_three_users_land_on_the_workbook_and_stay_separate(hub, browser):
    users = ["ana", "bilal", "chen"]
    pages = {}
    for user in users:
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(f"{hub}/hub/login")
        page.get_by_label("Username").fill(user)
        page.get_by_label("Password").fill("test-workshop")
        page.get_by_role("button", name="Sign in").click()
        # Each user lands on the workbook's welcome page in Voila, not on Jupyter.
        page.wait_for_url(f"**/user/{user}/voila/render/00_welcome.ipynb", timeout=120_000)
        page.wait_for_selector(".oig-exercise", timeout=120_000)
        assert "JupyterLab" not in page.title()
        # Voila's front end came compressed, as in `make app`.
        sent, unpacked = page.evaluate(TRANSFERRED)
        assert unpacked > 4_000_000 and sent < unpacked / 3, (sent, unpacked)
        # voila.json's settings reached the user's server: Voila's ?template= is refused,
        # so the lesson comes in the workbook's own template (its main landmark and its
        # colour script), not Voila's stock one.
        page.goto(f"{hub}/user/{user}/voila/render/01_responsibility_vs_cruelty.ipynb?template=lab")
        page.wait_for_function(
            "document.querySelectorAll('.oig-exercise').length >= 4", timeout=120_000
        )
        assert page.locator("#rendered_cells[role=main]").count() == 1
        assert page.evaluate("typeof window.oigTheme") == "object"
        box = page.locator(".oig-exercise-repair_plan").get_by_label("What happened?")
        box.fill(f"secret of {user}")
        box.blur()
        pages[user] = page
    for user, page in pages.items():
        text = page.locator("body").inner_text()
        box = page.locator(".oig-exercise-repair_plan").get_by_label("What happened?")
        assert box.input_value() == f"secret of {user}"
        for other in users:
            if other != user:
                assert f"secret of {other}" not in text
                assert f"secret of {other}" not in page.content()
    for page in pages.values():
        page.context.close()
