"""Voila's kernel manager for the workbook: pages kept ready for a group, never culled early.

Voila can run a lesson's notebook before anyone asks for it ("preheated" kernels), so a
visitor gets a page that is already built. Two things stop that from helping a workshop
out of the box, and this class fixes both:

- Which lessons to keep ready, and how many of each, is a facilitator's decision (their
  group's size and first lesson), so it comes from ``data/settings.yaml``, not from Voila
  flags. Only the pages in the workbook's language are kept ready.
- Jupyter's idle culler (which frees the kernels of closed pages) would also shut down
  the kernels still waiting for a visitor, and Voila does not refill the pool after that:
  after two quiet minutes every visitor would wait again. Waiting kernels are skipped,
  and a kernel just handed to a visitor gets a fresh idle clock (its page may not have
  connected yet).

- Voila rebuilds every page a visitor took, all at once: after 30 people arrived, 30
  kernels started and ran the lesson together, and people already in a lesson waited up
  to 8 s for their typing to reach their kernel (``make bench``). Pages are now rebuilt a
  few at a time (half the cores, at least one), so the other cores stay free for
  visitors; a visitor's own kernel (no page ready), or a page a visitor took before its
  turn came, is never held back.

Voila wraps this class (``VoilaConfiguration.multi_kernel_manager_class`` in voila.json),
so the pool attributes used here (``_pools``, ``kernel_pools_config``) are Voila's.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
import weakref
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Integer

from widgets.content import cache as content_cache
from widgets.server import compressed_static, template_cache

try:  # jupyter_server >= 2
    from jupyter_server._tz import utcnow
except ImportError:  # pragma: no cover
    from datetime import datetime, timezone

    def utcnow():
        return datetime.now(timezone.utc)


def pool_config(
    settings: Any, lessons: list[Any], language: str, root: str
) -> tuple[dict, list[str]]:
    """Voila's ``kernel_pools_config`` and ``preheat_denylist`` for these settings.

    Every lesson page of ``language`` keeps ``settings.ready_pages`` ready; the workshop
    lesson keeps ``max(ready_pages, workshop_size)``. Pages of other languages are not
    kept ready (they still open, built on request). Voila matches the denylist against
    each notebook's full path under ``root`` (the folder Voila serves).
    """
    prefix = "" if language == "en" else f"{language}/"
    config: dict[str, dict] = {"default": {"pool_size": settings.ready_pages}}
    for lesson in lessons:
        size = settings.ready_pages
        if lesson.id == settings.workshop_lesson:
            size = max(size, settings.workshop_size)
        config[f"{prefix}{lesson.notebook}"] = {"pool_size": size}
    base = re.escape(str(root).rstrip("/")) + "/"
    folder = r"[a-z]{2}(-[A-Za-z]+)?/"  # a language's folder: es/, pt-BR/
    if language == "en":
        denylist = [f"^{base}{folder}"]
    else:
        denylist = [f"^{base}[^/]+$", f"^{base}(?!{re.escape(language)}/){folder}"]
    return config, denylist


class GentleKernelManager(AsyncMappingKernelManager):
    """Jupyter's kernel manager, with pools sized from the workbook's settings."""

    pages_built_at_once = Integer(
        0,
        config=True,
        help="How many pages kept ready may be built at the same time (0: half the cores).",
    )
    # A page counts as built once its kernel has been quiet this long after working
    # (Voila sends the next cell as soon as one is done: the gaps are milliseconds).
    built_after_quiet = 0.5
    # Never hold the next page back longer than this for one that does not finish.
    longest_build = 120.0

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._pooled_before: set[str] = set()
        self._building: asyncio.Semaphore | None = None
        self._allow_many_sockets()
        self._log_only_what_is_shown()
        # Not about kernels: this class is the one part of the workbook the server loads
        # at start (voila.json), so the server-wide page-template cache and the
        # compressed copies of Voila's scripts are set up here.
        template_cache.install()
        compressed_static.install()
        if hasattr(self, "kernel_pools_config"):  # Voila wrapped us with preheating on
            self._size_pools_from_settings()
            self._serve_only_fresh_pages()

    def _allow_many_sockets(self) -> None:
        """Each open page holds about five ZeroMQ sockets in the server. ZeroMQ's default
        cap of 1023 per context made the server answer "500" once about 200 pages were
        open (``make bench --stuck 100``); the cap follows the process's file limit."""
        import resource

        import zmq

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
        if soft != resource.RLIM_INFINITY and soft < wanted:
            try:  # a process may raise its own soft limit up to the hard one
                resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
                soft = wanted
            except (ValueError, OSError):
                pass
        limit = max(1024, min(soft - 256, 65536)) if soft != resource.RLIM_INFINITY else 65536
        self.context.set(zmq.MAX_SOCKETS, limit)
        self.log.debug("Up to %s ZeroMQ sockets for kernels", limit)

    def _log_only_what_is_shown(self) -> None:
        """Traitlets sets the server's logger to DEBUG and filters in its handler, so every
        debug line in Jupyter Server's kernel code (one per message a kernel sends, e.g.
        "activity on ...") was formatted and then thrown away. py-spy put that at about
        7 % of the server's time while 30 visitors arrived together. The logger now stops
        at the level its handlers show (``--debug`` still shows everything)."""
        import logging

        levels = [h.level for h in self.log.handlers if h.level != logging.NOTSET]
        if levels and self.log.level < min(levels):
            self.log.setLevel(min(levels))

    def _size_pools_from_settings(self) -> None:
        from widgets.content.loader import ContentError, load_workbook

        try:
            workbook = load_workbook()
        except ContentError as error:  # the page shows the problem; the server still runs
            self.log.warning("Pages are not kept ready: %s", error)
            return
        language = workbook.settings.language
        config, denylist = pool_config(
            workbook.settings, workbook.lessons.lessons, language, self.root_dir
        )
        self.kernel_pools_config = config
        self.preheat_denylist = [*self.preheat_denylist, *denylist]
        ready = {name: c["pool_size"] for name, c in config.items() if name != "default"}
        self.log.info("Pages kept ready for visitors: %s", ready)

    # --- pages built from the files as they are now --------------------------------------

    def _serve_only_fresh_pages(self) -> None:
        """A page kept ready was built from data/ as it was then. After a facilitator's
        edit (a typo, or its fix) the next visitor must get a page built from the files
        as they are now, not one waiting from before. Voila asks ``get_pool_size`` before
        it hands out a page; pages built from other files are dropped first, so Voila
        builds this visitor's page afresh and refills the pool.

        Voila's class is a subclass of this one, so its own ``get_pool_size`` would win
        over a method here: the wrapper is set on the instance."""
        voila_pool_size = self.get_pool_size

        def get_pool_size(notebook_name: str) -> int:
            self._drop_stale_pages(notebook_name)
            return voila_pool_size(notebook_name)

        self.get_pool_size = get_pool_size

    @property
    def _built_from(self) -> weakref.WeakKeyDictionary:
        """Pool entry -> the data/ files it was built from (content_cache.stamp); weak, so
        a page handed to a visitor is not kept alive by this."""
        return self.__dict__.setdefault("_built_from_map", weakref.WeakKeyDictionary())

    def _data_stamp(self) -> tuple:
        from widgets.paths import data_dir

        return content_cache.stamp(data_dir())

    def _drop_stale_pages(self, notebook_name: str) -> None:
        pool = getattr(self, "_pools", {}).get(notebook_name)
        if not pool:
            return
        now = self._data_stamp()
        stale = [entry for entry in pool if self._built_from.get(entry, now) != now]
        if not stale:
            return
        self.log.info("data/ changed: %s ready pages of %s rebuilt", len(stale), notebook_name)
        for entry in stale:
            pool.remove(entry)
            self._built_from.pop(entry, None)
            entry.add_done_callback(self._shut_down_page)
        self.fill_if_needed(delay=0, notebook_name=notebook_name)

    def _shut_down_page(self, entry: asyncio.Future) -> None:
        if entry.cancelled() or entry.exception() is not None:
            return
        kernel_id = entry.result().get("kernel_id")
        if kernel_id in self._kernels:
            asyncio.ensure_future(self.shutdown_kernel(kernel_id))

    # --- building pages a few at a time ------------------------------------------------

    def _build_gate(self) -> asyncio.Semaphore:
        if self._building is None:
            at_once = self.pages_built_at_once or max(1, (os.cpu_count() or 2) // 2)
            self._building = asyncio.Semaphore(at_once)
        return self._building

    async def start_kernel(self, *args, **kwargs):
        env = kwargs.get("env") or {}
        if env.get("VOILA_PREHEAT") != "True":  # a visitor is waiting for this one
            return await super().start_kernel(*args, **kwargs)
        gate = self._build_gate()
        me = asyncio.current_task()  # Voila's pool entry for this page
        while gate.locked() and self._still_pooled(me):
            await asyncio.sleep(0.1)
        if not self._still_pooled(me):  # a visitor took it before its turn: no queue
            return await super().start_kernel(*args, **kwargs)
        await gate.acquire()  # free now: returns at once
        self._built_from[me] = self._data_stamp()
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        except BaseException:
            gate.release()
            raise
        asyncio.ensure_future(self._release_when_built(me, kernel_id, gate))
        return kernel_id

    def _pool_entries(self) -> list:
        """Voila's pool entries (one task per page kept ready), every lesson's together."""
        return [task for pool in getattr(self, "_pools", {}).values() for task in pool]

    def _still_pooled(self, task) -> bool:
        return task in self._pool_entries()

    async def _release_when_built(self, entry, kernel_id: str, gate: asyncio.Semaphore) -> None:
        """Let the next page be built once this one is, i.e. when Voila's task that runs
        the lesson in this kernel (the ``task`` of the pool entry) is done. A kernel that
        dies, or a page that takes longer than ``longest_build``, frees its turn too.

        Why not watch the kernel: it used to count as built once it had been seen busy
        and then quiet, looked at every 0.2 s. A lesson's cells are short, so a look
        could miss every busy moment; that page then held its turn for the whole
        ``longest_build`` (2 minutes), no page was rebuilt after a group arrived, and the
        next group met pages still to be built (``make bench``: 4-7 s instead of 0.2 s).
        Watching the kernel stays as the fallback for an entry without a task."""
        deadline = time.monotonic() + self.longest_build
        try:
            # The entry itself finishes just after this kernel started.
            if not await self._done_in_time(entry, kernel_id, deadline):
                return
            render = None
            if not entry.cancelled() and entry.exception() is None:
                result = entry.result()
                render = result.get("task") if isinstance(result, dict) else None
            if isinstance(render, asyncio.Future):
                await self._done_in_time(render, kernel_id, deadline)
                return
            await self._kernel_quiet_after_work(kernel_id, deadline)
        finally:
            gate.release()

    async def _done_in_time(self, future: asyncio.Future, kernel_id: str, deadline: float) -> bool:
        """Wait for ``future`` while the kernel lives and ``deadline`` has not passed;
        whether it finished."""
        while not future.done():
            if kernel_id not in self._kernels or time.monotonic() > deadline:
                return False
            await asyncio.wait({future}, timeout=0.2)
        return True

    async def _kernel_quiet_after_work(self, kernel_id: str, deadline: float) -> None:
        """The kernel has worked (seen busy, or active since we started looking) and has
        been idle for ``built_after_quiet`` seconds."""
        first = None
        worked = False
        while time.monotonic() < deadline:
            kernel = self._kernels.get(kernel_id)
            if kernel is None:
                return
            state = getattr(kernel, "execution_state", "starting")
            last = getattr(kernel, "last_activity", None)
            first = first or last or utcnow()
            worked = worked or state == "busy" or (last is not None and last > first)
            if worked and state == "idle" and last is not None:
                if (utcnow() - last).total_seconds() >= self.built_after_quiet:
                    return
            await asyncio.sleep(0.2)

    def _waiting_in_pool(self) -> set[str]:
        waiting = set()
        for task in self._pool_entries():
            if task.done() and not task.cancelled() and task.exception() is None:
                waiting.add(task.result().get("kernel_id"))
        return waiting

    async def cull_kernels(self):
        waiting = self._waiting_in_pool()
        for kernel_id in self._pooled_before - waiting:
            kernel = self._kernels.get(kernel_id)
            if kernel is not None:  # handed to a visitor since the last round
                kernel.last_activity = utcnow()
        self._pooled_before = waiting
        return await super().cull_kernels()

    async def cull_kernel_if_idle(self, kernel_id):
        if kernel_id in self._pooled_before:
            return  # still waiting for a visitor: keep it ready
        return await super().cull_kernel_if_idle(kernel_id)
