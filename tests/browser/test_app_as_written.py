"""Every label in the web app shows as the facilitator wrote it, $ signs too.

With MathJax on the page, a label "Harsh thought ($5 and $10):" showed "5 and " as a
formula in slanted letters; the page now names the template's no-formulas.js as its
MathJax, so nothing is typeset (and MathJax 3's scripts are not loaded at all). The
app runs on a copy of the workbook whose lesson 1 has amounts in two labels.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import copy_of_workbook, open_notebook, screenshot, start_voila, stop

pytestmark = pytest.mark.browser

LESSON = "01_responsibility_vs_cruelty.ipynb"
PICK = "Harsh thought ($5 and $10):"
STEP = "What happened ($5, $10 \\(x\\)):"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    root = copy_of_workbook(tmp_path_factory)
    lesson = root / "data" / "en" / "lessons" / "responsibility.yaml"
    text = lesson.read_text(encoding="utf-8")
    for old, new in (
        ('pick_label: "Harsh thought:"', f'pick_label: "{PICK}"'),
        ('label: "What happened:"', f"label: '{STEP}'"),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    lesson.write_text(text, encoding="utf-8")
    proc, base, _ = start_voila(env={"OWNING_DATA_DIR": str(root / "data")}, root=root)
    yield base
    stop(proc)


def test_labels_with_dollar_signs_show_as_written(page, app):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_notebook(page, app, LESSON, exercises=4)
    exercise = page.locator(".oig-exercise-rewrite")
    exercise.scroll_into_view_if_needed()
    for label in (PICK, STEP):
        expect(exercise.get_by_text(label, exact=True)).to_be_visible()
    # Nothing was typeset: no MathJax 2 or 3 output anywhere on the page.
    assert page.locator(".MathJax, mjx-container, .MathJax_Preview").count() == 0
    assert page.evaluate("() => window.MathJax && window.MathJax.version") is None
    assert [u for u in requests if "no-formulas.js" in u]  # the stand-in was what loaded
    screenshot(page, "label-as-written", exercise)
