"""Pages kept ready for a group: pool sizes from data/settings.yaml, and the idle culler
never takes a page that is still waiting for its visitor."""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from conftest import edit, line_of, messages

from bench.voila_client import run
from widgets.server.kernel_manager import GentleKernelManager, pool_config

ROOT = "/srv/owning it gently/notebooks"


def settings(ready=1, lesson="welcome", size=0):
    return SimpleNamespace(ready_pages=ready, workshop_lesson=lesson, workshop_size=size)


def denied(denylist: list[str], relative: str) -> bool:
    """As Voila decides: each pattern is matched against the notebook's full path."""
    path = f"{ROOT}/{relative}"
    return any(p in path or re.match(p, path) for p in denylist)


def test_every_lesson_of_the_language_is_kept_ready(workbook):
    config, denylist = pool_config(settings(), workbook.lessons.lessons, "en", ROOT)
    assert config["01_responsibility_vs_cruelty.ipynb"] == {"pool_size": 1}
    assert config["default"] == {"pool_size": 1}
    assert not denied(denylist, "00_welcome.ipynb")
    assert denied(denylist, "es/00_welcome.ipynb")
    assert denied(denylist, "pt-BR/00_welcome.ipynb")


def test_the_workshop_lesson_keeps_a_page_for_everyone(workbook):
    config, _ = pool_config(
        settings(ready=2, lesson="responsibility", size=30), workbook.lessons.lessons, "en", ROOT
    )
    assert config["01_responsibility_vs_cruelty.ipynb"] == {"pool_size": 30}
    assert config["00_welcome.ipynb"] == {"pool_size": 2}


def test_a_spanish_group_gets_spanish_pages_ready(workbook):
    config, denylist = pool_config(settings(), workbook.lessons.lessons, "es", ROOT)
    assert "es/00_welcome.ipynb" in config
    assert not denied(denylist, "es/00_welcome.ipynb")
    assert denied(denylist, "00_welcome.ipynb")
    assert denied(denylist, "fr/00_welcome.ipynb")


def test_zero_ready_pages_builds_every_page_on_request(workbook):
    config, _ = pool_config(settings(ready=0), workbook.lessons.lessons, "en", ROOT)
    assert {c["pool_size"] for c in config.values()} == {0}


def test_an_unknown_workshop_lesson_is_named_with_its_line(data_copy):
    path = data_copy / "settings.yaml"
    edit(path, "workshop_lesson: welcome", "workshop_lesson: lesson-nine")
    [problem] = [m for m in messages(data_copy) if "workshop_lesson" in m]
    assert (
        "settings.yaml" in problem
        and f"line {line_of(path, 'workshop_lesson: lesson-nine')}" in problem
    )
    assert "responsibility" in problem  # says which lessons exist


def test_ready_pages_has_sensible_bounds(data_copy):
    edit(data_copy / "settings.yaml", "ready_pages: 1", "ready_pages: -3")
    assert any("ready_pages" in m for m in messages(data_copy))


class Pooled:
    """A done pool task, as Voila keeps them."""

    def __init__(self, kernel_id: str):
        self.kernel_id = kernel_id

    def done(self):
        return True

    def cancelled(self):
        return False

    def exception(self):
        return None

    def result(self):
        return {"kernel_id": self.kernel_id}


@pytest.fixture
def manager(monkeypatch):
    km = GentleKernelManager.__new__(GentleKernelManager)  # no Jupyter server around it
    culled: list[str] = []
    km._pooled_before = set()
    km._pools = {"01.ipynb": [Pooled("waiting")]}
    old = SimpleNamespace(last_activity=None)
    km.__dict__["_kernels_for_test"] = {"waiting": old, "handed-out": old}

    async def base_cull_kernels(self):
        for kernel_id in ("waiting", "handed-out"):
            await self.cull_kernel_if_idle(kernel_id)

    async def base_cull_if_idle(self, kernel_id):
        culled.append(kernel_id)

    parent = GentleKernelManager.__mro__[1]
    monkeypatch.setattr(parent, "cull_kernels", base_cull_kernels)
    monkeypatch.setattr(parent, "cull_kernel_if_idle", base_cull_if_idle)
    monkeypatch.setattr(
        GentleKernelManager, "_kernels", property(lambda self: self.__dict__["_kernels_for_test"])
    )
    return km, culled


def test_a_page_waiting_for_its_visitor_is_never_culled(manager):
    km, culled = manager
    run(km.cull_kernels())
    assert culled == ["handed-out"]


def test_a_page_just_handed_to_a_visitor_gets_a_fresh_idle_clock(manager):
    km, culled = manager
    run(km.cull_kernels())  # "waiting" is in the pool
    km._pools["01.ipynb"] = []  # a visitor took it
    kernels = km.__dict__["_kernels_for_test"]
    kernels["waiting"] = SimpleNamespace(last_activity=None)
    run(km.cull_kernels())
    touched = kernels["waiting"].last_activity
    assert touched is not None
    from widgets.server.kernel_manager import utcnow

    assert utcnow() - touched < timedelta(seconds=5)
    assert culled.count("waiting") == 1  # now an ordinary page: culled when idle long enough


def test_the_server_can_hold_more_than_two_hundred_open_pages():
    """ZeroMQ's default of 1023 sockets (about five per page) answered "500" at ~200."""
    import zmq

    km = GentleKernelManager()
    assert km.context.get(zmq.MAX_SOCKETS) > 1023


@pytest.mark.parametrize(("shown", "kept"), [("INFO", "INFO"), ("DEBUG", "DEBUG")])
def test_the_server_does_not_write_log_lines_nobody_sees(shown, kept):
    """Traitlets leaves the server's logger at DEBUG and filters in the handler: each
    kernel message made a debug line only to throw it away. ``--debug`` keeps them."""
    import logging

    log = logging.getLogger(f"oig-test-server-{shown}")
    log.setLevel(logging.DEBUG)
    handler = logging.StreamHandler()
    handler.setLevel(shown)
    log.addHandler(handler)
    GentleKernelManager(log=log)
    assert logging.getLevelName(log.level) == kept
    assert log.isEnabledFor(logging.DEBUG) == (shown == "DEBUG")


def manager_building_one_at_a_time(monkeypatch, **settings):
    """A GentleKernelManager without a server, one build at a time, and its kernel table."""
    km = GentleKernelManager.__new__(GentleKernelManager)
    km._building = None
    km.pages_built_at_once = 1
    for name, value in settings.items():
        setattr(km, name, value)
    kernels: dict[str, SimpleNamespace] = {}
    monkeypatch.setattr(GentleKernelManager, "_kernels", property(lambda self: kernels))
    return km, kernels


def test_pages_kept_ready_are_built_one_at_a_time_and_visitors_never_wait(monkeypatch):
    """After a rush Voila asks for every used page again at once; they are built in turn
    (here one at a time), each turn ending when its kernel has run the lesson and gone
    quiet, while a visitor's own kernel (no page ready) starts straight away, and so
    does a page a visitor took before its turn came."""
    import asyncio
    import time

    from widgets.server.kernel_manager import utcnow

    km, kernels = manager_building_one_at_a_time(monkeypatch, built_after_quiet=0.1)
    building: set[str] = set()
    most = 0
    order: list[str] = []

    async def run_the_lesson(kernel_id: str) -> None:
        kernel = kernels[kernel_id]
        kernel.execution_state = "busy"
        await asyncio.sleep(0.3)
        building.discard(kernel_id)  # the last cell is done
        kernel.execution_state, kernel.last_activity = "idle", utcnow()

    async def base_start_kernel(self, **kwargs):
        nonlocal most
        kernel_id = f"k{len(kernels)}"
        kernels[kernel_id] = SimpleNamespace(execution_state="starting", last_activity=None)
        order.append(kernel_id)
        if kwargs["env"].get("VOILA_PREHEAT") == "True":
            building.add(kernel_id)
            most = max(most, len(building))
            asyncio.ensure_future(run_the_lesson(kernel_id))
        return kernel_id

    monkeypatch.setattr(GentleKernelManager.__mro__[1], "start_kernel", base_start_kernel)

    async def scenario():
        refills = [
            asyncio.ensure_future(km.start_kernel(env={"VOILA_PREHEAT": "True"})) for _ in range(5)
        ]
        km._pools = {"01.ipynb": list(refills)}
        await asyncio.sleep(0.05)
        started = time.monotonic()
        visitor = await km.start_kernel(env={})
        waited = time.monotonic() - started
        # A visitor takes the last page in the queue: it is built now, not in its turn.
        taken = km._pools["01.ipynb"].pop()
        taken_id = await asyncio.wait_for(asyncio.shield(taken), 0.5)
        done = await asyncio.gather(*refills)
        await asyncio.sleep(1.0)  # the last turn ends
        return visitor, waited, taken_id, done

    visitor, waited, taken_id, done = run(scenario())
    assert len(set(done)) == 5 and building == set()
    assert waited < 0.1 and order.index(visitor) == 1  # second to start, before 4 refills
    assert order.index(taken_id) == 2  # the taken page jumped the queue
    assert most == 2  # one in its turn, and the one a visitor took
    assert km._building._value == 1  # every turn was given back


def test_a_turn_ends_when_voila_has_run_the_lesson_even_if_no_one_saw_the_kernel_busy(
    monkeypatch,
):
    """Voila's pool entry holds the task that runs the lesson in the new kernel; its end
    is the end of the turn. A kernel whose short cells were never seen busy held its turn
    for the whole ``longest_build`` before, and no page was rebuilt after a rush."""
    import asyncio
    import time

    km, kernels = manager_building_one_at_a_time(monkeypatch, longest_build=30.0)
    running: set[str] = set()
    most = 0

    async def base_start_kernel(self, **kwargs):
        kernel_id = f"k{len(kernels)}"
        # Never "busy", no activity recorded: only the lesson's task tells it is built.
        kernels[kernel_id] = SimpleNamespace(execution_state="idle", last_activity=None)
        return kernel_id

    monkeypatch.setattr(GentleKernelManager.__mro__[1], "start_kernel", base_start_kernel)

    async def run_the_lesson(kernel_id: str) -> str:
        nonlocal most
        running.add(kernel_id)
        most = max(most, len(running))
        await asyncio.sleep(0.2)
        running.discard(kernel_id)
        return f"<html of {kernel_id}>"

    async def voila_initialize():  # as Voila's _initialize: start, then run the lesson
        kernel_id = await km.start_kernel(env={"VOILA_PREHEAT": "True"})
        task = asyncio.ensure_future(run_the_lesson(kernel_id))
        return {"task": task, "kernel_id": kernel_id}

    async def scenario():
        entries = [asyncio.ensure_future(voila_initialize()) for _ in range(5)]
        km._pools = {"01.ipynb": list(entries)}
        started = time.monotonic()
        results = await asyncio.gather(*entries)
        await asyncio.gather(*(r["task"] for r in results))
        took = time.monotonic() - started
        await asyncio.sleep(0.1)  # the last turn is given back
        return took

    took = run(scenario())
    assert took < 5, f"five pages took {took:.1f} s: a turn waited for the time limit"
    assert most == 1  # still one at a time
    assert km._building._value == 1


def test_pages_built_from_older_files_are_dropped_when_a_visitor_asks(tmp_path, monkeypatch):
    """A facilitator's edit (a typo, or its fix) must reach the very next visitor: pages
    kept ready from before the edit are dropped, shut down, and the pool refilled."""
    import asyncio

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.yaml").write_text("language: en\n", encoding="utf-8")
    monkeypatch.setenv("OWNING_DATA_DIR", str(data))
    km = GentleKernelManager.__new__(GentleKernelManager)
    km.log = SimpleNamespace(info=lambda *a: None)
    refilled, shut = [], []
    km.fill_if_needed = lambda delay=None, notebook_name=None: refilled.append(notebook_name)

    async def shutdown_kernel(kernel_id):
        shut.append(kernel_id)

    km.shutdown_kernel = shutdown_kernel
    monkeypatch.setattr(GentleKernelManager, "_kernels", property(lambda self: {"old": 1}))
    km.get_pool_size = lambda name: len(km._pools[name])
    km._serve_only_fresh_pages()

    async def scenario():
        loop = asyncio.get_running_loop()
        before = loop.create_future()
        before.set_result({"kernel_id": "old"})
        km._pools = {"01.ipynb": [before]}
        km._built_from[before] = km._data_stamp()
        assert km.get_pool_size("01.ipynb") == 1  # nothing changed: the page is served
        assert refilled == []
        (data / "settings.yaml").write_text("language: en\nstorage: off\n", encoding="utf-8")
        assert km.get_pool_size("01.ipynb") == 0  # Voila builds this visitor's page afresh
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    asyncio.run(scenario())
    assert refilled == ["01.ipynb"] and shut == ["old"]
