"""The frame every exercise view shares: title, intro, "optional" line, pause and help
around its body (``widgets.page.safety``)."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import ipywidgets as W
import traitlets as T

from widgets.content.loader import Workbook
from widgets.kit import ui
from widgets.page.safety import SafetyBar, SafetyLink
from widgets.practices.model import ExerciseModel

__all__ = ["ExerciseModel", "ExerciseView"]


class ExerciseView(W.VBox):
    """Base for exercise views: subclasses build ``self.body`` from ``self.model``."""

    model: ExerciseModel
    # "lesson-id/exercise-id", set by the face once the view is built (kernel-side only).
    ref = T.Unicode("", help="The exercise's address in data/, set after it is built.")

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

    @cached_property
    def safety_link(self) -> SafetyLink:
        """For controls in ``body`` (made before the bar) that offer the pause."""
        return SafetyLink()

    def add_notes(self, markup: str, classes: list[str]) -> None:
        """The facilitator's notes (already HTML, escaped), under the title."""
        panel = ui.html(markup, *classes)
        self.children = [self.children[0], panel, *self.children[1:]]
