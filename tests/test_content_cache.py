"""The checked content is kept between processes, and never outlives an edit."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import edit

from widgets.content import cache as content_cache
from widgets.content import loader as content
from widgets.content.loader import ContentError, clear_cache, load_workbook


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("OIG_CACHE_DIR", str(folder))
    clear_cache()
    yield folder
    clear_cache()


def _no_checking(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the files were checked again")

    monkeypatch.setattr(content, "collect", refuse)


def test_second_process_reads_what_the_first_checked(data_copy, cache, monkeypatch):
    first = load_workbook(data_copy)
    assert len(list(cache.glob("*.pickle"))) == 1
    clear_cache()  # as a new kernel would start
    _no_checking(monkeypatch)
    again = load_workbook(data_copy)
    assert again == first and again is not first


def test_an_edit_is_checked_again_and_its_problem_reported(data_copy, cache, monkeypatch):
    load_workbook(data_copy)
    clear_cache()
    edit(data_copy / "settings.yaml", "  en: us", "  en: mars")
    with pytest.raises(ContentError, match="mars"):
        load_workbook(data_copy)
    edit(data_copy / "settings.yaml", "  en: mars", "  en: us")
    clear_cache()
    _no_checking(monkeypatch)  # back as it was: the first result is still good
    assert load_workbook(data_copy).region_id == "us"


def test_an_edited_title_shows_at_once(data_copy, cache):
    lesson = data_copy / "en" / "lessons" / "responsibility.yaml"
    before = load_workbook(data_copy).lesson_files["responsibility"].exercises[0].title
    edit(lesson, f"title: {before}", "title: A brand new title")
    clear_cache()
    assert load_workbook(data_copy).lesson_files["responsibility"].exercises[0].title == (
        "A brand new title"
    )


def test_a_removed_notebook_is_still_reported(data_copy, cache):
    load_workbook(data_copy)
    clear_cache()
    (data_copy.parent / "notebooks" / "02_guilt_vs_shame.ipynb").unlink()
    with pytest.raises(ContentError, match="02_guilt_vs_shame"):
        load_workbook(data_copy)


def test_language_is_part_of_the_key(data_copy, cache):
    assert load_workbook(data_copy, "es").language == "es"
    clear_cache()
    assert load_workbook(data_copy, "en").language == "en"
    assert len(list(cache.glob("*.pickle"))) == 2


@pytest.mark.parametrize("junk", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_broken_cache_file_is_ignored(data_copy, cache, junk):
    first = load_workbook(data_copy)
    (file,) = cache.glob("*.pickle")
    file.write_bytes(junk)
    clear_cache()
    assert load_workbook(data_copy) == first


def test_an_unwritable_cache_changes_nothing(data_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("OIG_CACHE_DIR", str(blocker / "cache"))
    clear_cache()
    assert load_workbook(data_copy).language == "en"
    clear_cache()


def test_off_means_off(data_copy, monkeypatch):
    monkeypatch.setenv("OIG_CACHE_DIR", "off")
    clear_cache()
    load_workbook(data_copy)
    assert content_cache.cache_dir() is None
    clear_cache()


def test_only_the_user_can_read_it(data_copy, cache):
    load_workbook(data_copy)
    (file,) = cache.glob("*.pickle")
    assert cache.stat().st_mode & 0o077 == 0
    assert file.stat().st_mode & 0o077 == 0


def test_old_fingerprints_are_removed(cache):
    cache.mkdir()
    for i in range(content_cache.KEEP + 5):
        content_cache.write(f"k{i}", i)
        os.utime(cache / f"k{i}.pickle", (i, i))
    content_cache.write("newest", "x")
    assert len(list(cache.glob("*.pickle"))) == content_cache.KEEP
    assert content_cache.read("newest") == "x"


def test_a_new_process_uses_the_cache(data_copy, cache):
    """The real thing: two processes, the second never runs the checks."""
    code = (
        "import sys, widgets.content.loader as c\n"
        "def refuse(*a, **k): raise SystemExit('checked again')\n"
        "if sys.argv[2] == 'second': c.collect = refuse\n"
        "print(c.load_workbook(sys.argv[1]).region_id)\n"
    )
    env = {**os.environ, "OIG_CACHE_DIR": str(cache)}
    for turn in ("first", "second"):
        done = subprocess.run(
            [sys.executable, "-c", code, str(data_copy), turn],
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 0 and done.stdout.strip() == "us", (turn, done.stderr)
