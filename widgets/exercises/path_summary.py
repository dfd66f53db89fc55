"""A short look back over the participant's path, built from their journal.

It reads only what this browser kept (see widgets/journal), so it appears when the
stored answers arrive, and it changes as the participant works on this page. It counts
what was tried, never what was skipped, and it does not judge.
"""

from __future__ import annotations

from typing import Any

from widgets.content.loader import Workbook
from widgets.content.schema import PathSummaryExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import ui
from widgets.page import state
from widgets.text import escape, fill


class PathSummaryModel(ExerciseModel):
    """Nothing to save: the summary is made from the other exercises' answers."""

    def __init__(self, spec: PathSummaryExercise):
        super().__init__()
        self.spec = spec

    def lines(self, workbook: Workbook, record: dict[str, Any], this_lesson: str) -> list[str]:
        """One line per lesson before this one: how many of its exercises hold answers.

        The landing page (the first entry) is left out: its check-in shows in the chart.
        """
        spec = self.spec
        found = []
        for entry in workbook.lessons.lessons[1:]:
            if entry.id == this_lesson:
                break
            lesson_file = workbook.lesson_files.get(entry.id)
            refs = [f"{entry.id}/{e.id}" for e in lesson_file.exercises] if lesson_file else []
            done = sum(1 for ref in refs if ref in record["answers"])
            if done:
                line = fill(spec.lesson_line, lesson=entry.title, done=done, total=len(refs))
            else:
                line = fill(spec.not_yet_line, lesson=entry.title)
            found.append(line)
        return found

    def answers(self) -> dict[str, Any]:
        return {}

    def restore(self, answers: dict[str, Any]) -> None:
        pass


class PathSummaryView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: PathSummaryExercise):
        from widgets.journal.views import checkins_html

        self.model = PathSummaryModel(spec)
        self._workbook = workbook
        self._checkins_html = checkins_html
        self._store = state.journal()
        self._html = ui.html("", "oig-path")
        body = ui.vbox([self._html], "oig-body")
        super().__init__(workbook, spec, body)
        self._store.observe(lambda _: self._draw(), names=["changed", "arrived"])
        self.observe(lambda _: self._draw(), names="ref")  # its lesson is known once set
        self._draw()

    @property
    def _lesson(self) -> str:
        return self.ref.partition("/")[0]

    def _draw(self) -> None:
        spec, store = self.model.spec, self._store
        if not store.arrived:
            self._html.value = f"<p role='status'>{escape(spec.waiting)}</p>"
            return
        record = store.record
        lines = self.model.lines(self._workbook, record, self._lesson)
        if not record["answers"]:
            self._html.value = f"<p>{escape(spec.empty)}</p>"
            return
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        self._html.value = (
            f"<ul class='oig-path-lines'>{items}</ul>"
            + self._checkins_html(self._workbook, record)
            + f"<p>{escape(spec.closing)}</p>"
        )
