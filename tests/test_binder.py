"""Binder (mybinder.org) serves the same app as `make app`: the same packages, the gentle
template, and voila.json's settings (timeouts, kernel culling) in the Jupyter server that
runs Voila there; the README links to it as an app."""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import tomllib
import yaml
from jupyter_server.serverapp import ServerApp

from widgets.paths import REPO_DIR
from widgets.server import settings as server_settings

BINDER = REPO_DIR / "binder"
VOILA_JSON = json.loads((REPO_DIR / "voila.json").read_text(encoding="utf-8"))


def _name_and_bound(requirement: str) -> tuple[str, str]:
    match = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", requirement.split(";")[0].strip())
    return re.sub(r"[-_.]+", "-", match.group(1)).lower(), match.group(2).replace(" ", "")


def test_binder_environment_has_what_the_app_needs():
    project = tomllib.loads((REPO_DIR / "pyproject.toml").read_text())["project"]
    wanted = dict(_name_and_bound(r) for r in project["dependencies"])
    env = yaml.safe_load((BINDER / "environment.yml").read_text(encoding="utf-8"))
    found = dict(_name_and_bound(d) for d in env["dependencies"] if isinstance(d, str))
    assert found.pop("python") == project["requires-python"]
    found.pop("pip")
    assert found == wanted


def test_post_build_installs_the_workbook_and_its_settings():
    script = (BINDER / "postBuild").read_text(encoding="utf-8")
    assert os.access(BINDER / "postBuild", os.X_OK)
    assert "pip install --no-deps -e ." in script
    assert "python -m widgets.server.settings" in script
    assert "workbook template-text" in script


def test_start_lets_voila_find_the_template():
    assert os.access(BINDER / "start", os.X_OK)
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    out = subprocess.run(
        [str(BINDER / "start"), "sh", "-c", 'printf %s "$JUPYTER_PATH"'],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    first = Path(out.split(os.pathsep)[0])
    assert first == REPO_DIR / "share" / "jupyter"
    name = VOILA_JSON["VoilaConfiguration"]["template"]
    assert (first / "voila" / "templates" / name / "index.html.j2").is_file()


def test_server_reads_the_same_settings_as_voila_json(tmp_path):
    """Run the settings step as postBuild does, then load the result the way Binder's
    Jupyter server loads its configuration."""
    (tmp_path / "jupyter_server_config.json").write_text(
        '{"ServerApp": {"open_browser": false}}', encoding="utf-8"
    )
    server_settings.main([str(tmp_path)])
    app = ServerApp(config_dir=str(tmp_path))
    app.load_config_file()
    config = app.config
    assert config.ServerApp.open_browser is False  # what was there is kept
    want = VOILA_JSON
    assert config.VoilaConfiguration.template == want["VoilaConfiguration"]["template"] == "gentle"
    assert config.VoilaConfiguration.show_tracebacks is False
    for key, value in want["VoilaExecutor"].items():
        assert config.VoilaExecutor[key] == value, key
    for key in ("cull_idle_timeout", "cull_interval", "cull_connected"):
        assert config.MappingKernelManager[key] == want["MappingKernelManager"][key], key
    assert "Voila" not in config or "identity_provider_class" not in config.Voila
    assert config.ServerApp.jpserver_extensions == {"widgets.server.compressed_static": True}


def test_binder_server_loads_the_compression_extension(tmp_path, monkeypatch):
    """The extension named in Binder's settings loads and switches compression on."""
    from tornado.web import StaticFileHandler

    from widgets.server import compressed_static

    original = compressed_static._original_set_extra_headers
    monkeypatch.setattr(StaticFileHandler, "set_extra_headers", original)
    server_settings.main([str(tmp_path)])
    config = json.loads((tmp_path / "jupyter_server_config.json").read_text(encoding="utf-8"))
    logged: list[str] = []
    server = SimpleNamespace(log=SimpleNamespace(info=lambda m, *a: logged.append(m % a)))
    names = config["ServerApp"]["jpserver_extensions"]
    for name in names:
        module = importlib.import_module(name)
        (point,) = module._jupyter_server_extension_points()
        assert point["module"] == name
        module._load_jupyter_server_extension(server)
    assert len(logged) == len(names)  # each one said it was loaded
    assert StaticFileHandler.set_extra_headers is compressed_static._set_extra_headers


def test_readme_links_binder_as_an_app():
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    link = re.search(r"https://mybinder\.org/v2/gh/[^\s)>`]+", readme)
    assert link, "README has no Binder link"
    assert link.group(0).endswith("?urlpath=voila/render/notebooks/00_welcome.ipynb")
    assert (REPO_DIR / "notebooks" / "00_welcome.ipynb").is_file()


def test_a_hub_gets_the_same_settings_with_its_own_culling(tmp_path):
    """deploy/jupyterhub writes a fresh file with its own culling times on top."""
    (tmp_path / "jupyter_server_config.json").write_text(
        '{"ServerApp": {"open_browser": true}}', encoding="utf-8"
    )
    hub = {"MappingKernelManager": {"cull_idle_timeout": 600, "cull_interval": 60}}
    target = server_settings.write(tmp_path, overrides=hub, keep=False)
    config = json.loads(target.read_text(encoding="utf-8"))
    assert "open_browser" not in config["ServerApp"]  # a file from an earlier start is gone
    assert config["MappingKernelManager"] == {
        **VOILA_JSON["MappingKernelManager"],
        **hub["MappingKernelManager"],
    }
    assert config["VoilaConfiguration"] == VOILA_JSON["VoilaConfiguration"]
    assert config["VoilaExecutor"] == VOILA_JSON["VoilaExecutor"]
    assert "Voila" not in config
