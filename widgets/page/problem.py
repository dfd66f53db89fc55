"""What a page shows in place of an exercise when data/ has a problem: kind words, then
the list to fix (for the facilitator), never a traceback."""

from __future__ import annotations

import ipywidgets as W
import yaml

from widgets.content.loader import ContentError
from widgets.content.schema import UiText
from widgets.kit import ui
from widgets.page import state
from widgets.paths import data_dir
from widgets.text import escape

PROBLEM_WORDS = ("problem_title", "problem_text", "problem_details", "problem_fix")


def problem_words() -> dict[str, str]:
    """The problem box's words in the page's language, read straight from its ui.yaml:
    the checked workbook is what could not be loaded. English if even that fails."""
    words = {key: UiText.model_fields[key].default for key in PROBLEM_WORDS}
    try:
        root = data_dir()
        settings = yaml.safe_load((root / "settings.yaml").read_text(encoding="utf-8"))
        lang = state.language() or settings.get("language") or "en"
        raw = yaml.safe_load((root / lang / "ui.yaml").read_text(encoding="utf-8"))
        words.update(
            {k: raw[k] for k in PROBLEM_WORDS if isinstance(raw.get(k), str) and raw[k].strip()}
        )
    except (OSError, yaml.YAMLError, AttributeError, TypeError):
        pass
    return words


def problem_box(exc: ContentError) -> W.HTML:
    words = problem_words()
    items = "".join(f"<li>{escape(str(p))}</li>" for p in exc.problems)
    return ui.html(
        f"<div role='alert'><p><strong>{escape(words['problem_title'])}</strong> "
        f"{escape(words['problem_text'])}</p>"
        f"<details><summary>{escape(words['problem_details'])}</summary><ul>{items}</ul>"
        f"<p>{escape(words['problem_fix'])}</p></details></div>",
        "oig-problem",
    )
