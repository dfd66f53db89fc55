"""Whatever is wrong in data/, every page keeps its pause, its help and its help lines.

A facilitator's typo made while the app runs used to take the whole top of a lesson
away (only the problem box was left) and the footer's help line with it. The shell now
comes from the files that still check, else the last content that checked, else the
words the workbook ships (widgets/shipped_safety.yaml).
"""

from __future__ import annotations

import pytest
import yaml
from conftest import edit, html_of

from widgets import show_footer
from widgets.content.loader import SHIPPED_SAFETY, clear_cache, load_workbook
from widgets.page import state as page_state
from widgets.paths import DEFAULT_DATA_DIR
from widgets.show import show_exercise, show_safety

pytestmark = pytest.mark.usefixtures("english_again")


def pause_and_help(widget) -> bool:
    text = html_of(widget)
    return "Take a pause" in text and "Get help now" in text


def open_help_lines(widget) -> str:
    """Open every help panel in the tree and return the help lines it shows."""
    from widgets.page.safety import HelpPanel

    found = []

    def walk(w):
        if isinstance(w, HelpPanel):
            w.expanded = True
            found.append(html_of(w))
        for child in getattr(w, "children", ()):
            walk(child)

    walk(widget)
    assert found, "no help panel on the page"
    return found[0]


def use(monkeypatch, data):
    monkeypatch.setenv("OWNING_DATA_DIR", str(data))
    page_state.set_language(None)
    clear_cache()


def test_a_broken_lesson_file_keeps_pause_help_and_the_footer(data_copy, monkeypatch):
    use(monkeypatch, data_copy)
    load_workbook()  # the app has served a page: the content checked
    edit(data_copy / "en/lessons/responsibility.yaml", "    question: Which pile", "    qestion: x")
    clear_cache()  # a new page, in a new kernel

    top = show_safety("responsibility")
    assert pause_and_help(top)
    assert "This part of the workbook could not be shown." in html_of(top)
    assert "988" in open_help_lines(top)
    assert "oig-problem" in show_exercise("responsibility/sorter")._dom_classes
    footer = html_of(show_footer("responsibility"))
    assert "oig-footer-help" in footer and "988" in footer
    assert "Lesson 1 of 4" in html_of(top)  # lessons.yaml checks: the header says where

    edit(data_copy / "en/lessons/responsibility.yaml", "    qestion: x", "    question: Which pile")
    clear_cache()
    assert "Owning it" in html_of(show_exercise("responsibility/sorter"))
    assert "could not be shown" not in html_of(show_safety("responsibility"))


def test_broken_help_files_fall_back_on_the_last_good_ones(data_copy, monkeypatch):
    use(monkeypatch, data_copy)
    load_workbook()
    edit(data_copy / "en/crisis.yaml", "title: Help right now", "title: [")
    edit(data_copy / "en/ui.yaml", "pause_button: Take a pause", "pause_buton: Take a pause")
    clear_cache()
    top = show_safety("responsibility")
    assert pause_and_help(top)
    assert "988" in open_help_lines(top)
    assert "988" in html_of(show_footer("responsibility"))


def test_with_no_checked_copy_the_shipped_words_keep_help_there(data_copy, monkeypatch):
    monkeypatch.setenv("OIG_CACHE_DIR", "off")
    use(monkeypatch, data_copy)
    edit(data_copy / "en/crisis.yaml", "title: Help right now", "title: [")
    edit(data_copy / "en/ui.yaml", "pause_button: Take a pause", "pause_buton: Take a pause")
    edit(data_copy / "en/lessons.yaml", "lessons:", "lesons:")
    top = show_safety("responsibility")
    assert pause_and_help(top)
    lines = open_help_lines(top)
    assert "findahelpline.com" in lines and "local emergency number" in lines
    footer = html_of(show_footer("responsibility"))
    assert "oig-footer-help" in footer and "Find a Helpline" in footer


def test_a_spanish_page_keeps_its_own_words(data_copy, monkeypatch):
    monkeypatch.setenv("OIG_CACHE_DIR", "off")
    use(monkeypatch, data_copy)
    edit(data_copy / "es/ui.yaml", "pause_button:", "pausa:")
    top = show_safety("responsibility", language="es")
    assert "Hacer una pausa" in html_of(top) and "Take a pause" not in html_of(top)


def test_the_shipped_words_are_the_ones_in_data():
    """They are a copy: the help line must be a real one from data/, never made up."""
    shipped = yaml.safe_load(SHIPPED_SAFETY.read_text(encoding="utf-8"))
    assert set(shipped) == {"en", "es"}
    for lang, words in shipped.items():
        ui = yaml.safe_load((DEFAULT_DATA_DIR / lang / "ui.yaml").read_text(encoding="utf-8"))
        crisis = yaml.safe_load(
            (DEFAULT_DATA_DIR / lang / "crisis.yaml").read_text(encoding="utf-8")
        )
        assert {k: ui[k] for k in words["ui"]} == words["ui"], lang
        [(name, region)] = words["crisis"]["regions"].items()
        assert crisis["regions"][name] == region, lang
