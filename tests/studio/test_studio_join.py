"""The workshop-day screens: the join address with its token (and its QR code, read
back with a QR decoder), what the join screen says about the network, and the plan
with clock times for the lessons and exercises the workshop includes."""

from __future__ import annotations

import io
import shutil

import segno
import zxingcpp
from PIL import Image

from widgets.paths import REPO_DIR
from widgets.studio import join


def test_join_address_carries_the_token():
    assert join.join_address("192.168.1.20:8866/", "a b&c") == (
        "http://192.168.1.20:8866/?token=a%20b%26c"
    )
    assert join.join_address("https://x.local:8866/?lang=es", "t") == (
        "https://x.local:8866/?lang=es&token=t"
    )
    assert join.join_address("http://x:1/", " ") == "http://x:1/"


def test_the_qr_code_reads_back_as_the_address():
    address = join.join_address("http://192.168.1.20:8866/", "pick-a-long-random-word")
    png = io.BytesIO()
    segno.make(address, error="m").save(png, kind="png", scale=8, border=4)
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.getvalue())))
    assert [r.text for r in found] == [address]
    assert "<svg" in join.qr_svg(address)


def test_the_join_screen_is_honest_about_the_network():
    plain = join.join_html("http://192.168.1.20:8866/?token=t")
    assert "not encrypted" in plain and "could read" in plain
    assert "not stored" in plain
    secure = join.join_html("https://192.168.1.20:8866/?token=t")
    assert "encrypted (https)" in secure and "could read" not in secure
    hostile = join.join_html("http://x/?token=<script>")
    assert "<script>" not in hostile


def test_the_plan_has_clock_times_from_the_start(tmp_path):
    start = join.parse_time("18:30")
    html = join.plan_html(REPO_DIR / "data", 60, start)
    assert "<td class='oig-plan-time'>18:30</td>" in html
    rows = join.plan_rows(REPO_DIR / "data", 60)
    total = sum(r[1] for r in rows)
    end = (start.hour * 60 + start.minute + total) % (24 * 60)
    assert f"ending at {end // 60:02d}:{end % 60:02d}" in html
    assert join.parse_time("half past six") is None
    assert join.parse_time("7.05").minute == 5


def test_the_plan_leaves_out_what_the_workshop_leaves_out(tmp_path):
    shutil.copytree(REPO_DIR / "data", tmp_path / "data")
    settings = tmp_path / "data" / "settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "leave_out: [responsibility/repair, guilt-shame]\n",
        encoding="utf-8",
    )
    before = join.plan_rows(REPO_DIR / "data", 90)
    after = join.plan_rows(tmp_path / "data", 90)
    assert any(r[3] == "repair" for r in before) and not any(r[3] == "repair" for r in after)
    titles = {r[0] for r in after}
    assert "Guilt versus shame" in {r[0] for r in before} and "Guilt versus shame" not in titles


def _leaving_out(tmp_path, refs: str):
    shutil.copytree(REPO_DIR / "data", tmp_path / "data")
    settings = tmp_path / "data" / "settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + f"leave_out: [{refs}]\n", encoding="utf-8"
    )
    return tmp_path / "data"


def test_handouts_are_made_for_the_chosen_exercises_only(tmp_path):
    from widgets.tools.handouts import write_handouts

    data = _leaving_out(tmp_path, "responsibility/repair, guilt-shame")
    chosen = join.chosen_workbook(data)
    assert "guilt-shame" not in {e.id for e in chosen.lessons.lessons}
    made = write_handouts(tmp_path / "out", chosen, pdf=False)
    names = [p.name for p in made.html]
    assert not any("guilt-shame" in n for n in names)
    lesson = next(p for p in made.html if "responsibility" in p.name).read_text(encoding="utf-8")
    assert "Owning it, brushing it off" in lesson and "My repair plan" not in lesson
    sheets = join.write_worksheets(tmp_path / "sheets", chosen, pdf=False)[0]
    text = sheets.read_text(encoding="utf-8")
    assert "Owning it, brushing it off" in text and "My repair plan" not in text
    assert "988" in text  # the help line is on the page too
