"""The journal record: its format, versions, the file round trip, and files that are not
ours or are damaged."""

from __future__ import annotations

import json

import pytest

from widgets.journal import record as rec

HOSTILE = [
    "",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "Sorry 🙏🏽 — I'll fix it 🎂",
    "אני מצטער. سأصلح هذا.",
    "line one\nline two\r\n\ttabbed",
    "[a link](javascript:alert(1)) **bold** # heading",
    "x" * 1_000_000,
    "   \t\n  ",
    "\n".join(f"line {i}" for i in range(10_000)),
    "</textarea><script>alert(1)</script>",
    "<javascript:alert(1)> https://evil.example ![x](https://tracker.example/p.png)",
    "Title\n===\n[ref]: https://evil.example\n    code\n<!-- hidden -->",
    "e\u0301 n\u0303 a\u0308\u0308\u0308 Z\u0351\u0352\u0353 \u202eevil\u202c",
    "nul\x00 bell\x07 escape\x1b[31m del\x7f c1\x85\x9f ff\x0c cr\r end",
    "\U0001f331 a sprout, \ufeff a BOM inside, \u200b zero width",
]


def record_with(ref="responsibility/repair", data=None):
    r = rec.new_record()
    rec.put(r, ref, data or {"fields": {"happened": "I was late."}}, "2026-01-02T03:04:05Z")
    return r


def test_a_new_record_round_trips_through_json():
    r = rec.new_record()
    assert rec.parse(rec.to_json(r)) == r


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_any_text_comes_back_exactly_as_typed(text):
    r = record_with(data={"fields": {"happened": text}})
    back = rec.parse(rec.to_json(r))
    assert back["answers"]["responsibility/repair"]["data"]["fields"]["happened"] == text
    assert rec.parse(rec.to_json(r).encode("utf-8")) == back


def test_put_stores_a_copy_with_the_time():
    r = rec.new_record()
    data = {"fields": {"a": "one"}}
    entry = rec.put(r, "welcome/arriving", data, "2026-01-01T00:00:00Z")
    data["fields"]["a"] = "changed later"
    assert entry == {"data": {"fields": {"a": "one"}}, "updated": "2026-01-01T00:00:00Z"}
    assert r["updated"] == "2026-01-01T00:00:00Z"


def test_ratings_are_logged_only_when_they_change():
    r = rec.new_record()
    assert len(rec.log_ratings(r, "welcome/arriving", {"rating": 7}, "t1")) == 1
    assert rec.log_ratings(r, "welcome/arriving", {"rating": 7}, "t2") == []
    assert len(rec.log_ratings(r, "welcome/arriving", {"rating": 4}, "t3")) == 1
    assert [x["value"] for x in r["ratings"]] == [7, 4]


def test_the_ratings_log_is_capped():
    r = rec.new_record()
    for i in range(rec.MAX_RATINGS + 20):
        rec.log_ratings(r, "welcome/arriving", {"rating": i % 2}, f"t{i}")
    assert len(r["ratings"]) == rec.MAX_RATINGS
    assert rec.parse(rec.to_json(r)) == r


@pytest.mark.parametrize(
    "text,code",
    [
        ("", "not_json"),
        ("not json at all", "not_json"),
        ("{", "not_json"),
        (b"\xff\xfe\x00garbage", "not_json"),
        ("[]", "wrong_kind"),
        ('"just text"', "wrong_kind"),
        ('{"app": "some-other-app", "kind": "journal", "version": 1}', "wrong_kind"),
        ('{"name": "a shopping list"}', "wrong_kind"),
        ('{"app": "owning-it-gently", "kind": "journal", "version": "1"}', "damaged"),
        ('{"app": "owning-it-gently", "kind": "journal", "version": true}', "damaged"),
        ('{"app": "owning-it-gently", "kind": "journal", "version": 0}', "older"),
        ('{"app": "owning-it-gently", "kind": "journal", "version": 2}', "newer"),
    ],
)
def test_files_that_cannot_be_used_say_why(text, code):
    with pytest.raises(rec.RecordProblem) as info:
        rec.parse(text)
    assert info.value.code == code


def _damaged(change):
    value = json.loads(rec.to_json(record_with()))
    change(value)
    return json.dumps(value)


@pytest.mark.parametrize(
    "change",
    [
        lambda v: v.update(answers=[]),
        lambda v: v["answers"].update({"not a ref": {"data": {}, "updated": ""}}),
        lambda v: v["answers"].update({"a/b": {"updated": ""}}),
        lambda v: v["answers"].update({"a/b": {"data": "text", "updated": ""}}),
        lambda v: v.update(ratings=[{"ref": "a/b", "key": "rating", "value": 11, "at": ""}]),
        lambda v: v.update(ratings=[{"ref": "a/b", "key": "rating", "value": "7", "at": ""}]),
        lambda v: v.update(ratings="7"),
        lambda v: v.update(surprise="an unknown field"),
    ],
    ids=[
        "answers-list",
        "bad-ref",
        "no-data",
        "data-text",
        "rating-11",
        "rating-text",
        "ratings-text",
        "extra-field",
    ],
)
def test_damaged_records_are_refused(change):
    with pytest.raises(rec.RecordProblem) as info:
        rec.parse(_damaged(change))
    assert info.value.code == "damaged"


def test_a_very_big_file_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(rec, "MAX_CHARS", 100)
    with pytest.raises(rec.RecordProblem) as info:
        rec.parse(rec.to_json(record_with(data={"x": "y" * 200})))
    assert info.value.code == "too_big"


def test_deeply_nested_json_is_damaged_not_a_crash():
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(rec.RecordProblem):
        rec.parse(deep)


def test_an_older_record_is_upgraded_when_a_migration_exists(monkeypatch):
    def from_zero(value):
        answers = value.pop("entries")
        return {**value, "version": 1, "answers": answers, "ratings": []}

    monkeypatch.setitem(rec.MIGRATIONS, 0, from_zero)
    old = {
        "app": rec.APP,
        "kind": rec.KIND,
        "version": 0,
        "entries": {"welcome/arriving": {"data": {"rating": 3}, "updated": "t"}},
    }
    upgraded = rec.parse(json.dumps(old))
    assert upgraded["version"] == 1
    assert upgraded["answers"]["welcome/arriving"]["data"] == {"rating": 3}


def test_loading_a_file_never_overwrites_what_is_here():
    here = record_with(data={"fields": {"happened": "mine"}})
    rec.log_ratings(here, "welcome/arriving", {"rating": 5}, "t1")
    incoming = record_with(data={"fields": {"happened": "from the file"}})
    rec.put(incoming, "responsibility/reflection", {"fields": {"remember": "be kind"}}, "t0")
    rec.log_ratings(incoming, "welcome/arriving", {"rating": 5}, "t1")
    rec.log_ratings(incoming, "welcome/arriving", {"rating": 2}, "t0")
    entries, ratings, kept = rec.merge_file(here, incoming)
    assert list(entries) == ["responsibility/reflection"]
    assert kept == 1
    assert ratings == [{"ref": "welcome/arriving", "key": "rating", "value": 2, "at": "t0"}]
    rec.apply(here, entries, ratings)
    assert here["answers"]["responsibility/repair"]["data"]["fields"]["happened"] == "mine"
    assert [r["at"] for r in here["ratings"]] == ["t0", "t1"]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_export_then_import_into_an_empty_record_gives_the_same_answers(text):
    source = record_with(data={"fields": {"happened": text}})
    rec.put(source, "welcome/arriving", {"rating": 6}, "t")
    rec.log_ratings(source, "welcome/arriving", {"rating": 6}, "t")
    fresh = rec.new_record()
    entries, ratings, kept = rec.merge_file(fresh, rec.parse(rec.to_json(source)))
    rec.apply(fresh, entries, ratings)
    assert kept == 0
    assert fresh["answers"] == source["answers"]
    assert fresh["ratings"] == source["ratings"]


def test_half_an_emoji_in_a_file_is_replaced_not_a_crash():
    """JSON can spell half of an emoji ("\\ud83c"); no page or file can show it, so the
    rest of the text is kept, and the record can be saved and exported again."""
    text = rec.to_json(record_with(data={"fields": {"happened": "PLACEHOLDER"}}))
    text = text.replace("PLACEHOLDER", "half \\ud83c here, whole \\ud83c\\udf31")
    back = rec.parse(text.encode("utf-8"))
    assert back["answers"]["responsibility/repair"]["data"]["fields"]["happened"] == (
        "half \ufffd here, whole \U0001f331"
    )
    assert rec.parse(rec.to_json(back).encode("utf-8")) == back
