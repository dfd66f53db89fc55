"""``make bench``: how long visitors wait, measured against this app and plain Voila.

It starts the app as ``make app`` does (the repo's voila.json and template), runs each
scenario, then does the same against plain ``voila notebooks/`` (no project
configuration) in the same run, so the ratio stays meaningful on a noisy machine. It
prints a table and writes JSON. Not part of ``make test``: figures are reported, not
asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

from .content import REPO_DIR
from .voila_client import Visit, visitors

NOTEBOOK = "01_responsibility_vs_cruelty.ipynb"
BUTTON = "Take a pause"
SCENARIOS = [
    ("1 together", 1, 0.0),
    ("10 together", 10, 0.0),
    ("30 together", 30, 0.0),
    ("30 over 10 s", 30, 10.0),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Voila server in its own process group, with the numbers we read off it."""

    def __init__(self, project_config: bool):
        self.project_config = project_config
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        voila = str(Path(sys.executable).parent / "voila")
        env = dict(os.environ)
        if project_config:
            env["JUPYTER_PATH"] = str(REPO_DIR / "share" / "jupyter")
            cwd = str(REPO_DIR)
            target = "notebooks/"
        else:
            env.pop("JUPYTER_PATH", None)
            self._empty = tempfile.TemporaryDirectory()
            cwd = self._empty.name
            target = str(REPO_DIR / "notebooks")
        self.log = tempfile.NamedTemporaryFile("w", suffix=".log", delete=False)
        self.proc = subprocess.Popen(
            [voila, target, "--no-browser", f"--port={self.port}", "--Voila.ip=127.0.0.1"],
            cwd=cwd,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        self.ps = psutil.Process(self.proc.pid)
        time.sleep(3 if project_config else 0)  # let a preheated pool fill, if configured

    def kernels(self) -> list[psutil.Process]:
        return [p for p in self.ps.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]

    def memory(self) -> dict:
        kernels = self.kernels()
        uss = [k.memory_full_info().uss / 2**20 for k in kernels]
        return {
            "server_uss_mib": round(self.ps.memory_full_info().uss / 2**20, 1),
            "kernels": len(kernels),
            "kernel_uss_mib_median": round(statistics.median(uss), 1) if uss else None,
        }

    def cpu_seconds(self) -> float:
        total = 0.0
        for p in [self.ps, *self.ps.children(recursive=True)]:
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        return total

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def summarise(visits: list[Visit]) -> dict:
    def stats(values):
        values = sorted(v for v in values if v is not None)
        if not values:
            return {"p50": None, "p95": None, "max": None}
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        return {
            "p50": round(statistics.median(values), 3),
            "p95": round(p95, 3),
            "max": round(values[-1], 3),
        }

    return {
        "visitors": len(visits),
        "failures": sum(not v.ok for v in visits),
        "errors": sorted({v.error for v in visits if v.error})[:3],
        "page": stats(v.page for v in visits),
        "interactive": stats(v.click for v in visits),
        "widget_models": max((v.widget_count for v in visits), default=0),
    }


def browser_timings(url: str, count: int) -> dict:
    """Navigation start to a working widget (visible, and a click answered) in Chromium."""
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    failures = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        pages = [browser.new_context().new_page() for _ in range(count)]
        start = time.monotonic()

        for pg in pages:
            pg.set_default_timeout(90_000)
        try:
            for pg in pages:
                pg.goto(f"{url}/voila/render/{NOTEBOOK}", wait_until="commit")
            for pg in pages:
                button = pg.get_by_role("button", name=BUTTON).first
                button.click()
                pg.locator(".oig-pause").first.wait_for(state="visible")
                nav = pg.evaluate("performance.timeOrigin") / 1000
                times.append(time.time() - nav)
        except Exception:  # noqa: BLE001
            failures += 1
        del start
        browser.close()
    times.sort()
    return {
        "visitors": count,
        "failures": failures,
        "p50": round(statistics.median(times), 3) if times else None,
        "max": round(times[-1], 3) if times else None,
    }


def measure(project_config: bool, browsers: bool) -> dict:
    server = Server(project_config)
    try:
        result: dict = {"idle": server.memory(), "scenarios": {}}
        cpu0 = server.cpu_seconds()
        for name, count, spread in SCENARIOS:
            visits = asyncio.run(visitors(server.url, NOTEBOOK, BUTTON, count, spread))
            result["scenarios"][name] = summarise(visits)
            time.sleep(2)
        result["cpu_seconds"] = round(server.cpu_seconds() - cpu0, 1)
        result["after"] = server.memory()
        if browsers:
            result["chromium"] = {str(n): browser_timings(server.url, n) for n in (1, 5)}
        return result
    finally:
        server.stop()


def table(app: dict, base: dict) -> str:
    rows = [
        "| scenario | app p50 | app p95 | app max | fails | plain p95 | ratio |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in app["scenarios"]:
        a, b = app["scenarios"][name], base["scenarios"][name]
        ai, bi = a["interactive"], b["interactive"]
        ratio = f"{bi['p95'] / ai['p95']:.1f}x faster" if ai["p95"] and bi["p95"] else "n/a"
        rows.append(
            f"| {name} | {ai['p50']} | {ai['p95']} | {ai['max']} | {a['failures']} | "
            f"{bi['p95']} | {ratio} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-results.json")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    machine = (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, "
        f"{round(psutil.virtual_memory().total / 2**30)} GiB"
    )
    print(f"Measuring on {machine}; lesson {NOTEBOOK}, click '{BUTTON}'.", flush=True)
    app = measure(True, not args.no_browser)
    base = measure(False, not args.no_browser)
    print("\nTime until the lesson is interactive (s), protocol level:")
    print(table(app, base))
    for label, r in (("app", app), ("plain voila", base)):
        print(
            f"\n{label}: idle {r['idle']}, after {r['after']}, cpu {r['cpu_seconds']} s,"
            f" widget models {r['scenarios']['1 together']['widget_models']}"
        )
        if "chromium" in r:
            print(f"{label} in Chromium (navigation -> working widget): {r['chromium']}")
    Path(args.out).write_text(json.dumps({"machine": machine, "app": app, "plain": base}, indent=2))
    print(f"\nWrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
