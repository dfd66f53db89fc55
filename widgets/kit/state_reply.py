"""A lighter answer to the page's "send me every widget" request.

When a page connects to its kernel, its widget manager asks for the state of every widget
at once (the ``request_states`` message of ipywidgets' control channel). ipywidgets 8.1
answers it by computing every state twice (once for a result it throws away) and sends
all ~40 properties of each Layout, although nearly all of them are unset. In a lesson
the ~100 Layout models were half of a 228 KiB reply; with 30 visitors arriving together
each of 30 kernels builds and sends that reply at the same moment on the same cores.

:func:`install` replaces that handler with one that computes each state once and leaves
out the properties of plain Layouts that are still unset: the page's Layout model starts
with every property unset (null) too, so it ends up with the same state. Every other
widget, ours included, is sent whole. Anything else on the control channel still goes
to ipywidgets' own handler.
"""

from __future__ import annotations

from ipywidgets import Layout, Widget
from ipywidgets.widgets.widget import _instances, _remove_buffers

_original_handler = Widget._handle_control_comm_msg.__func__


def widget_states() -> dict:
    """Every live widget's state as the page's widget manager reads it."""
    states = {}
    for widget in list(_instances.values()):
        if type(widget) is Layout:
            state = {k: v for k, v in widget.get_state().items() if v is not None}
        else:
            state = widget.get_state()
        states[widget.model_id] = {
            "model_name": widget._model_name,
            "model_module": widget._model_module,
            "model_module_version": widget._model_module_version,
            "state": state,
        }
    return states


def _handle_control_comm_msg(cls, msg):
    if cls._control_comm is None or msg["content"]["data"].get("method") != "request_states":
        return _original_handler(cls, msg)
    states, buffer_paths, buffers = _remove_buffers(widget_states())
    cls._control_comm.send(
        {"method": "update_states", "states": states, "buffer_paths": buffer_paths},
        buffers=buffers,
    )


def install() -> None:
    """Answer ``request_states`` with :func:`widget_states` (safe to call twice)."""
    Widget._handle_control_comm_msg = classmethod(_handle_control_comm_msg)
