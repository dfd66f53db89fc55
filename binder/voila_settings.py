"""Write voila.json's settings where Binder's Jupyter server reads them (run by postBuild).

On Binder, Voila runs inside the Jupyter server (the link ends in
``urlpath=voila/render/notebooks/00_welcome.ipynb``). That server reads voila.json only
for Voila's page settings (template, theme, tracebacks); the time a page may take
(VoilaExecutor) and the stopping of kernels of closed pages (MappingKernelManager) are
the server's own settings. This copies every section of voila.json into
``~/.jupyter/jupyter_server_config.json``, keeping whatever else is there, so the two
never drift apart (tests/test_binder.py checks it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Settings of the stand-alone `voila` command only (`make app`): not for a server.
STANDALONE_ONLY = {"Voila"}
# What `make app` gets from its kernel manager, loaded here as a server extension:
# Voila's scripts sent gzip-compressed (widgets/compressed_static.py).
EXTENSIONS = {"widgets.compressed_static": True}


def server_config(voila: dict, existing: dict | None = None) -> dict:
    config = dict(existing or {})
    for section, values in voila.items():
        if section in STANDALONE_ONLY:
            continue
        config[section] = {**config.get(section, {}), **values}
    server = config.setdefault("ServerApp", {})
    server["jpserver_extensions"] = {**server.get("jpserver_extensions", {}), **EXTENSIONS}
    return config


def main(config_dir: Path | None = None) -> Path:
    config_dir = config_dir or Path.home() / ".jupyter"
    config_dir.mkdir(parents=True, exist_ok=True)
    target = config_dir / "jupyter_server_config.json"
    existing = json.loads(target.read_text(encoding="utf-8")) if target.is_file() else {}
    voila = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))
    config = server_config(voila, existing)
    target.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    print(f"Wrote {main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)}")
