"""Open questions to close a lesson. Nothing is checked or judged."""

from __future__ import annotations

from typing import Any

from widgets.content.loader import Workbook
from widgets.content.schema import ReflectionExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import ui
from widgets.practices.form import FormModel, FormView


class ReflectionModel(ExerciseModel):
    def __init__(self, spec: ReflectionExercise):
        super().__init__()
        self.spec = spec
        self.form = FormModel(spec.prompts)

    def answers(self) -> dict[str, Any]:
        return {"fields": dict(self.form.values)}

    def restore(self, answers: dict[str, Any]) -> None:
        self.form.restore(answers.get("fields"))


class ReflectionView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: ReflectionExercise):
        self.model = ReflectionModel(spec)
        body = ui.vbox([FormView(self.model.form, rows=3)], "oig-body")
        super().__init__(workbook, spec, body)
