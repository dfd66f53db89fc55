"""What every exercise shares: a model that can report and restore its answers, and the
frame (title, intro, pause and help) around its view."""

from __future__ import annotations

from contextvars import ContextVar
from functools import cached_property
from typing import Any

import ipywidgets as W
import traitlets as T

from .. import ui
from ..content import Workbook
from ..safety import SafetyBar, SafetyLink

# "lesson-id/exercise-id" of the exercise being built (set by registry.build_exercise), so
# that every view, whatever its own __init__ takes, can hand its model to the journal.
BUILDING_REF: ContextVar[str | None] = ContextVar("BUILDING_REF", default=None)


class ExerciseModel(T.HasTraits):
    """State of one exercise. ``answers()`` is plain JSON so it can be saved anywhere."""

    def answers(self) -> dict[str, Any]:
        raise NotImplementedError

    def restore(self, answers: dict[str, Any]) -> None:
        """Put saved answers back; unknown or empty values are ignored, never written."""
        raise NotImplementedError


class ExerciseView(W.VBox):
    """Base for exercise views: subclasses build ``self.body`` from ``self.model``."""

    model: ExerciseModel

    def __init__(self, workbook: Workbook, spec: Any, body: W.Widget, **kwargs):
        super().__init__(**kwargs)
        self.workbook = workbook
        self.spec = spec
        self.add_class("oig-exercise")
        self.add_class(f"oig-exercise-{spec.type}")
        self.safety = SafetyBar(workbook, content=body)
        self.safety_link.bar = self.safety
        self.children = [
            ui.heading(spec.title, 3, "oig-exercise-title"),
            ui.prose(spec.intro),
            ui.html(f"<p class='oig-optional'>{ui.escape(workbook.ui.optional_note)}</p>"),
            self.safety,
        ]
        # Saved on every change, restored when stored answers arrive from the browser.
        self.ref = BUILDING_REF.get()
        self._add_facilitator_notes()
        if self.ref and getattr(self, "model", None) is not None:
            from ..journal.store import follow_exercise

            follow_exercise(self.ref, self.model)

    @cached_property
    def safety_link(self) -> SafetyLink:
        """For controls in ``body`` (made before the bar) that offer the pause."""
        return SafetyLink()

    def _add_facilitator_notes(self) -> None:
        """For the facilitator view, put this exercise's notes under its title."""
        from .. import facilitator

        classes = facilitator.notes_classes(self.workbook.settings.facilitator_view)
        if not self.ref or classes is None:
            return
        lesson_id, _, exercise_id = self.ref.partition("/")
        markup = facilitator.notes_html(self.workbook, lesson_id, exercise_id)
        if markup:
            panel = ui.html(markup, *classes)
            self.children = [self.children[0], panel, *self.children[1:]]
