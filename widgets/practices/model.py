"""What every exercise's state is (a model that can report and restore its answers), and
the state of going through a practice one step at a time, where any step can be skipped."""

from __future__ import annotations

from typing import Any

import traitlets as T


class ExerciseModel(T.HasTraits):
    """State of one exercise. ``answers()`` is plain JSON so it can be saved anywhere."""

    def answers(self) -> dict[str, Any]:
        raise NotImplementedError

    def restore(self, answers: dict[str, Any]) -> None:
        """Put saved answers back; unknown or empty values are ignored, never written."""
        raise NotImplementedError


class StepModel(ExerciseModel):
    """``steps`` are any items with an ``id``; state is the index and the skipped ids."""

    index = T.Int(0, help="The step showing now; len(steps) once every step is done.")
    skipped = T.List(T.Unicode(), help="Ids of the steps the participant skipped.")

    def __init__(self, steps: list[Any], **kwargs: Any):
        super().__init__(**kwargs)
        self.steps = steps

    @property
    def current(self) -> Any | None:
        return None if self.finished else self.steps[self.index]

    @property
    def finished(self) -> bool:
        return self.index >= len(self.steps)

    def next(self) -> None:
        if self.finished:
            return
        step = self.current.id
        if step in self.skipped:  # came back to it and went on: no longer skipped
            self.skipped = [s for s in self.skipped if s != step]
        self.index += 1

    def skip(self) -> None:
        if self.finished:
            return
        if self.current.id not in self.skipped:
            self.skipped = [*self.skipped, self.current.id]
        self.index += 1

    def start_again(self) -> None:
        """Back to the first step; what was written stays, in case it helps."""
        self.skipped = []
        self.index = 0

    def step_answers(self) -> dict[str, Any]:
        return {"index": self.index, "skipped": list(self.skipped)}

    def restore_steps(self, answers: dict[str, Any]) -> None:
        known = [s.id for s in self.steps]
        skipped = answers.get("skipped")
        if isinstance(skipped, list):
            extra = [s for s in skipped if s in known and s not in self.skipped]
            if extra:
                self.skipped = [*self.skipped, *extra]
        index = answers.get("index")
        if isinstance(index, int) and not isinstance(index, bool) and 0 < index <= len(known):
            self.index = index
