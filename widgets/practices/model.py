"""What every exercise's state is: a model that can report and restore its answers."""

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
