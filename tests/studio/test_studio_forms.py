"""The studio's form edits the file's own tree: typing changes the text that is saved,
lists grow, shrink and change order, and the comment that follows a list stays where
it was (before the next exercise), never lost or doubled."""

from __future__ import annotations

from widgets.paths import REPO_DIR
from widgets.studio.forms import Form, css_name
from widgets.studio.store import Document

DATA = REPO_DIR / "data"
LESSON = "en/lessons/responsibility.yaml"
NEXT_HEADING = '  # "Rewrite the voice"'


def _form(doc: Document, changes: list, reshapes: list) -> Form:
    sorter = doc.value["exercises"][0]
    return Form(sorter, ("exercises", 0), changes.append, lambda: reshapes.append(1))


def _heading_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.startswith(NEXT_HEADING))


def test_typing_in_a_field_changes_the_text_to_save():
    doc = Document(DATA, LESSON)
    changes: list = []
    form = _form(doc, changes, [])
    path = ("exercises", 0, "statements", 0, "text")
    form.inputs[path].value = "I forgot Sam's birthday. I will call him."
    assert changes == [path]
    assert "text: I forgot Sam's birthday. I will call him." in doc.text()
    assert "oig-f-statements-0-text" in form.inputs[path]._dom_classes
    assert form.inputs[("exercises", 0, "type")].disabled  # the type stays


def test_problems_show_beside_their_field_and_go_away():
    doc = Document(DATA, LESSON)
    form = _form(doc, [], [])
    path = ("exercises", 0, "statements", 2, "answer")
    form.show({path: ["'answer' is not one of the piles."]})
    assert "not one of the piles" in form.problems[path].value
    assert "&#x27;" in form.problems[path].value or "'" not in form.problems[path].value
    form.show({})
    assert form.problems[path].value == ""


def test_remove_add_and_move_keep_the_next_exercises_comment():
    doc = Document(DATA, LESSON)
    assert _heading_count(doc.text()) == 1
    statements = doc.value["exercises"][0]["statements"]
    count = len(statements)
    reshapes: list = []
    form = _form(doc, [], reshapes)
    form._remove(statements, count - 1)
    assert len(statements) == count - 1 and reshapes
    text = doc.text()
    assert _heading_count(text) == 1
    assert text.index(NEXT_HEADING) < text.index("  - id: rewrite")
    form._add(statements)
    assert statements[-1]["id"] not in {s["id"] for s in statements[:-1]}
    assert statements[-1]["text"] == "" and set(statements[-1]) == set(statements[0])
    form._move(statements, len(statements) - 1, -1)
    text = doc.text()
    assert _heading_count(text) == 1
    heading = text.index(NEXT_HEADING)
    assert heading < text.index("  - id: rewrite")
    assert text.rindex("why:", 0, heading) > text.index(f"id: {statements[-2]['id']}")


def test_css_names_are_plain():
    assert css_name(("statements", 0, "text")) == "oig-f-statements-0-text"
    assert css_name(("a b", "c/d")) == "oig-f-a_b-c_d"
