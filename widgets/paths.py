"""Where the workbook's files are: the one module every layer may import.

``OWNING_DATA_DIR`` points the whole workbook at another copy of ``data/`` (the tests'
broken copies, a facilitator's trial folder)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_DIR / "data"
NOTEBOOKS_DIR = REPO_DIR / "notebooks"


def data_dir() -> Path:
    return Path(os.environ.get("OWNING_DATA_DIR", DEFAULT_DATA_DIR))
