"""A form for every field of one part of a file: each text an editable field with its
meaning in plain words, each list with Add, Up, Down and Remove.

The form edits the round-trip tree (:mod:`.store`) in place, so what is saved keeps the
file's comments, order and style. It knows nothing of checks or previews: it calls
``on_change(path)`` after each edit and ``on_structure()`` after a list changed shape,
and shows whatever problems it is given beside their fields (:meth:`Form.show`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import ipywidgets as W
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from widgets.text import escape

from .meanings import meaning, singular
from .store import styled_like

Path_ = tuple[Any, ...]
LONG_TEXT = 70  # characters: a longer text gets a box of several lines
LOCKED = {"type"}  # changing an exercise's type would need every other field changed


def css_name(path: Path_) -> str:
    """A class for a field's widget, for tests and styles: oig-f-statements-0-text."""
    return "oig-f-" + "-".join(re.sub(r"[^A-Za-z0-9_]", "_", str(p)) for p in path)


def _blank_like(value: Any) -> Any:
    """An empty item shaped like ``value`` (for Add): same fields, no text."""
    if isinstance(value, dict):
        return CommentedMap((k, _blank_like(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq([_blank_like(value[0])] if value else [])
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    return ""


def _tail(node: Any) -> tuple[Any, Any] | None:
    """(container, key) of the last value written in ``node``: where a comment that
    follows the node (the next exercise's heading) is kept by ruamel."""
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        inner = node[key]
        if isinstance(inner, (CommentedMap, CommentedSeq)) and inner:
            return _tail(inner) or (node, key)
        return node, key
    if isinstance(node, CommentedSeq) and node:
        inner = node[-1]
        if isinstance(inner, (CommentedMap, CommentedSeq)) and inner:
            return _tail(inner) or (node, len(node) - 1)
        return node, len(node) - 1
    return None


def _move_tail_comment(old: Any, new: Any) -> None:
    """Keep the comment after ``old`` (leaving the end of a list) after ``new``."""
    src, dst = _tail(old), _tail(new)
    if not src or not dst:
        return
    comment = src[0].ca.items.get(src[1])
    if comment and len(comment) > 2 and comment[2] is not None:
        entry = dst[0].ca.items.setdefault(dst[1], [None, None, None, None])
        entry[2] = comment[2]
        comment[2] = None


def _as_date(text: str) -> Any:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return text


class Form:
    """The form for ``value`` (a CommentedMap or CommentedSeq) found at ``base`` in the
    file. ``widget`` is what to display; ``inputs``/``problems`` are keyed by the path of
    the field in the file."""

    def __init__(
        self,
        value: Any,
        base: Path_,
        on_change: Callable[[Path_], None],
        on_structure: Callable[[], None],
        tryer: Callable[[Path_, str], str] | None = None,
    ):
        self.tryer = tryer
        self.tries: list[tuple[Path_, W.Text, W.HTML]] = []
        self.value = value
        self.base = base
        self.on_change = on_change
        self.on_structure = on_structure
        self.inputs: dict[Path_, W.Widget] = {}
        self.problems: dict[Path_, W.HTML] = {}
        self.widget = W.VBox(self._node(value, base), layout=W.Layout(width="100%"))
        self.widget.add_class("oig-studio-form")

    # --- problems ------------------------------------------------------------------
    def show(self, found: dict[Path_, list[str]], notes: dict[Path_, str] | None = None) -> None:
        """Show each problem beside its field (or the nearest item the form shows)."""
        shown: dict[Path_, list[str]] = {}
        for path, messages in found.items():
            target = path
            while target and target not in self.problems:
                target = target[:-1]
            if target in self.problems:
                shown.setdefault(target, []).extend(messages)
        for path, box in self.problems.items():
            parts = [
                f"<p class='oig-studio-problem-text' role='alert'>{escape(m)}</p>"
                for m in shown.get(path, [])
            ]
            if notes and path in notes:
                parts.append(
                    f"<p class='oig-studio-reading'>Reading level: this text "
                    f"{escape(notes[path])}.</p>"
                )
            html = "".join(parts)
            if box.value != html:
                box.value = html

    # --- building ------------------------------------------------------------------
    def _problem_box(self, path: Path_) -> W.HTML:
        box = W.HTML("")
        box.add_class("oig-studio-problem")
        self.problems[path] = box
        return box

    def _label(self, key: Any, path: Path_) -> W.HTML:
        what = meaning(key)
        name = str(key).replace("_", " ")
        return W.HTML(
            f"<label class='oig-studio-label'><strong>{escape(name)}</strong>"
            + (f" <span class='oig-studio-meaning'>{escape(what)}</span>" if what else "")
            + "</label>"
        )

    def _describe(self, widget: W.Widget, key: Any) -> None:
        """The field's name and meaning as the input's own label (<label for=...>), so
        a screen reader says them when the field is reached."""
        what = meaning(key)
        widget.description_allow_html = True
        widget.description = f"<strong>{escape(str(key).replace('_', ' '))}</strong>" + (
            f" <span class='oig-studio-meaning'>{escape(what)}</span>" if what else ""
        )
        widget.add_class("oig-studio-labelled")

    def _node(self, value: Any, path: Path_) -> list[W.Widget]:
        if isinstance(value, dict):
            children: list[W.Widget] = [self._problem_box(path)] if path else []
            for key, inner in value.items():
                children.append(self._entry(value, key, inner, (*path, key)))
            return children
        if isinstance(value, list):
            return [self._list(value, path)]
        return []

    def _entry(self, parent: Any, key: Any, inner: Any, path: Path_) -> W.Widget:
        if isinstance(inner, dict):
            box = W.VBox([self._label(key, path), *self._node(inner, path)])
            box.add_class("oig-studio-group")
            return box
        if isinstance(inner, list):
            box = W.VBox([self._label(key, path), self._problem_box(path), self._list(inner, path)])
            box.add_class("oig-studio-group")
            return box
        field = self._scalar(parent, key, inner, path)
        self._describe(field, key)  # its label: the field's name and meaning
        parts = [field, self._problem_box(path)]
        if key == "pattern" and self.tryer is not None:
            parts.append(self._try_box(path))
        box = W.VBox(parts)
        box.add_class("oig-studio-field")
        return box

    def _try_box(self, path: Path_) -> W.Widget:
        """A "try a sentence" box under a pattern: what it finds, and the reply."""
        sentence = W.Text(
            description="Try a sentence",
            placeholder="what would this pattern find?",
            style={"description_width": "initial"},
            continuous_update=True,
            layout=W.Layout(width="auto"),
        )
        sentence.add_class("oig-studio-pattern-try")
        sentence.add_class(css_name(path[len(self.base) :]) + "-try")
        result = W.HTML("")
        result.add_class("oig-studio-pattern-result")
        self.tries.append((path, sentence, result))
        sentence.observe(lambda _: self.refresh_tries(), names="value")
        box = W.VBox([sentence, result], layout=W.Layout(margin="0 0 0 1.5rem"))
        box.add_class("oig-studio-try-pattern")
        return box

    def refresh_tries(self) -> None:
        for path, sentence, result in self.tries:
            html = self.tryer(path, sentence.value) if sentence.value.strip() else ""
            if result.value != html:
                result.value = html

    def _scalar(self, parent: Any, key: Any, inner: Any, path: Path_) -> W.Widget:
        layout = W.Layout(width="100%")
        own = {"description_width": "initial"}  # each field its own style (its label width)
        if isinstance(inner, bool):
            widget: W.Widget = W.Checkbox(value=inner, indent=False, style=dict(own))
        elif isinstance(inner, int):
            widget = W.IntText(value=inner, layout=W.Layout(width="auto"), style=dict(own))
        elif inner is None or isinstance(inner, (str, dt.date)):
            text = "" if inner is None else str(inner)
            long = (
                len(text) > LONG_TEXT or "\n" in text or type(inner).__name__.startswith("Folded")
            )
            kind = W.Textarea if long else W.Text
            widget = kind(value=text, continuous_update=True, layout=layout, style=dict(own))
            if long:
                widget.rows = max(2, min(8, len(text) // 60 + 1))
        else:
            widget = W.Text(value=str(inner), disabled=True, layout=layout, style=dict(own))
        if key in LOCKED:
            widget.disabled = True
        widget.add_class(css_name(path[len(self.base) :]))
        widget.add_class("oig-studio-input")
        self.inputs[path] = widget

        def changed(change: dict) -> None:
            old = parent[key]
            new = change["new"]
            if isinstance(old, dt.date) or (isinstance(old, str) and key == "last_checked"):
                new = _as_date(new)
            elif isinstance(new, str):
                new = styled_like(old, new, indent=2 * len(path))
            parent[key] = new
            self.on_change(path)

        widget.observe(changed, names="value")
        return widget

    def _list(self, items: list, path: Path_) -> W.Widget:
        rows: list[W.Widget] = []
        word = singular(path[-1]) if path else "item"
        for i, item in enumerate(items):
            item_path = (*path, i)
            title = f"{word.capitalize()} {i + 1}"
            if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
                title += f" ({item['id']})"
            buttons = [
                self._button("Up", f"Move {title} up", lambda _, i=i: self._move(items, i, -1)),
                self._button("Down", f"Move {title} down", lambda _, i=i: self._move(items, i, 1)),
                self._button("Remove", f"Remove {title}", lambda _, i=i: self._remove(items, i)),
            ]
            buttons[0].disabled = i == 0
            buttons[1].disabled = i == len(items) - 1
            head = W.HBox([W.HTML(f"<strong>{escape(title)}</strong>"), *buttons])
            head.add_class("oig-studio-item-head")
            if isinstance(item, (dict, list)):
                body = self._node(item, item_path)
            else:
                field = self._scalar(items, i, item, item_path)
                body = [field, self._problem_box(item_path)]
            box = W.VBox([head, *body])
            box.add_class("oig-studio-item")
            box.add_class(css_name(item_path[len(self.base) :]))
            rows.append(box)
        add = self._button(f"Add a {word}", f"Add a {word}", lambda _: self._add(items))
        add.add_class("oig-studio-add")
        rows.append(add)
        box = W.VBox(rows)
        box.add_class("oig-studio-list")
        return box

    def _button(self, text: str, tooltip: str, action: Callable) -> W.Button:
        button = W.Button(description=text, tooltip=tooltip, layout=W.Layout(width="auto"))
        button.on_click(action)
        return button

    # --- list changes ----------------------------------------------------------------
    def _move(self, items: list, i: int, step: int) -> None:
        j = i + step
        if 0 <= j < len(items):
            last = len(items) - 1
            if last in (i, j):
                _move_tail_comment(items[last], items[i if last == j else j])
            items[i], items[j] = items[j], items[i]
            self.on_structure()

    def _remove(self, items: list, i: int) -> None:
        if i == len(items) - 1 and i > 0:
            _move_tail_comment(items[i], items[i - 1])
        del items[i]
        self.on_structure()

    def _add(self, items: list) -> None:
        new = _blank_like(items[-1]) if items else ""
        if isinstance(new, dict) and "id" in new:
            ids = {str(x.get("id")) for x in items if isinstance(x, dict)}
            prefix = re.sub(r"\d+$", "", str(items[-1].get("id") or "item")) or "item"
            n = len(items) + 1
            while f"{prefix}{n}" in ids:
                n += 1
            new["id"] = f"{prefix}{n}"
        if items:
            _move_tail_comment(items[-1], new)
        items.append(new)
        self.on_structure()
