"""The benchmark's arithmetic (its figures go into the README and the issue notes)."""

from __future__ import annotations

from widgets.bench import per_visitor, percentiles


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
