"""Whatever is typed in any text box of any exercise is saved to the journal as it is
typed, with no button to press, so a page that is closed, reloaded or loses its kernel
right after typing keeps it. (The soak test found the gap: the steps of "breathe, blink,
focus" kept their forms in a dict that the journal did not watch.)"""

from __future__ import annotations

import ipywidgets as W
import pytest
from ipywidgets.widgets.widget import _instances  # every live widget, by id

from bench.soak import texts_in
from widgets.content.loader import load_workbook
from widgets.journal import record as rec
from widgets.page.state import journal as page_journal
from widgets.page.state import reset as forget_page_journal


def _all_refs():
    wb = load_workbook()
    return [f"{lesson}/{ex.id}" for lesson, lf in wb.lesson_files.items() for ex in lf.exercises]


@pytest.mark.parametrize("ref", _all_refs())
def test_every_text_box_is_saved_as_it_is_typed(ref):
    from widgets.show import build_exercise

    forget_page_journal()
    try:
        before = set(_instances)
        build_exercise(ref)
        boxes = [
            w
            for key, w in list(_instances.items())
            if key not in before and isinstance(w, W.Textarea)
        ]
        store = page_journal()
        sent: list[dict] = []
        store.send = sent.append
        store._on_msg(store, {"type": "loaded", "mode": "visit", "text": None}, [])
        typed = []
        for i, box in enumerate(boxes):
            typed.append(f"box {i} of {ref}: I was late <b>again</b> 🌱")
            box.value = typed[-1]
        if store._timer is not None:  # the save delay, passed at once
            store._timer.cancel()
        store.flush()
        saved = set()
        for message in sent:
            if message["type"] == "put":
                saved |= texts_in(message["entries"].get(ref, {}))
        assert [t for t in typed if t not in saved] == []
        assert rec.parse(rec.to_json(store.record))["answers"].get(ref) or not typed
    finally:
        forget_page_journal()
