"""The workshop-day screens: the "join" screen for the projector (the app's address
with its token, as a large QR code and in letters, and what travels over the network),
the chosen plan with clock times, and the handouts for the chosen exercises.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import socket
from pathlib import Path
from urllib.parse import quote

import ipywidgets as W

from widgets.content.yaml_lines import load_lined
from widgets.paths import data_dir
from widgets.text import escape

NETWORK_NOTE = (
    "While a page of the workbook is open, what you type in it travels from your device "
    "to the facilitator's computer, which works out the replies. It is not stored there. "
    "{https}"
)
WITH_HTTPS = "The connection is encrypted (https), so others on this Wi-Fi cannot read it."
WITHOUT_HTTPS = (
    "This connection is not encrypted (http): someone else on this Wi-Fi with the right "
    "tools could read what you type on its way. Type only what you are fine with that for."
)
TIME = re.compile(r"^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$")


def this_computer_address() -> str:
    """This computer's address on the local network (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
    except OSError:
        return "127.0.0.1"


def join_address(address: str, token: str) -> str:
    """The address participants open: the app's address with ``?token=`` added."""
    address = address.strip()
    if not re.match(r"^https?://", address):
        address = "http://" + address
    if not token.strip():
        return address
    joiner = "&" if "?" in address else "?"
    return f"{address}{joiner}token={quote(token.strip(), safe='')}"


def qr_svg(text: str, scale: int = 10) -> str:
    import segno

    return segno.make(text, error="m").svg_inline(scale=scale, border=4, omitsize=True)


def join_html(address: str) -> str:
    https = address.startswith("https://")
    note = NETWORK_NOTE.format(https=WITH_HTTPS if https else WITHOUT_HTTPS)
    return (
        "<div class='oig-studio-join oig-studio-print'>"
        "<h2 style='font-size:2.2rem;margin:0.3rem 0'>Join the workshop</h2>"
        "<p style='font-size:1.4rem'>Point your phone's camera at the code, or type the "
        "address below.</p>"
        f"<div class='oig-studio-qr' data-text='{escape(address)}' role='img' "
        f"aria-label='QR code for {escape(address)}'>{qr_svg(address)}</div>"
        f"<p class='oig-studio-join-address' style='font-size:2rem;font-family:monospace;"
        f"word-break:break-all'>{escape(address)}</p>"
        f"<p class='oig-studio-network' style='font-size:1.1rem;max-width:48rem'>"
        f"{escape(note)}</p></div>"
    )


def parse_time(text: str) -> dt.datetime | None:
    match = TIME.match(text or "")
    if not match:
        return None
    return dt.datetime.combine(dt.date.today(), dt.time(int(match[1]), int(match[2])))


def plan_rows(root: Path, minutes: int) -> list[tuple[str, int, str, str]]:
    """(lesson title, step minutes, activity, exercise) for the lessons and exercises the
    workshop includes (settings.yaml), from each lesson's facilitator notes."""
    settings = load_lined(root / "settings.yaml").value or {}
    language = settings.get("language", "en")
    left = set(settings.get("leave_out") or [])
    listed = load_lined(root / language / "lessons.yaml").value or {}
    rows = []
    for entry in listed.get("lessons") or []:
        lesson_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(lesson_id, str) or lesson_id in left:
            continue
        notes = load_lined(root / language / "facilitator" / f"{lesson_id}.yaml").value or {}
        plan = next(
            (
                p
                for p in notes.get("plans") or []
                if isinstance(p, dict) and p.get("minutes") == minutes
            ),
            None,
        )
        if plan is None:
            continue
        for step in plan.get("steps") or []:
            exercise = step.get("exercise") or ""
            if exercise and f"{lesson_id}/{exercise}" in left:
                continue
            rows.append(
                (
                    str(entry.get("title")),
                    int(step.get("minutes", 0)),
                    str(step.get("activity", "")),
                    exercise,
                )
            )
    return rows


def plan_html(root: Path, minutes: int, start: dt.datetime | None) -> str:
    rows = plan_rows(root, minutes)
    if not rows:
        return "<p>No lesson included has a plan of this length.</p>"
    body, clock, last_lesson = [], start, None
    for lesson, step_minutes, activity, _exercise in rows:
        when = clock.strftime("%H:%M") if clock else ""
        if lesson != last_lesson:
            body.append(f"<tr class='oig-plan-lesson'><th colspan='3'>{escape(lesson)}</th></tr>")
            last_lesson = lesson
        body.append(
            f"<tr><td class='oig-plan-time'>{escape(when)}</td><td>{step_minutes} min</td>"
            f"<td>{escape(activity)}</td></tr>"
        )
        if clock:
            clock += dt.timedelta(minutes=step_minutes)
    total = sum(r[1] for r in rows)
    end = f", ending at {clock.strftime('%H:%M')}" if clock else ""
    return (
        "<div class='oig-studio-plan-sheet oig-studio-print'>"
        f"<h2>The plan: {total} minutes{end}</h2>"
        "<table class='oig-studio-plan-table' style='border-collapse:collapse'>"
        "<thead><tr><th>Time</th><th>How long</th><th>What happens</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def chosen_workbook(root: Path):
    """The workbook with only the lessons and exercises this workshop includes."""
    from widgets.content.left_out import exercise_left_out, lesson_left_out
    from widgets.content.loader import load_workbook

    workbook = load_workbook(root)
    settings = workbook.settings
    lessons = [e for e in workbook.lessons.lessons if not lesson_left_out(settings, e.id)]
    files = {}
    for entry in lessons:
        lesson = workbook.lesson_files[entry.id]
        kept = [
            x for x in lesson.exercises if not exercise_left_out(settings, f"{entry.id}/{x.id}")
        ]
        files[entry.id] = lesson.model_copy(update={"exercises": kept})
    return dataclasses.replace(
        workbook,
        lessons=workbook.lessons.model_copy(update={"lessons": lessons}),
        lesson_files=files,
    )


def worksheets_html(workbook, paper: str = "A4") -> str:
    """Only the worksheets of the chosen exercises, one after another, with the help line
    at the end (the handouts' own look, widgets/handouts.py)."""
    from widgets.page.chrome import footer_help_html
    from widgets.tools.handouts import CSS, handout_text, worksheet

    words = handout_text(workbook)
    sheets = [
        sheet
        for entry in workbook.lessons.lessons
        for spec in workbook.lesson_files[entry.id].exercises
        if (sheet := worksheet(spec, words))
    ]
    return (
        f"<!DOCTYPE html><html lang='{escape(workbook.language)}'><head><meta charset='utf-8'>"
        f"<title>{escape(words.worksheets)}</title><style>{CSS % {'paper': paper}}</style>"
        f"</head><body>{''.join(sheets)}{footer_help_html(workbook)}</body></html>"
    )


def write_worksheets(out: Path, workbook, pdf: bool) -> list[Path]:
    from widgets.tools.handouts import print_pdf

    out.mkdir(parents=True, exist_ok=True)
    html = out / "worksheets.html"
    html.write_text(worksheets_html(workbook), encoding="utf-8")
    if not pdf:
        return [html]
    target = out / "worksheets.pdf"
    target.unlink(missing_ok=True)
    print_pdf(html, target)
    return [target]


class JoinPanel:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else data_dir()
        self.address = W.Text(
            value=f"http://{this_computer_address()}:8866/",
            description="App address",
            layout=W.Layout(width="auto", max_width="36rem"),
            style={"description_width": "8rem"},
        )
        self.address.add_class("oig-studio-app-address")
        self.token = W.Text(
            description="Token",
            placeholder="the TOKEN you started make app with",
            layout=W.Layout(width="auto", max_width="36rem"),
            style={"description_width": "8rem"},
        )
        self.token.add_class("oig-studio-token")
        self.join = W.HTML("")
        self.join.add_class("oig-studio-join-box")
        self.start = W.Text(
            value="18:00", description="Starts at", style={"description_width": "8rem"}
        )
        self.start.add_class("oig-studio-start")
        self.start_problem = W.HTML("")
        self.plan = W.HTML("")
        self.plan.add_class("oig-studio-plan-box")
        print_button = W.HTML(
            "<button type='button' class='oig-studio-print-button' onclick='window.print()'>"
            "Print</button>"
        )
        self.handouts_button = W.Button(
            description="Make handouts for the chosen exercises", layout=W.Layout(width="auto")
        )
        self.worksheets_only = W.Checkbox(
            value=False,
            description="Worksheets only (no lesson pages, no guide)",
            indent=False,
            layout=W.Layout(width="auto"),
        )
        self.worksheets_only.add_class("oig-studio-worksheets-only")
        self.handouts_button.add_class("oig-studio-handouts")
        self.handouts_status = W.HTML("")
        self.handouts_button.on_click(lambda _: self.make_handouts())
        for field in (self.address, self.token):
            field.observe(lambda _: self.show_join(), names="value")
        self.start.observe(lambda _: self.show_plan(), names="value")
        self.widget = W.VBox(
            [
                W.HTML(
                    "<h2>The join screen</h2><p>Show this on the projector. Start the "
                    "workbook for the room first: <code>make app HOST=0.0.0.0 "
                    "TOKEN=a-long-random-word</code> (add <code>CERT=... KEY=...</code> "
                    "for https), and type its address and token here.</p>"
                ),
                self.address,
                self.token,
                self.join,
                W.HTML("<h2>The plan with clock times</h2>"),
                self.start,
                self.start_problem,
                self.plan,
                print_button,
                W.HTML(
                    "<h2>Handouts</h2><p>Worksheets for the lessons and exercises this "
                    "workshop includes, and the facilitator guide, in the folder "
                    "<code>handouts/</code>.</p>"
                ),
                self.worksheets_only,
                self.handouts_button,
                self.handouts_status,
            ]
        )
        self.show_join()
        self.show_plan()

    def show_join(self) -> None:
        self.join.value = join_html(join_address(self.address.value, self.token.value))

    def plan_minutes(self) -> int:
        settings = load_lined(self.root / "settings.yaml").value or {}
        return settings.get("plan", 60) if settings.get("plan") in (60, 90) else 60

    def show_plan(self) -> None:
        start = parse_time(self.start.value)
        self.start_problem.value = (
            ""
            if start or not self.start.value.strip()
            else "<p class='oig-studio-problem-text' role='alert'>Write the start time as "
            "hours:minutes, for example 18:30.</p>"
        )
        self.plan.value = plan_html(self.root, self.plan_minutes(), start)

    def make_handouts(self) -> None:
        from widgets.tools.handouts import HandoutError, find_chromium, write_handouts

        out = self.root.parent / "handouts"  # beside data/, as `make handouts`
        try:
            try:
                find_chromium()
                pdf = True
            except HandoutError:
                pdf = False
            chosen = chosen_workbook(self.root)
            if self.worksheets_only.value:
                files = write_worksheets(out, chosen, pdf)
            else:
                made = write_handouts(out, chosen, pdf=pdf)
                files = made.pdf or made.html
        except Exception as exc:  # noqa: BLE001 - said to the facilitator, in words
            self.handouts_status.value = (
                f"<p class='refused'>Could not make them: {escape(str(exc))}</p>"
            )
            return
        names = "".join(f"<li>{escape(p.name)}</li>" for p in files)
        self.handouts_status.value = (
            f"<p class='ok'>Made in {escape(str(out))}:</p><ul>{names}</ul>"
        )
