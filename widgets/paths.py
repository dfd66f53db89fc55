"""Where the workbook's files are: the one module every layer may import.

``OWNING_DATA_DIR`` points the whole workbook at another copy of ``data/`` (the tests'
broken copies, a facilitator's trial folder)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
# The widgets' style sheets, in the order a page uses them: JupyterLab gets them as style
# widgets, the web app as one file that `workbook template-text` writes (kit/styles.py).
PAGE_STYLE_SHEET = REPO_DIR / "widgets" / "page" / "style.css"
JOURNAL_STYLE_SHEET = REPO_DIR / "widgets" / "journal" / "journal.css"
STYLE_SHEETS = (PAGE_STYLE_SHEET, JOURNAL_STYLE_SHEET)
DEFAULT_DATA_DIR = REPO_DIR / "data"
NOTEBOOKS_DIR = REPO_DIR / "notebooks"


def data_dir() -> Path:
    return Path(os.environ.get("OWNING_DATA_DIR", DEFAULT_DATA_DIR))
