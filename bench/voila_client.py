"""A lightweight visitor for a Voila server, speaking the same protocol as the page.

Thirty headless browsers on two cores would measure the browsers, not the server; this
client does what the page does at the protocol level (fetch the page, open the kernel's
websocket, ask for every widget's state, click a button and wait for the answer) so that
a benchmark or a load test can afford many visitors at once. It is also what the tests
use to check that the kernel refuses code sent over the websocket.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

# The kernel websocket protocol the page itself asks for (JupyterLab's services, which
# Voila's page uses): the server passes the kernel's frames through without parsing them,
# so a client speaking the older JSON protocol would make the server do work a real page
# never causes.
PROTOCOL = "v1.kernel.websocket.jupyter.org"

CONFIG_RE = re.compile(
    r'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*</script>', re.S
)


@dataclass
class Visit:
    """Timings (seconds from the start of the visit) and what was seen."""

    notebook: str
    page: float | None = None
    websocket: float | None = None
    state: float | None = None
    click: float | None = None
    error: str = ""
    kernel_id: str = ""
    widget_count: int = 0
    states: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.error and self.click is not None


def _msg(msg_type: str, content: dict, session: str, channel: str = "shell") -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "visitor",
            "session": session,
            "date": "",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": channel,
        "buffers": [],
    }


def _pack(part: dict) -> bytes:
    return json.dumps(part).encode("utf-8")


class VoilaVisitor:
    """One visitor: ``await visit()`` runs the whole path and fills a :class:`Visit`."""

    def __init__(self, base_url: str, notebook: str, button_text: str, timeout: float = 60):
        self.base_url = base_url.rstrip("/")
        self.notebook = notebook
        self.button_text = button_text
        self.timeout = timeout
        self.session = uuid.uuid4().hex
        self.ws = None
        self.cookies = ""
        self.last_body = b""
        # Messages read while waiting for another one, oldest first, each with its number,
        # so that waiting for one answer never loses the next (e.g. a journal save).
        self.inbox: list[tuple[int, dict]] = []
        self.seen = 0

    async def fetch_page(self) -> tuple[str, dict]:
        client = AsyncHTTPClient(max_clients=100)
        response = await client.fetch(
            HTTPRequest(
                f"{self.base_url}/voila/render/{self.notebook}",
                request_timeout=self.timeout,
                connect_timeout=self.timeout,
            )
        )
        cookies = response.headers.get_list("Set-Cookie")
        self.cookies = "; ".join(c.split(";", 1)[0] for c in cookies)
        self.last_body = response.body
        html = response.body.decode("utf-8")
        match = CONFIG_RE.search(html)
        if not match:
            raise RuntimeError("page has no kernel config")
        return html, json.loads(match.group(1))

    async def connect(self, kernel_id: str) -> None:
        ws_base = self.base_url.replace("http", "ws", 1)
        request = HTTPRequest(
            f"{ws_base}/api/kernels/{kernel_id}/channels?session_id={self.session}",
            headers={"Cookie": self.cookies} if self.cookies else {},
            request_timeout=self.timeout,
            connect_timeout=self.timeout,
        )
        self.ws = await websocket_connect(request, subprotocols=[PROTOCOL])
        if self.ws.selected_subprotocol != PROTOCOL:
            raise ConnectionError(f"the server did not accept {PROTOCOL}")

    async def send(self, msg: dict) -> None:
        frame = serialize_msg_to_ws_v1(msg, msg["channel"], pack=_pack)
        await self.ws.write_message(frame, binary=True)

    async def read(self, timeout: float) -> dict | None:
        """The next message from the kernel, or None once the websocket has closed."""
        raw = await asyncio.wait_for(self.ws.read_message(), timeout)
        if raw is None:
            return None
        channel, parts = deserialize_msg_from_ws_v1(raw)
        header, parent, metadata, content = (json.loads(part) for part in parts[:4])
        return {
            "header": header,
            "msg_type": header.get("msg_type"),
            "parent_header": parent,
            "metadata": metadata,
            "content": content,
            "channel": channel,
            "buffers": parts[4:],
        }

    async def receive(self, predicate, deadline: float, after: int = -1) -> dict:
        """The first message numbered above ``after`` (see :meth:`mark`) that ``predicate``
        accepts, from the inbox or as it arrives; the others stay in the inbox."""
        for i, (number, msg) in enumerate(self.inbox):
            if number > after and predicate(msg):
                del self.inbox[i]
                return msg
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no answer in time")
            try:
                msg = await self.read(remaining)
            except asyncio.TimeoutError:
                raise TimeoutError("no answer in time") from None
            if msg is None:
                raise ConnectionError("websocket closed")
            self.seen += 1
            if predicate(msg):
                return msg
            self.inbox.append((self.seen, msg))
            del self.inbox[:-1000]

    def mark(self) -> int:
        """The number of the last message read: pass it as ``after`` to wait for newer ones."""
        return self.seen

    async def request_states(self, deadline: float) -> dict:
        comm_id = uuid.uuid4().hex
        await self.send(
            _msg(
                "comm_open",
                {
                    "comm_id": comm_id,
                    "target_name": "jupyter.widget.control",
                    "data": {},
                },
                self.session,
            )
            | {"metadata": {"version": "1.0.0"}}
        )
        await self.send(
            _msg(
                "comm_msg",
                {"comm_id": comm_id, "data": {"method": "request_states"}},
                self.session,
            )
        )
        reply = await self.receive(
            lambda m: (
                m.get("msg_type", m["header"]["msg_type"]) == "comm_msg"
                and m["content"].get("comm_id") == comm_id
            ),
            deadline,
        )
        return reply["content"]["data"]["states"]

    def find_button(self, states: dict) -> str:
        for model_id, info in states.items():
            state = info["state"]
            if info["model_name"] == "ButtonModel" and state.get("description") == self.button_text:
                return model_id
        raise LookupError(f"no button '{self.button_text}' on the page")

    async def click(self, model_id: str, deadline: float) -> dict:
        after = self.mark()
        await self.send(
            _msg(
                "comm_msg",
                {
                    "comm_id": model_id,
                    "data": {"method": "custom", "content": {"event": "click"}},
                },
                self.session,
            )
        )
        return await self.receive(
            lambda m: (
                m["header"]["msg_type"] == "comm_msg"
                and m["content"].get("data", {}).get("method") == "update"
            ),
            deadline,
            after,
        )

    # --- what a page does with its widgets, one message at a time ----------------------

    @staticmethod
    def models(states: dict, model_name: str, css_class: str = "") -> list[str]:
        """Ids of the widgets of one kind (and CSS class), in the order the page has them."""
        return [
            model_id
            for model_id, info in states.items()
            if info["model_name"] == model_name
            and (not css_class or css_class in info["state"].get("_dom_classes", []))
        ]

    @staticmethod
    def journal(states: dict) -> str | None:
        """The id of the page's journal link (widgets/journal/store.py), if it has one."""
        for model_id, info in states.items():
            if info["model_name"] == "AnyModel" and "key_prefix" in info["state"]:
                return model_id
        return None

    async def set_state(self, model_id: str, state: dict, deadline: float) -> dict:
        """Change a widget as the page does when someone types or drags; returns the state
        the kernel echoes back (ipywidgets 8 echoes every change it accepts)."""
        after = self.mark()
        await self.send(
            _msg(
                "comm_msg",
                {
                    "comm_id": model_id,
                    "data": {"method": "update", "state": state, "buffer_paths": []},
                },
                self.session,
            )
        )
        reply = await self.receive(
            lambda m: (
                m["header"]["msg_type"] == "comm_msg"
                and m["content"].get("comm_id") == model_id
                and m["content"].get("data", {}).get("method") == "echo_update"
            ),
            deadline,
            after,
        )
        return reply["content"]["data"]["state"]

    async def send_custom(self, model_id: str, content: dict) -> None:
        """A message from a widget's front end to its kernel side (anywidget's model.send)."""
        await self.send(
            _msg(
                "comm_msg",
                {"comm_id": model_id, "data": {"method": "custom", "content": content}},
                self.session,
            )
        )

    async def receive_custom(
        self, model_id: str, predicate, deadline: float, after: int = -1
    ) -> dict:
        """The next message from a widget's kernel side that ``predicate`` accepts."""
        msg = await self.receive(
            lambda m: (
                m["header"]["msg_type"] == "comm_msg"
                and m["content"].get("comm_id") == model_id
                and m["content"].get("data", {}).get("method") == "custom"
                and predicate(m["content"]["data"].get("content") or {})
            ),
            deadline,
            after,
        )
        return msg["content"]["data"]["content"]

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None

    async def visit(self, keep_open: float = 0.0) -> Visit:
        result = Visit(self.notebook)
        start = time.monotonic()
        deadline = start + self.timeout
        try:
            _, config = await self.fetch_page()
            result.page = time.monotonic() - start
            result.kernel_id = config["kernelId"]
            await self.connect(result.kernel_id)
            result.websocket = time.monotonic() - start
            states = await self.request_states(deadline)
            result.state = time.monotonic() - start
            result.widget_count = len(states)
            result.states = states
            await self.click(self.find_button(states), deadline)
            result.click = time.monotonic() - start
            if keep_open:
                await asyncio.sleep(keep_open)
        except Exception as exc:  # noqa: BLE001 - every failure is a result to count
            result.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.close()
        return result

    async def execute(self, code: str, wait: float = 5.0) -> list[dict]:
        """Send an execute_request as a hostile page might; return whatever comes back."""
        await self.send(_msg("execute_request", {"code": code, "silent": False}, self.session))
        seen = []
        end = time.monotonic() + wait
        while time.monotonic() < end:
            try:
                msg = await self.read(end - time.monotonic())
            except asyncio.TimeoutError:
                break
            if msg is None:
                break
            seen.append(msg)
        return seen


async def visitors(
    base_url: str, notebook: str, button_text: str, count: int, spread: float = 0.0
) -> list[Visit]:
    """``count`` visitors, arriving together (spread=0) or evenly over ``spread`` seconds."""

    async def one(i: int) -> Visit:
        if spread:
            await asyncio.sleep(spread * i / count)
        return await VoilaVisitor(base_url, notebook, button_text).visit()

    return list(await asyncio.gather(*(one(i) for i in range(count))))


def run(coroutine):
    """Run ``coroutine`` to the end on a fresh event loop in a thread of its own.

    Why: ``asyncio.run`` refuses to start while another loop runs in the same thread, and
    Playwright's sync API (used by the browser tests next to this client) keeps one there.
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
