"""One row per validation message: break one thing in a copy of data/, run
``workbook validate`` as a facilitator would, and check that the message names the file,
the line and the field, in plain words (no traceback, no library jargon).

Each row: the file (under data/), the text to replace and its replacement, the words the
message must hold, and the line it must name, given as text found on that line after the
edit (``at``, searched from the first line holding ``after``), or None for a message
about the whole file. ``old=None`` writes ``new`` as a new file.

The checks tested elsewhere are not repeated: tabs, indentation, unknown exercise type,
duplicate ids, unknown fields, listed or unlisted lessons, phone numbers and sources in
tests/content/test_loader.py; facilitator notes and missing or extra keys in another language
in tests/content/test_notes.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import edit, line_of

from widgets.tools import cli

KNOWN_TYPES = "Known types: breathe_blink_focus, breathing, checkin"


@dataclass(frozen=True)
class Row:
    file: str
    old: str | None
    new: str
    words: tuple[str, ...]
    at: str | None
    after: str | None = None


ROWS = {
    # --- crisis entries ----------------------------------------------------------------
    "source-not-https": Row(
        "en/crisis.yaml",
        "source: https://988lifeline.org/",
        "source: http://988lifeline.org/",
        ("'source'", "region 'us' › entry 1", "'http://988lifeline.org/'", "starts with https://"),
        "source: http://988lifeline.org/",
    ),
    "url-not-https": Row(
        "en/crisis.yaml",
        "url: https://988lifeline.org/chat/",
        "url: www.988lifeline.org/chat/",
        ("'url'", "region 'us' › entry 1", "starts with https://"),
        "url: www.988lifeline.org/chat/",
    ),
    "spanish-source-not-https": Row(
        "es/crisis.yaml",
        "source: https://findahelpline.com/",
        "source: findahelpline.com",
        ("'source'", "region 'us' › entry 2", "starts with https://"),
        "source: findahelpline.com",
    ),
    "last-checked-missing": Row(
        "en/crisis.yaml",
        "        source: https://988lifeline.org/\n        last_checked: 2026-11-25\n",
        "        source: https://988lifeline.org/\n",
        ("region 'us' › entry 1 has no 'last_checked'", "required"),
        "- name: 988 Suicide",
    ),
    "last-checked-not-a-date": Row(
        "en/crisis.yaml",
        "last_checked: 2026-11-25",
        "last_checked: 25/11/2026",
        ("'last_checked'", "region 'us' › entry 1", "YYYY-MM-DD"),
        "last_checked: 25/11/2026",
    ),
    "last-checked-impossible-date": Row(
        "en/crisis.yaml",
        "last_checked: 2026-11-25",
        "last_checked: 2026-13-45",
        ("'last_checked'", "region 'us' › entry 1", "real date", "YYYY-MM-DD"),
        "last_checked: 2026-13-45",
    ),
    "region-not-a-mapping": Row(
        "en/crisis.yaml",
        "  us:\n    name: United States",
        "  nz: New Zealand\n  us:\n    name: United States",
        ("region 'nz'", "should be a set of 'name: value' lines"),
        "nz: New Zealand",
    ),
    # --- lessons and exercises ---------------------------------------------------------
    "lesson-id-not-as-listed": Row(
        "en/lessons/welcome.yaml",
        "id: welcome",
        "id: welcome-page",
        ("id is 'welcome-page'", "listed as 'welcome'", "must match"),
        "id: welcome-page",
    ),
    "exercise-without-type": Row(
        "en/lessons/welcome.yaml",
        "    type: checkin\n",
        "",
        ("exercise 'arriving' has no 'type'", KNOWN_TYPES),
        "- id: arriving",
    ),
    "exercise-not-a-mapping": Row(
        "en/lessons/welcome.yaml",
        "  - id: arriving\n",
        "  - just a sentence\n  - id: arriving\n",
        ("exercise 1", "should be a set of 'name: value' lines"),
        "- just a sentence",
    ),
    "malformed-id": Row(
        "en/lessons/responsibility.yaml",
        "- id: s2\n",
        "- id: S 2\n",
        ("'id'", "statement 'S 2'", "should be a short id", "no spaces"),
        "- id: S 2",
    ),
    "not-a-whole-number": Row(
        "en/lessons.yaml",
        "minutes: 10",
        "minutes: ten",
        ("'minutes'", "lesson 'welcome'", "should be a whole number"),
        "minutes: ten",
    ),
    "number-too-small": Row(
        "en/lessons.yaml",
        "minutes: 10",
        "minutes: 2",
        ("'minutes'", "lesson 'welcome'", "should be 5 or more"),
        "minutes: 2",
    ),
    "number-too_big": Row(
        "en/lessons/welcome.yaml",
        "- up_to: 10",
        "- up_to: 11",
        ("'up_to'", "exercise 'arriving' › reply 3", "should be 10 or less"),
        "- up_to: 11",
    ),
    "not-yes-or-no": Row(
        "settings.yaml",
        "facilitator_view: no",
        "facilitator_view: maybe",
        ("'facilitator_view'", "should be yes or no"),
        "facilitator_view: maybe",
    ),
    "not-one-of-the-choices": Row(
        "settings.yaml",
        "storage: ask",
        "storage: sometimes",
        ("'storage'", "should be 'ask' or 'off'"),
        "storage: sometimes",
    ),
    "not-a-simple-md-file-name": Row(
        "en/lessons/putting-it-together.yaml",
        "file_name: my-take-away-card.md",
        "file_name: my card.txt",
        ("'file_name'", "exercise 'card'", "simple file name ending in .md"),
        "file_name: my card.txt",
    ),
    "needs-some-text": Row(
        "en/lessons/welcome.yaml",
        "title: How are you arriving?",
        'title: ""',
        ("'title'", "exercise 'arriving'", "needs some text"),
        'title: ""',
    ),
    "spanish-needs-some-text": Row(
        "es/ui.yaml",
        "help_close: Cerrar la ayuda",
        "help_close: '  '",
        ("'help_close'", "needs some text"),
        "help_close:",
    ),
    "should-be-text": Row(
        "en/lessons/welcome.yaml",
        "title: How are you arriving?",
        "title: 12",
        ("'title'", "exercise 'arriving'", "should be text"),
        "title: 12",
    ),
    "needs-a-list": Row(
        "en/lessons/welcome.yaml",
        "    replies:\n      - up_to: 3",
        "    replies: []\n    old_replies:\n      - up_to: 3",
        ("'replies'", "exercise 'arriving'", "a list with at least one item"),
        "replies: []",
    ),
    "placeholder-cannot-be-filled": Row(
        "en/lessons/putting-it-together.yaml",
        "of {total} parts",
        "of {count} parts",
        (
            "exercise 'path'",
            "'lesson_line'",
            "{count} is not filled in here",
            "can use {lesson}, {done} and {total}",
        ),
        "lesson_line:",  # the text's own line (it used to be the exercise's)
    ),
    "replies-stop-before-10": Row(
        "en/lessons/welcome.yaml",
        "- up_to: 10",
        "- up_to: 9",
        ("exercise 'arriving'", "replies must cover every rating up to 10", "up_to: 10"),
        "- id: arriving",
    ),
    "progress-without-total": Row(
        "en/lessons/guilt-shame.yaml",
        'progress: "Step {step} of {total}"',
        'progress: "Step {step}"',
        ("exercise 'feeling-fit'", "'progress' needs both {step} and {total}"),
        "- id: feeling-fit",
    ),
    "chart-without-this-moment": Row(
        "en/lessons/guilt-shame.yaml",
        "        - id: end\n          label: End\n",
        "        - id: finish\n          label: End\n",
        ("exercise 'checkin-end'", "chart's moments do not include", "moment 'end'"),
        "- id: checkin-end",
    ),
    "anchors-without-question": Row(
        "en/lessons/staying-present.yaml",
        '        anchor_question: "What would you like to come back to?"\n',
        "",
        ("exercise 'bbf' › step 'breathe'", "has anchors", "needs an 'anchor_question'"),
        "- id: breathe",
    ),
    # --- files the YAML reader cannot read -----------------------------------------------
    "nul-character": Row(
        "en/ui.yaml",
        "help_close: Close help",
        "help_close: Close\x00 help",
        ("NUL character", "remove it"),
        "help_close:",
    ),
    "spanish-nul-character": Row(
        "es/ui.yaml",
        "help_close: Cerrar la ayuda",
        "help_close: Cerrar\x00 la ayuda",
        ("NUL character", "remove it"),
        "help_close:",
    ),
    "control-character": Row(
        "en/ui.yaml",
        "help_close: Close help",
        "help_close: Close\x07 help",
        ("hidden control character (#x0007)", "Delete it"),
        "help_close:",
    ),
    "undefined-alias": Row(
        "en/lessons/welcome.yaml",
        "title: How are you arriving?",
        "title: *arriving",
        ("YAML could not read this line", "undefined alias", "putting the text in quotes"),
        "title: *arriving",
    ),
    "unknown-escape": Row(
        "en/lessons/welcome.yaml",
        "title: How are you arriving?",
        'title: "How are \\q you?"',
        ("YAML could not read this line", "unknown escape", "putting the text in quotes"),
        "title: ",
        "- id: arriving",
    ),
    "character-that-cannot-start": Row(
        "en/lessons/welcome.yaml",
        "title: How are you arriving?",
        "title: @home",
        ("YAML could not read this line", "'@'", "Check quotes and indentation"),
        "title: @home",
    ),
    "colon-in-text": Row(
        "en/lessons/welcome.yaml",
        "title: How are you arriving?",
        "title: Note: how are you?",
        ("a colon (:) appears", "double quotes"),
        "title: Note: how are you?",
    ),
    "value-with-unknown-tag": Row(
        "en/lessons/welcome.yaml",
        "title: How are you arriving?",
        "title: !!python/object:os.system x",
        ("YAML could not read a value here", "double quotes"),
        "title: !!python",
    ),
    "nesting-too-deep": Row(
        "en/lessons/welcome.yaml",
        "title: How are you arriving?",
        "title: " + "[" * 3000,
        ("YAML could not read this file", "recursion"),
        None,
    ),
    # --- a second language ---------------------------------------------------------------
    "spanish-file-without-english": Row(
        "es/notas.yaml",
        None,
        "nota: Una nota para el grupo.\n",
        ("data/en/notas.yaml does not exist", "never compared", "Rename it"),
        None,
    ),
}

# Words a facilitator should never meet: the insides of the libraries that did the check.
JARGON = re.compile(
    r"Traceback|pydantic|ValidationError|input_value|Input should|Value error|"
    r"errors\.pydantic|For further information|<unicode string>|\^",
)


def run_validate(data: Path, capsys) -> tuple[int, str, list[str]]:
    """``workbook validate --data <data>``: exit code, what it printed, one item a problem."""
    code = cli.main(["validate", "--data", str(data)])
    out, err = capsys.readouterr()
    assert out == "" or code == 0
    items = [line.removeprefix("  - ") for line in err.splitlines() if line.startswith("  - ")]
    return code, err, items


@pytest.mark.parametrize("row", ROWS.values(), ids=ROWS.keys())
def test_message_names_file_line_and_field(data_copy, capsys, row: Row):
    path = data_copy / row.file
    if row.old is None:
        assert not path.exists(), f"test setup: {path} exists"
        path.write_text(row.new, encoding="utf-8")
    else:
        edit(path, row.old, row.new)

    code, printed, items = run_validate(data_copy, capsys)

    assert code == 1
    assert "Found " in printed and "Fix these, then run the check again." in printed
    hits = [m for m in items if all(word in m for word in row.words)]
    assert len(hits) == 1, f"expected one message with {row.words}; got:\n" + "\n".join(items)
    [message] = hits
    if row.at is None:
        assert message.startswith(f"data/{row.file}: "), message
    else:
        line = line_of(path, row.at, row.after)
        assert message.startswith(f"data/{row.file} line {line}: "), message
    assert not JARGON.search(printed), printed
    assert message.endswith("."), message


def test_the_real_files_have_no_problems(capsys):
    from widgets.paths import DEFAULT_DATA_DIR

    code, printed, items = run_validate(DEFAULT_DATA_DIR, capsys)
    assert (code, items) == (0, [])
