"""Build a thin lesson notebook from a plain text source.

Lessons are written as text with cells separated by lines ``%%md``, ``%%md lab-only`` or
``%%code`` (extra words after the marker are cell tags). Code cells come out collapsed and
tagged ``exercise``, with stable cell ids and no outputs, so every lesson notebook has
the same shape and a diff shows only what an author changed.

    python -m widgets.tools.notebook_builder SOURCE.txt notebooks/NN_name.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def build(source: str) -> nbformat.NotebookNode:
    """The notebook for one text source."""
    cells = []
    kind: str | None = None
    tags: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if kind is None:
            return
        text = "\n".join(buf).strip("\n")
        if kind == "md":
            cell = new_markdown_cell(text)
            if tags:
                cell.metadata["tags"] = tags
        else:
            cell = new_code_cell(text)
            cell.metadata["jupyter"] = {"source_hidden": True}
            cell.metadata["tags"] = ["exercise"]
        cells.append(cell)

    for line in source.splitlines():
        if line.startswith("%%"):
            flush()
            parts = line[2:].split()
            kind, tags, buf = parts[0], parts[1:], []
        else:
            buf.append(line)
    flush()
    nb = new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    return nb


def write(source: str, destination: Path | str) -> None:
    nbformat.write(build(source), str(destination))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    write(Path(args[0]).read_text(encoding="utf-8"), args[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
