"""voila.json's settings for a Jupyter server that runs Voila inside it (Binder, JupyterHub).

`make app` runs Voila on its own, and Voila reads voila.json. On Binder (the link ends in
``urlpath=voila/render/notebooks/00_welcome.ipynb``) and in each JupyterHub user's server,
Voila runs inside a Jupyter server, which reads voila.json only for Voila's page settings;
the time a page may take (VoilaExecutor), the stopping of kernels of closed pages
(MappingKernelManager) and the server's extensions are the server's own settings. This
writes every section of voila.json into a ``jupyter_server_config.json``, so the three
ways of serving the workbook read one file and never drift apart (tests/test_binder.py
and tests/hub/ check it).

    python -m widgets.server.settings [CONFIG_DIR]    (default ~/.jupyter; Binder's postBuild)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from widgets.paths import REPO_DIR

# Settings of the stand-alone `voila` command only (`make app`): not for a server.
STANDALONE_ONLY = {"Voila"}
# What `make app` gets from its kernel manager, loaded here as a server extension:
# Voila's scripts sent gzip-compressed (widgets/compressed_static.py).
EXTENSIONS = {"widgets.server.compressed_static": True}


def _merged(base: dict, extra: dict) -> dict:
    config = dict(base)
    for section, values in extra.items():
        config[section] = {**config.get(section, {}), **values}
    return config


def server_config(voila: dict, existing: dict | None = None, overrides: dict | None = None) -> dict:
    """``existing`` (a server config), with voila.json's sections on top, then the
    workbook's extensions, then ``overrides`` (e.g. a hub's own culling times)."""
    config = _merged(existing or {}, {s: v for s, v in voila.items() if s not in STANDALONE_ONLY})
    enabled = config.get("ServerApp", {}).get("jpserver_extensions", {})
    config = _merged(config, {"ServerApp": {"jpserver_extensions": {**enabled, **EXTENSIONS}}})
    return _merged(config, overrides or {})


def write(config_dir: Path, overrides: dict | None = None, keep: bool = True) -> Path:
    """Write ``config_dir/jupyter_server_config.json``; ``keep`` keeps what else it holds
    (a person's own ~/.jupyter), otherwise the file holds only the workbook's settings."""
    config_dir.mkdir(parents=True, exist_ok=True)
    target = config_dir / "jupyter_server_config.json"
    existing = json.loads(target.read_text(encoding="utf-8")) if keep and target.is_file() else {}
    voila = json.loads((REPO_DIR / "voila.json").read_text(encoding="utf-8"))
    config = server_config(voila, existing, overrides)
    target.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(f"Wrote {write(Path(args[0]) if args else Path.home() / '.jupyter')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
