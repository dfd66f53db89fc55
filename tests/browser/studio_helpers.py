"""Starting the facilitator's studio (widgets/studio/server.py) for a test, as
`make studio` does, on a free port; the test stops it with ``conftest.stop``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from widgets.paths import REPO_DIR

from .conftest import ARTIFACTS, _free_port

TOKEN = "studio-test-token"


def start_studio(data: Path | None = None, env: dict | None = None, port: int | None = None):
    """(process, base address, token); ``data`` is the data/ folder it edits."""
    port = port or _free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / f"studio-{port}.log"
    full_env = {**os.environ, "JUPYTER_PATH": str(REPO_DIR / "share" / "jupyter"), **(env or {})}
    if data is not None:
        full_env["OWNING_DATA_DIR"] = str(data)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "widgets.studio.server",
            "--no-browser",
            f"--port={port}",
            f"--token={TOKEN}",
        ],
        cwd=REPO_DIR,
        env=full_env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the studio exited early; see {log}")
        try:
            urllib.request.urlopen(f"{base}/login", timeout=2)
            return proc, base, TOKEN
        except urllib.error.HTTPError:
            return proc, base, TOKEN
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError(f"the studio did not start within 60 s; see {log}")
