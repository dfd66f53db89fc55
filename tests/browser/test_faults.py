"""When the server side of a page goes away, the visitor is told kindly and loses nothing.

A lesson's widgets answer from a kernel on the server. Three ways it can go mid-lesson:
the kernel dies (here: killed), the idle culler shuts it down, or the whole server
restarts. Each test types answers on a lesson page (the killed kernel on the shared test
server, the other two on a server of their own), waits until the browser has kept them,
breaks the server side, and checks what the visitor sees: a message at the top of the
page in the page's language (words from data/<lang>/ui.yaml), with a "Reload the page"
button; after reloading, a working page with the answers back in their boxes (the
journal lives in the browser, so the new kernel gets them from it).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import psutil
import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .app_helpers import JOURNAL_PREFIX, open_page
from .conftest import DESKTOP, screenshot, start_voila, stop

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.viewport_name = "desktop"
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def words(lang: str):
    wb = load_workbook(language=lang)
    repair = wb.exercise("responsibility/repair")[1]
    return wb, repair


def lesson_path(lang: str) -> str:
    return LESSON if lang == "en" else f"{lang}/{LESSON}"


def write_answers(page, lang: str, marker: str) -> dict[str, str]:
    """Type into two boxes of the repair plan; wait until the browser keeps both."""
    _, repair = words(lang)
    typed = {
        repair.fields[0].label: f"I was late to pick up Sam <b>again</b> 🌱 {marker}",
        repair.fields[2].label: f"Say sorry & leave earlier. {marker}-2",
    }
    plan = page.locator(".oig-exercise-repair_plan")
    for label, text in typed.items():
        box = plan.get_by_label(label)
        box.fill(text)
        box.blur()
    for text in typed.values():
        page.wait_for_function(
            """([prefix, text]) => Object.keys(sessionStorage).some(
                k => k.startsWith(prefix) && sessionStorage.getItem(k).includes(text))""",
            arg=[JOURNAL_PREFIX, json.dumps(text, ensure_ascii=False)[1:-1]],
            timeout=30_000,
        )
    return typed


def expect_kind_message(page, lang: str, timeout: float):
    wb, _ = words(lang)
    ui = wb.ui
    message = page.locator("#oig-connection-lost")
    expect(message).to_be_visible(timeout=timeout)
    expect(message).to_have_attribute("role", "alert")
    expect(message).to_contain_text(ui.connection_lost_title)
    expect(message).to_contain_text(ui.not_your_fault)
    expect(message).to_contain_text(ui.connection_lost_help)
    button = message.get_by_role("button", name=ui.reload_link)
    expect(button).to_be_visible()
    # Shown as text: the only elements are the ones the script made.
    tags = page.evaluate(
        "[...document.querySelectorAll('#oig-connection-lost *')].map(e => e.tagName)"
    )
    assert sorted(tags) == ["BUTTON", "P", "P", "STRONG"]
    # It stays in view, at the top, wherever the visitor has scrolled to.
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    box = message.bounding_box()
    assert box is not None and box["y"] <= 5
    # ipywidgets' red broken-chain icons are not stacked on top of the message.
    icons = page.evaluate(
        """[...document.querySelectorAll('.jupyter-widgets-disconnected')]
             .map(e => getComputedStyle(e, '::before').content)"""
    )
    assert all(c in ("none", "normal") for c in icons), icons
    return message, button, message.inner_text()


def reload_and_find_answers(page, lang: str, button, typed: dict[str, str]) -> None:
    wb, repair = words(lang)
    with page.expect_navigation():
        button.click()
    open_page(page, page.url.split("/voila/render/")[0], lesson_path(lang))
    expect(page.locator("#oig-connection-lost")).to_have_count(0)
    plan = page.locator(".oig-exercise-repair_plan")
    for label, text in typed.items():
        expect(plan.get_by_label(label)).to_have_value(text, timeout=30_000)
    # And the new page works: its kernel answers.
    plan.get_by_role("button", name=repair.make_button).click()
    first = list(typed.values())[0]
    expect(plan.locator(".oig-repair-card")).to_contain_text(first, timeout=30_000)


def wait_until_gone(base: str, kernel_id: str, seconds: float) -> bool:
    """Whether the server stops knowing the kernel within ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(f"{base}/api/kernels/{kernel_id}", timeout=5)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return True
        time.sleep(1)
    return False


def page_kernel(page) -> str:
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_kernel_that_dies_mid_lesson(page, voila_url, lang):
    """On the shared test server: only this page's kernel is killed."""
    open_page(page, voila_url, lesson_path(lang))
    typed = write_answers(page, lang, f"died-{lang}")
    kernel_id = page_kernel(page)
    killed = [
        k
        for k in psutil.process_iter(["cmdline"])
        if any(kernel_id in part for part in k.info["cmdline"] or [])
    ]
    assert len(killed) == 1
    killed[0].kill()
    # Jupyter notices within a few seconds and starts an empty kernel in its place.
    _, button, shown = expect_kind_message(page, lang, timeout=30_000)
    assert page.locator(".jupyter-widgets-disconnected").count() > 0  # ipywidgets noticed
    screenshot(page, f"fault-kernel-died-{lang}")
    print(f"\n[{lang}] kernel died, the visitor sees: {shown!r}")
    reload_and_find_answers(page, lang, button, typed)
    assert page.dialogs == []


def test_a_kernel_culled_mid_lesson(page):
    """A page left alone long enough loses its kernel to the idle culler (here in seconds,
    and even while connected, as a hub's culler does). The next click tells the visitor."""
    proc, base, log = start_voila(
        extra_args=[
            "--MappingKernelManager.cull_idle_timeout=8",
            "--MappingKernelManager.cull_interval=2",
            "--MappingKernelManager.cull_connected=True",
            # No pages built ahead: this server is for one visitor, and building six
            # pages at start-up only slows the test down.
            "--VoilaConfiguration.preheat_kernel=False",
        ]
    )
    try:
        open_page(page, base, LESSON)
        typed = write_answers(page, "en", "culled")
        kernel_id = page_kernel(page)
        assert wait_until_gone(base, kernel_id, seconds=60)
        assert f"Culling 'idle' kernel 'python3' ({kernel_id})" in log.read_text()
        expect(page.locator("#oig-connection-lost")).to_have_count(0)  # not before it matters
        _, repair = words("en")
        page.locator(".oig-exercise-repair_plan").get_by_role(
            "button", name=repair.make_button
        ).click()
        _, button, shown = expect_kind_message(page, "en", timeout=30_000)
        screenshot(page, "fault-kernel-culled")
        print(f"\nkernel culled, the visitor sees after a click: {shown!r}")
        reload_and_find_answers(page, "en", button, typed)
    finally:
        stop(proc)
    assert page.dialogs == []


def test_the_server_restarts_while_a_visitor_is_on_a_page(page):
    proc, base, _ = start_voila()
    port = int(base.rsplit(":", 1)[1])
    try:
        open_page(page, base, LESSON)
        typed = write_answers(page, "en", "restarted")
        stop(proc)
        _, button, shown = expect_kind_message(page, "en", timeout=30_000)
        screenshot(page, "fault-server-restarted")
        print(f"\nserver stopped, the visitor sees: {shown!r}")
        proc, again, _ = start_voila(port=port)
        assert again == base
        # The old page's kernel is not on the new server: the message stays.
        page.wait_for_timeout(3000)
        expect(page.locator("#oig-connection-lost")).to_be_visible()
        reload_and_find_answers(page, "en", button, typed)
    finally:
        stop(proc)
    assert page.dialogs == []
