"""The studio's own server, tested with real HTTP requests: it listens on 127.0.0.1
only (whatever HOST says), refuses a request whose Host is not this computer (DNS
rebinding) or whose Origin is another site (cross-site form posts and websockets), and
the participants' app does not serve any of it. Also: `make app CERT=... KEY=...`
serves the workbook over HTTPS."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import ssl
import subprocess
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from widgets.paths import REPO_DIR
from widgets.studio.guard import REFUSED, allowed
from widgets.studio.join import this_computer_address

from .conftest import ARTIFACTS, _free_port, start_voila, stop
from .studio_helpers import start_studio


@pytest.fixture(scope="module")
def studio():
    # HOST is what `make app HOST=0.0.0.0` uses; the studio must not follow it.
    proc, base, token = start_studio(env={"HOST": "0.0.0.0"})
    yield proc, base, token
    stop(proc)


def _request(base: str, method: str, path: str, headers: dict, body: str | None = None):
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=20)
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def test_studio_listens_on_127_0_0_1_only(studio):
    proc, base, _ = studio
    listening = [
        c.laddr
        for c in psutil.Process(proc.pid).net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    ]
    assert listening, "the studio listens nowhere"
    assert {addr.ip for addr in listening} == {"127.0.0.1"}, listening
    other = this_computer_address()
    if other != "127.0.0.1":
        with pytest.raises(OSError), socket.create_connection((other, _port(base)), timeout=3):
            pass


def test_studio_answers_its_own_address(studio):
    _, base, token = studio
    port = _port(base)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        status, body = _request(base, "GET", f"/?token={token}", {"Host": host})
        assert status == 200, (host, status)
        assert REFUSED not in body


@pytest.mark.parametrize(
    "host", ["attacker.example:{port}", "attacker.example", "192.168.1.20:{port}", "127.0.0.1:1"]
)
def test_studio_refuses_a_host_that_is_not_this_computer(studio, host):
    """DNS rebinding: a page at attacker.example whose name now points at 127.0.0.1."""
    _, base, token = studio
    status, body = _request(
        base, "GET", f"/?token={token}", {"Host": host.format(port=_port(base))}
    )
    assert status == 403
    assert REFUSED in body


def test_studio_refuses_a_cross_site_form_post(studio):
    _, base, token = studio
    port = _port(base)
    form = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/x-www-form-urlencoded"}
    status, body = _request(
        base, "POST", "/login", {**form, "Origin": "http://attacker.example"}, f"password={token}"
    )
    assert status == 403 and REFUSED in body
    status, body = _request(base, "POST", "/login", {**form, "Origin": "null"}, "password=x")
    assert status == 403 and REFUSED in body
    # the same form from the studio's own page reaches the studio (its own answer)
    status, body = _request(
        base, "POST", "/login", {**form, "Origin": f"http://127.0.0.1:{port}"}, "password=x"
    )
    assert REFUSED not in body


def test_studio_refuses_a_cross_site_websocket(studio):
    _, base, token = studio
    port = _port(base)
    headers = {
        "Host": f"127.0.0.1:{port}",
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version": "13",
    }
    path = f"/api/kernels/00000000-0000-0000-0000-000000000000/channels?token={token}"
    status, body = _request(base, "GET", path, {**headers, "Origin": "https://attacker.example"})
    assert status == 403 and REFUSED in body


def test_guard_words():
    assert allowed("127.0.0.1:8867", None, 8867)[0]
    assert allowed("localhost:8867", "http://localhost:8867", 8867)[0]
    assert allowed("[::1]:8867", "http://[::1]:8867", 8867)[0]
    assert not allowed("evil.example:8867", None, 8867)[0]
    assert not allowed("127.0.0.1:8867", "http://127.0.0.1:8866", 8867)[0]  # the app's port
    assert not allowed("127.0.0.1:8867", "http://127.0.0.1.evil.example:8867", 8867)[0]
    assert not allowed(None, None, 8867)[0]


def test_participants_app_does_not_serve_the_studio():
    """Whatever address is tried, the participants' app has no studio page."""
    proc, base, _ = start_voila(wait=120)
    try:
        for path in (
            "/voila/render/studio/studio.ipynb",
            "/voila/render/../studio/studio.ipynb",
            "/voila/render/%2e%2e/studio/studio.ipynb",
            "/voila/render/..%2fstudio/studio.ipynb",
            "/studio/studio.ipynb",
            "/voila/files/../studio/studio.ipynb",
            "/voila/tree/studio",
        ):
            host, port = base.removeprefix("http://").split(":")
            conn = http.client.HTTPConnection(host, int(port), timeout=60)
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read().decode("utf-8", "replace")
            assert response.status != 200 or "show_studio" not in body, path
            assert "Workshop studio" not in body, path
    finally:
        stop(proc)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_make_app_serves_https_with_a_certificate(tmp_path):
    cert, key = _self_signed(tmp_path)
    port = _free_port()
    log = ARTIFACTS / f"make-app-https-{port}.log"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        ["make", "-s", "app", f"PORT={port}", f"CERT={cert}", f"KEY={key}"],
        cwd=REPO_DIR,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # make, its shell and Voila: stopped together below
    )
    context = ssl.create_default_context(cafile=str(cert))
    try:
        deadline, page = time.monotonic() + 120, None
        while time.monotonic() < deadline and page is None:
            assert proc.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(
                    f"https://127.0.0.1:{port}/voila/render/00_welcome.ipynb",
                    context=context,
                    timeout=60,
                ) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert page is not None, log.read_text()
        assert "Owning It Gently" in page
        assert f"https://127.0.0.1:{port}/" in log.read_text()
        # plain http on that port gets no page
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
