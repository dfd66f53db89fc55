"""The benchmark's arithmetic (its figures go into the README and the issue notes)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import psutil

from bench.timing import CpuLedger, desktop_table, per_visitor, percentiles, phone_table


def test_percentiles_of_what_was_measured():
    values = [0.1 * i for i in range(1, 21)] + [None]  # None: a visit that never got there
    found = percentiles(values)
    assert found == {"p50": 1.05, "p95": 1.9, "max": 2.0}
    assert percentiles([None]) == {"p50": None, "p95": None, "max": None}


def test_cpu_is_shared_out_per_visitor_in_milliseconds():
    before = {"server": 10.0, "kernels": 50.0}
    after = {"server": 10.3, "kernels": 50.9}
    assert per_visitor(before, after, client=0.15, count=30) == {
        "server": 10.0,
        "kernels": 30.0,
        "client": 5.0,
    }


def test_cpu_of_processes_that_exited_still_counts():
    """The culler stopping kernels must not look like a quiet server."""
    # A parent (the server) and its child (a kernel): the child uses 0.3 s of CPU, then
    # waits for its input to close and exits; the parent stays.
    child = (
        "import sys, time\nt = time.process_time()\n"
        "while time.process_time() - t < 0.3: pass\nsys.stdin.read()\n"
    )
    parent = f"import subprocess, sys, time\nsubprocess.run([sys.executable, '-c', {child!r}])\n"
    parent += "time.sleep(60)\n"
    server = subprocess.Popen([sys.executable, "-c", parent], stdin=subprocess.PIPE)
    try:
        ledger = CpuLedger(psutil.Process(server.pid))
        deadline = time.monotonic() + 20
        while ledger.total() < 0.3 and time.monotonic() < deadline:
            time.sleep(0.05)
        before = ledger.total()
        assert before >= 0.3
        server.stdin.close()  # the child exits, the parent goes on
        while psutil.Process(server.pid).children() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not psutil.Process(server.pid).children()
        assert ledger.total() >= before
    finally:
        server.kill()


def test_the_phone_table_compares_the_app_with_plain_voila():
    def row(help_, answered, whole):
        moment = lambda v: {"median": v, "min": v, "max": v}  # noqa: E731
        return {
            "first_text": moment(1.5),
            "help": moment(help_),
            "first_exercise": moment(answered - 0.2),
            "answered": moment(answered),
            "whole_lesson": moment(whole),
        }

    app = {"phone CPU": row(1.6, 4.0, 6.0)}
    plain = {"phone CPU": row(11.0, 12.0, 12.5)}
    lines = phone_table(app, plain).splitlines()
    assert lines[2] == "| phone CPU | 1.5 | 1.6 | 4.0 | 6.0 | 11.0 / 12.0 / 12.5 | 3.0x |"


def test_the_phone_table_shows_how_far_above_voilas_floor_the_lesson_is():
    moment = lambda v: {"median": v, "min": v, "max": v}  # noqa: E731
    row = {
        "first_text": moment(0.5),
        "help": moment(0.5),
        "first_exercise": moment(3.5),
        "answered": moment(4.0),
        "whole_lesson": moment(3.6),
    }
    floor = {"phone CPU": {"rounds": 4, "failures": 0, "answered": moment(3.25)}}
    lines = phone_table({"phone CPU": row}, {"phone CPU": row}, floor).splitlines()
    assert lines[0].endswith("| Voila's floor: one button answers | lesson above the floor |")
    assert lines[2].endswith("| 1.0x | 3.25 | +0.75 |")


def test_the_desktop_table_shows_how_far_above_voilas_floor_the_lesson_is():
    app = {"visitors": 1, "rounds": 10, "failures": 0, "p50": 1.4, "p95": 1.7, "max": 1.7}
    plain = {"visitors": 1, "rounds": 10, "failures": 0, "p50": 2.5, "p95": 2.8, "max": 3.0}
    floor = {"visitors": 1, "rounds": 10, "failures": 0, "p50": 1.3, "p95": 1.55, "max": 1.6}
    lines = desktop_table(app, plain, floor).splitlines()
    assert lines[2:] == [
        "| this app | 1.4 | 1.7 | 1.7 |",
        "| plain Voila | 2.5 | 2.8 | 3.0 |",
        "| Voila's floor: one button | 1.3 | 1.55 | 1.6 |",
        "| lesson above the floor | | +0.15 | |",
    ]
    never = {**floor, "p50": None, "p95": None, "max": None}  # every floor load failed
    assert "above the floor" not in desktop_table(app, plain, never)


def test_the_floor_notebook_is_one_button_that_answers_a_click():
    """The floor row is only a floor if its notebook runs and shows nothing but the button."""
    import nbformat
    from nbclient import NotebookClient

    from bench.timing import FLOOR_NOTEBOOK

    nb = nbformat.reads(json.dumps(FLOOR_NOTEBOOK), as_version=4)
    NotebookClient(nb, timeout=60).execute()
    (cell,) = nb.cells
    (output,) = cell.outputs
    assert "application/vnd.jupyter.widget-view+json" in output["data"]
