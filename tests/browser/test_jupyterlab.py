"""The lessons in JupyterLab, as a participant meets them there: open a notebook, follow
the "How to start" tip (Run > Run All Cells), read the lesson without seeing Python, and
use one exercise of each lesson.

One JupyterLab server runs for this module, on a free port of 127.0.0.1 with a random
token, serving a temporary copy of notebooks/ (JupyterLab saves outputs into the files it
opens; the repo's notebooks must stay without outputs). Its settings, workspaces and
runtime files live in the same temporary folder, so nothing in the home folder is read or
written, and it never asks the internet for news or updates.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook
from widgets.paths import DEFAULT_DATA_DIR, REPO_DIR

from .conftest import ARTIFACTS, _free_port, _need_browser

pytestmark = pytest.mark.browser

# Settings a participant's JupyterLab would not need: no news or update checks (offline).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


class Lab:
    def __init__(self, base: str, token: str, root: Path):
        self.base, self.token, self.root = base, token, root

    def api(self, method: str, path: str) -> object:
        request = urllib.request.Request(
            f"{self.base}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    _need_browser()
    root = tmp_path_factory.mktemp("jupyterlab")
    shutil.copytree(REPO_DIR / "notebooks", root / "notebooks")
    for name, values in LAB_SETTINGS.items():
        path = root / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_PATH": str(REPO_DIR / "share" / "jupyter"),
        "OWNING_DATA_DIR": str(DEFAULT_DATA_DIR),
        "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / f"jupyterlab-{port}.log"
    jupyter = Path(sys.executable).parent / "jupyter"
    proc = subprocess.Popen(
        [
            str(jupyter),
            "lab",
            "--no-browser",
            "--ServerApp.open_browser=False",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root / 'notebooks'}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--allow-root",  # CI containers run as root; harmless otherwise
        ],
        cwd=root,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, stopped as one below
    )
    server = Lab(f"http://127.0.0.1:{port}", token, root / "notebooks")
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early; see {log_path}")
            try:
                server.api("GET", "/api/status")
                break
            except OSError as exc:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not start in 60 s; see {log_path}") from exc
                time.sleep(0.3)
        yield server
    finally:
        try:
            server.shut_down_kernels()
        except OSError:
            pass
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@pytest.fixture
def page(browser, lab):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()
    lab.shut_down_kernels()  # one kernel at a time keeps the machine free for the next


def kernel_idle(page):
    """The status bar's kernel button, e.g. "Python 3 (ipykernel) | Idle"."""
    return page.get_by_role("contentinfo").get_by_role("button", name=re.compile(r"\| Idle$"))


def open_lesson(page, lab: Lab, notebook: str) -> None:
    """Open a notebook as a participant would from a link with the token, and run it the
    way the notebook's own tip says: Run > Run All Cells, once the kernel is ready."""
    # ?reset: a fresh workspace, so earlier tests' notebooks do not reopen (and start kernels)
    page.goto(f"{lab.base}/lab/tree/{notebook}?reset&token={lab.token}")
    expect(page.locator(".jp-NotebookPanel .jp-Notebook")).to_be_visible(timeout=60_000)
    tip = page.locator(".jp-MarkdownCell", has_text="How to start")
    expect(tip).to_contain_text("Run ▸ Run All Cells")
    expect(kernel_idle(page)).to_be_visible(timeout=60_000)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    expected = sum(
        "".join(c["source"]).count("show_exercise(")
        for c in json.loads((lab.root / notebook).read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "code"
    )
    page.wait_for_function(
        "document.querySelector('.oig-page-header') !== null && "
        f"document.querySelectorAll('.oig-exercise').length >= {expected}",
        timeout=60_000,
    )
    expect(kernel_idle(page)).to_be_visible(timeout=60_000)


def python_shown(page) -> list[str]:
    """Code a participant could read on the page: open code editors, and the first line of
    code that JupyterLab prints on a collapsed cell's bar, unless it is hidden."""
    return page.evaluate(
        """() => {
            const shown = (el) => el.getClientRects().length > 0
                && getComputedStyle(el).visibility !== 'hidden';
            const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
            const out = [];
            for (const cell of cells) {
                const editor = cell.querySelector('.jp-InputArea');
                if (editor && shown(editor)) out.push('editor: ' + editor.textContent);
                const line = cell.querySelector('.jp-PlaceholderText');
                if (line && shown(line)) out.push('bar: ' + line.textContent);
            }
            return out;
        }"""
    )


def check_the_lesson_not_python(page) -> None:
    cells = page.locator(".jp-Notebook .jp-CodeCell")
    assert cells.count() > 0
    # Every code cell is collapsed to JupyterLab's thin bar (source_hidden in the notebook).
    assert cells.locator(".jp-InputPlaceholder").count() == cells.count()
    assert python_shown(page) == []
    text = page.locator(".jp-Notebook").inner_text()
    for code in ("show_exercise(", "import ", "show_safety("):
        assert code not in text
    # The workbook's own style reached JupyterLab (a card with a border, not bare widgets).
    card = page.locator(".oig-exercise").first
    assert card.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    assert page.errors == []


def test_welcome_check_in_replies(page, lab):
    _, spec = load_workbook().exercise("welcome/arriving")
    open_lesson(page, lab, "00_welcome.ipynb")
    check_the_lesson_not_python(page)
    checkin = page.locator(".oig-exercise-checkin")
    slider = checkin.get_by_role("slider")
    slider.focus()
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    expect(slider).to_have_attribute("aria-valuenow", re.compile(r"^8(\.0+)?$"))
    checkin.get_by_role("button", name=spec.button).click()
    reply = next(r.text for r in spec.replies if r.up_to >= 8)
    expect(checkin.locator(".oig-reply")).to_contain_text(reply.split(".")[0])
    # The footer's link leads on to lesson 1, opened in JupyterLab (not as a raw file).
    page.locator(".oig-page-footer a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"/lab/tree/01_responsibility_vs_cruelty\.ipynb"))
    # A new JupyterLab page: it takes a while to start on a busy machine.
    expect(page.get_by_role("tab", name=re.compile("01_responsibility"))).to_be_visible(
        timeout=60_000
    )
    expect(page.get_by_role("heading", name=re.compile("^Owning it without"))).to_be_visible(
        timeout=60_000
    )


def sort_the_first_statement(page, lab, notebook: str, ref: str, pile: int):
    """Open a lesson, put its sorter's first statement on ``pile``, see the reasoning."""
    _, spec = load_workbook().exercise(ref)
    open_lesson(page, lab, notebook)
    check_the_lesson_not_python(page)
    sorter = page.locator(".oig-exercise-sorter")
    first = spec.statements[0]
    expect(sorter.locator(".oig-statement")).to_contain_text(first.text)
    sorter.get_by_role("button", name=spec.categories[pile].label, exact=True).click()
    expect(sorter.locator(".oig-feedback")).to_contain_text(first.why.split(".")[0])
    return sorter, spec


def test_lesson_one_sorter_shows_the_reasoning(page, lab):
    sorter, spec = sort_the_first_statement(
        page, lab, "01_responsibility_vs_cruelty.ipynb", "responsibility/sorter", pile=0
    )
    page.screenshot(path=str(ARTIFACTS / "jupyterlab-lesson1.png"))
    sorter.get_by_role("button", name=load_workbook().ui.next, exact=True).click()
    expect(sorter.locator(".oig-statement")).to_contain_text(spec.statements[1].text)


def test_lesson_two_sorter_shows_the_reasoning(page, lab):
    sort_the_first_statement(page, lab, "02_guilt_vs_shame.ipynb", "guilt-shame/sorter", pile=1)


def test_lesson_three_pacer_runs_in_the_browser(page, lab):
    words = load_workbook().ui.pacer
    open_lesson(page, lab, "03_staying_present.ipynb")
    check_the_lesson_not_python(page)
    pacer = page.locator(".oig-exercise-breathing .oig-pacer")
    cue = pacer.locator(".oig-pacer-cue")
    expect(cue).to_have_text(words.cue_ready)
    for name, value in (("In", 2), ("Out", 2)):
        box = pacer.get_by_label(name, exact=True)
        box.fill(str(value))
        box.press("Tab")
    pacer.get_by_role("button", name=words.start).click()
    expect(cue).to_have_text(words.cue_in)
    expect(cue).to_have_text(words.cue_out, timeout=6_000)
    expect(cue).to_have_text(words.cue_in, timeout=6_000)
    page.screenshot(path=str(ARTIFACTS / "jupyterlab-lesson3.png"))
    pacer.get_by_role("button", name=words.stop).click()
    expect(cue).to_have_text(words.cue_stopped)


def test_lesson_three_kind_pause_keeps_its_words_through_a_pause(page, lab):
    wb = load_workbook()
    spec = wb.exercise("staying-present/kind-pause")[1]
    open_lesson(page, lab, "03_staying_present.ipynb")
    flow = page.locator(".oig-exercise-kind_pause")
    flow.scroll_into_view_if_needed()
    flow.get_by_label(spec.steps[0].fields[0].label, exact=True).fill("Talked over Rosa")
    flow.get_by_role("button", name=wb.ui.next, exact=True).click()
    hard = flow.get_by_label(spec.steps[1].fields[0].label, exact=True)
    hard.fill("This hurts.")
    flow.get_by_role("button", name=wb.ui.pause_button).click()
    expect(hard).to_be_hidden()
    flow.locator(".oig-pause").get_by_role("button", name=wb.ui.pause_back).click()
    expect(hard).to_be_visible()
    expect(hard).to_have_value("This hurts.")
    page.screenshot(path=str(ARTIFACTS / "jupyterlab-kind-pause.png"))


def test_repo_notebooks_were_not_touched(lab):
    """JupyterLab served (and may have saved) only the temporary copy."""
    assert lab.root != REPO_DIR / "notebooks"
    assert not (REPO_DIR / "notebooks").samefile(lab.root)
    copies = [p for p in lab.root.glob("**/*.ipynb") if ".ipynb_checkpoints" not in p.parts]
    assert len(copies) >= 6
    for copy in copies:
        original = REPO_DIR / "notebooks" / copy.relative_to(lab.root)
        nb = json.loads(original.read_text(encoding="utf-8"))
        assert all(not c.get("outputs") for c in nb["cells"]), original
