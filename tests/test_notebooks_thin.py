"""Notebooks stay thin and clean: narrative in Markdown, one or two lines of code per
cell with the code collapsed, no outputs (they could hold what someone typed)."""

from __future__ import annotations

import json
import re

import pytest

from widgets.content.loader import LANG_DIR, load_workbook
from widgets.paths import REPO_DIR

NOTEBOOKS = sorted((REPO_DIR / "notebooks").glob("*.ipynb"))
# Other languages keep their pages in notebooks/<lang>/, with the same file names.
TRANSLATED = sorted(
    p for p in (REPO_DIR / "notebooks").glob("*/*.ipynb") if LANG_DIR.match(p.parent.name)
)
ALL = NOTEBOOKS + TRANSLATED


@pytest.mark.parametrize("path", ALL, ids=[str(p.relative_to(REPO_DIR / "notebooks")) for p in ALL])
def test_notebook_is_thin_and_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "markdown" and "".join(cells[0]["source"]).startswith("# ")
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code, "a lesson shows at least the safety shell"
    for cell in code:
        assert cell["outputs"] == [] and cell["execution_count"] is None
        lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip()]
        assert len(lines) <= 2, lines
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True
    first_code = "".join(code[0]["source"])
    assert "show_safety(" in first_code


def test_every_listed_lesson_has_its_notebook():
    names = {p.name for p in NOTEBOOKS}
    for entry in load_workbook(language="en").lessons.lessons:
        assert entry.notebook in names


@pytest.mark.parametrize("path", TRANSLATED, ids=[str(p.relative_to(REPO_DIR)) for p in TRANSLATED])
def test_translated_page_names_its_language_and_mirrors_english(path):
    """notebooks/es/01_x.ipynb is the Spanish 01_x.ipynb: same name, same exercises, and
    its first code cell sets the page's language so every later cell speaks it."""
    lang = path.parent.name
    english = REPO_DIR / "notebooks" / path.name
    assert english.exists(), f"{path.name} has no English page of the same name"

    def code(p):
        cells = json.loads(p.read_text(encoding="utf-8"))["cells"]
        return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]

    assert f'language="{lang}"' in code(path)[0]
    calls = re.compile(r"show_\w+\([^)]*\)")
    strip = re.compile(r",\s*language=\"\w+\"")
    mine = [strip.sub("", c) for cell in code(path) for c in calls.findall(cell)]
    theirs = [strip.sub("", c) for cell in code(english) for c in calls.findall(cell)]
    assert sorted(mine) == sorted(theirs)
    listed = {e.notebook for e in load_workbook(language=lang).lessons.lessons}
    assert all(n.startswith(f"{lang}/") for n in listed)
    assert f"{lang}/{path.name}" in listed or path.name == "05_my_answers.ipynb"
