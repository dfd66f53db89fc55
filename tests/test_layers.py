"""The package's layers, checked from the code's own imports (every ``import`` statement,
also those inside functions), so a new module lands in the right place or this fails.

    paths, text -> content -> kit -> practices -> journal -> page -> exercises -> show
    server/ and tools/ stand apart (content, paths and text only); bench/ is outside.

Run ``python -m pytest tests/test_layers.py -q`` to see the graph's problems in words.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from widgets.paths import REPO_DIR

PACKAGE = REPO_DIR / "widgets"

# A module's layer: the folder (or foundation module) it lives in, and its rank.
RANKS = {
    "widgets.paths": 0,
    "widgets.text": 0,
    "widgets.content": 1,
    "widgets.kit": 2,
    "widgets.practices": 3,
    "widgets.journal": 4,
    "widgets.page": 5,
    "widgets.exercises": 6,
    "widgets.show": 7,
    "widgets": 8,  # the package's face, __init__
    # the facilitator's studio (its own Voila process): on top of everything, using the
    # live page for its preview and the tools for its checks; nothing imports it
    "widgets.studio": 9,
}
APART = {"widgets.server", "widgets.tools"}  # may use content and below


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_DIR).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(name: str) -> str:
    if name == "widgets.__main__":
        return "widgets.tools"  # ``python -m widgets`` is the workbook command
    if name in ("widgets", "widgets.show", "widgets.paths", "widgets.text"):
        return name
    return ".".join(name.split(".")[:2])


def imports_of(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for each import of ours."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    known = modules()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [a.name for a in node.names]
            subs = [n for n in names if f"{target}.{n}" in known]
            found += [(f"{target}.{n}", [], node.lineno) for n in subs]
            rest = [n for n in names if n not in subs]
            if rest or not subs:
                found.append((target, rest, node.lineno))
    return [(t, n, line) for t, n, line in found if t == "widgets" or t.startswith("widgets.")]


def graph() -> dict[str, set[str]]:
    return {name: {t for t, _, _ in imports_of(name, path)} for name, path in modules().items()}


def where(name: str, line: int) -> str:
    return f"{modules()[name].relative_to(REPO_DIR)}:{line}"


def rule_problems(name: str, found: list[tuple[str, list[str], int]]) -> list[str]:
    """What breaks the layer rules among one module's imports."""
    here = layer(name)
    problems = []
    for target, _names, line in found:
        there = layer(target)
        if there == here or target == name:
            continue
        if here in APART:
            ok = RANKS.get(there, 99) <= RANKS["widgets.content"]
        elif there in APART:
            # the live page never imports the tools or the server; the studio may
            ok = here == "widgets.studio"
        elif here == "widgets.kit" and there == "widgets.content":
            ok = False  # the widget kit takes its words as arguments
        else:
            ok = RANKS.get(there, 99) < RANKS.get(here, -1)
        if not ok:
            problems.append(f"line {line}: {name} imports {target}")
    return problems


def test_no_import_runs_back_up_or_across_a_rule():
    problems = []
    for name, path in modules().items():
        problems += [
            f"{path.relative_to(REPO_DIR)} {p}" for p in rule_problems(name, imports_of(name, path))
        ]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("importer", "target"),
    [
        ("widgets.journal.store", "widgets.page.chrome"),  # the journal knows no chrome
        ("widgets.journal.store", "widgets.exercises._base"),  # ... and no exercise
        ("widgets.kit.ui", "widgets.content.loader"),  # the kit loads no content
        ("widgets.content.loader", "widgets.kit.ui"),  # content is below every widget
        ("widgets.server.signin", "widgets.kit.ui"),  # the server has no widgets
        ("widgets.page.chrome", "widgets.tools.handouts"),  # a page imports no print tools
        ("widgets.practices.steps", "widgets.page.safety"),  # nothing runs back up
    ],
)
def test_the_rules_catch_what_they_forbid(importer, target):
    assert rule_problems(importer, [(target, [], 1)]) == [f"line 1: {importer} imports {target}"]


def test_no_import_circles():
    edges = graph()
    seen: dict[str, int] = {}  # 1 = on the path, 2 = done
    circles = []

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if nxt not in edges:
                continue
            if seen.get(nxt) == 1:
                circles.append(" -> ".join(path[path.index(nxt) :] + [nxt]))
            elif nxt not in seen:
                visit(nxt, [*path, nxt])
        seen[node] = 2

    for node in sorted(edges):
        if node not in seen:
            visit(node, [node])
    # A package's __init__ importing its own modules is not a circle of meaning.
    circles = [c for c in circles if not all(layer(m) == layer(c.split()[0]) for m in c.split())]
    assert circles == [], "\n".join(circles)


def test_one_exercise_type_never_imports_another():
    problems = []
    for name, path in modules().items():
        if layer(name) != "widgets.exercises" or name.rpartition(".")[2].startswith("_"):
            continue
        for target, _n, line in imports_of(name, path):
            leaf = target.rpartition(".")[2]
            if layer(target) == "widgets.exercises" and target != name and not leaf.startswith("_"):
                problems.append(f"{where(name, line)}: {name} imports {target}")
    assert problems == [], "\n".join(problems)


def test_no_private_name_crosses_a_package_line():
    problems = []
    for name, path in modules().items():
        for target, names, line in imports_of(name, path):
            if layer(target) == layer(name):
                continue
            private = [n for n in names if n.startswith("_") and n != "__version__"]
            if any(part.startswith("_") for part in target.split(".")[1:]):
                private.append(target)
            if private:
                problems.append(f"{where(name, line)}: {name} takes {private} from {target}")
    assert problems == [], "\n".join(problems)


def server_classes() -> list[str]:
    """The classes voila.json names (they are imported by the Voila server process)."""
    config = json.loads((REPO_DIR / "voila.json").read_text(encoding="utf-8"))
    found = []

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, str) and value.startswith("widgets."):
            found.append(value)

    walk(config)
    return found


def test_voila_json_names_only_server_classes():
    classes = server_classes()
    assert classes, "voila.json names no classes of ours"
    assert all(c.startswith("widgets.server.") for c in classes), classes


@pytest.mark.parametrize(
    "statement",
    [
        *(f"import {c.rpartition('.')[0]}" for c in server_classes()),
        "import widgets.server.compressed_static",
        "import widgets.server.settings",
        "import widgets.tools.cli; import widgets.tools.check",
        "from widgets.content import loader; loader.validate()",
    ],
)
def test_server_and_tools_never_load_ipywidgets(statement):
    """The Voila server process and ``workbook validate`` stay free of the widget stack."""
    heavy = "('ipywidgets', 'anywidget', 'matplotlib')"
    code = f"{statement}\nimport sys\nprint(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_DIR
    ).stdout
    assert out.strip().splitlines()[-1] == "[]", out


def test_a_live_page_does_load_them():
    """The check above can fail: the face of a page does bring ipywidgets in."""
    code = "import widgets.show, sys; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_every_exercise_type_has_a_view_and_a_handout():
    """Three tables name the exercise types: the schema's, the views', the handouts'.
    A type added to one must be added to all (the handouts have no silent fallback)."""
    from widgets.content.schema import EXERCISE_TAGS
    from widgets.show import VIEWS, view_class
    from widgets.tools.handouts import RENDERERS

    assert set(VIEWS) == set(EXERCISE_TAGS) == set(RENDERERS)
    for exercise_type in VIEWS:
        assert view_class(exercise_type).__name__ == VIEWS[exercise_type][1]


def test_the_package_never_imports_the_benchmark():
    offenders = [n for n, targets in graph().items() if any(t.startswith("bench") for t in targets)]
    assert offenders == []
    text = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    assert "import psutil" not in text and "from bench" not in text
