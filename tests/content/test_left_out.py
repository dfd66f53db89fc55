"""A workshop can leave out lessons and single exercises (settings.yaml leave_out, as
the studio saves it): participants' pages follow, nothing is deleted, no notebook
changes."""

from __future__ import annotations

import dataclasses

import ipywidgets as W

from widgets import show
from widgets.content import loader
from widgets.content.left_out import LEFT_OUT_CLASS, exercise_left_out, lesson_left_out
from widgets.content.loader import load_workbook
from widgets.page import state
from widgets.page.chrome import cards_html, footer_html
from widgets.paths import REPO_DIR


def _leaving_out(*refs: str):
    workbook = load_workbook()
    settings = workbook.settings.model_copy(update={"leave_out": list(refs)})
    return dataclasses.replace(workbook, settings=settings)


def test_an_exercise_or_its_whole_lesson_is_left_out():
    settings = _leaving_out("responsibility/repair", "guilt-shame").settings
    assert exercise_left_out(settings, "responsibility/repair")
    assert not exercise_left_out(settings, "responsibility/sorter")
    assert exercise_left_out(settings, "guilt-shame/translate")
    assert lesson_left_out(settings, "guilt-shame")
    assert not lesson_left_out(settings, "responsibility")


def test_a_lesson_left_out_has_no_card_and_is_skipped_by_back_and_next():
    workbook = _leaving_out("guilt-shame")
    cards = cards_html(workbook)
    titles = {e.id: e.title for e in workbook.lessons.lessons}
    assert titles["guilt-shame"] not in cards
    assert titles["staying-present"] in cards
    footer = footer_html(workbook, "responsibility")
    assert titles["guilt-shame"] not in footer
    assert titles["staying-present"] in footer  # next skips the lesson left out
    assert titles["guilt-shame"] in footer_html(load_workbook(), "responsibility")


def test_show_exercise_shows_nothing_for_an_exercise_left_out(monkeypatch):
    workbook = _leaving_out("responsibility/repair")
    monkeypatch.setattr(state, "workbook", lambda: workbook)
    left = show.show_exercise("responsibility/repair")
    assert LEFT_OUT_CLASS in left._dom_classes
    kept = show.show_exercise("responsibility/sorter")
    assert LEFT_OUT_CLASS not in getattr(kept, "_dom_classes", ())
    assert isinstance(kept, W.Widget)


def test_leave_out_is_checked_like_every_setting(tmp_path):
    import shutil

    shutil.copytree(REPO_DIR / "data", tmp_path / "data")
    settings = tmp_path / "data" / "settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "leave_out: [Not An Id]\nplan: 45\n",
        encoding="utf-8",
    )
    messages = [p.message for p in loader.validate(tmp_path / "data")]
    assert any("leave_out" in m for m in messages)
    assert any("'plan'" in m and "60" in m for m in messages)


def test_a_typo_in_leave_out_is_named_with_its_line(data_copy):
    from conftest import messages

    settings = data_copy / "settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + "leave_out:\n  - guilt-sham\n  - responsibility/repare\n",
        encoding="utf-8",
    )
    lines = settings.read_text(encoding="utf-8").splitlines()
    first = lines.index("  - guilt-sham") + 1
    found = messages(data_copy)
    assert any(
        m.startswith(
            f"data/settings.yaml line {first}: leave_out lists 'guilt-sham', but there "
            "is no lesson 'guilt-sham'."
        )
        for m in found
    ), found
    assert any(
        m.startswith(
            f"data/settings.yaml line {first + 1}: leave_out lists "
            "'responsibility/repare', but lesson 'responsibility' has no exercise "
            "'repare'. Its exercises are: "
        )
        for m in found
    ), found


def test_a_lesson_left_out_leaves_the_count_too(data_copy, monkeypatch):
    """With lesson 2 left out, the landing page says three lessons, not four, and
    "Staying present" is lesson 2 of 3 (its own page still says where it is)."""
    from widgets.page import chrome
    from widgets.page import state as page_state

    settings = data_copy / "settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "leave_out:\n  - guilt-shame\n", encoding="utf-8"
    )
    monkeypatch.setenv("OWNING_DATA_DIR", str(data_copy))
    wb = page_state.workbook()
    cards = chrome.cards_html(wb)
    assert cards.count("<li class='oig-card'>") == 3 and "Lesson 1 of 3" in cards
    assert chrome.where_text(wb, "staying-present") == "Lesson 2 of 3"
    assert chrome.where_text(wb, "guilt-shame") == "Lesson 2 of 4"  # opened by its address
