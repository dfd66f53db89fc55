"""The studio's "This workshop" tab saves the group's choices in data/settings.yaml, with
its comments kept and the same checks, and undo puts the file back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from widgets.content.loader import validate
from widgets.content.yaml_lines import load_lined
from widgets.paths import REPO_DIR
from widgets.studio.choices import ChoicesPanel


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(REPO_DIR / "data", tmp_path / "data")
    return tmp_path / "data"


def test_choices_are_saved_in_settings_with_its_comments(data):
    before = (data / "settings.yaml").read_text(encoding="utf-8")
    panel = ChoicesPanel(data)
    panel.include["responsibility/repair"].value = False
    panel.include["guilt-shame"].value = False
    panel.include["guilt-shame/translate"].value = False  # said once, with its lesson
    panel.language_boxes["es"].value = False
    panel.region_pickers["en"].value = "uk"
    panel.plan.value = 90
    panel.save()
    assert "Saved" in panel.status.value
    after = (data / "settings.yaml").read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.startswith("#")]
    assert all(line in after.splitlines() for line in comments)
    value = load_lined(data / "settings.yaml").value
    assert value["leave_out"] == ["responsibility/repair", "guilt-shame"]
    assert value["languages"] == ["en"]
    assert value["crisis_region"] == {"en": "uk", "es": "spain"}
    assert value["plan"] == 90
    assert validate(data) == []
    panel.undo()
    assert (data / "settings.yaml").read_text(encoding="utf-8") == before


def test_the_main_language_stays_on_offer(data):
    panel = ChoicesPanel(data)
    assert panel.language_boxes["en"].disabled
    panel.language_boxes["en"].value = False
    panel.apply()
    assert "languages" not in panel.settings()  # every language still on offer


def test_nothing_chosen_leaves_settings_as_it_was(data):
    before = (data / "settings.yaml").read_bytes()
    panel = ChoicesPanel(data)
    panel.save()
    assert (data / "settings.yaml").read_bytes() == before
