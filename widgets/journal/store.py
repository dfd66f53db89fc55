"""The page's link to the journal kept in the participant's browser.

In Voila every page load starts a new kernel, and the notebook runs before the browser
connects. So the stored answers cannot be read while cells execute: they arrive later,
as a message from the browser, and only then are exercises restored. Until they arrive
nothing is written back, so a fresh page can never overwrite stored answers with its
empty ones. Answers travel only between the kernel's memory and the browser, as widget
messages; they are not synced as widget state, not printed and not logged.
"""

from __future__ import annotations

import asyncio
import copy
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import anywidget
import traitlets as T

from widgets.journal import record as rec
from widgets.journal.summary import model_ratings

MODES = ("waiting", "visit", "keep", "off", "memory")


def _sub_models(model: T.HasTraits) -> list[T.HasTraits]:
    """Models an exercise keeps inside itself (e.g. a FormModel for its text boxes), on
    their own or in a list, tuple or dict (e.g. one form per step)."""
    import ipywidgets as W

    found = []
    for value in vars(model).values():
        if isinstance(value, dict):
            items = list(value.values())
        elif isinstance(value, (list, tuple)):
            items = list(value)
        else:
            items = [value]
        found.extend(v for v in items if isinstance(v, T.HasTraits) and not isinstance(v, W.Widget))
    return found


class JournalStore(anywidget.AnyWidget):
    """Keeps every exercise on the page in step with the record in the browser."""

    _esm = Path(__file__).with_name("store.js")

    setting = T.Unicode("ask", help="'ask' lets people choose; 'off' keeps nothing.").tag(sync=True)
    key_prefix = T.Unicode("owning-it-gently:journal:", help="Storage key, namespaced.").tag(
        sync=True
    )
    version = T.Int(rec.VERSION, help="The record version this page reads and writes.").tag(
        sync=True
    )

    # Kernel-side only: these never reach the browser as state.
    mode = T.Enum(MODES, "waiting", help="Where answers are kept right now.")
    problem = T.Unicode("", help="Code of the latest storage problem, '' when all is well.")
    arrived = T.Bool(False, help="Whether the browser has sent what it had stored.")
    changed = T.Int(0, help="Goes up whenever the record changes, for views to redraw.")
    erased = T.Unicode("", help="'' , 'done' or 'failed', after an erase.")
    mode_answers = T.Int(
        0, help="Goes up whenever the browser answers a change of mode, done or refused."
    )

    delay = 0.4  # seconds to wait for more changes before saving

    def __init__(self, setting: str = "ask", specs=None, find_spec=None, **kwargs):
        super().__init__(setting=setting, **kwargs)
        self.record: dict[str, Any] = rec.new_record()
        self._models: dict[str, T.HasTraits] = {}
        self._specs = specs  # ref -> spec, for ratings
        self._find_spec = find_spec  # or ref -> spec, asked when needed (the page's language)
        self._dirty: set[str] = set()
        self._quiet = 0
        self._timer: asyncio.TimerHandle | None = None
        self.on_msg(self._on_msg)
        if setting == "off":
            self.mode = "off"

    # --- exercises ----------------------------------------------------------------------

    def follow(self, ref: str, model: T.HasTraits) -> None:
        """Save ``model`` whenever it changes; restore it when stored answers arrive."""
        self._models[ref] = model
        for m in [model, *_sub_models(model)]:
            m.observe(lambda _change, ref=ref: self._on_change(ref))
        if self.arrived:
            self._restore(ref)

    def _on_change(self, ref: str) -> None:
        if self._quiet:
            return  # restoring: not the participant's doing
        self._dirty.add(ref)
        if self.arrived:
            self._schedule()

    @contextmanager
    def quiet(self):
        """Changes made inside (restoring) are not saved back."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _restore(self, ref: str) -> None:
        stored = self.record["answers"].get(ref)
        model = self._models.get(ref)
        if not stored or model is None:
            return
        with self.quiet():
            try:
                model.restore(copy.deepcopy(stored["data"]))
            except Exception:  # noqa: S110 - one odd entry must not break the page
                pass

    # --- saving -------------------------------------------------------------------------

    def _schedule(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush()
            return
        if self._timer is None:
            self._timer = loop.call_later(self.delay, self.flush)

    def _spec(self, ref: str):
        if self._specs is not None:
            return self._specs.get(ref)
        return self._find_spec(ref) if self._find_spec is not None else None

    def flush(self) -> None:
        """Save every exercise that changed since the last save (once stored answers are in)."""
        self._timer = None
        if not self.arrived:
            return
        dirty, self._dirty = self._dirty, set()
        entries: dict[str, Any] = {}
        ratings: list[dict[str, Any]] = []
        at = rec.now()
        for ref in sorted(dirty):
            model = self._models.get(ref)
            if model is None:
                continue
            try:
                data = model.answers()
            except Exception:  # noqa: S112 - never lose the other exercises' answers
                continue
            if not data:
                continue
            stored = self.record["answers"].get(ref)
            if stored is not None and stored["data"] == data:
                continue
            entries[ref] = rec.put(self.record, ref, data, at)
            spec = self._spec(ref)
            if spec is not None:
                ratings += rec.log_ratings(self.record, ref, model_ratings(model, spec), at)
        if not entries:
            return
        self.changed += 1
        self._send_put(entries, ratings, at)

    def _send_put(self, entries: dict[str, Any], ratings: list[dict[str, Any]], at: str) -> None:
        if self.mode in ("off", "memory") or self.problem == "stuck":
            return
        self.send({"type": "put", "entries": entries, "ratings": ratings, "updated": at})

    # --- messages from the browser ------------------------------------------------------

    def _on_msg(self, _widget, content: Any, _buffers) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "loaded":
            self._arrive(content)
        elif kind == "written":
            if content.get("ok"):
                if self.problem == "full":
                    self.problem = ""
            else:
                self.problem = "full"
        elif kind == "mode":
            if content.get("mode") in MODES:
                self.mode = content["mode"]
            if content.get("problem"):
                self.problem = str(content["problem"])
            # A refused change leaves ``mode`` as it was: say so anyway, so a choice the
            # participant just clicked can go back to where answers really are.
            self.mode_answers += 1
        elif kind == "erased":
            if content.get("mode") in MODES:
                self.mode = content["mode"]
            self.erased = "done" if content.get("ok") else "failed"
        elif kind == "set_aside" and not content.get("ok"):
            self.problem = "stuck"

    def _arrive(self, content: dict[str, Any]) -> None:
        self.send({"type": "heard"})  # the browser says it again until it hears this
        mode = content.get("mode")
        self.mode = mode if mode in MODES else "memory"
        problem = str(content.get("problem") or "")
        text = content.get("text")
        stored = rec.new_record()
        if isinstance(text, str) and text:
            try:
                stored = rec.parse(text)
            except rec.RecordProblem as exc:
                problem = {
                    "not_json": "corrupt",
                    "wrong_kind": "corrupt",
                    "damaged": "corrupt",
                    "too_big": "corrupt",
                }.get(exc.code, exc.code)
                self.send({"type": "set_aside"})
        if self.arrived:
            # The browser connected again (e.g. JupyterLab reloaded): it has this page's
            # saves already, so only the mode and any problem are new.
            self.problem = problem
            return
        self.record = stored
        self.problem = problem
        self.arrived = True
        # Restoring fills in stored answers and never empties a box; anything typed on
        # this page before the record arrived is saved right after, on top.
        for ref in list(self._models):
            self._restore(ref)
        self.changed += 1
        if self._dirty:
            self.flush()

    # --- what participants can do -------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        """Move the record to "keep" (this device) or "visit" (this tab only)."""
        if mode in ("keep", "visit") and self.mode in ("visit", "keep") and mode != self.mode:
            self.send({"type": "mode", "mode": mode})

    def erase(self) -> None:
        """Remove the record from the browser's storage and forget it on this page."""
        self.record = rec.new_record()
        self._dirty.clear()
        if self.problem in ("corrupt", "older", "newer", "stuck"):
            self.problem = ""
        self.erased = ""
        if self.mode in ("off", "memory"):
            self.erased = "done"
        else:
            self.send({"type": "erase"})
        self.changed += 1

    def import_text(self, text: str | bytes) -> tuple[str, int, int]:
        """Load a saved file: ("added" | "nothing_new" | a problem code, added, kept).

        A file that cannot be read changes nothing; exercises already answered here are
        kept as they are.
        """
        if self.mode == "off":
            return "not_now", 0, 0
        try:
            incoming = rec.parse(text)
        except rec.RecordProblem as exc:
            return exc.code, 0, 0
        entries, ratings, kept = rec.merge_file(self.record, incoming)
        if not entries and not ratings:
            return "nothing_new", 0, kept
        rec.apply(self.record, entries, ratings)
        at = rec.now()
        self.record["updated"] = at
        self._send_put(entries, ratings, at)
        for ref in entries:
            self._restore(ref)
        self.changed += 1
        return "added", len(entries), kept

    def export_json(self) -> str:
        return rec.to_json(self.record)
