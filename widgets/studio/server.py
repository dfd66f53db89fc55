"""``workbook studio``: the studio in its own Voila process, on 127.0.0.1 only.

The studio's page is ``studio/studio.ipynb``, outside ``notebooks/``: the participants'
app serves notebooks/ and nothing else, so none of the studio's addresses answer there,
whatever HOST it runs with. This process always listens on 127.0.0.1 (never HOST),
wants a token (made here, new for each start) and checks every request's Host and
Origin (:mod:`.guard`). It does not read the app's voila.json.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import webbrowser

from widgets.paths import REPO_DIR

STUDIO_DIR = REPO_DIR / "studio"
NOTEBOOK = "studio.ipynb"
DEFAULT_PORT = 8867
ADDRESS = "127.0.0.1"  # never anything else: see the module's docstring


def studio_url(port: int, token: str) -> str:
    return f"http://{ADDRESS}:{port}/?token={token}"


def make_voila_class():
    from voila.app import Voila

    class StudioVoila(Voila):
        """Voila, with the studio's guard in front of every handler."""

        def listen(self):
            from .guard import guard_application

            self.ip = ADDRESS
            guard_application(self.app, self.port, self.log)
            super().listen()

    return StudioVoila


def voila_argv(port: int, token: str) -> list[str]:
    return [
        str(STUDIO_DIR / NOTEBOOK),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={ADDRESS}",
        "--Voila.port_retries=0",
        f"--token={token}",
        # only the studio's own settings: not the participants' app's voila.json
        f"--Voila.config_file_paths={[str(STUDIO_DIR)]}",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.file_allowlist=[]",
        # a tab left open without use for an hour frees its memory (its kernel)
        "--MappingKernelManager.cull_idle_timeout=3600",
        "--MappingKernelManager.cull_interval=300",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbook studio")
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("STUDIO_PORT", 0) or DEFAULT_PORT)
    )
    parser.add_argument("--no-browser", action="store_true", help="print the address only")
    parser.add_argument("--token", default=os.environ.get("STUDIO_TOKEN") or None)
    args = parser.parse_args(argv)
    token = args.token or secrets.token_urlsafe(24)
    url = studio_url(args.port, token)
    print("")
    print("  The studio is starting. It opens in your web browser; if it does not, open:")
    print(f"      {url}")
    print("  Only this computer can open it. Press Ctrl+C here to stop it.")
    print("")
    sys.stdout.flush()
    if not args.no_browser:
        import threading

        threading.Timer(3.0, lambda: webbrowser.open(url)).start()
    app = make_voila_class()
    app.launch_instance(argv=voila_argv(args.port, token))
    return 0


if __name__ == "__main__":
    sys.exit(main())
