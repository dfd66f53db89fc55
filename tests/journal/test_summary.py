"""Stored answers read back in the participant's own words: My answers, the Markdown
copy, the check-in charts and the path summary of the last lesson."""

from __future__ import annotations

import pytest

from widgets.content.loader import load_workbook
from widgets.exercises.path_summary import PathSummaryModel
from widgets.journal import record as rec
from widgets.journal.export import export_markdown
from widgets.journal.store import JournalStore
from widgets.journal.summary import answer_lines, gather, model_ratings, ratings_in
from widgets.journal.views import (
    AnswersList,
    CheckinCharts,
    ExportLinks,
    ImportBox,
    StorageChoice,
    checkins_html,
)


@pytest.fixture(scope="module")
def wb():
    return load_workbook()


def spec(wb, ref):
    return wb.exercise(ref)[1]


def record(**answers):
    r = rec.new_record()
    for ref, data in answers.items():
        rec.put(r, ref.replace("__", "/"), data, "2026-03-04T05:06:07Z")
    return r


def test_sorter_picks_read_back_as_the_statement_and_the_pile(wb):
    lines = answer_lines(
        spec(wb, "responsibility/sorter"),
        {"picks": {"s1": "owning", "s2": "owning"}, "skipped": ["s3"], "index": 2},
        "{value} out of 10",
    )
    assert lines == [
        ("I forgot Maya's birthday. I'll call her today and say sorry.", "Owning it"),
        ("I'm a terrible friend. I always let people down.", "Owning it"),
    ]


def test_typed_text_is_never_swapped_for_a_label_even_if_it_looks_like_an_id(wb):
    lines = answer_lines(
        spec(wb, "responsibility/repair"),
        {"fields": {"happened": "owning", "affected": "", "repair": "s1"}},
        "{value} out of 10",
    )
    assert lines == [("What happened?", "owning"), ("What could help make it right?", "s1")]


def test_a_check_in_reads_as_its_question_and_a_number(wb):
    s = spec(wb, "welcome/arriving")
    assert answer_lines(s, {"rating": 7}, "{value} out of 10") == [
        ("How heavy does today feel right now?", "7 out of 10")
    ]
    assert ratings_in(s, {"rating": 7}) == {"rating": 7}


def test_numbers_that_are_not_ratings_are_not_charted_or_shown(wb):
    s = spec(wb, "responsibility/sorter")
    assert ratings_in(s, {"index": 5, "picks": {}}) == {}
    assert answer_lines(s, {"index": 5}, "{value}") == []


def test_a_model_can_say_exactly_what_it_rated(wb):
    class Rated:
        def ratings(self):
            return {"before": 8, "after": 3, "bad": 12, "flag": True}

        def answers(self):
            return {}

    assert model_ratings(Rated(), spec(wb, "responsibility/repair")) == {"before": 8, "after": 3}


def test_gather_follows_the_lesson_order_and_skips_unknown_or_empty(wb):
    r = record(
        responsibility__reflection={"fields": {"remember": "Own it, gently."}},
        welcome__arriving={"rating": 2},
        responsibility__repair={"fields": {"happened": ""}},
        retired__lesson={"fields": {"x": "kept, not shown"}},
    )
    lessons = gather(wb, r, "{value} out of 10")
    assert [lesson.lesson_id for lesson in lessons] == ["welcome", "responsibility"]
    assert [e.ref for e in lessons[1].exercises] == ["responsibility/reflection"]


def test_the_markdown_copy_is_escaped_and_readable(wb):
    r = record(
        responsibility__repair={
            "fields": {"happened": "<script>alert(1)</script>\n# not a heading [x](http://e)"}
        },
        welcome__arriving={"rating": 5},
    )
    rec.log_ratings(r, "welcome/arriving", {"rating": 5}, "2026-03-04T05:06:07Z")
    md = export_markdown(wb, r)
    assert md.startswith("# My answers\n")
    assert "## Owning it without beating yourself up" in md
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md
    assert "<script>" not in md and "\n# not" not in md and "](http" not in md
    assert "- Welcome, 2026-03-04: 5 out of 10" in md


def test_check_ins_over_time_are_charted_with_words(wb):
    r = rec.new_record()
    rec.log_ratings(r, "welcome/arriving", {"rating": 7}, "t1")
    rec.log_ratings(r, "putting-it-together/final", {"rating": 3}, "t2")
    rec.log_ratings(r, "welcome/arriving", {"rating": 5}, "t3")
    html = checkins_html(wb, r)
    assert "<svg" in html
    assert (
        "7 out of 10 at welcome, 3 out of 10 at putting it all together, "
        "5 out of 10 at welcome (again)."
    ) in html
    assert "No check-ins yet" in checkins_html(wb, rec.new_record())


def arrived(store, text=None):
    store.send = lambda _msg: None
    store._on_msg(store, {"type": "loaded", "mode": "visit", "text": text}, [])


def test_my_answers_waits_for_the_browser_then_shows_escaped_text(wb):
    store = JournalStore()
    view = AnswersList(store, wb)
    assert "Looking for your answers" in view._html.value
    text = rec.to_json(record(responsibility__repair={"fields": {"happened": "<img onerror=x>"}}))
    arrived(store, text)
    assert "&lt;img onerror=x&gt;" in view._html.value
    assert "<img" not in view._html.value


def test_empty_and_off_messages(wb):
    store = JournalStore()
    view = AnswersList(store, wb)
    arrived(store)
    assert "no answers here yet" in view._html.value
    off = JournalStore(setting="off")
    assert "not kept on this computer" in AnswersList(off, wb)._html.value
    choice = StorageChoice(off, wb.journal)
    assert "Your facilitator chose this" in choice.children[0].value


def test_downloads_appear_only_when_there_is_something_to_download(wb):
    store = JournalStore()
    links = ExportLinks(store, wb)
    arrived(store)
    assert "download=" not in links._html.value
    store.import_text(rec.to_json(record(welcome__arriving={"rating": 4})))
    assert 'download="my-answers.md"' in links._html.value
    assert 'download="my-answers.json"' in links._html.value
    assert "data:application/json" in links._html.value


def test_loading_a_file_says_what_happened_in_plain_words(wb):
    store = JournalStore()
    arrived(store)
    box = ImportBox(store, wb)
    assert box.load("not json") == "not_json"
    assert "Nothing was changed" in box._result.value
    good = rec.to_json(record(welcome__arriving={"rating": 4}))
    assert box.load(good) == "added"
    assert "Done." in box._result.value
    assert box.load(good) == "nothing_new"
    box._on_file(None, {"type": "file", "text": None, "too_big": True}, [])
    assert "too big" in box._result.value


def test_the_choice_follows_the_browser_and_asks_it_to_move(wb):
    store = JournalStore()
    sent = []
    choice = StorageChoice(store, wb.journal)
    assert choice.radio.disabled  # nothing to choose until the browser has answered
    store.send = sent.append
    store._on_msg(store, {"type": "loaded", "mode": "keep", "text": None}, [])
    assert choice.radio.value == "keep" and not choice.radio.disabled
    assert sent == [{"type": "heard"}]  # showing the stored choice is not a new choice
    sent.clear()
    choice.radio.value = "visit"
    assert sent == [{"type": "mode", "mode": "visit"}]


def test_erase_asks_first(wb):
    store = JournalStore()
    sent = []
    arrived(store, rec.to_json(record(welcome__arriving={"rating": 4})))
    store.send = sent.append
    erase = StorageChoice(store, wb.journal).erase
    erase.button.click()
    assert sent == []
    erase.cancel.click()
    assert sent == [] and not rec.is_empty(store.record)
    erase.button.click()
    erase.confirm.click()
    assert sent == [{"type": "erase"}] and rec.is_empty(store.record)
    store._on_msg(store, {"type": "erased", "ok": True, "mode": "visit"}, [])
    assert "erased from this browser" in erase._result.value


def test_the_path_summary_counts_what_was_tried(wb):
    model = PathSummaryModel(spec(wb, "putting-it-together/path"))
    r = record(
        welcome__arriving={"rating": 3},
        responsibility__sorter={"picks": {"s1": "owning"}},
        responsibility__repair={"fields": {"happened": "x"}},
    )
    lines = model.lines(wb, r, "putting-it-together")
    assert lines[0] == "Owning it without beating yourself up: you worked on 2 of 4 parts."
    assert lines[1].startswith("Guilt versus shame: not opened yet")
    assert not any(line.startswith("Welcome") for line in lines)
    assert not any("Putting it all together" in line for line in lines)


def test_the_check_in_charts_redraw_when_answers_arrive(wb):
    store = JournalStore()
    charts = CheckinCharts(store, wb)
    assert "Looking for your answers" in charts._html.value
    r = rec.new_record()
    rec.log_ratings(r, "welcome/arriving", {"rating": 9}, "t")
    arrived(store, rec.to_json(r))
    assert "9 out of 10 at welcome" in charts._html.value


# --- hostile text in the Markdown copy ------------------------------------------------

# What a participant might type that Markdown (CommonMark, GitHub, common extensions) would
# turn into a link, an image, a heading, HTML or other structure if it were not escaped.
MARKDOWN_ATTACKS = {
    "script": "<script>alert(1)</script>",
    "img-onerror": '<img src=x onerror="alert(1)">',
    "textarea": "</textarea><b>bold</b>",
    "js-link": "[click me](javascript:alert(1))",
    "js-autolink": "<javascript:alert(1)>",
    "bare-url": "see https://evil.example/x and www.evil.example or me@evil.example",
    "angle-url": "<https://evil.example>",
    "image": "![pixel](https://tracker.example/p.png)",
    "reference-link": "[here]\n\n[here]: https://evil.example",
    "raw-anchor": "<a href='https://evil.example'>x</a>",
    "entity": "&#60;script&#62; &lt;b&gt;",
    "setext-heading": "Title\n===",
    "atx-heading": "# Title\n## Sub",
    "thematic-break": "---\n***",
    "code-fence": "```html\n<b>x</b>\n```",
    "indented-code": "first\n\n    four spaces\n\tand a tab",
    "list": "- one\n* two\n1. three\n2) four",
    "quote": "> quoted",
    "table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "emphasis": "*em* _em_ **strong** ~~gone~~ ==mark== ^sup^ $x^2$",
    "html-comment": "<!-- hidden -->",
    "definition": "term\n: definition",
    "footnote": "text[^1]\n\n[^1]: note",
    "backslash": "\\[not](https://evil.example) \\",
}


def _structure(html: str) -> tuple[list[str], str]:
    """(tag names, visible text) of rendered HTML. Line breaks and paragraphs are left out:
    a participant's blank line may start a new paragraph, and that is all it may do."""
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.text = [], []

        def handle_starttag(self, tag, attrs):
            if tag not in ("br", "p"):
                self.tags.append(tag)

        def handle_data(self, data):
            self.text.append(data)

    c = Collect()
    c.feed(html)
    return c.tags, "".join(c.text)


def _render(markdown: str) -> str:
    import mistune  # comes with nbconvert, which Voila needs

    plugins = ["url", "strikethrough", "table", "footnotes", "task_lists", "def_list", "mark"]
    plugins += ["superscript", "subscript", "math", "abbr"]
    return mistune.create_markdown(escape=False, plugins=plugins)(markdown)


def _export_with(wb, text: str) -> str:
    return export_markdown(wb, record(responsibility__repair={"fields": {"happened": text}}))


@pytest.mark.parametrize("text", MARKDOWN_ATTACKS.values(), ids=MARKDOWN_ATTACKS.keys())
def test_nothing_typed_becomes_markup_in_the_markdown_copy(wb, text):
    plain_tags, _ = _structure(_render(_export_with(wb, "just words")))
    tags, shown = _structure(_render(_export_with(wb, text)))
    assert tags == plain_tags  # the same headings and paragraphs, nothing added
    for line in text.splitlines():
        assert line.strip() in shown.replace("\u00a0", " ")


def test_ten_thousand_lines_stay_lines_in_the_markdown_copy(wb):
    text = "\n".join(f"# line {i} [x](https://e.example)" for i in range(10_000))
    md = _export_with(wb, text)
    assert md.count("  \n\\# line ") == 10_000
    tags, shown = _structure(_render(md))
    assert tags == _structure(_render(_export_with(wb, "just words")))[0]
    assert "# line 9999 [x](https://e.example)" in shown


def test_control_characters_are_dropped_and_combining_marks_kept_in_the_copy(wb):
    md = _export_with(wb, "a\x00b\x07c\x1b[31m e\u0301\u0302 \u202eright-to-left\u202c שלום 🌱")
    assert "\x00" not in md and "\x07" not in md and "\x1b" not in md
    assert "abc\\[31m e\u0301\u0302 \u202eright\\-to\\-left\u202c שלום 🌱" in md


def test_dates_and_keys_from_an_imported_file_are_escaped_in_the_copy(wb):
    """A file's rating times and answer keys are text too: a damaged or hostile file must
    not put a link or HTML into the copy either."""
    r = record(welcome__arriving={"rating": 5}, responsibility__repair={" ": "text"})
    r["ratings"] = [
        {"ref": "welcome/arriving", "key": "rating", "value": 5, "at": "<b>x</b>2026"},
        {"ref": "welcome/arriving", "key": "rating", "value": 6, "at": "[a](//e.co)"},
    ]
    r = rec.parse(rec.to_json(r))  # such a file passes the record check
    tags, shown = _structure(_render(export_markdown(wb, r)))
    assert "b" not in tags and "a" not in tags and "hr" not in tags
    assert "<b>x</b>20" in shown and "[a](//e.co" in shown
