"""Lesson 2's feelings check-in: guilt and shame 0-10 at the start and at the end."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

import widgets.exercises.feelings_checkin as fc
from widgets.content.schema import FeelingsCheckinExercise
from widgets.exercises.feelings_checkin import (
    FeelingsCheckinModel,
    FeelingsCheckinView,
    FeelingsLog,
)
from widgets.page import state as page_state


@pytest.fixture
def specs(workbook):
    start = workbook.exercise("guilt-shame/checkin-start")[1]
    end = workbook.exercise("guilt-shame/checkin-end")[1]
    return start, end


@pytest.fixture
def views(workbook, specs):
    log = FeelingsLog()
    return FeelingsCheckinView(workbook, specs[0], log), FeelingsCheckinView(
        workbook, specs[1], log
    )


def alt_text(html: str) -> str:
    return re.search(r'aria-label="([^"]*)"', html).group(1)


def test_the_two_check_ins_share_one_log(specs):
    start, end = specs
    assert start.log == end.log and start.feelings == end.feelings
    assert [m.id for m in end.chart.moments] == [start.moment.id, end.moment.id]
    assert start.chart is None


def test_end_chart_shows_both_moments_in_words(views):
    start, end = views
    start._sliders["guilt"].value = 6
    start._sliders["shame"].value = 8
    start._button.click()
    assert start._reply.layout.display is None and start._chart.layout.display == "none"
    assert start._chart.value == ""  # the start has no chart
    end._sliders["guilt"].value = 4
    end._sliders["shame"].value = 3
    end._button.click()
    assert end._chart.layout.display is None
    alt = alt_text(end._chart.value)
    assert alt == (
        "Guilt and shame in this lesson. Guilt: 6 out of 10 at start, 4 out of 10 at end. "
        "Shame: 8 out of 10 at start, 3 out of 10 at end."
    )
    assert "<svg" in end._chart.value and "oig-chart-text" in end._chart.value


def test_chart_is_drawn_only_when_the_participant_acts(views, monkeypatch, specs, workbook):
    drawn = []
    monkeypatch.setattr(fc, "chart_html", lambda *a: drawn.append(a) or "<figure></figure>")
    log = FeelingsLog()
    log.record("start", {"guilt": 5, "shame": 5})
    end = FeelingsCheckinView(workbook, specs[1], log)
    FeelingsCheckinModel(specs[1], log).restore({"ratings": {"guilt": 2}})
    assert drawn == [] and end._chart.value == ""
    end._button.click()
    assert len(drawn) == 1


def test_an_unrated_start_is_said_in_words(views):
    _, end = views
    end._button.click()
    alt = alt_text(end._chart.value)
    assert "Guilt: not rated at start, 0 out of 10 at end." in alt


def test_a_new_start_rating_updates_a_drawn_chart(views):
    start, end = views
    end._button.click()
    start._sliders["shame"].value = 9
    start._button.click()
    assert "Shame: 9 out of 10 at start" in alt_text(end._chart.value)


def test_ratings_are_whole_numbers_from_0_to_10(specs):
    m = FeelingsCheckinModel(specs[0], FeelingsLog())
    with pytest.raises(ValueError):
        m.check_in({"guilt": 11})
    with pytest.raises(ValueError):
        m.check_in({"pride": 3})
    m.check_in({"guilt": 0, "shame": 10})
    assert m.ratings == {"guilt": 0, "shame": 10} and m.checked_in


def test_answers_round_trip_and_junk_is_ignored(specs, workbook):
    log = FeelingsLog()
    m = FeelingsCheckinModel(specs[0], log)
    m.check_in({"guilt": 3, "shame": 7})
    saved = m.answers()
    other = FeelingsLog()
    again = FeelingsCheckinModel(specs[0], other)
    again.restore(saved)
    assert again.answers() == saved == {"ratings": {"guilt": 3, "shame": 7}}
    again.restore({"ratings": {"guilt": 12, "shame": True, "pride": 4}})
    again.restore({"ratings": "lots"})
    assert again.answers() == saved
    view = FeelingsCheckinView(workbook, specs[0], other)
    assert view._sliders["shame"].value == 7  # sliders start where the log is


def test_views_built_by_the_notebook_share_the_kernel_log(workbook, monkeypatch):
    from widgets import build_exercise

    page_state.reset()
    start = build_exercise("guilt-shame/checkin-start", workbook)
    end = build_exercise("guilt-shame/checkin-end", workbook)
    assert start.model.log is end.model.log
    start._sliders["guilt"].value = 7
    start._button.click()
    end._button.click()
    assert "Guilt: 7 out of 10 at start" in alt_text(end._chart.value)


def test_schema_chart_must_include_its_own_moment(specs):
    data = specs[1].model_dump()
    data["moment"]["id"] = "middle"
    with pytest.raises(ValidationError, match="moment 'middle'"):
        FeelingsCheckinExercise.model_validate(data)
