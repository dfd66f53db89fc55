"""The journal when the browser's storage lets us down, in a real browser.

- Storage blocked (a browser set to refuse site data: reading window.localStorage or
  window.sessionStorage throws): the page says kindly that answers can't be kept, and
  every exercise still works for the visit.
- Storage full from the first save (setItem throws QuotaExceededError): the page says so,
  keeps what was typed on screen, and the exercises still work.
- Unreadable records are set aside, never deleted: a second one does not replace the
  first; when there is no room for another copy, nothing is dropped and the page says so.

The faults are made with init scripts, which run before any of the page's own scripts.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from widgets.content.loader import load_workbook

from .app_helpers import JOURNAL_PREFIX, wait_stored
from .conftest import open_notebook, screenshot
from .test_journal import (
    LESSON1,
    MY_ANSWERS,
    SLOW,
    WELCOME,
    new_page,
    repair_box,
    stored,
    type_in,
)

pytestmark = pytest.mark.browser

KEY = f"{JOURNAL_PREFIX}/"  # the record's key: the prefix and the server's base URL
SET_ASIDE = f"{KEY}:set-aside"

# What Chromium does when site data is blocked: reading either property throws.
BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() {
      throw new DOMException(
        `Failed to read the '${name}' property from 'Window': Access is denied for this document.`,
        "SecurityError");
    },
  });
}
"""

# Storage that is there and readable, but has no room left for anything.
FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException(
    "Setting the value exceeded the quota.", "QuotaExceededError");
};
"""


def words():
    return load_workbook(language="en").journal


def rewrite_still_answers(page) -> None:
    """Lesson 1's rewrite exercise: type, press the button, see the reply."""
    rewrite = page.locator(".oig-exercise-rewrite")
    rewrite.get_by_label("What happened:").fill("I'm such an idiot, I always forget things.")
    rewrite.get_by_role("button", name="Look over my rewrite").click()
    expect(rewrite.locator(".oig-hints")).to_contain_text("always", timeout=SLOW)


def set_aside_copies(page) -> dict[str, str]:
    return {k: v for k, v in stored(page, "localStorage").items() if k.startswith(SET_ASIDE)}


def test_blocked_storage_says_answers_cannot_be_kept_and_exercises_still_work(browser, voila_url):
    text = words()
    context, page = new_page(browser)
    page.add_init_script(BLOCK_STORAGE)
    open_notebook(page, voila_url, LESSON1, exercises=4)
    # The block is real on this page: the page's own scripts cannot reach either area.
    for area in ("localStorage", "sessionStorage"):
        refused = page.evaluate(
            f"() => {{ try {{ window.{area}; return false; }} catch (e) {{ return e.name; }} }}"
        )
        assert refused == "SecurityError"

    problem = page.locator(".oig-journal-problem")
    expect(problem).to_contain_text(text.problems.disabled, timeout=SLOW)
    expect(page.locator(".oig-privacy").first).to_contain_text(text.status.memory)
    screenshot(page, "journal-storage-blocked")

    rewrite_still_answers(page)
    box = repair_box(page, "What happened?")
    type_in(box, "Typed with storage blocked")
    page.locator(".oig-exercise-repair_plan").get_by_role("button", name="Make my card").click()
    expect(page.locator(".oig-repair-card")).to_contain_text("Typed with storage blocked")
    expect(box).to_have_value("Typed with storage blocked")

    # The welcome page's choice cannot be used: there is nowhere to keep anything.
    open_notebook(page, voila_url, WELCOME, exercises=1)
    expect(page.locator(".oig-journal-problem")).to_contain_text(
        text.problems.disabled, timeout=SLOW
    )
    expect(page.get_by_label(text.choice.keep)).to_be_disabled(timeout=SLOW)
    assert page.dialogs == [] and page.errors == []

    # And nothing reached the storage behind the block (a page without it can look).
    other = context.new_page()
    other.goto(f"{voila_url}/voila/render/{MY_ANSWERS}")
    assert stored(other, "localStorage") == {} and stored(other, "sessionStorage") == {}
    context.close()


def test_full_storage_from_the_start_is_reported_and_exercises_still_work(browser, voila_url):
    text = words()
    context, page = new_page(browser)
    page.add_init_script(FULL_STORAGE)
    open_notebook(page, voila_url, LESSON1, exercises=4)
    expect(page.locator(".oig-privacy").first).to_contain_text(text.status.visit, timeout=SLOW)
    problem = page.locator(".oig-journal-problem")
    expect(problem).to_be_hidden()

    box = repair_box(page, "What happened?")
    type_in(box, "No room for this")
    expect(problem).to_contain_text(text.problems.full, timeout=SLOW)
    expect(box).to_have_value("No room for this")
    rewrite_still_answers(page)
    assert stored(page, "sessionStorage") == {} and stored(page, "localStorage") == {}

    # Choosing "keep" cannot work either: the page says so and does not pretend it did.
    open_notebook(page, voila_url, WELCOME, exercises=1)
    page.get_by_label(text.choice.keep).check()
    expect(page.locator(".oig-journal-problem")).to_contain_text(text.problems.full, timeout=SLOW)
    expect(page.locator(".oig-privacy").first).to_contain_text(text.status.visit)
    expect(page.get_by_label(text.choice.visit)).to_be_checked(timeout=SLOW)
    assert stored(page, "localStorage") == {}
    assert page.dialogs == [] and page.errors == []
    context.close()


def _plant_once(text: str) -> str:
    """An init script that puts ``text`` under the record's key on the first load only."""
    return f"""if (!sessionStorage.getItem("planted")) {{
      sessionStorage.setItem("planted", "1");
      localStorage.setItem({json.dumps(KEY)}, {json.dumps(text)});
    }}"""


def test_a_second_unreadable_record_does_not_replace_the_first(browser, voila_url):
    text = words()
    context, page = new_page(browser)
    first = "{first broken record"
    second = '{"app": "owning-it-gently", "kind": "journal", "version": 0}'
    context.add_init_script(_plant_once(first))
    open_notebook(page, voila_url, LESSON1, exercises=4)
    problem = page.locator(".oig-journal-problem")
    expect(problem).to_contain_text(text.problems.corrupt, timeout=SLOW)
    page.wait_for_function(f"localStorage.getItem({json.dumps(KEY)}) === null", timeout=SLOW)
    assert list(set_aside_copies(page).values()) == [first]

    # Something leaves a second unreadable record (here: one from an older version).
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, second])
    page.reload()
    page.wait_for_function("document.querySelectorAll('.oig-exercise').length >= 4")
    expect(problem).to_contain_text(text.problems.older, timeout=SLOW)
    page.wait_for_function(f"localStorage.getItem({json.dumps(KEY)}) === null", timeout=SLOW)
    copies = set_aside_copies(page)
    assert sorted(copies.values()) == sorted([first, second]), copies
    assert len(copies) == 2

    # New answers are kept beside them, and "Erase everything" removes them all.
    type_in(repair_box(page, "What happened?"), "Kept after two bad records")
    wait_stored(page, "localStorage", "Kept after two bad records")
    assert set_aside_copies(page) == copies
    open_notebook(page, voila_url, MY_ANSWERS, exercises=0)
    erase = page.locator(".oig-erase")
    erase.get_by_role("button", name=text.erase.button).click()
    erase.get_by_role("button", name=text.erase.confirm).click()
    expect(erase.locator(".oig-erase-result")).to_contain_text(text.erase.done, timeout=SLOW)
    assert stored(page, "localStorage") == {} and stored(page, "sessionStorage") == {}
    assert page.dialogs == [] and page.errors == []
    context.close()


def test_with_no_room_for_another_copy_nothing_is_dropped(browser, voila_url):
    text = words()
    context, page = new_page(browser)
    earlier = {f"{SET_ASIDE}:2020-01-{day:02d}T00:00:00.000Z": f"old {day}" for day in range(1, 11)}
    earlier[SET_ASIDE] = "kept by an earlier version"  # the old single set-aside key
    broken = "{yet another broken record"
    context.add_init_script(
        f"""if (!sessionStorage.getItem("planted")) {{
          sessionStorage.setItem("planted", "1");
          for (const [k, v] of Object.entries({json.dumps(earlier)})) localStorage.setItem(k, v);
          localStorage.setItem({json.dumps(KEY)}, {json.dumps(broken)});
        }}"""
    )
    open_notebook(page, voila_url, LESSON1, exercises=4)
    expect(page.locator(".oig-journal-problem")).to_contain_text(text.problems.stuck, timeout=SLOW)
    box = repair_box(page, "What happened?")
    type_in(box, "Only on this page")
    rewrite_still_answers(page)
    expect(box).to_have_value("Only on this page")
    page.wait_for_timeout(1500)  # longer than the save delay: a save would have happened
    everything = stored(page, "localStorage")
    assert everything == {**earlier, KEY: broken}
    assert page.dialogs == [] and page.errors == []
    context.close()
