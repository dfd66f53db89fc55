"""``workbook reply``: a facilitator sees exactly the reply a participant would see."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from widgets.content.loader import load_workbook
from widgets.content.replies import REPLIES
from widgets.tools import cli

WORKBOOK = [sys.executable, "-m", "widgets.tools.cli", "reply"]


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([*WORKBOOK, *args], input=stdin, capture_output=True, timeout=60)


def test_one_sentence_prints_the_participants_reply(capsys):
    assert cli.main(["reply", "responsibility/rewrite", "I want to kill myself."]) == 0
    out = capsys.readouterr().out
    note = " ".join(load_workbook(language="en").care.risk.note.split())
    assert out == f"[care] {note}\n"


def test_each_line_of_input_gets_one_json_answer():
    lines = [
        "I want to die.",
        "",
        "It's no big deal.",
        "I forgot Dev's birthday.",
        "I always fail.",
    ]
    done = run("guilt-shame/translate", "--json", stdin="\n".join(lines).encode())
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [a["kind"] for a in answers] == ["care", "empty", "notes", "clear", "clear"]
    assert answers[2]["care"] == "minimising"
    assert all(set(a) >= {"kind", "message"} and a["message"] for a in answers)


def test_the_same_words_as_the_exercise_in_spanish():
    workbook = load_workbook(language="es")
    _, spec = workbook.exercise("responsibility/rewrite")
    text = "Fue mi culpa que me pegara."
    done = run("responsibility/rewrite", text, "--language", "es", "--json")
    expected = REPLIES["rewrite"](spec, workbook.care, text)
    assert json.loads(done.stdout) == expected.as_json()
    assert expected.care == "others_harm"


def test_html_and_emoji_are_printed_as_typed_and_never_run():
    text = "<img src=x onerror=alert(1)> 😊 אני בסדר always"
    done = run("responsibility/rewrite", text, "--json")
    answer = json.loads(done.stdout)
    assert answer["kind"] == "notes" and "“always”" in answer["message"]


@pytest.mark.parametrize(
    "args,stdin,says",
    [
        (["nope/rewrite", "x"], b"", "there is no lesson 'nope'"),
        (["responsibility/nope", "x"], b"", "has no exercise 'nope'"),
        (["responsibility/sorter", "x"], b"", "does not answer what is typed"),
        (["responsibility/rewrite", "  "], b"", "the text is empty"),
        (["responsibility/rewrite"], b"", "no sentences came in"),
        (["responsibility/rewrite"], b"\n \n", "no sentences came in"),
        (["responsibility/rewrite"], b"\xff\xfe\x00", "is not text"),
        (["responsibility/rewrite"], b"fine\nbad\x00line\n", "line 2 holds a NUL byte"),
        (["responsibility/rewrite"], b"a" * 20_000, "20,000 characters"),
    ],
)
def test_bad_input_gets_one_plain_line_and_exit_code_2(args, stdin, says):
    done = run(*args, stdin=stdin)
    err = done.stderr.decode()
    assert done.returncode == 2
    assert says in err and err.startswith("workbook reply: ") and err.count("\n") == 1
    assert "Traceback" not in err and done.stdout == b""
