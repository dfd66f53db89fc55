"""The ``workbook`` command for facilitators: ``workbook validate`` checks data/,
``workbook check`` checks everything before a workshop (widgets/check.py), ``workbook
reply`` shows what an exercise would say back to a sentence."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from widgets.content.loader import validate


def _help_lines_to_check(data: Path | None) -> None:
    """Not a problem to fix: the help lines nobody has checked on their live page yet."""
    from widgets.content.help_lines import to_check
    from widgets.content.loader import LANG_DIR
    from widgets.paths import data_dir

    root = data or data_dir()
    languages = sorted(p.name for p in root.iterdir() if p.is_dir() and LANG_DIR.match(p.name))
    found = to_check(root, languages)
    if found:
        print(
            f"\nBefore a workshop, check these {len(found)} help lines on their official "
            "page (live, not a copy), then set 'checked: live' and the date:"
        )
        for line in found:
            print(f"  - {line}")


def _validate(args: argparse.Namespace) -> int:
    problems = validate(Path(args.data) if args.data else None)
    if not problems:
        if not args.quiet:
            print("All lesson files look good.")
            _help_lines_to_check(Path(args.data) if args.data else None)
        return 0
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"Found {len(problems)} {noun} to fix in the lesson files:\n", file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)
    print("\nFix these, then run the check again.", file=sys.stderr)
    return 1


def _check(args: argparse.Namespace) -> int:
    from widgets.tools.check import print_report, run

    report = run(Path(args.data) if args.data else None)
    print_report(report, sys.stdout)
    return 0 if report.ready and not report.skipped else 1


def _new_lesson(args: argparse.Namespace) -> int:
    from widgets.paths import data_dir
    from widgets.tools.scaffold import ScaffoldError, new_lesson

    data = Path(args.data) if args.data else data_dir()
    notebooks = Path(args.notebooks) if args.notebooks else data.parent / "notebooks"
    try:
        made = new_lesson(args.name, data, notebooks, title=args.title)
    except ScaffoldError as exc:
        print(f"Could not make the lesson: {exc}", file=sys.stderr)
        return 1
    print(f"Made the lesson '{made.id}' ({made.title}). New or changed files:")
    for path in made.written:
        print(f"  - {path}")
    print(
        "\nNext: change the example text in the files above, then run 'workbook validate'."
        f"\nOpen it with: make lab (then {made.notebook.name}), or make app."
    )
    return 0


def _handouts(args: argparse.Namespace) -> int:
    from widgets.content.loader import ContentError, load_workbook
    from widgets.tools.handouts import HandoutError, write_handouts

    try:
        workbook = load_workbook(Path(args.data) if args.data else None, args.language)
        made = write_handouts(Path(args.out), workbook, pdf=not args.html_only, paper=args.paper)
    except ContentError:
        print("The lesson files have problems; run 'workbook validate' first.", file=sys.stderr)
        return 1
    except HandoutError as exc:
        print(f"Could not make the handouts: {exc}", file=sys.stderr)
        return 1
    kinds = "HTML pages" if args.html_only else "HTML pages and PDFs"
    print(f"Wrote {len(made.html)} {kinds} to {args.out}/:")
    for path in made.pdf or made.html:
        print(f"  - {path.name}")
    return 0


# Longer than any answer a box is meant for; a pasted file is not a sentence to try.
MAX_REPLY_TEXT = 10_000


class _BadInput(Exception):
    """Input ``workbook reply`` cannot answer: said in one line, exit code 2."""


def _reply_lines(args: argparse.Namespace) -> list[str]:
    if args.text is not None:
        if not args.text.strip():
            raise _BadInput("the text is empty: give a sentence to try, in quotes")
        lines = [args.text]
    else:
        raw = sys.stdin.buffer.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _BadInput("the input is not text (UTF-8): give sentences, one a line") from None
        lines = text.splitlines()
        if not any(line.strip() for line in lines):
            raise _BadInput("no sentences came in: give one a line, or one in quotes")
    for number, line in enumerate(lines, 1):
        if "\x00" in line:
            raise _BadInput(f"line {number} holds a NUL byte: give plain sentences")
        if len(line) > MAX_REPLY_TEXT:
            raise _BadInput(
                f"line {number} is {len(line):,} characters long; the most it tries is "
                f"{MAX_REPLY_TEXT:,}"
            )
    return lines


def _reply(args: argparse.Namespace) -> int:
    import json

    from widgets.content.loader import ContentError, load_workbook
    from widgets.content.replies import REPLIES

    def bad(message: str) -> int:
        print(f"workbook reply: {message}.", file=sys.stderr)
        return 2

    try:
        workbook = load_workbook(Path(args.data) if args.data else None, args.language)
        _, spec = workbook.exercise(args.ref)
    except ContentError:
        return bad("the lesson files have problems; run 'workbook validate' first")
    except KeyError as exc:
        return bad(str(exc.args[0]) if exc.args else "no such exercise")
    answer = REPLIES.get(spec.type)
    if answer is None:
        known = sorted(
            f"{lesson}/{e.id}"
            for lesson, file in workbook.lesson_files.items()
            for e in file.exercises
            if e.type in REPLIES
        )
        return bad(f"'{args.ref}' does not answer what is typed; these do: {', '.join(known)}")
    try:
        lines = _reply_lines(args)
    except _BadInput as exc:
        return bad(str(exc))
    for line in lines:
        reply = answer(spec, workbook.care, line)
        if args.json:
            print(json.dumps(reply.as_json(), ensure_ascii=False))
        else:
            print(f"[{reply.kind}] {reply.message()}".replace("\n", "\n    "))
    return 0


def _template_text(args: argparse.Namespace) -> int:
    from widgets.tools.template_text import write

    changed = write(Path(args.data) if args.data else None, pages_under=args.pages_under)
    if not args.quiet:
        for path in changed:
            print(f"Updated {path}")
        if not changed:
            print("The web app's own pages already have the words in data/.")
    return 0


def _studio(args: argparse.Namespace) -> int:
    """The studio runs in a process of its own (widgets/studio/server.py): this one
    becomes it, so Ctrl+C stops it as it stops `make app`."""
    import os

    argv = [f"--port={args.port}"] if args.port else []
    argv += ["--no-browser"] if args.no_browser else []
    command = [sys.executable, "-m", "widgets.studio.server", *argv]
    os.execv(sys.executable, command)
    return 0  # never reached: execv replaces this process


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbook", description="Owning It Gently tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every file in data/ and list any problems")
    v.add_argument("--data", help="the data folder to check (default: this repo's data/)")
    v.add_argument("--quiet", action="store_true", help="print nothing when all is well")
    v.set_defaults(func=_validate)
    c = sub.add_parser(
        "check",
        help="everything to check before a workshop: the files, help lines, example text, "
        "exercises on no page, reading level",
    )
    c.add_argument("--data", help="the data folder to check (default: this repo's data/)")
    c.set_defaults(func=_check)
    n = sub.add_parser(
        "new-lesson", help="start a new lesson: notebook, data files and a place in the list"
    )
    n.add_argument("name", help="a short name, e.g. self-forgiveness (becomes the lesson id)")
    n.add_argument("--title", help="the lesson's title (default: made from the name)")
    n.add_argument("--data", help="the data folder (default: this repo's data/)")
    n.add_argument("--notebooks", help="the notebooks folder (default: beside the data folder)")
    n.set_defaults(func=_new_lesson)
    st = sub.add_parser(
        "studio", help="prepare a workshop in the browser; only this computer can open it"
    )
    st.add_argument("--port", type=int, help="the studio's port (default 8867)")
    st.add_argument("--no-browser", action="store_true", help="print its address only")
    st.set_defaults(func=_studio)
    h = sub.add_parser("handouts", help="print-ready worksheets and facilitator guide (PDF)")
    h.add_argument("out", nargs="?", default="handouts", help="folder (default: handouts)")
    h.add_argument("--data", help="the data folder (default: this repo's data/)")
    h.add_argument("--paper", default="A4", choices=["A4", "letter"], help="paper size")
    h.add_argument("--language", help="e.g. es (default: the language in settings.yaml)")
    h.add_argument("--html-only", action="store_true", help="write HTML only (no Chromium needed)")
    h.set_defaults(func=_handouts)
    r = sub.add_parser(
        "reply",
        help="show the reply a participant would see for a sentence in an exercise",
        description=(
            "Prints exactly what the exercise says back to TEXT (or to each line of "
            "standard input), after the care check. Try sentences before a workshop."
        ),
    )
    r.add_argument("ref", help="lesson/exercise, e.g. responsibility/rewrite")
    r.add_argument("text", nargs="?", help="the sentence (default: one per line from input)")
    r.add_argument("--language", help="e.g. es (default: the language in settings.yaml)")
    r.add_argument("--json", action="store_true", help="one JSON object a line")
    r.add_argument("--data", help="the data folder (default: this repo's data/)")
    r.set_defaults(func=_reply)
    t = sub.add_parser(
        "template-text",
        help="write the words of ui.yaml into the web app's own pages (errors, sign-in)",
    )
    t.add_argument("--data", help="the data folder (default: this repo's data/)")
    t.add_argument("--quiet", action="store_true", help="print nothing")
    t.add_argument(
        "--pages-under",
        default="",
        help="the notebooks' folder as seen by Voila, e.g. notebooks/ on Binder (default: '')",
    )
    t.set_defaults(func=_template_text)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
