"""``workbook handouts``: print-ready worksheets and a facilitator guide, for people
without a laptop.

Each lesson becomes one HTML file and one PDF: the lesson's ideas in short, then a blank
worksheet for each exercise (tick boxes for the sorters, lines to write on, 0-10 scales
to circle). The facilitator guide has one page per lesson. The text comes from ``data/``
like everything else, so a facilitator's edits show up in print too. Pages are plain
black on white in large type, and PDFs are printed by the system's Chromium (no LaTeX).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.content.loader import ContentError, Workbook, load_workbook
from widgets.content.schema import HandoutText
from widgets.text import escape, fill, paragraphs

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
BOX = "☐"


def handout_text(workbook: Workbook) -> HandoutText:
    """The printed pages' words, checked and cached with the rest of the workbook."""
    if workbook.handouts is None:
        raise ContentError([])  # only a Workbook built by hand in a test lacks them
    return workbook.handouts


# --- pieces of a worksheet ------------------------------------------------------------


def _lines(n: int) -> str:
    return "<div class='lines'>" + "<div class='line'></div>" * max(1, n) + "</div>"


def _boxes(labels: list[str]) -> str:
    return "".join(f"<span class='tick'>{BOX} {escape(label)}</span>" for label in labels)


def _scale(low: str, high: str, words: HandoutText) -> str:
    numbers = "".join(f"<span class='num'>{i}</span>" for i in range(11))
    return (
        f"<p class='hint'>{escape(words.circle_one)}</p>"
        f"<div class='scale'>{numbers}</div>"
        f"<div class='scale-ends'><span>{escape(low)}</span><span>{escape(high)}</span></div>"
    )


def _question(label: str, n: int = 3) -> str:
    return f"<div class='q'><p class='label'>{escape(label)}</p>{_lines(n)}</div>"


def _practice_step(step: Any, words: HandoutText, scale: tuple[str, str] | None = None) -> str:
    out = f"<h3>{escape(step.title)}</h3>{paragraphs(step.text)}"
    if getattr(step, "anchors", None):
        out += f"<p class='label'>{escape(step.anchor_question)}</p>"
        out += "<div class='ticks'>" + _boxes([a.label for a in step.anchors]) + "</div>"
    for field in getattr(step, "fields", []) or []:
        out += _question(field.label, 2)
    if scale:
        out += _scale(*scale, words)
    return out


def _sense_count(prompt: str) -> int:
    match = re.search(r"\d+", prompt)
    return min(int(match.group()), 5) if match else 2


# One renderer per exercise type; each returns the worksheet body (title and intro are
# added around it). Types without a paper form (like the path summary) return None.
def _sorter(spec, words):
    head = "".join(f"<th>{escape(c.label)}</th>" for c in spec.categories)
    rows = "".join(
        f"<tr><td>{escape(s.text)}</td>"
        + "".join(
            f"<td class='box' aria-label='{escape(c.label)}'>{BOX}</td>" for c in spec.categories
        )
        + "</tr>"
        for s in spec.statements
    )
    return (
        f"<p class='label'>{escape(spec.question)}</p><p class='hint'>{escape(words.tick_one)}</p>"
        f"<table class='sorter'><thead><tr><th></th>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _rewrite(spec, words):
    picks = "".join(f"<li>{BOX} {escape(s)}</li>" for s in spec.harsh_statements)
    return (
        f"<p class='label'>{escape(spec.pick_label)}</p><ul class='picks'>{picks}</ul>"
        + _question(words.or_own, 1)
        + "".join(_question(step.label, 2) for step in spec.steps)
    )


def _fields(attr: str, n: int):
    def render(spec, words):
        return "".join(_question(f.label, n) for f in getattr(spec, attr))

    return render


def _checkin(spec, words):
    return f"<p class='label'>{escape(spec.question)}</p>" + _scale(
        spec.low_label, spec.high_label, words
    )


def _feelings_checkin(spec, words):
    out = f"<p class='label'>{escape(spec.question)}</p>"
    for feeling in spec.feelings:
        out += f"<h3>{escape(feeling.label)}</h3>" + _scale(spec.low_label, spec.high_label, words)
    return out


def _breathing(spec, words):
    r = spec.rating
    return (
        f"<h3>{escape(r.before)}</h3><p class='label'>{escape(r.question)}</p>"
        + _scale(r.low_label, r.high_label, words)
        + f"<h3>{escape(r.after)}</h3><p class='label'>{escape(r.question)}</p>"
        + _scale(r.low_label, r.high_label, words)
    )


def _grounding(spec, words):
    out = ""
    for step in spec.steps:
        out += f"<h3>{escape(step.prompt)}</h3>"
        if step.tip:
            out += f"<p class='hint'>{escape(step.tip)}</p>"
        out += _lines(_sense_count(step.prompt))
    return out


def _steps(spec, words):
    return "".join(_practice_step(step, words) for step in spec.steps)


def _small_mistake(spec, words):
    scale = (spec.rating.low_label, spec.rating.high_label)
    return (
        _practice_step(spec.choose, words)
        + _practice_step(spec.rate_before, words, scale)
        + _practice_step(spec.ground, words)
        + _practice_step(spec.rate_after, words, scale)
        + _practice_step(spec.name_it, words)
        + f"<p class='refrain'>{escape(spec.refrain)}</p>"
        + _practice_step(spec.next_step, words)
    )


def _kind_pause(spec, words):
    return _steps(spec, words) + f"<p class='refrain'>{escape(spec.refrain)}</p>"


def _translate(spec, words):
    out = f"<p class='label'>{escape(spec.pick_label)}</p>"
    for s in spec.statements:
        out += f"<div class='q'><p class='quote'>{BOX} {escape(s.text)}</p></div>"
    return out + _question(words.or_own, 1) + _question(spec.rewrite_label, 3)


def _fit_step(step) -> str:
    out = f"<p class='label'>{escape(step.label)}</p>"
    if step.choices:
        out += "<div class='ticks'>" + _boxes([c.label for c in step.choices]) + "</div>"
        if step.text_label:
            out += f"<p class='label'>{escape(step.text_label)}</p>"
    return out + _lines(2)


def _feeling_fit(spec, words):
    out = _fit_step(spec.situation)
    out += f"<p class='label'>{escape(spec.question)}</p>"
    out += "<div class='ticks'>" + _boxes([o.label for o in spec.options]) + "</div>"
    for option in spec.options:
        branch = getattr(spec, option.branch)
        out += f"<h3>{BOX} {escape(option.label)}</h3>"
        out += "".join(_fit_step(step) for step in branch.steps)
    return out


RENDERERS: dict[str, Callable[[Any, HandoutText], str | None]] = {
    "sorter": _sorter,
    "rewrite": _rewrite,
    "repair_plan": _fields("fields", 3),
    "reflection": _fields("prompts", 4),
    "checkin": _checkin,
    "feelings_checkin": _feelings_checkin,
    "breathing": _breathing,
    "grounding": _grounding,
    "breathe_blink_focus": _steps,
    "small_mistake": _small_mistake,
    "kind_pause": _kind_pause,
    "translate": _translate,
    "feeling_fit": _feeling_fit,
    "path_summary": lambda spec, words: None,
}


def worksheet(spec: Any, words: HandoutText) -> str | None:
    """One exercise as a printable page, or None when it has no paper form."""
    body = RENDERERS[spec.type](spec, words)  # every type has one (tests/test_layers.py)
    if body is None:
        return None
    return (
        f"<section class='sheet' data-exercise='{escape(spec.id)}'>"
        f"<h2>{escape(spec.title)}</h2><div class='intro'>{paragraphs(spec.intro)}</div>"
        f"{body}</section>"
    )


# --- whole pages ----------------------------------------------------------------------

CSS = """
@page { size: %(paper)s; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000;
  background: #fff; font-size: 14pt; line-height: 1.45; margin: 0; }
h1 { font-size: 24pt; margin: 0 0 6pt 0; }
h2 { font-size: 19pt; margin: 0 0 6pt 0; border-bottom: 2pt solid #000; padding-bottom: 3pt; }
h3 { font-size: 15pt; margin: 12pt 0 3pt 0; }
p { margin: 4pt 0; }
.sheet, .ideas { break-before: page; }
.ideas:first-of-type { break-before: auto; }
.label { font-weight: bold; margin-top: 10pt; }
.hint { font-style: italic; }
.quote, .refrain { font-size: 15pt; }
.refrain { border-left: 4pt solid #000; padding-left: 8pt; font-style: italic; }
.lines .line { border-bottom: 1pt solid #000; height: 11mm; }
.q { break-inside: avoid; }
.ticks { display: flex; flex-wrap: wrap; gap: 6pt 18pt; margin: 4pt 0; }
.tick { white-space: nowrap; }
table.sorter { width: 100%%; border-collapse: collapse; font-size: 13pt; }
table.sorter th, table.sorter td { border: 1pt solid #000; padding: 5pt 6pt;
  vertical-align: middle; }
table.sorter th { text-align: center; }
table.sorter td.box { text-align: center; font-size: 20pt; width: 16%%; }
table.sorter tr { break-inside: avoid; }
ul.picks { list-style: none; padding-left: 0; margin: 2pt 0; }
.scale { display: flex; justify-content: space-between; margin: 6pt 0 2pt 0; }
.scale .num { display: inline-block; width: 11mm; height: 11mm; line-height: 11mm;
  border: 1pt solid #000; border-radius: 50%%; text-align: center; font-size: 14pt; }
.scale-ends { display: flex; justify-content: space-between; font-size: 12pt; }
.name { margin: 8pt 0 12pt 0; }
.name .line { display: inline-block; width: 60%%; border-bottom: 1pt solid #000; }
footer, .help { font-size: 11pt; border-top: 1pt solid #000; margin-top: 14pt; padding-top: 4pt; }
.help ul { margin: 2pt 0; padding-left: 16pt; }
"""

GUIDE_CSS = """
@page { size: %(paper)s; margin: 10mm 11mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000;
  background: #fff; font-size: 8.2pt; line-height: 1.28; margin: 0; }
.page { break-after: page; height: 100%%; }
.page:last-child { break-after: auto; }
h1 { font-size: 14pt; margin: 0 0 1pt 0; }
h2 { font-size: 9pt; margin: 5pt 0 1pt 0; text-transform: uppercase; letter-spacing: 0.03em; }
p { margin: 1pt 0; }
ul { margin: 1pt 0; padding-left: 12pt; }
li { margin: 0; }
.meta { font-style: italic; margin-bottom: 3pt; }
.cols { columns: 2; column-gap: 7mm; }
.cols > div { break-inside: avoid; }
table { border-collapse: collapse; width: 100%%; margin: 1pt 0; }
td { border: 0.6pt solid #000; padding: 1pt 3pt; vertical-align: top; }
td.min { width: 8mm; text-align: right; white-space: nowrap; }
dt { font-weight: bold; }
dd { margin: 0 0 1pt 0; }
"""


def _page(title: str, body: str, css: str, lang: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='{escape(lang)}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{css}</style></head>"
        f"<body>{body}</body></html>"
    )


def _help(workbook: Workbook) -> str:
    region = workbook.crisis_region()
    items = "".join(
        f"<li><strong>{escape(e.name)}</strong>: {escape(e.how)}"
        + (f" ({escape(e.url.removeprefix('https://').rstrip('/'))})" if e.url else "")
        + "</li>"
        for e in region.entries
    )
    return (
        f"<div class='help'><strong>{escape(workbook.crisis.title)}</strong>"
        f"<ul>{items}</ul><p>{escape(region.emergency)}</p></div>"
    )


def lesson_html(workbook: Workbook, lesson_id: str, words: HandoutText, paper: str = "A4") -> str:
    entry = workbook.lesson(lesson_id)
    ideas = "".join(f"<li>{escape(o)}</li>" for o in entry.objectives)
    sheets = [worksheet(spec, words) for spec in workbook.lesson_files[lesson_id].exercises]
    body = (
        f"<section class='ideas'><h1>{escape(entry.title)}</h1>"
        f"<p class='name'>{escape(words.name_line)} <span class='line'>&nbsp;</span></p>"
        f"{paragraphs(entry.description)}"
        f"<h2>{escape(words.key_ideas)}</h2><ul>{ideas}</ul>"
        + (paragraphs(entry.content_note) if entry.content_note else "")
        + f"<footer><p>{escape(words.footer)}</p></footer>{_help(workbook)}</section>"
        + "".join(s for s in sheets if s)
    )
    return _page(entry.title, body, CSS % {"paper": paper}, workbook.language)


def guide_html(workbook: Workbook, words: HandoutText, paper: str = "A4") -> str:
    w = words.facilitator
    pages = []
    for entry in workbook.lessons.lessons:
        notes = workbook.facilitator.get(entry.id)
        if notes is None:
            continue
        exercises = {e.id: e.title for e in workbook.lesson_files[entry.id].exercises}

        def ul(items: list[str]) -> str:
            return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"

        plans = ""
        for plan in notes.plans:
            rows = "".join(
                f"<tr><td class='min'>{s.minutes}</td><td>{escape(s.activity)}</td></tr>"
                for s in plan.steps
            )
            title = escape(fill(w.plan, minutes=plan.minutes))
            plans += f"<div><h2>{title}</h2><table>{rows}</table></div>"
        d = notes.if_distressed
        distress = "".join(
            f"<dt>{escape(label)}</dt><dd>{escape(text)}</dd>"
            for label, text in (
                (w.pause, d.pause),
                (w.grounding, d.grounding),
                (w.crisis, d.crisis),
                (w.follow_up, d.follow_up),
            )
        )
        ex_notes = "".join(
            f"<dt>{escape(exercises.get(k, k))}</dt><dd>{escape(v)}</dd>"
            for k, v in notes.exercises.items()
        )
        pages.append(
            f"<section class='page' data-lesson='{escape(entry.id)}'>"
            f"<h1>{escape(w.guide_title)}: {escape(entry.title)}</h1>"
            f"<p class='meta'>{escape(fill(w.minutes, minutes=entry.minutes))}</p>"
            "<div class='cols'>"
            f"<div><h2>{escape(w.objectives)}</h2>{ul(entry.objectives)}</div>"
            f"<div><h2>{escape(w.summary)}</h2>{paragraphs(notes.summary)}</div>"
            f"<div><h2>{escape(w.prepare)}</h2>{ul(notes.prepare)}</div>"
            f"{plans}"
            + (
                f"<div><h2>{escape(w.group_prompts)}</h2>{ul(notes.group_prompts)}</div>"
                if notes.group_prompts
                else ""
            )
            + f"<div><h2>{escape(w.if_distressed)}</h2><dl>{distress}</dl></div>"
            + (
                f"<div><h2>{escape(w.adaptation_tips)}</h2>{ul(notes.adaptation_tips)}</div>"
                if notes.adaptation_tips
                else ""
            )
            + (
                f"<div><h2>{escape(w.exercise_notes)}</h2><dl>{ex_notes}</dl></div>"
                if ex_notes
                else ""
            )
            + "</div></section>"
        )
    return _page(w.guide_title, "".join(pages), GUIDE_CSS % {"paper": paper}, workbook.language)


# --- printing -------------------------------------------------------------------------


class HandoutError(Exception):
    """Why handouts could not be printed, with what to do about it."""


def find_chromium() -> str:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    raise HandoutError(
        "making PDFs needs the Chromium browser, which was not found. Install it with "
        "'sudo apt-get install chromium', or use --html-only to write only the HTML pages "
        "(you can print those from any browser)."
    )


def print_pdf(html_path: Path, pdf_path: Path, chromium: str | None = None) -> None:
    """Print one HTML file to PDF with headless Chromium (no headers or footers)."""
    chromium = chromium or find_chromium()
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf_path}",
                html_path.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    if result.returncode != 0 or not pdf_path.exists():
        raise HandoutError(f"Chromium could not print {html_path.name}: {result.stderr[-500:]}")


@dataclass
class Written:
    html: list[Path]
    pdf: list[Path]


def write_handouts(
    out_dir: Path,
    workbook: Workbook | None = None,
    pdf: bool = True,
    paper: str = "A4",
) -> Written:
    """Write one HTML (and PDF) per lesson plus the facilitator guide into ``out_dir``."""
    workbook = workbook or load_workbook()
    words = handout_text(workbook)
    chromium = find_chromium() if pdf else None
    out_dir.mkdir(parents=True, exist_ok=True)
    written = Written([], [])
    pages: list[tuple[str, str]] = []
    for number, entry in enumerate(workbook.lessons.lessons):
        name = f"{number:02d}-{entry.id}"
        pages.append((name, lesson_html(workbook, entry.id, words, paper)))
    pages.append(("facilitator-guide", guide_html(workbook, words, paper)))
    for name, markup in pages:
        html_path = out_dir / f"{name}.html"
        html_path.write_text(markup, encoding="utf-8")
        written.html.append(html_path)
        if pdf:
            pdf_path = out_dir / f"{name}.pdf"
            pdf_path.unlink(missing_ok=True)
            print_pdf(html_path, pdf_path, chromium)
            written.pdf.append(pdf_path)
    return written
