"""Voila's scripts and styles sent gzip-compressed, each file compressed once.

Every first visit to a page downloads Voila's front end: about 5.4 MB of JavaScript and
CSS in ~100 files, which Voila's file handlers send uncompressed. On the computer that
serves the app that costs nothing, but a workshop's 30 laptops share one Wi-Fi: 30 x
5.4 MB is 160 MB through the same air before anyone's first page works. Compressed, a
first visit is 1.6 MB.

Tornado can compress every response (``compress_response``), but it does so again for
each request, which would cost the server about 0.14 s of CPU per first visit (nine
times what it spends on a visitor otherwise) at exactly the moment 30 arrive.
:func:`install` instead teaches Tornado's ``StaticFileHandler`` (which all of Voila's
file handlers are built on) to keep a compressed copy of each text file the first time
it is asked for and send that copy to every browser that accepts gzip. A file that
changes on disk is compressed again; a range request, a browser that does not accept
gzip, and files that are already compressed (fonts, images) get the file as it is.
"""

from __future__ import annotations

import gzip
import os
import threading

from tornado.web import StaticFileHandler

# Text types worth compressing; fonts (woff2) and images are compressed already.
COMPRESSIBLE = frozenset({".js", ".mjs", ".css", ".json", ".map", ".svg", ".html", ".txt"})
# Below this the headers outweigh what compression saves.
SMALLEST = 1024
LEVEL = 6

_copies: dict[str, tuple[int, int, bytes | None]] = {}
_lock = threading.Lock()
_original_set_extra_headers = StaticFileHandler.set_extra_headers


def compressed_copy(path: str) -> bytes | None:
    """The gzip copy of the file at ``path``, made once per version of the file (None
    when it is too small or compression would not make it noticeably smaller)."""
    stat = os.stat(path)
    key = (stat.st_mtime_ns, stat.st_size)
    known = _copies.get(path)
    if known is not None and known[:2] == key:
        return known[2]
    copy = None
    if stat.st_size >= SMALLEST:
        with open(path, "rb") as file:
            data = file.read()
        packed = gzip.compress(data, compresslevel=LEVEL, mtime=0)
        copy = packed if len(packed) < len(data) * 0.9 else None
    with _lock:
        _copies[path] = (*key, copy)
    return copy


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header allows gzip (``gzip;q=0`` refuses it)."""
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = params.strip().lower().removeprefix("q=")
            try:
                return not params or float(quality) > 0
            except ValueError:
                return True
    return False


def _set_extra_headers(self: StaticFileHandler, path: str) -> None:
    _original_set_extra_headers(self, path)
    if os.path.splitext(self.absolute_path or "")[1].lower() not in COMPRESSIBLE:
        return
    self.add_header("Vary", "Accept-Encoding")
    request = self.request
    if request.headers.get("Range") or not accepts_gzip(request.headers.get("Accept-Encoding", "")):
        return
    try:
        copy = compressed_copy(self.absolute_path)
    except OSError:  # gone since Tornado found it: let Tornado answer as it would
        return
    if copy is None:
        return
    self.set_header("Content-Encoding", "gzip")
    etag = self._headers.get("Etag")
    if etag:  # the compressed copy is a different set of bytes: its own validator
        self.set_header("Etag", etag[:-1] + '-gzip"' if etag.endswith('"') else etag + "-gzip")
    # Only this response reads the copy: instance attributes shadow the class's methods.
    self.get_content_size = lambda: len(copy)
    self.get_content = lambda _path, start=None, end=None: [copy[start:end]]


def install() -> None:
    """Serve compressed copies from every StaticFileHandler in this process (safe to
    call twice)."""
    StaticFileHandler.set_extra_headers = _set_extra_headers


def clear() -> None:
    """Forget every compressed copy (tests)."""
    with _lock:
        _copies.clear()


# As a Jupyter Server extension, for servers that do not load the workbook's kernel
# manager (a JupyterHub user's server: deploy/jupyterhub/jupyterhub_config.py).
def _jupyter_server_extension_points() -> list[dict]:
    return [{"module": "widgets.server.compressed_static"}]


def _load_jupyter_server_extension(server_app) -> None:
    install()
    server_app.log.info("Scripts and styles are sent gzip-compressed")
