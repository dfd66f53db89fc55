"""``make soak``: many visitors working through the lessons for a long while.

It starts the app as ``make app`` does (:class:`bench.timing.Server`, on a copy of data/
whose settings keep pages of lesson 1 ready for the group, as a facilitator sets it up),
then each simulated visitor (:class:`bench.voila_client.VoilaVisitor`, the page's own
protocol, no browser) goes through the lessons in order, again and again: open a lesson,
hand the kernel the answers "their browser" keeps (as the journal's store.js does), type
into a few text boxes, move a slider, press the exercise's button, close the page, open
the next one. A visitor spends ``--dwell`` seconds on a page, like a person reading and
typing.

It checks what a workshop needs:

- no errors: every page opens, every change is accepted and every button answers;
- every answer intact: the kernel echoes each typed text back exactly, saves it to the
  journal (the "put" message the browser would store), and puts it back in its box when
  the visitor opens that lesson again;
- memory flat: the server's USS and all kernels' USS together, sampled every
  ``--sample`` seconds, grow no more than ``--tolerance`` after the first minutes;
- kernels freed: once the visitors have gone, the number of kernels falls back to what the
  idle server had, as the idle culler (voila.json) shuts down the kernels of closed pages.

It prints a table and writes JSON. Not part of ``make test``: run it by hand
(``python -m bench.soak --visitors 30 --minutes 10``); it exits with 1 when a check fails.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from bench.timing import Server, percentiles
from bench.voila_client import VoilaVisitor
from widgets.paths import REPO_DIR

# Buttons that do the exercise's work, in the order a visitor looks for them.
ACTION_CLASSES = ("oig-make", "oig-check", "oig-checkin", "oig-pause-button")


# --- pure helpers (tests/benchmarks/test_soak.py) ---------------------------------------


def texts_in(value: Any) -> set[str]:
    """Every string anywhere inside a JSON value (dict values and list items)."""
    found: set[str] = set()
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            found |= texts_in(item)
    elif isinstance(value, list):
        for item in value:
            found |= texts_in(item)
    return found


def apply_put(record: dict | None, put: dict) -> dict:
    """What the browser's store.js keeps after a "put" from the kernel."""
    record = record or {
        "app": "owning-it-gently",
        "kind": "journal",
        "version": 1,
        "updated": "",
        "answers": {},
        "ratings": [],
    }
    for ref, entry in (put.get("entries") or {}).items():
        record["answers"][ref] = entry
    record["ratings"] = (record["ratings"] + list(put.get("ratings") or []))[-500:]
    if put.get("updated"):
        record["updated"] = put["updated"]
    return record


def flatness(samples: list[dict], key: str, warmup: float, tolerance: float) -> dict:
    """Whether ``key`` stays flat after ``warmup`` seconds.

    The samples after the warm-up are cut into an earlier and a later half; growth is
    how much bigger the later half's mean is than the earlier's (0.05 = 5 % more). Flat
    means growth <= tolerance. With fewer than four samples after the warm-up (a short
    run) there is too little to compare: flat is None.
    """
    values = [s[key] for s in samples if s["t"] >= warmup and s.get(key) is not None]
    result = {"samples": len(values), "growth": None, "flat": None}
    if values:
        result |= {"min": round(min(values), 1), "max": round(max(values), 1)}
    if len(values) < 4:
        return result
    half = len(values) // 2
    earlier, later = values[:half], values[half:]
    base = statistics.mean(earlier)
    growth = (statistics.mean(later) - base) / base if base else 0.0
    return result | {"growth": round(growth, 3), "flat": growth <= tolerance}


def verdict(result: dict) -> list[str]:
    """The checks that failed, in words (an empty list: all passed)."""
    failed = []
    if result["errors"]:
        failed.append(f"{result['errors']} errors")
    if result["answers"]["lost"]:
        failed.append(f"{result['answers']['lost']} answers not intact")
    for name in ("server_uss_mib", "kernels_uss_mib"):
        if result["memory"][name]["flat"] is False:
            failed.append(f"{name} grew {result['memory'][name]['growth']:.0%}")
    if not result["kernels"]["freed"]:
        failed.append("kernels of closed pages were not all freed")
    return failed


# --- one visitor ----------------------------------------------------------------------------


@dataclass
class Tally:
    pages: int = 0
    typed: int = 0
    echoed: int = 0
    saved: int = 0
    restored: int = 0
    lost: int = 0
    errors: list[str] = field(default_factory=list)
    open_times: list[float] = field(default_factory=list)


class SoakVisitor:
    """One person going through the lessons, with their browser's journal in ``record``."""

    def __init__(self, base_url: str, number: int, dwell: float, per_page: int, seed: int):
        self.base_url = base_url
        self.number = number
        self.dwell = dwell
        self.per_page = per_page
        self.rng = random.Random(seed)
        self.record: dict | None = None
        self.typed: dict[str, dict[int, str]] = {}  # notebook -> {box number: last text}
        self.tally = Tally()
        self.open_now = False

    def text(self, notebook: str, round_no: int, box: int) -> str:
        return (
            f"visitor {self.number} round {round_no} {notebook[:2]} box {box}: I was late "
            "<b>again</b> & said sorry 🌱 e\u0301\nsecond line"
        )

    async def wait(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds * self.rng.uniform(0.7, 1.3)))

    async def lesson(self, notebook: str, round_no: int, timeout: float) -> None:
        v = VoilaVisitor(self.base_url, notebook, "", timeout=timeout)
        deadline = time.monotonic() + timeout
        started = time.monotonic()
        try:
            _, config = await v.fetch_page()
            await v.connect(config["kernelId"])
            self.open_now = True
            states = await v.request_states(deadline)
            self.tally.open_times.append(time.monotonic() - started)
            self.tally.pages += 1
            journal = v.journal(states)
            if journal is None:
                raise LookupError("the page has no journal")
            text = json.dumps(self.record) if self.record else None
            await v.send_custom(
                journal, {"type": "loaded", "mode": "visit", "text": text, "problem": ""}
            )
            await self.check_restored(v, notebook, deadline)
            boxes = v.models(states, "TextareaModel")
            sliders = v.models(states, "IntSliderModel")
            steps = min(self.per_page, len(boxes)) + (1 if sliders else 0) + 1
            pause = self.dwell / steps
            typed_now: dict[int, str] = {}
            start = (round_no * self.per_page) % max(1, len(boxes))
            for i in range(min(self.per_page, len(boxes))):
                number = (start + i) % len(boxes)
                await self.wait(pause)
                typed = self.text(notebook, round_no, number)
                self.tally.typed += 1
                echoed = await v.set_state(
                    boxes[number], {"value": typed}, time.monotonic() + timeout
                )
                if echoed.get("value") == typed:
                    self.tally.echoed += 1
                else:
                    self.tally.lost += 1
                typed_now[number] = typed
            if sliders:
                await self.wait(pause)
                await v.set_state(
                    self.rng.choice(sliders),
                    {"value": self.rng.randint(0, 10)},
                    time.monotonic() + timeout,
                )
            for css in ACTION_CLASSES:
                buttons = v.models(states, "ButtonModel", css)
                if buttons:
                    await self.wait(pause)
                    await v.click(buttons[0], time.monotonic() + timeout)
                    break
            await self.check_saved(v, journal, set(typed_now.values()), timeout)
            self.typed.setdefault(notebook, {}).update(typed_now)
        finally:
            self.open_now = False
            v.close()

    async def check_restored(self, v: VoilaVisitor, notebook: str, deadline: float) -> None:
        """Texts typed on an earlier visit are back in their boxes once the journal arrives."""
        expected = set(self.typed.get(notebook, {}).values())
        if not expected:
            return
        end = min(deadline, time.monotonic() + 15)
        found: set[str] = set()
        while time.monotonic() < end:
            states = await v.request_states(deadline)
            found = {
                states[m]["state"].get("value") for m in v.models(states, "TextareaModel")
            } & expected
            if found == expected:
                break
            await asyncio.sleep(0.5)
        self.tally.restored += len(found)
        self.tally.lost += len(expected - found)

    async def check_saved(
        self, v: VoilaVisitor, journal: str, expected: set[str], timeout: float
    ) -> None:
        """Every text typed on this page reaches the journal exactly (the kernel sends it
        to the browser to keep)."""
        missing = set(expected)
        end = time.monotonic() + timeout
        while missing:
            try:
                put = await v.receive_custom(
                    journal, lambda c: c.get("type") == "put", min(end, time.monotonic() + 10)
                )
            except TimeoutError:
                break
            self.record = apply_put(self.record, put)
            missing -= texts_in(put.get("entries"))
        self.tally.saved += len(expected) - len(missing)
        self.tally.lost += len(missing)
        if missing:
            self.tally.errors.append(f"{v.notebook}: not saved: {sorted(missing)[:1]}")

    async def run(self, lessons: list[str], until: float, timeout: float) -> None:
        round_no = 0
        while time.monotonic() < until:
            for notebook in lessons:
                if time.monotonic() >= until:
                    return
                try:
                    await asyncio.wait_for(
                        self.lesson(notebook, round_no, timeout), timeout + self.dwell * 2
                    )
                except Exception as exc:  # noqa: BLE001 - every failure is counted
                    self.tally.errors.append(f"{notebook}: {type(exc).__name__}: {exc}")
                    await asyncio.sleep(2)
            round_no += 1


# --- the server's figures -------------------------------------------------------------------


def sample(server, started: float, visitors: list[SoakVisitor]) -> dict:
    kernels = server.kernels()
    total = 0.0
    for k in kernels:
        try:
            total += k.memory_full_info().uss
        except psutil.Error:
            pass  # culled between listing and reading
    return {
        "t": round(time.monotonic() - started, 1),
        "server_uss_mib": round(server.ps.memory_full_info().uss / 2**20, 1),
        "kernels": len(kernels),
        "kernels_uss_mib": round(total / 2**20, 1),
        "pages_open": sum(v.open_now for v in visitors),
    }


async def sampler(server, started, visitors, samples, every, stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(await asyncio.to_thread(sample, server, started, visitors))
        try:
            await asyncio.wait_for(stop.wait(), every)
        except asyncio.TimeoutError:
            pass


def cull_settings() -> dict:
    config = json.loads((REPO_DIR / "voila.json").read_text(encoding="utf-8"))
    manager = config.get("MappingKernelManager", {})
    return {
        "cull_idle_timeout": manager.get("cull_idle_timeout", 0),
        "cull_interval": manager.get("cull_interval", 300),
    }


def settled_kernels(server, seconds: float = 60) -> int:
    """The kernel count of the idle server, once its ready pages are built."""
    end = time.monotonic() + seconds
    last = -1
    while time.monotonic() < end:
        count = len(server.kernels())
        if count == last:
            return count
        last = count
        time.sleep(5)
    return last


def lesson_notebooks() -> list[str]:
    from widgets.content.loader import load_workbook

    return [entry.notebook for entry in load_workbook().lessons.lessons]


async def soak(server, args) -> dict:
    lessons = lesson_notebooks()
    baseline = await asyncio.to_thread(settled_kernels, server)
    visitors = [
        SoakVisitor(server.url, i + 1, args.dwell, args.per_page, seed=i)
        for i in range(args.visitors)
    ]
    duration = args.minutes * 60
    ramp = min(60.0, duration / 4)
    started = time.monotonic()
    until = started + duration
    samples: list[dict] = []
    stop = asyncio.Event()
    sampling = asyncio.create_task(sampler(server, started, visitors, samples, args.sample, stop))

    async def arrive(v: SoakVisitor, i: int) -> None:
        await asyncio.sleep(ramp * i / max(1, len(visitors)))
        await v.run(lessons, until, args.timeout)

    await asyncio.gather(*(arrive(v, i) for i, v in enumerate(visitors)))
    ran_for = time.monotonic() - started
    # Every page is closed now: wait for the culler to free their kernels.
    cull = cull_settings()
    limit = cull["cull_idle_timeout"] + 2 * cull["cull_interval"] + 60
    closed = time.monotonic()
    freed_after = None
    after: list[dict] = []
    while time.monotonic() - closed < limit:
        await asyncio.sleep(min(args.sample, 15))
        now = await asyncio.to_thread(sample, server, started, visitors)
        after.append(now)
        if now["kernels"] <= baseline:
            freed_after = round(time.monotonic() - closed, 1)
            break
    stop.set()
    await sampling

    tallies = [v.tally for v in visitors]
    errors = [e for t in tallies for e in t.errors]
    # Kernels of closed pages are freed only after cull_idle_timeout: before that the count
    # (and memory) can only climb. Flat is judged after it, a page's stay and the arrivals.
    warmup = cull["cull_idle_timeout"] + cull["cull_interval"] + args.dwell + ramp
    during = [s for s in samples if s["t"] <= ran_for]
    return {
        "visitors": args.visitors,
        "minutes": args.minutes,
        "dwell_s": args.dwell,
        "ran_s": round(ran_for, 1),
        "pages": sum(t.pages for t in tallies),
        "page_open_s": percentiles([x for t in tallies for x in t.open_times], digits=2),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "answers": {
            "typed": sum(t.typed for t in tallies),
            "echoed": sum(t.echoed for t in tallies),
            "saved": sum(t.saved for t in tallies),
            "restored": sum(t.restored for t in tallies),
            "lost": sum(t.lost for t in tallies),
        },
        "memory": {
            "warmup_s": warmup,
            "server_uss_mib": flatness(during, "server_uss_mib", warmup, args.tolerance),
            "kernels_uss_mib": flatness(during, "kernels_uss_mib", warmup, args.tolerance),
        },
        "kernels": {
            "idle": baseline,
            "peak": max((s["kernels"] for s in samples), default=0),
            "after_close": [s["kernels"] for s in after],
            "freed": freed_after is not None,
            "freed_after_s": freed_after,
            **cull,
        },
        "samples": samples,
        "after_samples": after,
    }


def table(result: dict) -> str:
    rows = [
        "| t (s) | pages open | kernels | server USS (MiB) | kernels USS (MiB) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for s in result["samples"]:
        rows.append(
            f"| {s['t']} | {s['pages_open']} | {s['kernels']} | {s['server_uss_mib']} | "
            f"{s['kernels_uss_mib']} |"
        )
    return "\n".join(rows)


def report(result: dict) -> str:
    a, m, k = result["answers"], result["memory"], result["kernels"]
    lines = [
        table(result),
        "",
        f"pages opened: {result['pages']}, time to a working page: {result['page_open_s']}",
        f"errors: {result['errors']} {result['error_examples'] or ''}".rstrip(),
        f"answers typed {a['typed']}, echoed exactly {a['echoed']}, saved to the journal "
        f"{a['saved']}, back in their boxes on a later visit {a['restored']}, lost {a['lost']}",
    ]
    for name in ("server_uss_mib", "kernels_uss_mib"):
        f = m[name]
        lines.append(
            f"{name} after the first {m['warmup_s']:.0f} s: {f.get('min')}..{f.get('max')}, "
            f"growth {f['growth']}, flat: "
            f"{'too few samples to tell' if f['flat'] is None else f['flat']}"
        )
    lines.append(
        f"kernels: idle {k['idle']}, peak {k['peak']}, after the pages closed "
        f"{k['after_close']} (freed: {k['freed']}, after {k['freed_after_s']} s; culling "
        f"after {k['cull_idle_timeout']} s idle, checked every {k['cull_interval']} s)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visitors", type=int, default=30)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--dwell", type=float, default=60, help="seconds on each page")
    parser.add_argument("--per-page", type=int, default=3, help="text boxes typed per page")
    parser.add_argument("--sample", type=float, default=30, help="seconds between samples")
    parser.add_argument("--timeout", type=float, default=90, help="seconds for one step")
    parser.add_argument("--tolerance", type=float, default=0.10, help="memory growth allowed")
    parser.add_argument(
        "--workshop-size",
        type=int,
        help="pages of lesson 1 kept ready, as data/settings.yaml workshop_size (default: "
        "the number of visitors, as a facilitator sets it for their group)",
    )
    parser.add_argument("--out", default="soak-results.json")
    args = parser.parse_args(argv)

    ready = args.visitors if args.workshop_size is None else args.workshop_size
    machine = (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, "
        f"{round(psutil.virtual_memory().total / 2**30)} GiB"
    )
    print(
        f"Soak on {machine}: {args.visitors} visitors for {args.minutes} min, "
        f"{args.dwell:.0f} s a page; the app keeps {ready} pages of lesson 1 ready.",
        flush=True,
    )
    with Server(project_config=True, workshop_size=ready) as server:
        result = asyncio.run(soak(server, args))
    result["machine"] = machine
    result["server_log"] = server.log.name
    print(report(result))
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nWrote {args.out}")
    failed = verdict(result)
    print("All checks passed." if not failed else "Failed: " + "; ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
