"""JupyterHub for a workshop: every participant lands on the workbook's Voila pages.

Each user gets their own single-user server (a local process here; a pod on Kubernetes),
opened at the workbook's welcome page in Voila, so they never see Jupyter itself. Idle
servers are stopped by jupyterhub-idle-culler. Content and the crisis region come from the
same data/ folder as `make app` (OWNING_DATA_DIR), and the same Voila template and
settings (voila.json, written into each user's server configuration below).

Run it with `make hub` (see deploy/jupyterhub/README.md). Environment variables:
  OIG_HUB_PORT      the port to listen on (default 8000)
  OIG_HUB_PASSWORD  the shared workshop password for the DummyAuthenticator (required
                    for anything beyond a local try-out; the default is only for tests)
  OIG_CULL_AFTER    seconds of inactivity before a user's server is stopped (default 1800)
"""

import os
import sys
from pathlib import Path

from widgets import server_settings

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ.get("OIG_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("OIG_HUB_INTERNAL_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('OIG_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
state = Path(os.environ.get("OIG_HUB_STATE", HERE / "state"))
state.mkdir(parents=True, exist_ok=True)
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")

# Who may log in: a shared workshop password. Swap for your organisation's login
# (OAuthenticator, LTI, ...) in a real deployment.
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ.get("OIG_HUB_PASSWORD", "workshop")
c.Authenticator.allow_all = True

# Each user's server: a local process running as the hub's own user. On Kubernetes this
# becomes KubeSpawner with the same settings (see README.md).
c.JupyterHub.spawner_class = "simple"
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = str(REPO / "notebooks")
c.Spawner.default_url = "/voila/render/00_welcome.ipynb"
# voila.json's settings (template, page timeouts, refused ?template= overrides, ...) and
# the workbook's server extension (compressed scripts), written where each user's
# server reads them, as Binder's postBuild does. A user's kernels of closed pages are
# culled after 10 minutes instead of 90 s: nobody else is waiting for that server.
user_config = server_settings.write(
    state / "user-config",
    overrides={"MappingKernelManager": {"cull_idle_timeout": 600, "cull_interval": 60}},
    keep=False,
)
c.Spawner.environment = {
    "JUPYTER_PATH": str(REPO / "share" / "jupyter"),
    "JUPYTER_CONFIG_PATH": str(user_config.parent),
    "OWNING_DATA_DIR": os.environ.get("OWNING_DATA_DIR", str(REPO / "data")),
}
c.Spawner.args = ["--ServerApp.open_browser=False"]
if os.geteuid() == 0:  # containers and CI machines often run everything as root
    c.Spawner.args.append("--allow-root")
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 90

# Stop servers nobody is using, so a workshop machine is not filled by closed tabs.
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={os.environ.get('OIG_CULL_AFTER', '1800')}",
            "--cull-every=60",
        ],
    }
]
