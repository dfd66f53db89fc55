"""The checked content is kept between processes, and never outlives an edit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_every_module_whose_objects_the_cache_holds_is_in_its_fingerprint():
    """An upgrade that changes any of these modules must not serve content pickled by the
    old code (the facilitator notes' schema was once left out of a list of names)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from widgets.content import loader\n"
        "loader.load_workbook()\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items()\n"
        "      if n.startswith('widgets') and getattr(m, '__file__', None)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    fingerprinted = {str(p.resolve()) for p in content_cache.code_files()}
    face = str((Path(content_cache.__file__).parent.parent / "__init__.py").resolve())
    missing = sorted(
        f for f in loaded if str(Path(f).resolve()) not in fingerprinted | {face}
    )  # the package's face (widgets/__init__.py) holds no part of the content
    assert missing == []
    assert any(p.name == "notes.py" for p in content_cache.code_files())


def test_a_change_to_any_content_module_changes_the_fingerprint(data_copy, monkeypatch, tmp_path):
    before = content_cache.fingerprint(data_copy, "en")
    copies = []
    for path in content_cache.code_files():
        copy = tmp_path / path.name
        extra = b"\n# changed\n" if path.name == "notes.py" else b""
        copy.write_bytes(path.read_bytes() + extra)
        copies.append(copy)
    monkeypatch.setattr(content_cache, "code_files", lambda: copies)
    assert content_cache.fingerprint(data_copy, "en") != before
