"""Saving from the studio loses nothing: an untouched file is written back byte for byte,
comments stay, a save is atomic, undo puts the last version back, and a second tab's
save is refused when the file changed since it opened it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from widgets.paths import REPO_DIR
from widgets.studio import store
from widgets.studio.store import ChangedOnDisk, Document, NothingToUndo

DATA = REPO_DIR / "data"
FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("relative", FILES)
def test_an_untouched_file_is_written_back_the_same(relative):
    doc = Document(DATA, relative)
    assert doc.text() == (DATA / relative).read_text(encoding="utf-8")


def test_a_change_keeps_every_comment_and_the_order(data):
    relative = "en/lessons/responsibility.yaml"
    before = (data / relative).read_text(encoding="utf-8")
    doc = Document(data, relative)
    statement = doc.value["exercises"][0]["statements"][0]
    statement["text"] = store.styled_like(statement["text"], "A new first statement.")
    statement["why"] = store.styled_like(statement["why"], "A new reason. " * 12)
    doc.save()
    after = (data / relative).read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in after.splitlines() for line in comments)
    assert "text: A new first statement." in after
    assert "why: >-" in after.split("A new first statement.")[1][:40]  # still a text block
    block = after.split("why: >-", 1)[1].split("      - id: s15")[0].splitlines()[1:]
    assert len(block) >= 2 and max(len(line) for line in block) <= 90
    changed = [a for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(after.splitlines()) - len(before.splitlines()) in range(-3, 4)
    assert changed  # and only around the statement changed:
    assert before.split("      - id: s15")[1] == after.split("      - id: s15")[1]


def test_undo_puts_back_the_version_before_the_save(data):
    relative = "en/lessons/responsibility.yaml"
    original = (data / relative).read_bytes()
    doc = Document(data, relative)
    doc.value["exercises"][0]["title"] = "First change"
    doc.save()
    doc.value["exercises"][0]["title"] = "Second change"
    doc.save()
    doc.undo()
    assert "title: First change" in (data / relative).read_text(encoding="utf-8")
    doc.undo()
    assert (data / relative).read_bytes() == original
    with pytest.raises(NothingToUndo):
        doc.undo()
    # the versions are kept outside data/, where the workbook never reads them
    assert (data.parent / store.HISTORY).is_dir()
    assert not list(data.rglob("*.tmp"))


def test_a_second_tab_cannot_save_over_the_first(data):
    relative = "en/lessons/responsibility.yaml"
    first, second = Document(data, relative), Document(data, relative)
    first.value["exercises"][0]["title"] = "From the first tab"
    first.save()
    second.value["exercises"][0]["title"] = "From the second tab"
    with pytest.raises(ChangedOnDisk):
        second.save()
    assert "From the first tab" in (data / relative).read_text(encoding="utf-8")
    second.reload()
    second.value["exercises"][0]["title"] = "From the second tab"
    second.save()
    assert "From the second tab" in (data / relative).read_text(encoding="utf-8")


def test_a_save_cut_short_leaves_the_file_whole(data, monkeypatch):
    relative = "en/lessons/responsibility.yaml"
    original = (data / relative).read_bytes()
    doc = Document(data, relative)
    doc.value["exercises"][0]["title"] = "Never written"

    def power_cut(src, dst):
        raise OSError("the disk went away")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        doc.save()
    assert (data / relative).read_bytes() == original
    assert not [p for p in (data / "en" / "lessons").iterdir() if p.suffix == ".tmp"]


def test_folded_text_is_folded_near_the_file_width():
    value = store.styled_like(store.FoldedScalarString("old"), "word " * 60)
    assert isinstance(value, store.FoldedScalarString)
    assert value.fold_pos and all(
        b - a <= store.FOLD_AT for a, b in zip(value.fold_pos, value.fold_pos[1:])
    )
