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
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psutil

from bench.voila_client import Visit, VoilaVisitor, visitors
from widgets.paths import REPO_DIR

NOTEBOOK = "01_responsibility_vs_cruelty.ipynb"
LESSON_ID = "responsibility"
BUTTON = "Take a pause"
# The group the targets are set for: 30 people opening the lesson together, so the app
# keeps 30 pages of it ready (data/settings.yaml workshop_lesson / workshop_size).
WORKSHOP_SIZE = 30
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


def cpu_seconds_of(p: psutil.Process) -> float | None:
    """User and system CPU seconds of one process; None once it has gone."""
    try:
        t = p.cpu_times()
    except psutil.Error:  # just exited, or a zombie not yet reaped
        return None
    return t.user + t.system


class CpuLedger:
    """CPU seconds used by a process and everything it started, exited ones included.

    Summing only the processes alive at each look made the total drop whenever the idle
    culler stopped kernels; a drop looked like a quiet server, so ``wait_until_quiet``
    returned after 5 s while 27 of 30 used pages were still waiting to be rebuilt, and
    the next group met pages not yet built (p95 15.9 s instead of 0.7 s). A process that
    has exited keeps the CPU it was last seen with (what it used after that is missed).
    """

    def __init__(self, root: psutil.Process):
        self.root = root
        self.seen: dict[tuple[int, float], float] = {}

    def total(self) -> float:
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:  # the root has exited: what was seen is all there is
            processes = []
        for p in processes:
            used = cpu_seconds_of(p)
            if used is not None:
                self.seen[(p.pid, p.create_time())] = used
        return sum(self.seen.values())


class Server:
    """A Voila server in its own process group, with the numbers we read off it."""

    def __init__(
        self, project_config: bool, workshop_size: int = WORKSHOP_SIZE, folder: Path | None = None
    ):
        """``folder``: serve that folder's notebooks instead of the lessons."""
        self.project_config = project_config
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        voila = str(Path(sys.executable).parent / "voila")
        env = dict(os.environ)
        if project_config:
            env["JUPYTER_PATH"] = str(REPO_DIR / "share" / "jupyter")
            env["OWNING_DATA_DIR"] = str(self._workshop_data(workshop_size))
            cwd = str(REPO_DIR)
            target = str(folder or "notebooks/")
        else:
            env.pop("JUPYTER_PATH", None)
            self._empty = tempfile.TemporaryDirectory()
            cwd = self._empty.name
            target = str(folder or REPO_DIR / "notebooks")
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
        self.ledger = CpuLedger(self.ps)
        self.ready_after = self.wait_until_quiet()

    def _workshop_data(self, size: int) -> Path:
        """A copy of data/ set up as a facilitator would for this workshop."""
        import shutil

        self._data = tempfile.TemporaryDirectory()
        data = Path(self._data.name) / "data"
        shutil.copytree(REPO_DIR / "data", data)
        settings = data / "settings.yaml"
        text = settings.read_text(encoding="utf-8")
        text = text.replace("workshop_lesson: welcome", f"workshop_lesson: {LESSON_ID}")
        text = text.replace("workshop_size: 0", f"workshop_size: {size}")
        settings.write_text(text, encoding="utf-8")
        return data

    def wait_until_quiet(self, timeout: float = 300) -> float:
        """Seconds until the server and its kernels stop working (pages kept ready are built)."""
        start = time.monotonic()
        time.sleep(1)
        quiet = 0
        while time.monotonic() - start < timeout:
            before = self.cpu_seconds()
            time.sleep(2)
            # Under 10% of one core for 2 s, twice in a row: pages are built in turn, and
            # the pause between two of them is not the end.
            quiet = quiet + 1 if self.cpu_seconds() - before < 0.2 else 0
            if quiet == 2:
                break
        return round(time.monotonic() - start, 1)

    def kernels(self) -> list[psutil.Process]:
        found = []
        for p in self.ps.children(recursive=True):
            try:
                if "ipykernel" in " ".join(p.cmdline()):
                    found.append(p)
            except psutil.Error:  # just exited, or a zombie not yet reaped
                pass
        return found

    def memory(self) -> dict:
        kernels = self.kernels()
        uss = []
        for k in kernels:
            try:
                uss.append(k.memory_full_info().uss / 2**20)
            except psutil.Error:
                pass
        return {
            "server_uss_mib": round(self.ps.memory_full_info().uss / 2**20, 1),
            "kernels": len(kernels),
            "kernel_uss_mib_median": round(statistics.median(uss), 1) if uss else None,
        }

    def cpu_seconds(self) -> float:
        return self.ledger.total()

    def cpu_split(self, kernels: list[psutil.Process]) -> dict:
        """CPU seconds so far of the server process and of these kernels."""
        return {
            "server": cpu_seconds_of(self.ps) or 0.0,
            "kernels": sum(cpu_seconds_of(k) or 0.0 for k in kernels),
        }

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def percentiles(values, digits: int = 3) -> dict:
    """Median, 95th percentile and maximum of the values that were measured (None: not)."""
    values = sorted(v for v in values if v is not None)
    if not values:
        return {"p50": None, "p95": None, "max": None}
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return {
        "p50": round(statistics.median(values), digits),
        "p95": round(p95, digits),
        "max": round(values[-1], digits),
    }


def summarise(visits: list[Visit]) -> dict:
    return {
        "visitors": len(visits),
        "failures": sum(not v.ok for v in visits),
        "errors": sorted({v.error for v in visits if v.error})[:3],
        "page": percentiles(v.page for v in visits),
        "interactive": percentiles(v.click for v in visits),
        "widget_models": max((v.widget_count for v in visits), default=0),
    }


def per_visitor(before: dict, after: dict, client: float, count: int) -> dict:
    """Milliseconds of CPU each visitor cost the server, the kernels and this client.

    Why: on a small machine a rush of visitors is bounded by the CPU all of them need
    together (their sum divided by the cores), whatever the order of the work.
    """
    split = {k: after[k] - before[k] for k in after} | {"client": client}
    return {k: round(v * 1000 / count, 1) for k, v in split.items()}


# A workshop's laptops share one Wi-Fi: one visitor's share when 30 load a page at once
# on a link that really carries 100 Mbit/s, with 20 ms of latency (Chromium's emulation).
SHARED_WIFI = {"mbit": 100 / WORKSHOP_SIZE, "latency_ms": 20}


def browser_timings(
    url: str, count: int, rounds: int, settle=None, link=None, floor: bool = False
) -> dict:
    """Navigation start to a working widget (visible, and a click answered) in Chromium:
    ``count`` visitors together, ``rounds`` times. Between rounds: ``settle()`` (e.g. wait
    until the server is quiet, so each round is the only visitor), else 3 s, in which the
    page just used is still being rebuilt. ``link`` ({"mbit", "latency_ms"}) slows each
    page's network as Chromium's developer tools do; the result then also says how many
    bytes a visit downloaded. ``floor``: Voila's one-button notebook instead of lesson 1
    (served by :func:`floor_rows`)."""
    notebook, answer = ("floor.ipynb", _floor_answer) if floor else (NOTEBOOK, _lesson_answer)
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    downloaded: list[int] = []
    failures = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for _ in range(rounds):
            contexts = [browser.new_context() for _ in range(count)]
            pages = [c.new_page() for c in contexts]
            for pg in pages:
                pg.set_default_timeout(90_000)
                if link:
                    _slow_link(pg, link)
            try:
                for pg in pages:
                    pg.goto(f"{url}/voila/render/{notebook}", wait_until="commit")
                for pg in pages:
                    answer(pg)
                    nav = pg.evaluate("performance.timeOrigin") / 1000
                    times.append(time.time() - nav)
                    if link:
                        downloaded.append(pg.evaluate(TRANSFERRED)[0])
            except Exception:  # noqa: BLE001
                failures += 1
            for c in contexts:
                c.close()
            if settle:
                settle()
            else:
                time.sleep(3)
        browser.close()
    result = {"visitors": count, "rounds": rounds, "failures": failures, **percentiles(times)}
    if downloaded:
        result["downloaded_mb"] = round(statistics.median(downloaded) / 1e6, 2)
    return result


# [bytes that came over the network, bytes the browser unpacked from them] for a page and
# every file it loaded (a script sent compressed is fewer of the first than the second).
TRANSFERRED = """() => performance.getEntriesByType('navigation').concat(
    performance.getEntriesByType('resource')).reduce(
    ([sent, unpacked], e) => [sent + e.transferSize, unpacked + e.decodedBodySize], [0, 0])"""


def _slow_link(page, link: dict, session=None) -> None:
    session = session or page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": link["latency_ms"],
            "downloadThroughput": link["mbit"] * 1e6 / 8,
            "uploadThroughput": link["mbit"] * 1e6 / 8,
        },
    )


# A mid-range phone: Chromium's CPU slowed 4x (developer tools' "mid-tier mobile"), a
# phone-sized window. Each load is a new visitor (fresh context, nothing cached).
PHONE = {"viewport": {"width": 390, "height": 844}, "cpu_slowdown": 4}
# Lesson 1's exercises: "whole lesson usable" is when every one has its pause button.
LESSON_EXERCISES = 4

# Records, in the page, when each moment first happens (ms after navigation start):
# help usable (a Get help now with a tel: link one press behind, plain or widget), the
# first exercise on screen with its pause button, and every exercise so.
_MOMENTS = """(() => {
  const at = (window.__oigMoments = {});
  const seen = (el) => el && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== 'hidden';
  const mark = (name, ok) => { if (ok && !(name in at)) at[name] = performance.now(); };
  const look = () => {
    mark('help', seen(document.querySelector('#oig-early:not(.oig-early-done) summary')) ||
      [...document.querySelectorAll('.oig-help-button')].some(seen));
    const pauses = [...document.querySelectorAll('.oig-exercise .oig-pause-button')]
      .filter(seen);
    mark('first_exercise', pauses.length >= 1);
    mark('whole_lesson', pauses.length >= EXERCISES);
  };
  new MutationObserver(look).observe(document, {childList: true, subtree: true,
    attributes: true});
})();""".replace("EXERCISES", str(LESSON_EXERCISES))


def phone_timings(url: str, rounds: int, settle=None, link=None) -> dict:
    """One visitor at a time on a phone-class browser: seconds from navigation to the
    first text, to help usable, to the first exercise answering a click (its Take a
    pause opens the pause), and to every exercise of the lesson on screen. Each load
    starts a new browser, as a phone that opens the link for the first time would:
    a browser that already ran the page's scripts runs them again about twice as fast."""
    found: dict[str, list[float]] = {
        k: [] for k in ("first_text", "help", "first_exercise", "answered", "whole_lesson")
    }

    def visit(pg) -> None:
        pg.add_init_script(_MOMENTS)
        answered = lesson_answers(pg, url)
        pg.wait_for_function(
            "() => 'whole_lesson' in window.__oigMoments && 'help' in window.__oigMoments"
        )
        moments = pg.evaluate("window.__oigMoments")
        paint = pg.evaluate(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"
        )
        found["first_text"].append(paint / 1000 if paint is not None else None)
        for name in ("help", "first_exercise", "whole_lesson"):
            found[name].append(moments[name] / 1000)
        found["answered"].append(answered)

    failures = _phone_rounds(rounds, visit, settle, link)
    result: dict = {"rounds": rounds, "failures": failures}
    for name, values in found.items():
        result[name] = _spread([v for v in values if v is not None])
    return result


def _phone_rounds(rounds: int, visit, settle=None, link=None) -> int:
    """``visit(page)`` once per round, each in a new phone-class browser (4x slower CPU,
    phone-sized, nothing cached; ``link`` slows its network too), then ``settle()``;
    returns how many visits failed."""
    from playwright.sync_api import sync_playwright

    failures = 0
    with sync_playwright() as p:
        for _ in range(rounds):
            with fresh_browser(p, link) as (_browser, pg):
                try:
                    visit(pg)
                except Exception:  # noqa: BLE001
                    failures += 1
            if settle:
                settle()
    return failures


@contextmanager
def fresh_browser(p, link=None, phone: bool = True):
    """A new browser, nothing cached, from Playwright ``p``: phone-class (4x slower CPU,
    phone-sized) unless ``phone`` is False (this machine's desktop Chromium); ``link``
    slows its network too. Yields (browser, page), closes both."""
    browser = p.chromium.launch(
        executable_path="/usr/bin/chromium",
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )
    try:
        if phone:
            context = browser.new_context(viewport=PHONE["viewport"], is_mobile=True)
        else:
            context = browser.new_context()
        pg = context.new_page()
        pg.set_default_timeout(120_000)
        session = context.new_cdp_session(pg)
        if phone:
            session.send("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu_slowdown"]})
        if link:
            _slow_link(pg, link, session)
        yield browser, pg
        context.close()
    finally:
        browser.close()


def _since_navigation(pg) -> float:
    return time.time() - pg.evaluate("performance.timeOrigin") / 1000


def lesson_answers(pg, url: str) -> float:
    """Open lesson 1, press its first exercise's Take a pause as soon as it is there;
    seconds from navigation until the pause shows."""
    pg.goto(f"{url}/voila/render/{NOTEBOOK}", wait_until="commit")
    pg.locator(".oig-exercise .oig-pause-button").first.click()
    pg.locator(".oig-exercise .oig-pause").first.wait_for(state="visible")
    return _since_navigation(pg)


# Voila's floor: a notebook with one button and nothing else. What a phone needs before
# that button answers is what Voila's own front end costs before any lesson content; a
# lesson can get no faster than this without another front end.
FLOOR_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "one-button",
            "metadata": {},
            "outputs": [],
            "source": (
                "import ipywidgets as W\n"
                "button = W.Button(description='Press')\n"
                "button.on_click(lambda _: setattr(button, 'description', 'Pressed'))\n"
                "button"
            ),
        }
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def floor_timings(url: str, rounds: int, settle=None, link=None) -> dict:
    """Seconds from navigation until the floor notebook's one button answers a click, on
    the same phone-class browser as :func:`phone_timings`."""
    times: list[float] = []

    failures = _phone_rounds(rounds, lambda pg: times.append(floor_answers(pg, url)), settle, link)
    return {"rounds": rounds, "failures": failures, "answered": _spread(times)}


def floor_answers(pg, url: str) -> float:
    """Open the floor notebook, press its button as soon as it is there; seconds from
    navigation until the button shows it was pressed."""
    pg.goto(f"{url}/voila/render/floor.ipynb", wait_until="commit")
    _floor_answer(pg)
    return _since_navigation(pg)


def _floor_answer(pg) -> None:
    pg.get_by_role("button", name="Press").click()
    pg.get_by_role("button", name="Pressed").wait_for(state="visible")


def _lesson_answer(pg) -> None:
    pg.get_by_role("button", name=BUTTON).first.click()
    pg.locator(".oig-pause").first.wait_for(state="visible")


def _spread(values: list[float]) -> dict:
    return {
        "median": round(statistics.median(values), 2) if values else None,
        "min": round(min(values), 2) if values else None,
        "max": round(max(values), 2) if values else None,
    }


def floor_rows(rounds: int = 4) -> dict:
    """Voila's floor on the phone rows and the desktop row of one visitor: the one-button
    notebook, served as the app serves a lesson (its configuration, template and
    compressed scripts), so that only the lesson's own content differs."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "floor.ipynb").write_text(json.dumps(FLOOR_NOTEBOOK), encoding="utf-8")
        with Server(True, folder=Path(folder)) as server:
            server.wait_until_quiet()
            return {
                "desktop": browser_timings(
                    server.url, 1, rounds=10, settle=server.wait_until_quiet, floor=True
                ),
                "phone CPU": floor_timings(server.url, rounds, server.wait_until_quiet),
                "phone CPU, shared Wi-Fi": floor_timings(
                    server.url, rounds, server.wait_until_quiet, link=SHARED_WIFI
                ),
            }


def phone_rows(url: str, settle) -> dict:
    return {
        "phone CPU": phone_timings(url, rounds=4, settle=settle),
        "phone CPU, shared Wi-Fi": phone_timings(url, rounds=4, settle=settle, link=SHARED_WIFI),
    }


def phone_table(app: dict, base: dict, floor: dict | None = None) -> str:
    """The phone rows as a Markdown table; with ``floor`` (:func:`floor_rows`), also
    Voila's floor and how far above it the lesson's first exercise answers."""
    head = (
        "| phone (median s) | first text | help usable | first exercise answers | "
        "whole lesson | plain: help / first exercise / whole | first exercise: x faster |"
    )
    rule = "| --- | --- | --- | --- | --- | --- | --- |"
    if floor:
        head += " Voila's floor: one button answers | lesson above the floor |"
        rule += " --- | --- |"
    rows = [head, rule]
    for name in app:
        a, b = app[name], base[name]
        mine, plain = a["answered"]["median"], b["answered"]["median"]
        speed = f"{plain / mine:.1f}x" if mine and plain else "n/a"
        row = (
            f"| {name} | {a['first_text']['median']} | {a['help']['median']} | "
            f"{mine} | {a['whole_lesson']['median']} | "
            f"{b['help']['median']} / {plain} / {b['whole_lesson']['median']}"
            f" | {speed} |"
        )
        if floor:
            least = floor[name]["answered"]["median"]
            above = f"{mine - least:+.2f}" if mine and least else "n/a"
            row += f" {least} | {above} |"
        rows.append(row)
    return "\n".join(rows)


def desktop_table(app: dict, base: dict, floor: dict) -> str:
    """One visitor in desktop Chromium (``app``/``base``: :func:`browser_timings`, quiet
    server between loads) beside Voila's floor (:func:`floor_rows`'s "desktop"): how much
    of a load is the lesson, and how much any Voila page costs."""
    rows = [
        "| desktop Chromium, 1 visitor (s) | p50 | p95 | max |",
        "| --- | --- | --- | --- |",
    ]
    for name, r in (("this app", app), ("plain Voila", base), ("Voila's floor: one button", floor)):
        rows.append(f"| {name} | {r['p50']} | {r['p95']} | {r['max']} |")
    a, f = app["p95"], floor["p95"]
    if a is not None and f is not None:
        rows.append(f"| lesson above the floor | | {a - f:+.2f} | |")
    return "\n".join(rows)


async def _typing(visitor: VoilaVisitor, box: str, until: float, out: list) -> None:
    """Type into ``box`` every quarter second until ``until``; each round trip (the
    kernel's echo of the new text) goes into ``out``, a failed one as None."""
    i = 0
    while time.monotonic() < until:
        start = time.monotonic()
        try:
            await visitor.set_state(box, {"value": f"typing {i}"}, start + 30)
            out.append(time.monotonic() - start)
        except Exception:  # noqa: BLE001 - a lost keystroke is a result to count
            out.append(None)
        i += 1
        await asyncio.sleep(0.25)


async def in_lesson_during_rush(url: str, settle, inside: int = 5, rush: int = 30) -> dict:
    """Do visitors already in a lesson wait while a group arrives and the pages it used
    are rebuilt? ``inside`` visitors type (a text box's round trip through their kernel)
    for 5 quiet seconds, then for 30 s while ``rush`` visitors open the lesson together
    (the rebuilding of their pages starts 2 s later and takes most of that time).
    ``settle`` waits until the server is quiet (the pages the first ones took rebuilt)."""
    people = [VoilaVisitor(url, NOTEBOOK, BUTTON) for _ in range(inside)]
    boxes = []
    deadline = time.monotonic() + 120
    for visitor in people:
        _, config = await visitor.fetch_page()
        await visitor.connect(config["kernelId"])
        states = await visitor.request_states(deadline)
        boxes.append(visitor.models(states, "TextareaModel")[0])
    await asyncio.to_thread(settle)
    quiet: list = []
    end = time.monotonic() + 5
    await asyncio.gather(*(_typing(v, b, end, quiet) for v, b in zip(people, boxes)))
    during: list = []
    end = time.monotonic() + 30
    arrivals = asyncio.ensure_future(visitors(url, NOTEBOOK, BUTTON, rush, 0.0))
    await asyncio.gather(*(_typing(v, b, end, during) for v, b in zip(people, boxes)))
    arrived = await arrivals
    for visitor in people:
        visitor.close()
    return {
        "typing_quiet": {**percentiles(quiet), "lost": quiet.count(None)},
        "typing_during_rush": {**percentiles(during), "lost": during.count(None)},
        "rush": summarise(arrived)["interactive"],
    }


MODEL_RE = re.compile(r'"model_id": "([0-9a-f]{32})"')


async def complete_load(url: str, notebook: str, timeout: float) -> str:
    """'' when the page loaded whole: every widget it shows exists in its kernel, and a
    button answers; otherwise what went wrong (a stuck or incomplete page)."""
    visitor = VoilaVisitor(url, notebook, BUTTON, timeout=timeout)
    deadline = time.monotonic() + timeout
    try:
        try:
            html, config = await visitor.fetch_page()
        except RuntimeError as exc:  # no kernel config: keep the page to look at
            kept = tempfile.NamedTemporaryFile("wb", suffix=".html", delete=False)
            kept.write(visitor.last_body)
            kept.close()
            return f"{exc} (page kept in {kept.name})"
        if "voila_finish()" not in html:
            return "page not finished"
        await visitor.connect(config["kernelId"])
        states = await visitor.request_states(deadline)
        missing = set(MODEL_RE.findall(html)) - set(states)
        if missing:
            return f"{len(missing)} widget(s) on the page missing in the kernel"
        buttons = [m for m, i in states.items() if i["model_name"] == "ButtonModel"]
        if buttons:
            await visitor.click(buttons[0], deadline)
        return ""
    except Exception as exc:  # noqa: BLE001 - every failure is a result to count
        return f"{type(exc).__name__}: {exc}"
    finally:
        if visitor.ws is not None:
            visitor.ws.close()


def stuck_pages(url: str, loads: int, timeout: float = 300) -> dict:
    """``loads`` concurrent loads of every page; counts the ones that never completed."""
    result = {}
    for nb in sorted((REPO_DIR / "notebooks").glob("*.ipynb")):

        async def all_loads(name=nb.name):
            return await asyncio.gather(*(complete_load(url, name, timeout) for _ in range(loads)))

        start = time.monotonic()
        problems = [p for p in asyncio.run(all_loads()) if p]
        result[nb.name] = {
            "loads": loads,
            "incomplete": len(problems),
            "problems": sorted(set(problems))[:3],
            "seconds": round(time.monotonic() - start, 1),
        }
        print(f"  {nb.name}: {loads} loads, {len(problems)} incomplete", flush=True)
    return result


def freed_after_close(server: Server, idle_kernels: int, limit: float = 180) -> float | None:
    """Seconds until kernels of closed pages are shut down (back to the pages kept ready)."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if len(server.kernels()) <= idle_kernels:
            return round(time.monotonic() - start, 1)
        time.sleep(5)
    return None


def measure(project_config: bool, browsers: bool) -> dict:
    with Server(project_config) as server:
        result: dict = {"idle": server.memory(), "scenarios": {}}
        cpu0 = server.cpu_seconds()
        result["ready_after_start_s"] = server.ready_after
        for name, count, spread in SCENARIOS:
            # Only the kernels already running: pages rebuilt during the scenario are
            # not the visitors' cost (measured with the rebuild below).
            kernels = server.kernels()
            before, client = server.cpu_split(kernels), time.process_time()
            visits = asyncio.run(visitors(server.url, NOTEBOOK, BUTTON, count, spread))
            result["scenarios"][name] = summarise(visits)
            if project_config:  # plain Voila starts each visitor's kernel: not counted
                result["scenarios"][name]["cpu_ms_per_visitor"] = per_visitor(
                    before, server.cpu_split(kernels), time.process_time() - client, count
                )
            print(f"  {name}: {result['scenarios'][name]}", flush=True)
            # Pages used are rebuilt in the background; the next group comes later.
            result["scenarios"][name]["rebuilt_after_s"] = server.wait_until_quiet()
        result["cpu_seconds"] = round(server.cpu_seconds() - cpu0, 1)
        result["in_lesson"] = asyncio.run(
            in_lesson_during_rush(server.url, server.wait_until_quiet)
        )
        print(f"  5 in the lesson while 30 arrive: {result['in_lesson']}", flush=True)
        server.wait_until_quiet()
        result["after"] = server.memory()
        if browsers:
            result["chromium"] = {
                "1": browser_timings(server.url, 1, rounds=10, settle=server.wait_until_quiet),
                "1 every 3 s": browser_timings(server.url, 1, rounds=10),
                "5": browser_timings(server.url, 5, rounds=2),
                "1 on a shared Wi-Fi": browser_timings(
                    server.url, 1, rounds=3, settle=server.wait_until_quiet, link=SHARED_WIFI
                ),
            }
            print(f"  Chromium: {result['chromium']}", flush=True)
            result["phone"] = phone_rows(server.url, server.wait_until_quiet)
            print(f"  Phone: {result['phone']}", flush=True)
        if project_config:
            server.wait_until_quiet()
            result["freed_after_close_s"] = freed_after_close(server, result["idle"]["kernels"])
            result["after_freeing"] = server.memory()
        return result


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
    parser.add_argument(
        "--stuck",
        type=int,
        metavar="N",
        help="only count stuck or incomplete pages in N concurrent loads of every page",
    )
    parser.add_argument(
        "--phone",
        action="store_true",
        help="only the phone rows (4x slower CPU, with and without a shared Wi-Fi), both servers",
    )
    parser.add_argument(
        "--in-lesson",
        action="store_true",
        help="only measure visitors typing in a lesson while 30 more arrive (app only)",
    )
    args = parser.parse_args(argv)
    if args.phone:
        rows = {}
        for label, project in (("app", True), ("plain voila", False)):
            with Server(project) as server:
                server.wait_until_quiet()
                rows[label] = phone_rows(server.url, server.wait_until_quiet)
            print(f"{label}: {rows[label]}", flush=True)
        rows["floor"] = floor_rows()
        print(f"floor: {rows['floor']}", flush=True)
        print(phone_table(rows["app"], rows["plain voila"], rows["floor"]))
        Path(args.out).write_text(json.dumps({"phone": rows}, indent=2))
        return 0
    if args.in_lesson:
        with Server(True) as server:
            found = asyncio.run(in_lesson_during_rush(server.url, server.wait_until_quiet))
        print(json.dumps(found, indent=2))
        return 0
    if args.stuck:
        with Server(True) as server:
            print(f"{args.stuck} concurrent loads of every page (app configuration):", flush=True)
            stuck = stuck_pages(server.url, args.stuck)
        total = sum(r["incomplete"] for r in stuck.values())
        print(f"Stuck or incomplete pages: {total} of {args.stuck * len(stuck)}")
        Path(args.out).write_text(json.dumps({"stuck": stuck}, indent=2))
        return 0
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
            f"\n{label}: ready {r['ready_after_start_s']} s after start; idle {r['idle']},"
            f" after {r['after']}, cpu {r['cpu_seconds']} s,"
            f" widget models {r['scenarios']['1 together']['widget_models']}"
        )
        together = r["scenarios"]["30 together"]
        rush = together.get("cpu_ms_per_visitor")
        if rush:
            count = together["visitors"]
            floor = sum(rush.values()) * count / 1000 / (os.cpu_count() or 1)
            print(
                f"{label}: CPU per visitor, {count} together (ms): {rush}; all {count} need"
                f" about {floor:.2f} s of this machine's {os.cpu_count()} cores"
            )
        rebuilt = {n: sc["rebuilt_after_s"] for n, sc in r["scenarios"].items()}
        print(f"{label}: seconds until used pages were rebuilt: {rebuilt}")
        if "freed_after_close_s" in r:
            print(
                f"{label}: kernels of closed pages freed after {r['freed_after_close_s']} s;"
                f" then {r['after_freeing']}"
            )
        lesson = r["in_lesson"]
        print(
            f"{label}: 5 visitors typing in the lesson (s per round trip): quiet"
            f" {lesson['typing_quiet']}, while 30 arrive and pages are rebuilt"
            f" {lesson['typing_during_rush']}"
        )
        if "chromium" in r:
            print(f"{label} in Chromium (navigation -> working widget): {r['chromium']}")
    floor = None
    if "phone" in app and "phone" in base:
        floor = floor_rows()
        print("\nIn desktop Chromium (navigation -> working widget), quiet server:")
        print(desktop_table(app["chromium"]["1"], base["chromium"]["1"], floor["desktop"]))
        print("\nOn a phone-class browser (one visitor at a time, fresh each load):")
        print(phone_table(app["phone"], base["phone"], floor))
    found = {"machine": machine, "app": app, "plain": base, "floor": floor}
    Path(args.out).write_text(json.dumps(found, indent=2))
    print(f"\nWrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
