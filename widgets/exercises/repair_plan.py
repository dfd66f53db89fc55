"""A guided repair plan that becomes a tidy card, downloadable as Markdown.

The card is built from the participant's words, escaped so that nothing they type can
become a link or markup in the file, and offered as a download made in their own browser
(a data: link), so the plan is never written on the server.
"""

from __future__ import annotations

from typing import Any

from widgets.content.loader import Workbook
from widgets.content.schema import RepairPlanExercise
from widgets.exercises._base import ExerciseModel, ExerciseView
from widgets.kit import ui
from widgets.practices.form import FormModel, FormView
from widgets.text import data_uri, escape, escape_markdown


class RepairPlanModel(ExerciseModel):
    def __init__(self, spec: RepairPlanExercise):
        super().__init__()
        self.spec = spec
        self.form = FormModel(spec.fields)

    def is_empty(self) -> bool:
        return not self.form.filled()

    def card_markdown(self) -> str:
        """The card as Markdown: a heading, then each answered question and its answer."""
        lines = [f"# {escape_markdown(self.spec.card_title)}", ""]
        for f in self.spec.fields:
            text = self.form.get(f.id)
            if text.strip():
                lines += [f"## {escape_markdown(f.label)}", "", escape_markdown(text), ""]
        return "\n".join(lines).rstrip() + "\n"

    def card_html(self) -> str:
        parts = [f"<h4>{escape(self.spec.card_title)}</h4><dl>"]
        for f in self.spec.fields:
            text = self.form.get(f.id)
            if text.strip():
                parts.append(f"<dt>{escape(f.label)}</dt><dd>{escape(text)}</dd>")
        parts.append("</dl>")
        return "".join(parts)

    def answers(self) -> dict[str, Any]:
        return {"fields": dict(self.form.values)}

    def restore(self, answers: dict[str, Any]) -> None:
        self.form.restore(answers.get("fields"))


class RepairPlanView(ExerciseView):
    def __init__(self, workbook: Workbook, spec: RepairPlanExercise):
        self.model = RepairPlanModel(spec)
        self._form = FormView(self.model.form, rows=2)
        self._make = ui.button(spec.make_button, "oig-make", primary=True)
        self._card = ui.html("", "oig-repair-card")
        self._download = ui.html("", "oig-download")
        for w in (self._card, self._download):
            ui.show(w, False)
        self._make.on_click(lambda _: self._make_card())
        body = ui.vbox([self._form, self._make, self._card, self._download], "oig-body")
        super().__init__(workbook, spec, body)

    def _make_card(self) -> None:
        spec = self.model.spec
        if self.model.is_empty():
            self._card.value = f"<p>{escape(spec.empty_note)}</p>"
            ui.show(self._card, True)
            ui.show(self._download, False)
            return
        self._card.value = self.model.card_html()
        self._download.value = (
            f'<a class="oig-download-link" download="{escape(spec.file_name)}" '
            f'href="{data_uri(self.model.card_markdown())}">{escape(spec.download_label)}</a>'
        )
        ui.show(self._card, True)
        ui.show(self._download, True)
