"""A kind pause for a mistake: self-compassion's three parts, one step at a time.

The steps (from data/) walk through noticing that this is hard, remembering that others
go through it too, and being kind to yourself, then one kind next step, so kindness
leads back to owning it rather than away from it. Soothing is offered as anchors: a hand
on the chest or arm, something warm, or only a warm inner voice, because touch is not
safe or welcome for everyone. The end gathers the participant's own words under the
refrain, so they can keep them.
"""

from __future__ import annotations

from widgets.content.loader import Workbook
from widgets.content.schema import KindPauseExercise
from widgets.exercises._stepped import SteppedModel, SteppedView
from widgets.kit import ui
from widgets.practices.steps import StepPanel
from widgets.text import escape, paragraphs


class KindPauseModel(SteppedModel):
    """Same state as "Breathe; blink; focus" (steps, anchors, text boxes)."""

    def written(self) -> list[tuple[str, str]]:
        """(label, text) for every chosen soothing way and every filled box, in step order."""
        out: list[tuple[str, str]] = []
        for step in self.steps:
            anchors = {a.id: a.label for a in step.anchors}
            chosen = self.anchors.get(step.id)
            if chosen in anchors:
                out.append((step.anchor_question, anchors[chosen]))
            form = self.forms.get(step.id)
            if form is not None:
                labels = {f.id: f.label for f in step.fields}
                out.extend((labels[fid], text) for fid, text in form.filled().items())
        return out


class KindPauseView(SteppedView):
    def __init__(self, workbook: Workbook, spec: KindPauseExercise):
        self.model = m = KindPauseModel(spec)
        panels = [StepPanel(workbook, s, m, m.forms.get(s.id)) for s in spec.steps]
        done = ui.html(paragraphs(spec.done), "oig-done")
        refrain = ui.html(f"<p>{escape(spec.refrain)}</p>", "oig-refrain")
        self.summary = ui.html("", "oig-summary", "oig-mistake-card")
        self._frame(workbook, spec, panels, [done, refrain, self.summary])

    def _on_end(self) -> None:
        items = [
            f"<p><strong>{escape(label)}</strong><br>{escape(text)}</p>"
            for label, text in self.model.written()
        ]
        self.summary.value = "".join(items)
        ui.show(self.summary, bool(items))
