"""The trace breakdown's arithmetic (bench/trace.py): its figures explain, in the issue
notes, where a phone's time goes, so they must add up."""

from __future__ import annotations

from bench.trace import breakdown, kind_of, whose

PID, MAIN, OTHER = 7, 1, 2
T0 = 1_000_000  # navigation start, in microseconds


def meta(tid: int, name: str) -> dict:
    return {"ph": "M", "name": "thread_name", "pid": PID, "tid": tid, "args": {"name": name}}


def x(name: str, start_ms: float, dur_ms: float, tid: int = MAIN, url: str | None = None):
    args = {"data": {"url": url}} if url else {}
    return {
        "ph": "X",
        "name": name,
        "pid": PID,
        "tid": tid,
        "ts": T0 + start_ms * 1000,
        "dur": dur_ms * 1000,
        "args": args,
    }


def trace() -> list[dict]:
    return [
        meta(MAIN, "CrRendererMain"),
        meta(OTHER, "Compositor"),
        {"ph": "R", "name": "navigationStart", "pid": PID, "tid": MAIN, "ts": T0},
        # 0-100 ms: a task that parses HTML (40 ms) and runs Voila's script (50 ms).
        x("RunTask", 0, 100),
        x("ParseHTML", 0, 40),
        x("EvaluateScript", 40, 50, url="http://127.0.0.1:1/voila/static/9212.voila.js"),
        # Inside the script, a callback without a file of its own: still Voila's.
        x("FunctionCall", 50, 20),
        # 300-400 ms: layout, then a widget extension's script.
        x("RunTask", 300, 100),
        x("Layout", 300, 30),
        x(
            "FunctionCall",
            330,
            70,
            url="http://h/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/84.js",
        ),
        # 550-750 ms: a task cut at 600 ms, where the load is measured to.
        x("RunTask", 550, 200),
        x("UpdateLayoutTree", 550, 200),
        # Another thread's work is not the main thread's.
        x("RunTask", 0, 600, tid=OTHER),
    ]


def test_the_main_thread_time_adds_up_to_what_was_busy_and_what_waited():
    found = breakdown(trace(), until_ms=600)
    assert found["main_thread_busy_ms"] == 100 + 100 + 50
    assert found["main_thread_waiting_ms"] == 600 - 250
    assert sum(found["by_kind_ms"].values()) == found["main_thread_busy_ms"]
    assert found["by_kind_ms"] == {
        "script": 50 + 70,
        "style": 50,
        "parse HTML": 40,
        "layout": 30,
        "tasks and messages": 10,
    }


def test_script_time_goes_to_whose_script_it_is_callbacks_to_the_script_they_run_in():
    found = breakdown(trace(), until_ms=600)
    assert found["script_by_whose_ms"] == {
        "extension @jupyter-widgets/jupyterlab-manager": 70,
        "Voila's front end": 50,
    }


def test_the_timeline_shows_when_the_main_thread_waited():
    found = breakdown(trace(), until_ms=600)
    # 0-500 ms: 200 ms busy; 500-600 ms: 50 of 100 ms busy.
    assert found["busy_per_half_second_pct"] == [40, 50]


def test_kinds_and_owners_of_work():
    assert kind_of("V8.GC_SCAVENGER_SCAVENGE") == "garbage collection"
    assert kind_of("Receive mojo message") == "tasks and messages"
    assert whose("http://127.0.0.1:9/voila/labextensions/anywidget/static/2.js") == (
        "extension anywidget"
    )
    assert whose("/voila/templates/gentle/static/gentle.js?v=1") == "template gentle.js"
    assert whose("http://127.0.0.1:9/voila/render/01.ipynb") == "the page's own inline scripts"
    assert whose(None) == "script without a file (callbacks)"
