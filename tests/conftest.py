"""Shared fixtures: a copy of data/ to break on purpose, and the real workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from widgets.content import DEFAULT_DATA_DIR, REPO_DIR, clear_cache, load_workbook


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
