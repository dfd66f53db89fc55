"""store.js on its own, in Chromium, with a stand-in widget manager and model.

Why: the browser's first message ("loaded") makes the kernel update other widgets on the
page (the status line, restored answers). Voila's page makes all of a kernel's widgets
at once, and an update reaching a widget whose model is not made yet is lost; on a busy
machine that left pages saying "Looking for your answers..." for good (seen with two
test processes on 2 cores). So "loaded" must wait until every model the page is making
exists. A stand-in manager lets these tests decide when that is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.journal import store

pytestmark = pytest.mark.browser

STORE_JS = Path(store.__file__).with_name("store.js").read_text(encoding="utf-8")

# A widget manager whose model table the test fills and settles by hand, and a model
# that records what the record sends to its kernel.
SETUP = """async (source) => {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const mod = await import(url);
  const later = () => {
    let resolve, reject;
    const promise = new Promise((yes, no) => ((resolve = yes), (reject = no)));
    return { promise, resolve, reject };
  };
  const made = { a: later(), b: later() };
  const manager = { _models: { a: made.a.promise, b: made.b.promise } };
  const sent = [];
  const model = {
    get: (name) => ({ key_prefix: "test:journal:", version: 1, setting: "ask" })[name],
    send: (content) => sent.push(content),
    on: () => {},
    widget_manager: manager,
  };
  window.t = { mod, later, made, manager, sent, model };
  mod.default.initialize({ model });
}"""


@pytest.fixture
def page(browser):
    """A blank page holding store.js, started with the stand-in manager and model."""
    page = browser.new_page()
    page.evaluate(SETUP, STORE_JS)
    yield page
    page.close()


def sent(page) -> list[str]:
    return page.evaluate("window.t.sent.map((m) => m.type)")


def test_loaded_waits_until_every_widget_model_is_made(page):
    page.wait_for_timeout(300)
    assert sent(page) == []  # two models still being made
    page.evaluate("window.t.made.a.resolve({})")
    page.wait_for_timeout(300)
    assert sent(page) == []  # one still being made
    # A model registered while waiting is waited for too.
    page.evaluate(
        "window.t.made.c = window.t.later();"
        "window.t.manager._models.c = window.t.made.c.promise;"
        "window.t.made.b.resolve({})"
    )
    page.wait_for_timeout(300)
    assert sent(page) == []
    page.evaluate("window.t.made.c.resolve({})")
    page.wait_for_function("window.t.sent.length > 0", timeout=5_000)
    assert sent(page) == ["loaded"]


def test_a_model_that_failed_to_be_made_does_not_hold_loaded_back(page):
    page.evaluate("window.t.made.a.resolve({});window.t.made.b.reject(new Error('no such widget'))")
    page.wait_for_function("window.t.sent.length > 0", timeout=5_000)
    assert sent(page) == ["loaded"]


def test_without_a_model_table_or_in_time_loaded_is_sent_anyway(page):
    waited = page.evaluate(
        """async () => {
          const { widgetsMade, later } = { ...window.t.mod, later: window.t.later };
          const start = performance.now();
          await widgetsMade(undefined);
          await widgetsMade({});
          const quick = performance.now() - start;
          await widgetsMade({ _models: { x: later().promise } }, 400);
          return [quick, performance.now() - start];
        }"""
    )
    quick, total = waited
    assert quick < 100  # nothing to wait for
    assert 350 < total < 3000  # a model never made: given up on after the limit
