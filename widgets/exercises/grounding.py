"""The 5-4-3-2-1 exercise: the grounding practice (``widgets.practices.grounding``) with a
text box per sense, inside the exercise frame."""

from __future__ import annotations

from widgets.content.loader import Workbook
from widgets.content.schema import GroundingExercise
from widgets.exercises._base import ExerciseView
from widgets.kit import ui
from widgets.practices.grounding import GroundingModel, GroundingPractice


class GroundingView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: GroundingExercise):
        self.model = GroundingModel(spec.steps)
        self.practice = GroundingPractice(self.model, workbook.ui, spec.done)
        super().__init__(workbook, spec, ui.vbox([self.practice], "oig-body"))
