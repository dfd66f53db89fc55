"""Choosing what to come back to: the breath, the senses, the feet, the hands, sounds.

Breath is not a neutral place for everyone, so wherever the workbook offers the breathing
guide it offers other anchors beside it. The guide and the short 5-4-3-2-1 are built only
when someone picks them, which keeps a page with many exercises light.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from widgets.content.loader import Workbook
from widgets.content.schema import PracticeStep
from widgets.kit import ui
from widgets.text import paragraphs

BREATH = "breath"
SENSES = "senses"


def build_pacer(workbook: Workbook, minutes: int = 1) -> W.Widget:
    from widgets.kit.pacer import Pacer

    return Pacer.with_words(workbook.ui.pacer, minutes=minutes, settings_open=False)


def build_senses(workbook: Workbook) -> W.Widget:
    from widgets.practices.grounding import GroundingModel, GroundingPractice

    model = GroundingModel(workbook.ui.pause_senses_steps)
    return GroundingPractice(model, workbook.ui, workbook.ui.pause_senses_done)


class AnchorPicker(W.VBox):
    """A radio group of anchors; the chosen one's words (and guide) show below it.

    The choice itself lives in the exercise's model: ``get``/``set`` read and write it.
    """

    def __init__(
        self,
        workbook: Workbook,
        step: PracticeStep,
        get: Callable[[], str],
        set: Callable[[str], None],  # noqa: A002 - mirrors get
        minutes: int = 1,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.add_class("oig-anchors")
        self._workbook = workbook
        self._minutes = minutes
        self._get = get
        self.anchors = {a.id: a for a in step.anchors}
        self.radio = W.RadioButtons(
            options=[(a.label, a.id) for a in step.anchors],
            value=get() or None,
            description=step.anchor_question,
            **ui.labelled(W.RadioButtons),
        )
        self.radio.add_class("oig-anchor-choice")
        self._set = set
        self.radio.observe(self._on_pick, names="value")
        self._text = ui.html("", "oig-anchor-text")
        self.practices: dict[str, W.Widget] = {}
        self._slot = ui.vbox([], "oig-anchor-practice")
        self.children = [self.radio, self._text, self._slot]
        self.refresh()

    def _on_pick(self, change) -> None:
        self._set(change["new"] or "")
        self.refresh()

    def refresh(self) -> None:
        """Show the chosen anchor; build its guide the first time it is chosen."""
        chosen = self._get()
        if self.radio.value != (chosen or None):
            self.radio.value = chosen or None
        anchor = self.anchors.get(chosen)
        self._text.value = paragraphs(anchor.text) if anchor and anchor.text else ""
        ui.show(self._text, bool(self._text.value))
        for key, practice in self.practices.items():
            if key != chosen and hasattr(practice, "running"):
                practice.running = False
        if chosen in (BREATH, SENSES) and chosen not in self.practices:
            builder = build_pacer if chosen == BREATH else build_senses
            kwargs = {"minutes": self._minutes} if chosen == BREATH else {}
            self.practices[chosen] = builder(self._workbook, **kwargs)
        self._slot.children = [self.practices[chosen]] if chosen in self.practices else []

    def stop(self) -> None:
        """Stop a running guide (e.g. when moving on to the next step)."""
        for practice in self.practices.values():
            if hasattr(practice, "running"):
                practice.running = False
