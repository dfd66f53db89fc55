"""Voila's scripts go out gzip-compressed, compressed once per file version
(widgets/compressed_static.py), and every client that cannot use that gets the file as it is."""

from __future__ import annotations

import asyncio
import gzip
import os
import threading
import urllib.error
import urllib.request

import pytest
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, StaticFileHandler
from voila.static_file_handler import MultiStaticFileHandler

from widgets.server import compressed_static

SCRIPT = "".join(
    f"export function step{i}(state) {{ return state.next('{i}'); }}\n" for i in range(500)
).encode()
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def fresh_copies():
    compressed_static.install()
    compressed_static.clear()
    yield
    compressed_static.clear()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "app.js").write_bytes(SCRIPT)
    (tmp_path / "tiny.css").write_bytes(b"body{margin:0}")
    (tmp_path / "font.woff2").write_bytes(os.urandom(4000))
    return tmp_path


@pytest.fixture
def get(folder):
    """GET (or HEAD) from a Tornado app with a plain and a Voila static handler over
    ``folder``, served from its own thread and event loop (the browser tests' Playwright
    keeps a loop running in this one). The live app's handlers are checked in
    tests/browser/test_app_compression.py. Returns (status, headers, raw body)."""
    root = str(folder)
    ready = threading.Event()
    state = {}

    def serve():
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        app = Application(
            [
                (r"/plain/(.*)", StaticFileHandler, {"path": root}),
                (r"/multi/(.*)", MultiStaticFileHandler, {"paths": [root]}),
            ]
        )
        server = HTTPServer(app)
        sock = bind_sockets(0, "127.0.0.1")
        server.add_sockets(sock)
        state.update(loop=loop, server=server, port=sock[0].getsockname()[1])
        ready.set()
        loop.run_forever()
        server.stop()
        loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)

    def fetch(path, headers=None, method="GET"):
        request = urllib.request.Request(
            f"http://127.0.0.1:{state['port']}{path}", headers=headers or {}, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    yield fetch
    state["loop"].call_soon_threadsafe(state["loop"].stop)
    thread.join(10)


def test_a_browser_that_accepts_gzip_gets_the_same_file_compressed(get):
    for prefix in ("plain", "multi"):
        status, headers, body = get(f"/{prefix}/app.js", GZIP)
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in headers["Vary"]
        assert int(headers["Content-Length"]) == len(body)
        assert len(body) < len(SCRIPT) / 3
        assert gzip.decompress(body) == SCRIPT


def test_a_client_without_gzip_gets_the_file_as_it_is(get):
    for asked in ({}, {"Accept-Encoding": "identity"}, {"Accept-Encoding": "gzip;q=0"}):
        status, headers, body = get("/plain/app.js", asked)
        assert status == 200 and body == SCRIPT
        assert "Content-Encoding" not in headers
        assert "Accept-Encoding" in headers["Vary"]  # caches keep the two apart


def test_a_range_request_gets_the_bytes_it_asked_for(get):
    status, headers, body = get("/plain/app.js", {**GZIP, "Range": "bytes=0-99"})
    assert status == 206
    assert body == SCRIPT[:100]
    assert "Content-Encoding" not in headers


def test_fonts_and_tiny_files_are_sent_as_they_are(get, folder):
    font = (folder / "font.woff2").read_bytes()
    _, headers, body = get("/plain/font.woff2", GZIP)
    assert body == font and "Content-Encoding" not in headers and "Vary" not in headers
    _, headers, body = get("/plain/tiny.css", GZIP)
    assert body == b"body{margin:0}" and "Content-Encoding" not in headers


def test_each_version_of_a_file_is_compressed_once(get, folder, monkeypatch):
    calls = []
    real = gzip.compress

    def counting(data, **kwargs):
        calls.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(compressed_static.gzip, "compress", counting)
    for _ in range(3):
        assert gzip.decompress(get("/plain/app.js", GZIP)[2]) == SCRIPT
    assert calls == [len(SCRIPT)]
    edited = SCRIPT.replace(b"state", b"steps") + b"// edited\n"
    path = folder / "app.js"
    path.write_bytes(edited)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert gzip.decompress(get("/plain/app.js", GZIP)[2]) == edited
    assert len(calls) == 2


def test_the_compressed_copy_has_its_own_etag_and_revalidates(get):
    plain = get("/plain/app.js")[1]["Etag"]
    packed = get("/plain/app.js", GZIP)[1]["Etag"]
    assert plain != packed and packed.endswith('-gzip"')
    assert get("/plain/app.js", {**GZIP, "If-None-Match": packed})[0] == 304
    # A client that cannot take gzip never gets a 304 for the compressed bytes.
    status, _, body = get("/plain/app.js", {"If-None-Match": packed})
    assert status == 200 and body == SCRIPT


def test_head_reports_the_compressed_length(get):
    head = get("/plain/app.js", GZIP, method="HEAD")[1]
    full = get("/plain/app.js", GZIP)[1]
    assert head["Content-Encoding"] == "gzip"
    assert head["Content-Length"] == full["Content-Length"]


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("gzip", True),
        ("gzip, deflate, br, zstd", True),
        ("br;q=1.0, gzip;q=0.8", True),
        ("GZIP", True),
        ("*", True),
        ("gzip;q=0", False),
        ("gzip;q=0.0", False),
        ("identity", False),
        ("br", False),
        ("", False),
    ],
)
def test_accept_encoding_is_read_as_browsers_write_it(header, accepted):
    assert compressed_static.accepts_gzip(header) is accepted
