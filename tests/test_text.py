"""Escaping: what a person types is shown as typed and never becomes markup."""

import base64

import pytest

from widgets.text import clean_control, data_uri, escape, escape_markdown, paragraphs

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(1))",
    "</textarea><b>bold</b>",
    "# heading\n- list\n> quote",
    "emoji 🌱👩🏽‍💻 and e\u0301 combining",
    "עברית ושלום, مرحبا",
    "&lt;already escaped&gt;",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_leaves_no_markup(text):
    out = escape(text)
    assert "<" not in out and ">" not in out and '"' not in out


def test_paragraphs_split_on_blank_lines_and_escape():
    assert paragraphs("one\n\n<b>two</b>") == "<p>one</p><p>&lt;b&gt;two&lt;/b&gt;</p>"
    assert paragraphs("   ") == ""


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_has_no_live_syntax(text):
    out = escape_markdown(text)
    assert "<" not in out
    assert "](" not in out  # no link can form
    for line in out.splitlines():
        assert not line.startswith(("#", "-", ">"))


def test_markdown_escape_keeps_the_words():
    out = escape_markdown("I'm sorry 🌱\nsecond line")
    assert out == "I'm sorry 🌱  \nsecond line"


def test_control_characters_are_dropped_for_display():
    assert clean_control("a\x00b\x07c\td\ne\x7f") == "abc\td\ne"


def test_data_uri_round_trips_unicode():
    uri = data_uri("héllo 🌱")
    payload = uri.split(",", 1)[1]
    assert base64.b64decode(payload).decode("utf-8") == "héllo 🌱"
    assert uri.startswith("data:text/markdown;charset=utf-8;base64,")
