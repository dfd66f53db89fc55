"""Read and save one file of data/ without losing anything.

- Round trip: ruamel.yaml keeps comments, key order, quotes and the folded text blocks.
  An untouched file is written back byte for byte the same.
- Atomic: the new text goes to a temporary file in the same folder, which then replaces
  the file in one step (``os.replace``), so a file is never half written.
- Undo: before each save the file as it was is kept in ``.studio-history/`` next to
  data/ (outside data/, so the workbook never reads it); :meth:`Document.undo` puts the
  last one back.
- Two tabs: the file's hash is taken when it is opened; a save finds a different hash
  on disk and is refused (:class:`ChangedOnDisk`), never merged.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

# Text blocks (">-") are folded near this column when a field's text is replaced.
FOLD_AT = 84
HISTORY = ".studio-history"


class ChangedOnDisk(Exception):
    """The file changed since it was opened here (another tab, or a text editor)."""


class NothingToUndo(Exception):
    pass


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 100_000  # never re-wrap a line the facilitator wrote
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dump(value: Any) -> str:
    out = io.StringIO()
    _yaml().dump(value, out)
    return out.getvalue()


def _fold_positions(text: str, indent: int) -> list[int]:
    """Where a folded block breaks its lines (at spaces), to keep lines near FOLD_AT."""
    positions, column = [], indent
    for i, ch in enumerate(text):
        column += 1
        if ch == " " and column > FOLD_AT - 12:
            nxt = text.find(" ", i + 1)
            word = (nxt if nxt != -1 else len(text)) - i
            if column + word > FOLD_AT:
                positions.append(i)
                column = indent
    return positions


def styled_like(old: Any, new: str, indent: int = 8) -> str:
    """``new`` in the style ``old`` was written in (folded block, quotes, literal)."""
    if isinstance(old, FoldedScalarString):
        value = FoldedScalarString(new)
        value.fold_pos = _fold_positions(new, indent)
        return value
    for kind in (LiteralScalarString, DoubleQuotedScalarString, SingleQuotedScalarString):
        if isinstance(old, kind):
            return kind(new)
    if "\n" in new:
        return LiteralScalarString(new)
    return new


def write_atomic(path: Path, text: str) -> None:
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class Document:
    """One file of data/ as the studio edits it: ``value`` is the round-trip tree."""

    def __init__(self, root: Path, relative: str):
        self.root = Path(root)
        self.relative = relative  # "en/lessons/responsibility.yaml"
        self.reload()

    @property
    def path(self) -> Path:
        return self.root / self.relative

    @property
    def name(self) -> str:
        """As messages name it: data/en/lessons/responsibility.yaml."""
        return f"data/{self.relative}"

    def reload(self) -> None:
        data = self.path.read_bytes()
        self.loaded_hash = digest(data)
        self.value = _yaml().load(data.decode("utf-8"))

    def text(self) -> str:
        return dump(self.value)

    def changed_on_disk(self) -> bool:
        return digest(self.path.read_bytes()) != self.loaded_hash

    def history_dir(self) -> Path:
        return self.root.parent / HISTORY / self.relative

    def versions(self) -> list[Path]:
        folder = self.history_dir()
        return sorted(folder.glob("*.yaml")) if folder.is_dir() else []

    def save(self, text: str | None = None) -> None:
        """Write the file (keeping the version on disk for undo). Refused with
        :class:`ChangedOnDisk` if the file changed since it was opened here."""
        text = self.text() if text is None else text
        if self.changed_on_disk():
            raise ChangedOnDisk(self.name)
        old = self.path.read_bytes()
        if old.decode("utf-8") == text:
            return
        folder = self.history_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{time.time_ns()}.yaml").write_bytes(old)
        write_atomic(self.path, text)
        self.loaded_hash = digest(text.encode("utf-8"))

    def undo(self) -> None:
        """Put back the version before the last save (again for earlier ones)."""
        versions = self.versions()
        if not versions:
            raise NothingToUndo(self.name)
        if self.changed_on_disk():
            raise ChangedOnDisk(self.name)
        last = versions[-1]
        write_atomic(self.path, last.read_text(encoding="utf-8"))
        last.unlink()
        self.reload()
