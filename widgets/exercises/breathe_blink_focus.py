""" "Breathe; blink; focus": three small steps back to the present after a mistake.

Breathe: the breathing guide or another anchor (feet, hands, sounds). Blink: eyes open,
look around, name where you are and the time. Focus: one small next thing. Each step is
shown on its own and can be skipped; the words and text boxes come from data/.
"""

from __future__ import annotations

from widgets.content.loader import Workbook
from widgets.content.schema import BreatheBlinkFocusExercise
from widgets.exercises._stepped import SteppedModel, SteppedView
from widgets.kit import ui
from widgets.practices.steps import StepPanel
from widgets.text import paragraphs


class BreatheBlinkFocusModel(SteppedModel):
    """Breathe (an anchor), blink (look around), focus (one small next thing)."""


class BreatheBlinkFocusView(SteppedView):
    def __init__(self, workbook: Workbook, spec: BreatheBlinkFocusExercise):
        self.model = m = BreatheBlinkFocusModel(spec)
        panels = [StepPanel(workbook, s, m, m.forms.get(s.id)) for s in spec.steps]
        done = ui.html(paragraphs(spec.done), "oig-done")
        self._frame(workbook, spec, panels, [done])
