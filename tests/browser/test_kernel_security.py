"""The page's kernel only answers widget messages: code sent over its websocket, as a
hostile page could send it, never runs."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest

from bench.voila_client import VoilaVisitor, run

pytestmark = pytest.mark.browser


def test_execute_request_over_the_websocket_does_not_run(voila_url, tmp_path):
    marker = tmp_path / f"ran-{uuid.uuid4().hex}"

    async def attack():
        visitor = VoilaVisitor(voila_url, "00_welcome.ipynb", "Check in")
        _, config = await visitor.fetch_page()
        await visitor.connect(config["kernelId"])
        seen = await visitor.execute(f"open({str(marker)!r}, 'w').write('x')", wait=3)
        # The widgets still work on the same connection afterwards.
        states = await visitor.request_states(deadline=time.monotonic() + 30)
        visitor.ws.close()
        return seen, states

    seen, states = run(attack())
    assert not Path(marker).exists()
    assert "execute_reply" not in {m["header"]["msg_type"] for m in seen}
    assert "execute_result" not in {m["header"]["msg_type"] for m in seen}
    assert any(s["model_name"] == "ButtonModel" for s in states.values())


def test_a_visitor_reaches_a_working_lesson(voila_url):
    visit = run(
        VoilaVisitor(voila_url, "01_responsibility_vs_cruelty.ipynb", "Take a pause").visit()
    )
    assert visit.ok, visit.error
    assert visit.page <= visit.websocket <= visit.state <= visit.click
