"""Checked content, kept between processes so that each page does not check it again.

Every page of the web app runs in a kernel of its own, and each kernel used to read and
check all of data/ (YAML parsing with line numbers, then the pydantic models): about a
quarter of the CPU a page costs, repeated for every visitor. The result is the same as
long as the files are, so the first process to check them leaves the result here and the
others read it back.

The result is filed under a fingerprint of everything it depends on: every file under
data/ (names and bytes), the notebooks that lessons.yaml may name, the language asked
for, and the code that checks them. A facilitator's edit changes the fingerprint, so the
edited files are checked (and any problem reported) as before. Nothing a participant
types is ever stored here: only the facilitator's text, after it passed the checks.

The cache lives in the user's cache folder (``$OIG_CACHE_DIR``, else
``$XDG_CACHE_HOME/owning-it-gently``, else ``~/.cache/owning-it-gently``), readable by the
user alone; a file that cannot be read or written is ignored and the content is checked
as if there were no cache. ``OIG_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import pydantic

KEEP = 20  # fingerprints kept; older ones are removed when a new one is written


def code_files() -> list[Path]:
    """The code whose objects a cached Workbook holds: every module of this package and the
    two below it. Listing the folder rather than names means a new module (the notes'
    schema, say) can never be left out and serve stale content after an upgrade."""
    here = Path(__file__).parent
    return sorted(here.glob("*.py")) + [here.parent / "text.py", here.parent / "paths.py"]


def cache_dir() -> Path | None:
    chosen = os.environ.get("OIG_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "owning-it-gently"


def fingerprint(root: Path, language: str | None) -> str:
    digest = hashlib.sha256()
    for path in code_files():
        digest.update(path.read_bytes())
    digest.update(f"{sys.version}|{pydantic.VERSION}|{language}|{root.resolve()}".encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    notebooks = root.parent / "notebooks"
    if notebooks.is_dir():
        names = sorted(p.relative_to(notebooks).as_posix() for p in notebooks.rglob("*.ipynb"))
        digest.update("\n".join(names).encode())
    return digest.hexdigest()


def read(key: str) -> Any | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / f"{key}.pickle").open("rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, half-written by an old version, unreadable
        return None


def write(key: str, value: Any) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")  # readable by the user only
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{key}.pickle")  # readers see the old file or the new
        finally:
            Path(tmp).unlink(missing_ok=True)
        kept = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: just check each time
        return


# --- the last content that checked, for the safety shell -------------------------------
# When a facilitator's edit breaks a file while the app runs, every page must still show
# the pause, help and help lines. They come from the last content that checked for this
# data folder and language (kept under a name of its own, so KEEP never removes it).


def _last_good_path(root: Path, language: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(f"{root.resolve()}|{language}".encode()).hexdigest()[:32]
    return folder / f"{key}.last-good"


def write_last_good(root: Path, language: str, value: Any) -> None:
    path = _last_good_path(root, language)
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - as in write(): the shell then uses shipped words
        return


def has_last_good(root: Path, language: str) -> bool:
    path = _last_good_path(root, language)
    return path is not None and path.is_file()


def read_last_good(root: Path, language: str) -> Any | None:
    path = _last_good_path(root, language)
    if path is None:
        return None
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, or written by another version
        return None


def stamp(root: Path) -> tuple[Any, ...]:
    """A cheap sign of every file under ``root`` (names, sizes, change times): equal as
    long as nobody edited anything. Used per visitor, so it reads no file's bytes."""
    found = []
    for path in sorted(root.rglob("*")):
        try:
            info = path.stat()
        except OSError:
            continue
        found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(found)
