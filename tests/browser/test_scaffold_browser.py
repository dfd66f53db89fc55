"""A lesson made by ``workbook new-lesson`` works in the real app straight away.

The lesson is made in a temporary copy of the workbook, which gets its own Voila server;
the real notebooks/ and data/ are never touched.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from widgets.content.loader import clear_cache, load_workbook
from widgets.tools.scaffold import new_lesson

from .conftest import (
    copy_of_workbook,
    no_sideways_scroll,
    open_notebook,
    screenshot,
    start_voila,
    stop,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    """(base url, notebook name, data dir) of a server with a freshly made lesson."""
    root = copy_of_workbook(tmp_path_factory)
    made = new_lesson("kind-words", root / "data", root / "notebooks", title="Kind words")
    proc, base, _ = start_voila(env={"OWNING_DATA_DIR": str(root / "data")}, root=root)
    yield base, made.notebook.name, root / "data"
    stop(proc)
    clear_cache()


@pytest.mark.desktop_only
def test_new_lesson_renders_with_safety_shell_and_example(page, scaffolded):
    base, notebook, data = scaffolded
    wb = load_workbook(data)
    open_notebook(page, base, notebook, exercises=1)
    expect(page.get_by_role("heading", level=1, name="Kind words")).to_be_visible()
    expect(page.get_by_text("Run All Cells")).to_have_count(0)  # the lab-only tip is hidden
    exercise = page.locator(".oig-exercise-reflection")
    expect(exercise.get_by_role("heading", name="A moment to reflect")).to_be_visible()
    box = exercise.get_by_label("One thing I noticed in this lesson:")
    box.fill("Small steps count.")
    exercise.get_by_role("button", name=wb.ui.pause_button).click()
    expect(exercise.locator(".oig-pause")).to_be_visible()
    exercise.get_by_role("button", name=wb.ui.pause_back).click()
    expect(box).to_have_value("Small steps count.")
    expect(page.get_by_role("button", name=wb.ui.help_button).first).to_be_visible()
    expect(page.locator(".oig-problem")).to_have_count(0)
    expect(page.locator("[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)
    # Listed last, so the footer (built from lessons.yaml) leads back to the lesson
    # before it and on to nothing.
    before = wb.lessons.lessons[-2]
    back = page.get_by_role("link", name=f"{wb.ui.back_link} {before.title}")
    expect(back).to_be_visible()
    expect(back).to_have_attribute("href", before.notebook)
    expect(page.locator("a[rel='next']")).to_have_count(0)
    assert no_sideways_scroll(page)
    screenshot(page, "scaffold-lesson")
