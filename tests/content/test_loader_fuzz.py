"""Property tests: whatever a facilitator's file holds, the loader answers with content
or with plain-words problems naming the file (and the line where there is one), and
never with a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.content.loader import collect
from widgets.content.yaml_lines import parse_lined
from widgets.paths import DEFAULT_DATA_DIR, REPO_DIR

LESSON = DEFAULT_DATA_DIR / "en" / "lessons" / "responsibility.yaml"
ORIGINAL = LESSON.read_text(encoding="utf-8")
LINES = ORIGINAL.splitlines()


def _check(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(DEFAULT_DATA_DIR, root)
        shutil.copytree(REPO_DIR / "notebooks", Path(tmp) / "notebooks")
        (root / "en" / "lessons" / "responsibility.yaml").write_text(text, encoding="utf-8")
        loaded, problems = collect(root)  # must not raise
        for p in problems:
            said = str(p)
            assert said.startswith("data/"), said
            assert "Traceback" not in said and said.strip().endswith((".", ")", "'")), said
        if not problems:
            assert "responsibility" in loaded["lesson_files"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_at_all(text):
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, len(LINES) - 1),
    st.sampled_from(["delete", "tab", "dedent", "indent", "duplicate", "colon", "quote", "junk"]),
    st.text(max_size=20),
)
def test_one_edit_to_the_real_file(index, edit, junk):
    lines = list(LINES)
    line = lines[index]
    if edit == "delete":
        del lines[index]
    elif edit == "tab":
        lines[index] = "\t" + line.lstrip()
    elif edit == "dedent":
        lines[index] = line[2:]
    elif edit == "indent":
        lines[index] = "   " + line
    elif edit == "duplicate":
        lines.insert(index, line)
    elif edit == "colon":
        lines[index] = line + ": extra: colon"
    elif edit == "quote":
        lines[index] = line.replace(":", ': "', 1)
    else:
        lines[index] = line + junk
    _check("\n".join(lines) + "\n")


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=15),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(yaml_values)
def test_any_shape_of_yaml(value):
    import yaml

    _check(yaml.safe_dump({"id": "responsibility", "exercises": value}))


def test_syntax_errors_name_the_line():
    doc = parse_lined("id: x\nexercises:\n  - id: a\n\ttype: sorter\n", "data/en/lessons/x.yaml")
    [problem] = doc.problems
    assert problem.line == 4 and "tab" in problem.message
