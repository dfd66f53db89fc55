"""Notebooks stay thin and clean: narrative in Markdown, one or two lines of code per
cell with the code collapsed, no outputs (they could hold what someone typed)."""

from __future__ import annotations

import json

import pytest

from widgets.content import REPO_DIR, load_workbook

NOTEBOOKS = sorted((REPO_DIR / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
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
    for entry in load_workbook().lessons.lessons:
        assert entry.notebook in names
