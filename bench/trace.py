"""``python -m bench.trace``: where a phone's time goes before lesson 1 answers a click.

The phone rows of ``make bench --phone`` say how long a visitor waits; this says why.
It loads the lesson once in the same phone-class browser (CPU slowed 4x, optionally the
shared Wi-Fi), records Chromium's trace of the renderer, and splits the time from
navigation until the first exercise's pause opens into the renderer's main thread at
work (by kind of work, and script by whose script it is) and the main thread waiting
(for the network, or for the server and kernel). With ``--floor`` it does the same for
Voila's floor notebook (one button), so the two can be compared line by line; with
``--desktop`` in this machine's desktop Chromium instead (no slowdown, a desktop window).

Not part of ``make test``: figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path

from bench.timing import (
    FLOOR_NOTEBOOK,
    SHARED_WIFI,
    Server,
    floor_answers,
    fresh_browser,
    lesson_answers,
)

CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8.execute",
    "v8",
    "blink.user_timing",
    "loading",
    "toplevel",
]

# Kinds of main-thread work, by trace event name (self time; anything else that runs
# inside a task without a more specific event counts as "other").
KINDS = {
    "script": (
        "EvaluateScript",
        "v8.compile",
        "v8.compileModule",
        "v8.evaluateModule",
        "FunctionCall",
        "v8.run",
        "V8.Execute",
        "RunMicrotasks",
        "TimerFire",
        "FireAnimationFrame",
        "EventDispatch",
        "XHRReadyStateChange",
        "v8.produceCache",
        "v8.produceModuleCache",
        "V8.DeserializeContext",
        "v8.parseOnBackground",
        "CompileCode",
        "CompileScript",
        "ParseScript",
        "v8.callFunction",
        "V8.BytecodeBudgetInterrupt",
        "V8.HandleInterrupts",
    ),
    "style": ("UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "InvalidateLayout"),
    "layout": ("Layout", "UpdateLayerTree", "IntersectionObserverController::computeIntersections"),
    "paint": ("Paint", "PrePaint", "Layerize", "Commit", "PaintImage", "CompositeLayers"),
    "parse HTML": ("ParseHTML",),
    "garbage collection": ("MinorGC", "MajorGC", "V8.GCScavenger", "V8.GCCompactor", "BlinkGC"),
}
KIND_OF = {name: kind for kind, names in KINDS.items() for name in names}


def kind_of(name: str) -> str:
    """The kind of work a trace event is; the rest is the browser's own task handling
    (scheduling, and messages such as network data and websocket frames arriving)."""
    if name.startswith("V8.GC"):
        return "garbage collection"
    return KIND_OF.get(name, "tasks and messages")


def whose(url: str) -> str:
    """Whose script a URL is: Voila's front end, a widget extension, or the app's own."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "")
    if path.startswith("/voila/static/"):
        return "Voila's front end"
    if path.startswith("/voila/labextensions/"):
        parts = path.split("/")
        name = "/".join(parts[3:5]) if parts[3].startswith("@") else parts[3]
        return f"extension {name}"
    if "/voila/templates/" in path:
        return f"template {path.rsplit('/', 1)[-1].split('?')[0]}"
    if path.startswith("/voila/render/"):
        return "the page's own inline scripts"
    return "script without a file (callbacks)"


def _main_thread(events: list[dict]) -> tuple[int, int]:
    """The lesson's renderer main thread: the one in the process that saw a navigationStart."""
    navigated = {e.get("pid") for e in events if e.get("name") == "navigationStart"}
    for e in events:
        if e.get("ph") == "M" and e.get("name") == "thread_name" and e["pid"] in navigated:
            if e["args"].get("name") == "CrRendererMain":
                return e["pid"], e["tid"]
    raise RuntimeError("no renderer main thread in the trace")


def _intervals(events: list[dict], pid: int, tid: int) -> list[tuple[float, float, dict]]:
    """Complete events (ph X, or B/E pairs) of one thread as (start, end, event)."""
    out, open_ = [], defaultdict(list)
    for e in events:
        if e.get("pid") != pid or e.get("tid") != tid:
            continue
        ph = e.get("ph")
        if ph == "X" and "dur" in e:
            out.append((e["ts"], e["ts"] + e["dur"], e))
        elif ph == "B":
            open_[e["name"]].append(e)
        elif ph == "E" and open_[e.get("name")]:
            b = open_[e["name"]].pop()
            out.append((b["ts"], e["ts"], b))
    out.sort(key=lambda x: (x[0], -x[1]))
    return out


def _url_of(event: dict) -> str | None:
    data = event.get("args", {}).get("data") or {}
    return data.get("url") or (data.get("stackTrace") or [{}])[0].get("url") or None


SLICE_US = 500_000  # the busy timeline's step: half a second


def breakdown(events: list[dict], until_ms: float) -> dict:
    """Main-thread self time (ms) by kind and by whose script, from navigation start to
    ``until_ms`` after it; the time the thread waited (for the network, the server or
    the kernel); and how busy it was in each half second, to show when it waited."""
    pid, tid = _main_thread(events)
    start = min(
        e["ts"] for e in events if e.get("name") == "navigationStart" and e.get("pid") == pid
    )
    end = start + until_ms * 1000
    by_kind: dict[str, float] = defaultdict(float)
    by_script: dict[str, float] = defaultdict(float)
    by_task: dict[str, float] = defaultdict(float)
    per_slice: dict[int, float] = defaultdict(float)
    stack: list[dict] = []  # open events, outermost first
    busy = 0.0

    def inside(s: float, e: float) -> float:
        return max(0.0, min(e, end) - max(s, start))

    def close(frame: dict) -> None:
        own = max(0.0, inside(frame["start"], frame["end"]) - frame["children"])
        kind = kind_of(frame["name"])
        by_kind[kind] += own
        if kind == "script":
            by_script[whose(frame["url"])] += own
        elif kind == "tasks and messages":
            by_task[frame["name"]] += own
        if stack:
            stack[-1]["children"] += inside(frame["start"], frame["end"])

    for s, e, ev in _intervals(events, pid, tid):
        if e <= start or s >= end:
            continue
        while stack and stack[-1]["end"] <= s:
            close(stack.pop())
        if not stack:  # a task of its own: the thread was busy from s to e
            busy += inside(s, e)
            at = max(s, start)
            while at < min(e, end):
                slot = int((at - start) // SLICE_US)
                upto = min(e, end, start + (slot + 1) * SLICE_US)
                per_slice[slot] += upto - at
                at = upto
        url = _url_of(ev) or (stack[-1]["url"] if stack else None)
        stack.append({"start": s, "end": e, "name": ev["name"], "url": url, "children": 0.0})
    while stack:
        close(stack.pop())

    def in_ms(found: dict[str, float], most: int | None = None) -> dict[str, int]:
        ranked = sorted(found.items(), key=lambda x: -x[1])[:most]
        return {k: round(v / 1000) for k, v in ranked}

    slices = int((end - start) // SLICE_US) + (1 if (end - start) % SLICE_US else 0)
    return {
        "until_ms": round(until_ms),
        "main_thread_busy_ms": round(busy / 1000),
        "main_thread_waiting_ms": round(until_ms - busy / 1000),
        "busy_per_half_second_pct": [
            round(100 * per_slice[i] / min(SLICE_US, end - start - i * SLICE_US))
            for i in range(slices)
        ],
        "by_kind_ms": in_ms(by_kind),
        "script_by_whose_ms": in_ms(by_script),
        "tasks_and_messages_by_event_ms": in_ms(by_task, 8),
    }


def traced_load(url: str, floor: bool, link: dict | None, phone: bool = True) -> dict:
    """One load (phone-class unless ``phone`` is False) with the renderer traced; the
    breakdown until it answered."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, fresh_browser(p, link, phone) as (browser, pg):
        browser.start_tracing(page=pg, categories=CATEGORIES)
        answered = (floor_answers if floor else lesson_answers)(pg, url)
        trace = json.loads(browser.stop_tracing())
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    return breakdown(events, answered * 1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--floor", action="store_true", help="Voila's one-button notebook")
    parser.add_argument("--wifi", action="store_true", help="also the shared Wi-Fi link")
    parser.add_argument("--plain", action="store_true", help="plain voila, not the app")
    parser.add_argument("--desktop", action="store_true", help="desktop Chromium, not a phone")
    args = parser.parse_args(argv)
    link = SHARED_WIFI if args.wifi else None
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "floor.ipynb").write_text(json.dumps(FLOOR_NOTEBOOK), encoding="utf-8")
        with Server(not args.plain, folder=Path(folder) if args.floor else None) as server:
            server.wait_until_quiet()
            found = traced_load(server.url, args.floor, link, phone=not args.desktop)
    print(json.dumps(found, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
