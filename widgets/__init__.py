"""Owning It Gently: the exercises and safety shell used by the notebooks.

Notebooks need two names: ``show_safety("lesson-id")`` at the top of a lesson and
``show_exercise("lesson-id/exercise-id")`` wherever an exercise goes. The text of every
exercise lives in ``data/<language>/lessons/<lesson-id>.yaml``.
"""

from __future__ import annotations

from . import shared_models, state_reply
from .registry import build_exercise, show_exercise, show_safety

shared_models.install()
state_reply.install()

__all__ = ["build_exercise", "show_exercise", "show_safety"]
