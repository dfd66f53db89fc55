"""The lighter "every widget's state" answer (widgets/state_reply.py) loses nothing.

A page that connects rebuilds every widget from this one answer, so it must hold the
same state ipywidgets' own answer holds, once the page's defaults fill in what was left
out: only unset (None) properties of plain Layouts may be missing, because the page's
Layout model starts with every property unset too.
"""

from __future__ import annotations

import ipywidgets as W
import pytest
from ipywidgets.widgets.widget import _instances

from widgets.kit import state_reply
from widgets.show import build_exercise


class ControlComm:
    """Stands in for the page's end of the widget control channel."""

    def __init__(self):
        self.sent: list[dict] = []

    def send(self, data, buffers=None):
        self.sent.append(data)


@pytest.fixture
def lesson_widgets():
    """A lesson's worth of widgets, plus a Layout someone changed and changed back."""
    built = [build_exercise(ref) for ref in ("responsibility/repair", "guilt-shame/sorter")]
    moved = W.Layout(width="50%", display="none")
    moved.display = None  # shown again: unset, like a new Layout
    yield built, moved
    for widget in built:
        widget.close()
    moved.close()


def full_states() -> dict:
    """ipywidgets' own answer: every property of every widget."""
    return {
        w.model_id: {
            "model_name": w._model_name,
            "model_module": w._model_module,
            "model_module_version": w._model_module_version,
            "state": w.get_state(),
        }
        for w in list(_instances.values())
    }


def test_the_page_rebuilds_the_same_state_from_the_lighter_answer(lesson_widgets):
    _, moved = lesson_widgets
    light = state_reply.widget_states()
    full = full_states()
    assert light.keys() == full.keys()
    left_out = 0
    for model_id, info in full.items():
        sent = light[model_id]
        assert {k: v for k, v in sent.items() if k != "state"} == {
            k: v for k, v in info.items() if k != "state"
        }
        missing = info["state"].keys() - sent["state"].keys()
        if info["model_name"] == "LayoutModel":
            assert all(info["state"][k] is None for k in missing), model_id
            left_out += len(missing)
        else:
            assert missing == set(), (info["model_name"], missing)
        # What is sent is the value itself, never a changed one.
        assert all(sent["state"][k] == info["state"][k] for k in sent["state"])
    assert left_out > 100  # the point of it: most Layout properties are never set
    assert light[moved.model_id]["state"]["width"] == "50%"
    assert "display" not in light[moved.model_id]["state"]


def test_a_layout_subclass_is_sent_whole():
    class Wide(W.Layout):
        pass

    wide = Wide()
    try:
        state = state_reply.widget_states()[wide.model_id]["state"]
        assert state == wide.get_state()
    finally:
        wide.close()


def test_request_states_gets_one_answer_with_every_widget(lesson_widgets, monkeypatch):
    state_reply.install()
    comm = ControlComm()
    monkeypatch.setattr(W.Widget, "_control_comm", comm)
    W.Widget._handle_control_comm_msg({"content": {"data": {"method": "request_states"}}})
    (answer,) = comm.sent
    assert answer["method"] == "update_states"
    assert answer["states"].keys() == {w.model_id for w in _instances.values()}
    assert answer["buffer_paths"] == []


def test_other_control_messages_still_reach_ipywidgets(monkeypatch):
    state_reply.install()
    monkeypatch.setattr(W.Widget, "_control_comm", ControlComm())
    with pytest.raises(RuntimeError, match="Unknown front-end to back-end"):
        W.Widget._handle_control_comm_msg({"content": {"data": {"method": "no_such"}}})
