"""The words of the web app's own pages, from ``data/<lang>/ui.yaml``, for the template.

Voila draws some pages without running any of our Python: the kind message when part of a
lesson fails, "page not found", a server error, the bare address that leads to the
welcome page, and the sign-in page of a workshop with a token. Their template
(share/jupyter/voila/templates/gentle) cannot read data/, so ``workbook template-text``
writes the words of every language into ``oig_text.j2`` there, and the Voila settings'
``cell_error_instruction`` (voila.json) from the same words. ``make app`` runs it first;
tests/tools/test_template_text.py fails when the written file is out of date.

It also writes ``static/widgets.css``, the widgets' style sheets for the page's head
(widgets/kit/styles.py says why the web app has them there and not as a widget).

The pages use the page's language when they know it (a lesson page that chose Spanish)
and show every language, one after the other, when they do not (page not found).
"""

from __future__ import annotations

import json
from pathlib import Path

from widgets.content.help_lines import first_line, tel_href
from widgets.content.loader import LANG_DIR, load_workbook
from widgets.paths import REPO_DIR, STYLE_SHEETS, data_dir

TEMPLATE_DIR = REPO_DIR / "share" / "jupyter" / "voila" / "templates" / "gentle"
TEXT_FILE = TEMPLATE_DIR / "oig_text.j2"
CSS_FILE = TEMPLATE_DIR / "static" / "widgets.css"
VOILA_JSON = REPO_DIR / "voila.json"

# The ui.yaml keys the template uses.
KEYS = (
    "cell_error_title",
    "not_your_fault",
    "cell_error_help",
    "reload_link",
    "not_found_title",
    "server_error_title",
    "go_home_link",
    "open_workbook_link",
    "signin_text",
    "signin_label",
    "signin_problem",
    "language_name",
    "connection_lost_title",
    "connection_lost_help",
)


def languages(root: Path | None = None) -> list[str]:
    """Every language folder with a ui.yaml; the one settings.yaml names comes first."""
    root = Path(root) if root else data_dir()
    found = sorted(
        p.name for p in root.iterdir() if LANG_DIR.match(p.name) and (p / "ui.yaml").is_file()
    )
    default = load_workbook(root).language
    return sorted(found, key=lambda lang: lang != default)


def collect(root: Path | None = None, pages_under: str = "") -> dict[str, dict]:
    """{language: {key: text}}, with each language's workbook title and welcome page.

    ``pages_under``: where the notebooks are, seen from the folder Voila serves ("" when
    it serves notebooks/, as `make app` does; "notebooks/" on Binder, which serves the
    whole repository)."""
    out = {}
    for lang in languages(root):
        wb = load_workbook(root, language=lang)
        words = {key: getattr(wb.ui, key) for key in KEYS}
        words["workbook_title"] = wb.lessons.workbook_title
        words["welcome"] = pages_under + wb.lessons.lessons[0].notebook
        words["help"] = help_words(wb)
        words["early"] = early_words(wb)
        out[lang] = words
    return out


def early_words(wb) -> dict:
    """Help and a pause that work before any widget has loaded (a lesson page's first
    lines, see index.html.j2): on a phone the widgets come seconds after the text. The
    first line of every region is there, so the page can show the country the
    participant chose (kept in their browser) before the kernel answers."""
    return {
        "help_button": wb.ui.help_button,
        "pause_button": wb.ui.pause_button,
        "pause_title": wb.ui.pause_title,
        "pause_steps": list(wb.ui.pause_steps),
        "default_region": wb.region_id,
        "regions": {rid: help_words(wb, rid) for rid in wb.crisis.regions},
    }


def help_words(wb, region_id: str | None = None) -> dict[str, str]:
    """The help line these pages show in one language: the region's (default: the
    language's) first line that can be called, its emergency line, and the directory
    for other countries."""
    region = wb.crisis_region(region_id)
    first = first_line(region)
    anywhere = wb.crisis.regions.get("international")
    directory = anywhere.entries[0] if anywhere else None
    return {
        "title": wb.crisis.title,
        "name": first.name if first else "",
        "how": first.how if first else "",
        "phone": first.phone if first else "",
        "tel": tel_href(first.phone) if first else "",
        "emergency": region.emergency,
        "directory_label": wb.crisis.words.other_countries,
        "directory_name": directory.name if directory else "",
        "directory_url": (directory.url or directory.source) if directory else "",
    }


def cell_error_instruction(text: dict[str, dict[str, str]]) -> str:
    """Voila's own line for a failed cell (only in the server's error output, never shown
    by our template): the help sentence in every language."""
    return " / ".join(words["cell_error_help"] for words in text.values())


def render(root: Path | None = None, pages_under: str = "") -> str:
    text = collect(root, pages_under)
    as_jinja = json.dumps(text, ensure_ascii=False, indent=1, sort_keys=True)
    return (
        "{#- Written by `workbook template-text` from data/<lang>/ui.yaml (and the workbook\n"
        "    title and welcome page from lessons.yaml). Do not edit: change those files and\n"
        "    run it again (make app does). oig_languages: the default language first. -#}\n"
        f"{{%- set oig_languages = {json.dumps(list(text))} -%}}\n"
        f"{{%- set oig_text = {as_jinja} -%}}\n"
    )


def widgets_css() -> str:
    """The page's and the journal's style sheets, in the order JupyterLab gets them."""
    parts = [
        "/* Written by `workbook template-text` from the style sheets named below. Do not\n"
        "   edit: change those and run it again (make app does). */\n"
    ]
    for sheet in STYLE_SHEETS:
        parts.append(f"\n/* {sheet.relative_to(REPO_DIR).as_posix()} */\n")
        parts.append(sheet.read_text(encoding="utf-8"))
    return "".join(parts)


def _write_if_changed(target: Path, new: str, changed: list[Path]) -> None:
    if not target.is_file() or target.read_text(encoding="utf-8") != new:
        target.write_text(new, encoding="utf-8")
        changed.append(target)


def write(
    root: Path | None = None,
    target: Path = TEXT_FILE,
    voila_json: Path = VOILA_JSON,
    pages_under: str = "",
    css_target: Path = CSS_FILE,
):
    """Write the template's words, its widgets.css and voila.json's
    cell_error_instruction; returns the files that changed."""
    changed: list[Path] = []
    _write_if_changed(target, render(root, pages_under), changed)
    _write_if_changed(css_target, widgets_css(), changed)
    if voila_json.is_file():
        config = json.loads(voila_json.read_text(encoding="utf-8"))
        line = cell_error_instruction(collect(root))
        executor = config.setdefault("VoilaExecutor", {})
        if executor.get("cell_error_instruction") != line:
            executor["cell_error_instruction"] = line
            voila_json.write_text(
                json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            changed.append(voila_json)
    return changed
