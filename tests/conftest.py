"""Shared fixtures: a copy of data/ to break on purpose, and the real workbook.

The helpers ``edit``, ``line_of`` and ``messages`` are shared by the tests that break a
copy of data/ on purpose (``from conftest import edit, line_of, messages``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Checked content is cached between processes (widgets/content_cache.py); the tests, and
# the Voila servers and kernels they start, use a cache of their own that starts empty.
os.environ["OIG_CACHE_DIR"] = tempfile.mkdtemp(prefix="oig-test-cache-")

from widgets.content.loader import clear_cache, load_workbook, validate
from widgets.page import state as page_state
from widgets.paths import DEFAULT_DATA_DIR, REPO_DIR


@pytest.fixture(scope="session")
def workbook():
    return load_workbook(DEFAULT_DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throwaway copy of data/ (with notebooks/ beside it) that a test may edit."""
    shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data")
    shutil.copytree(REPO_DIR / "notebooks", tmp_path / "notebooks")
    clear_cache()
    yield tmp_path / "data"
    clear_cache()


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` with ``new`` in a data file (the first ``count`` times)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str, after: str | None = None) -> int:
    """The first line holding ``needle`` (after the first line holding ``after``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if after is not None:
        start = next(i for i, line in enumerate(lines) if after in line)
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    raise AssertionError(f"test setup: {needle!r} not in {path}")


def messages(root: Path) -> list[str]:
    """Every problem ``workbook validate`` finds in the data folder, as text."""
    return [str(p) for p in validate(root)]


@pytest.fixture(autouse=True)
def fresh_page():
    """Each test is a page of its own: one process builds many pages here, while in
    Voila one kernel builds one (language, journal link, help choices, check-in logs)."""
    page_state.reset()
    yield
    page_state.reset()


@pytest.fixture
def english_again():
    """A page's language lives in the process (one Voila kernel = one page); reset it."""
    page_state.reset()
    yield
    page_state.reset()


def html_of(widget) -> str:
    """All HTML and labels inside a widget tree, to look for words."""
    value = getattr(widget, "value", "")
    parts = [value if isinstance(value, str) else "", getattr(widget, "description", "") or ""]
    parts += [html_of(child) for child in getattr(widget, "children", ())]
    return " ".join(parts)
