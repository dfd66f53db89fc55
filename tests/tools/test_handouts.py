"""``workbook handouts`` prints every lesson and the facilitator guide to PDF with the
system's Chromium: the files exist, have the expected pages, and their text can be read
back out (so it is real text, not a picture, and screen readers and search work)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from widgets.content.loader import clear_cache, load_workbook
from widgets.paths import DEFAULT_DATA_DIR
from widgets.tools import handouts
from widgets.tools.handouts import HandoutError, handout_text, write_handouts

CHROMIUM = Path("/usr/bin/chromium")


def squash(text: str) -> str:
    """PDF text comes back with line breaks where the page wrapped; compare words only."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()  # ligatures too


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    if not CHROMIUM.exists():
        if os.environ.get("OIG_REQUIRE_BROWSER"):
            pytest.fail("handouts need Chromium at /usr/bin/chromium")
        pytest.skip("no Chromium at /usr/bin/chromium (sudo apt-get install chromium)")
    out = tmp_path_factory.mktemp("handouts")
    workbook = load_workbook(DEFAULT_DATA_DIR)
    return workbook, out, write_handouts(out, workbook)


def pdf_pages(path: Path) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(str(path)).pages]


def test_one_pdf_per_lesson_and_a_guide(printed):
    workbook, out, written = printed
    names = [p.name for p in written.pdf]
    expected = [f"{i:02d}-{e.id}.pdf" for i, e in enumerate(workbook.lessons.lessons)]
    assert names == expected + ["facilitator-guide.pdf"]
    for path in written.pdf:
        assert path.read_bytes().startswith(b"%PDF")
        assert (out / path.name.replace(".pdf", ".html")).exists()


def test_guide_has_one_page_per_lesson(printed):
    workbook, out, _ = printed
    pages = pdf_pages(out / "facilitator-guide.pdf")
    words = handout_text(workbook).facilitator
    assert len(pages) == len(workbook.lessons.lessons)
    for page, entry in zip(pages, workbook.lessons.lessons, strict=True):
        notes = workbook.facilitator[entry.id]
        assert page.startswith(squash(f"{words.guide_title}: {entry.title}"))
        assert squash(notes.if_distressed.crisis)[:60] in page
        for plan in notes.plans:
            assert squash(words.plan.format(minutes=plan.minutes)).upper() in page.upper()


def test_lesson_pdf_has_ideas_page_then_a_page_per_worksheet(printed):
    workbook, out, _ = printed
    words = handout_text(workbook)
    for i, entry in enumerate(workbook.lessons.lessons):
        pages = pdf_pages(out / f"{i:02d}-{entry.id}.pdf")
        sheets = [
            e for e in workbook.lesson_files[entry.id].exercises if handouts.worksheet(e, words)
        ]
        assert len(pages) >= 1 + len(sheets), entry.id
        assert pages[0].startswith(squash(entry.title))
        assert squash(entry.objectives[0]) in pages[0]
        assert squash(workbook.crisis_region().entries[0].name) in pages[0]
        # Every worksheet starts a new page with its title at the top.
        starts = pages[1:]
        for sheet in sheets:
            assert any(p.startswith(squash(sheet.title)) for p in starts), (entry.id, sheet.id)


def test_worksheets_hold_statements_tick_boxes_lines_and_scales(printed):
    workbook, out, _ = printed
    text = " ".join(pdf_pages(out / "01-responsibility.pdf"))
    _, sorter = workbook.exercise("responsibility/sorter")
    for statement in sorter.statements:
        assert squash(statement.text) in text
    assert text.count("☐") >= 2 * len(sorter.statements)
    _, repair = workbook.exercise("responsibility/repair")
    for field in repair.fields:
        assert squash(field.label) in text
    assert "show_exercise" not in text and "import" not in text
    present = " ".join(pdf_pages(out / "03-staying-present.pdf"))
    assert "Name 5 things you can see." in present
    assert "0 1 2 3 4 5 6 7 8 9 10" in present


def test_pages_are_black_and_white_with_large_type(printed):
    _, out, _ = printed
    html = (out / "01-responsibility.html").read_text(encoding="utf-8")
    colours = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", html))
    assert colours <= {"#000", "#fff"}
    assert re.search(r"body \{[^}]*font-size: 14pt", html)
    assert "<script" not in html


def test_text_from_data_is_escaped(data_copy, tmp_path):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(
        text.replace("text: I'm a terrible friend.", "text: <img src=x onerror=alert(1)> friend."),
        encoding="utf-8",
    )
    written = write_handouts(tmp_path / "out", load_workbook(data_copy), pdf=False)
    html = written.html[1].read_text(encoding="utf-8")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_html_only_command_needs_no_chromium(data_copy, tmp_path):
    out = tmp_path / "printouts"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "widgets",
            "handouts",
            str(out),
            "--html-only",
            "--data",
            str(data_copy),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.suffix for p in out.iterdir()) == [".html"] * (
        len(load_workbook(data_copy).lessons.lessons) + 1
    )
    assert "facilitator-guide.html" in result.stdout


def test_missing_chromium_is_explained(monkeypatch, tmp_path):
    monkeypatch.setattr(handouts, "CHROMIUM_CANDIDATES", ())
    monkeypatch.setattr(handouts.shutil, "which", lambda name: None)
    with pytest.raises(HandoutError, match="--html-only"):
        write_handouts(tmp_path, load_workbook(DEFAULT_DATA_DIR))


def test_handout_words_are_validated(data_copy):
    from widgets.content.loader import validate

    words = data_copy / "en" / "handouts.yaml"
    words.write_text(
        words.read_text(encoding="utf-8").replace("  pause: Pause\n", ""), encoding="utf-8"
    )
    clear_cache()
    msgs = [str(p) for p in validate(data_copy)]
    assert any(m.startswith("data/en/handouts.yaml line") and "'pause'" in m for m in msgs), msgs


# --- Spanish ----------------------------------------------------------------------------


class _PageText(HTMLParser):
    """The text a reader meets on a printed page: every text node outside <style>, and
    the <h1>/<h2> headings on their own."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self.headings: dict[str, list[str]] = {"h1": [], "h2": []}
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text or "style" in self._open:
            return
        self.nodes.append(text)
        for tag in self.headings:
            if tag in self._open:
                self.headings[tag].append(text)


def read_page(path: Path) -> _PageText:
    parser = _PageText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def spanish_printed(tmp_path_factory):
    """``workbook handouts --html-only --language es`` (needs no Chromium)."""
    from widgets.tools import cli

    out = tmp_path_factory.mktemp("handouts-es")
    assert cli.main(["handouts", str(out), "--html-only", "--language", "es"]) == 0
    return load_workbook(DEFAULT_DATA_DIR, "es"), out


def test_spanish_handouts_have_spanish_headings(spanish_printed):
    spanish, out = spanish_printed
    english = load_workbook(DEFAULT_DATA_DIR, "en")
    words = handout_text(spanish)
    assert words.key_ideas == "En pocas palabras"
    names = [f"{i:02d}-{e.id}.html" for i, e in enumerate(spanish.lessons.lessons)]
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "facilitator-guide.html"])
    for name, entry, english_entry in zip(
        names, spanish.lessons.lessons, english.lessons.lessons, strict=True
    ):
        html = (out / name).read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html><html lang='es'>")
        page = read_page(out / name)
        assert page.headings["h1"][0] == entry.title != english_entry.title
        assert spanish.crisis.title == "Ayuda ahora mismo" and spanish.crisis.title in page.nodes
        exercises = spanish.lesson_files[entry.id].exercises
        sheets = [s for s in exercises if handouts.worksheet(s, words)]
        # The key ideas, then one worksheet per exercise, each headed by its Spanish title.
        assert page.headings["h2"] == [words.key_ideas, *(s.title for s in sheets)], name
    guide = read_page(out / "facilitator-guide.html")
    assert guide.headings["h1"] == [
        f"Guía para quien facilita: {e.title}" for e in spanish.lessons.lessons
    ]
    for heading in ("Plan de 60 minutos", "Plan de 90 minutos", "Si alguien se angustia"):
        assert guide.headings["h2"].count(heading) == len(spanish.lessons.lessons), heading


def test_spanish_handouts_have_no_english_left(spanish_printed, tmp_path):
    """Every bit of text on the English handouts (headings, labels, the lesson text) must
    be gone from the Spanish ones, except what Spanish itself uses (service names,
    numbers, web addresses)."""
    spanish, out = spanish_printed
    english_out = tmp_path / "en"
    write_handouts(english_out, load_workbook(DEFAULT_DATA_DIR, "en"), pdf=False)
    spanish_data = " ".join(
        " ".join(p.read_text(encoding="utf-8").split())
        for p in (DEFAULT_DATA_DIR / "es").rglob("*.yaml")
    )
    english_nodes = set()
    for path in english_out.glob("*.html"):
        for node in read_page(path).nodes:
            # the node, and each of its sentences (a half-translated paragraph shows too)
            english_nodes.add(node)
            english_nodes.update(s.strip() for s in re.split(r"(?<=[.!?:])\s+", node))
    english_nodes = {
        n for n in english_nodes if n not in spanish_data and re.search(r"[A-Za-z]{2}", n)
    }
    assert len(english_nodes) > 300 and {"In short", "Pause", "60-minute plan"} <= english_nodes

    def english_left(page: _PageText) -> list[str]:
        flat = " ".join(page.nodes)
        return sorted(
            node
            for node in english_nodes
            if node in page.nodes or (len(node.split()) >= 3 and node in flat)
        )

    # The check does find English where there is English...
    assert "In short" in english_left(read_page(english_out / "01-responsibility.html"))
    half = _PageText()
    half.nodes = ["No hay puntaje. There is no score."]
    assert english_left(half) == ["There is no score."]
    # ...and finds none on any Spanish page.
    for path in sorted(out.glob("*.html")):
        assert english_left(read_page(path)) == [], path.name
