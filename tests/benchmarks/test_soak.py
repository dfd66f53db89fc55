"""The soak script's own arithmetic (widgets/soak.py): what it calls flat, intact and
freed. The soak itself runs by hand (make soak), not in the default test run."""

from __future__ import annotations

from bench.soak import apply_put, flatness, percentiles, texts_in, verdict


def samples(values, start=0, every=30):
    return [{"t": start + i * every, "mem": v} for i, v in enumerate(values)]


def test_flat_memory_after_the_warm_up_is_flat():
    # Climbs while kernels pile up (first 4 samples), then stays within 3 %.
    s = samples([100, 150, 200, 250, 300, 305, 298, 302, 306, 301])
    result = flatness(s, "mem", warmup=120, tolerance=0.10)
    assert result["flat"] is True
    assert result["samples"] == 6
    assert abs(result["growth"]) < 0.03
    assert (result["min"], result["max"]) == (298, 306)


def test_memory_that_keeps_growing_is_not_flat():
    s = samples([100, 110, 120, 130, 140, 150, 160, 170])
    result = flatness(s, "mem", warmup=0, tolerance=0.10)
    assert result["flat"] is False
    assert result["growth"] == round((155 - 115) / 115, 3)


def test_too_few_samples_after_the_warm_up_cannot_tell():
    s = samples([100, 200, 300, 400, 500])
    result = flatness(s, "mem", warmup=60, tolerance=0.10)
    assert result["samples"] == 3
    assert result["flat"] is None and result["growth"] is None


def test_missing_values_are_left_out():
    s = samples([100, None, 100, 100, 100])
    assert flatness(s, "mem", warmup=0, tolerance=0.0)["samples"] == 4


def test_a_put_is_kept_as_the_browser_keeps_it():
    record = apply_put(None, {"entries": {"a/b": {"data": {"x": "one"}}}, "updated": "t1"})
    record = apply_put(
        record,
        {
            "entries": {"a/c": {"data": {"y": "two"}}, "a/b": {"data": {"x": "three"}}},
            "ratings": [{"value": i} for i in range(600)],
            "updated": "t2",
        },
    )
    assert record["answers"] == {"a/b": {"data": {"x": "three"}}, "a/c": {"data": {"y": "two"}}}
    assert len(record["ratings"]) == 500 and record["ratings"][-1] == {"value": 599}
    assert record["updated"] == "t2"


def test_texts_are_found_anywhere_in_an_answer():
    value = {"fields": {"a": "one", "b": ["two", {"c": "three"}]}, "rating": 4, "flag": True}
    assert texts_in(value) == {"one", "two", "three"}


def test_percentiles():
    assert percentiles([]) == {"p50": None, "p95": None, "max": None}
    assert percentiles([float(i) for i in range(1, 101)]) == {
        "p50": 50.5,
        "p95": 95.0,
        "max": 100.0,
    }


def result(**changes):
    base = {
        "errors": 0,
        "answers": {"lost": 0},
        "memory": {
            "server_uss_mib": {"flat": True, "growth": 0.01},
            "kernels_uss_mib": {"flat": None, "growth": None},
        },
        "kernels": {"freed": True},
    }
    for key, value in changes.items():
        base[key] = value
    return base


def test_the_verdict_names_each_failed_check():
    assert verdict(result()) == []
    assert verdict(result(errors=2)) == ["2 errors"]
    assert verdict(result(answers={"lost": 1})) == ["1 answers not intact"]
    grew = {"server_uss_mib": {"flat": False, "growth": 0.25}, "kernels_uss_mib": {"flat": True}}
    assert verdict(result(memory=grew)) == ["server_uss_mib grew 25%"]
    assert verdict(result(kernels={"freed": False})) == [
        "kernels of closed pages were not all freed"
    ]
