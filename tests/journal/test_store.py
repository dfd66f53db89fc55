"""The page's journal link, without a browser: the browser's messages are played by hand.

The rules under test: nothing is written back before the stored answers arrive; arriving
answers restore exercises without being saved again or emptied; every later change is
saved (only that exercise); bad storage gives a message and the page keeps working.
"""

from __future__ import annotations

import json

import pytest
from support import Browser, stored

from widgets.content.loader import load_workbook
from widgets.exercises.checkin import CheckinModel
from widgets.exercises.repair_plan import RepairPlanModel
from widgets.exercises.sorter import SorterModel
from widgets.journal import record as rec
from widgets.journal.store import JournalStore
from widgets.page.state import journal as page_journal
from widgets.page.state import reset as forget_page_journal

REPAIR = "responsibility/repair"
CHECKIN = "welcome/arriving"
SORTER = "responsibility/sorter"


@pytest.fixture
def wb():
    return load_workbook()


@pytest.fixture
def specs(wb):
    return {ref: wb.exercise(ref)[1] for ref in (REPAIR, CHECKIN, SORTER)}


@pytest.fixture
def page(specs):
    store = JournalStore(specs=specs)
    repair = RepairPlanModel(specs[REPAIR])
    checkin = CheckinModel(specs[CHECKIN])
    sorter = SorterModel(specs[SORTER])
    store.follow(REPAIR, repair)
    store.follow(CHECKIN, checkin)
    store.follow(SORTER, sorter)
    return store, Browser(store), repair, checkin, sorter


def test_nothing_is_sent_or_saved_before_the_stored_answers_arrive(page):
    store, browser, repair, checkin, _ = page
    repair.form.set("happened", "typed early")
    checkin.rating = 3
    assert browser.sent == []
    assert store.record["answers"] == {}


def test_arriving_answers_restore_every_exercise_without_saving_them_again(page):
    store, browser, repair, checkin, sorter = page
    text = stored(
        responsibility__repair={"fields": {"happened": "I forgot Maya's birthday", "say": ""}},
        welcome__arriving={"rating": 6},
        responsibility__sorter={"picks": {"s1": "owning"}, "skipped": [], "index": 1},
    )
    browser.load(text)
    assert repair.form.get("happened") == "I forgot Maya's birthday"
    assert checkin.rating == 6
    assert sorter.index == 1 and sorter.picks == {"s1": "owning"}
    assert browser.puts() == []
    assert store.arrived and store.mode == "visit" and store.problem == ""


def test_what_the_browser_repeats_until_heard_is_heard_each_time_and_changes_nothing(page):
    """store.js sends "loaded" again every 2 s until the kernel answers "heard": a copy
    that crosses the answer must not bring back the old record over newer typing."""
    store, browser, repair, _, _ = page
    text = stored(responsibility__repair={"fields": {"happened": "stored", "say": ""}})
    browser.load(text)
    assert browser.heard == 1
    repair.form.set("happened", "typed after arrival")
    browser.load(text)  # the copy sent before "heard" reached the browser
    assert browser.heard == 2
    assert repair.form.get("happened") == "typed after arrival"
    (put,) = browser.puts()
    assert put["entries"][REPAIR]["data"]["fields"]["happened"] == "typed after arrival"
    assert store.mode == "visit" and store.problem == ""


def test_restoring_never_empties_what_was_typed_before_the_answers_arrived(page):
    store, browser, repair, _, _ = page
    repair.form.set("affected", "typed before arrival")
    browser.load(stored(responsibility__repair={"fields": {"happened": "stored", "affected": ""}}))
    assert repair.form.get("affected") == "typed before arrival"
    assert repair.form.get("happened") == "stored"
    (put,) = browser.puts()
    saved = put["entries"][REPAIR]["data"]["fields"]
    assert saved == {"happened": "stored", "affected": "typed before arrival"}


def test_each_change_saves_only_the_exercise_that_changed(page):
    store, browser, repair, checkin, _ = page
    browser.load(None)
    repair.form.set("happened", "<script>alert(1)</script> 🙏 שלום")
    (put,) = browser.puts()
    assert list(put["entries"]) == [REPAIR]
    assert put["entries"][REPAIR]["data"] == {
        "fields": {"happened": "<script>alert(1)</script> 🙏 שלום"}
    }
    checkin.rating = 8
    last = browser.puts()[-1]
    assert list(last["entries"]) == [CHECKIN]
    assert last["ratings"][0]["value"] == 8 and last["ratings"][0]["ref"] == CHECKIN
    assert store.record["answers"][CHECKIN]["data"] == {"rating": 8}


def test_a_change_back_to_what_is_stored_sends_nothing(page):
    store, browser, _, checkin, _ = page
    browser.load(stored(welcome__arriving={"rating": 4}))
    checkin.rating = 4
    assert browser.puts() == []


def test_clearing_a_box_is_saved_because_the_participant_did_it(page):
    store, browser, repair, _, _ = page
    browser.load(stored(responsibility__repair={"fields": {"happened": "old text"}}))
    repair.form.set("happened", "")
    assert browser.puts()[-1]["entries"][REPAIR]["data"] == {"fields": {"happened": ""}}


@pytest.mark.parametrize(
    "text,problem",
    [
        ("{not json", "corrupt"),
        ('{"app": "owning-it-gently", "kind": "journal", "version": 0}', "older"),
        ('{"app": "owning-it-gently", "kind": "journal", "version": 99}', "newer"),
        ('{"app": "owning-it-gently", "kind": "journal", "version": 1, "answers": 5}', "corrupt"),
    ],
)
def test_unreadable_storage_is_set_aside_and_the_page_still_works(page, text, problem):
    store, browser, repair, _, _ = page
    browser.load(text)
    assert store.problem == problem
    assert {"type": "set_aside"} in browser.sent
    repair.form.set("happened", "still saved")
    assert browser.puts()[-1]["entries"][REPAIR]["data"]["fields"]["happened"] == "still saved"


def test_when_setting_aside_fails_nothing_more_is_written(page):
    store, browser, repair, _, _ = page
    browser.load("{not json")
    browser.says(type="set_aside", ok=False)
    assert store.problem == "stuck"
    repair.form.set("happened", "kept on the page only")
    assert browser.puts() == []
    assert store.record["answers"][REPAIR]["data"]["fields"]["happened"] == "kept on the page only"


def test_full_or_disabled_storage_is_reported(page):
    store, browser, repair, _, _ = page
    browser.load(None, mode="memory", problem="disabled")
    assert store.problem == "disabled" and store.mode == "memory"
    repair.form.set("happened", "x")
    assert browser.puts() == []  # nowhere to write: the page keeps it for this visit
    store2 = JournalStore()
    b2 = Browser(store2)
    b2.load(None)
    b2.says(type="written", ok=False, problem="full")
    assert store2.problem == "full"
    b2.says(type="written", ok=True)
    assert store2.problem == ""


def test_storage_off_never_sends_answers(specs):
    store = JournalStore(setting="off", specs=specs)
    browser = Browser(store)
    repair = RepairPlanModel(specs[REPAIR])
    store.follow(REPAIR, repair)
    browser.load(None, mode="off")
    repair.form.set("happened", "typed")
    assert browser.sent == []
    assert browser.heard == 1
    assert store.import_text(stored(welcome__arriving={"rating": 1}))[0] == "not_now"


def test_mode_changes_go_to_the_browser_and_come_back(page):
    store, browser, _, _, _ = page
    browser.load(None)
    store.set_mode("keep")
    assert browser.sent[-1] == {"type": "mode", "mode": "keep"}
    browser.says(type="mode", mode="keep", ok=True)
    assert store.mode == "keep"
    store.set_mode("keep")  # already there: nothing to do
    assert len([m for m in browser.sent if m["type"] == "mode"]) == 1


def test_a_refused_change_of_mode_puts_the_choice_back_where_answers_are(page, wb):
    from widgets.journal.views import StorageChoice

    store, browser, _, _, _ = page
    browser.load(None)
    choice = StorageChoice(store, wb.journal)
    assert choice.radio.value == "visit"
    choice.radio.value = "keep"  # the participant clicks "Keep on this device"
    assert browser.sent[-1] == {"type": "mode", "mode": "keep"}
    browser.says(type="mode", mode="visit", ok=False, problem="full")  # no room there
    assert store.mode == "visit" and store.problem == "full"
    assert choice.radio.value == "visit"
    choice.radio.value = "keep"  # trying again: refused again, shown again
    browser.says(type="mode", mode="visit", ok=False, problem="full")
    assert choice.radio.value == "visit"
    assert [m["mode"] for m in browser.sent if m["type"] == "mode"] == ["keep", "keep"]


def test_erase_empties_the_record_and_asks_the_browser_to_remove_it(page):
    store, browser, repair, _, _ = page
    browser.load(stored(responsibility__repair={"fields": {"happened": "x"}}), mode="keep")
    store.erase()
    assert browser.sent[-1] == {"type": "erase"}
    assert rec.is_empty(store.record)
    browser.says(type="erased", ok=True, mode="visit")
    assert store.erased == "done" and store.mode == "visit"


def test_importing_a_file_adds_answers_and_restores_them(page):
    store, browser, repair, checkin, _ = page
    browser.load(stored(welcome__arriving={"rating": 2}))
    file = stored(
        welcome__arriving={"rating": 9},
        responsibility__repair={"fields": {"happened": "from my phone"}},
    )
    outcome, added, kept = store.import_text(file.encode("utf-8"))
    assert (outcome, added, kept) == ("added", 1, 1)
    assert repair.form.get("happened") == "from my phone"
    assert checkin.rating == 2  # what was here stays
    assert list(browser.puts()[-1]["entries"]) == [REPAIR]


@pytest.mark.parametrize(
    "content,code",
    [
        (b"\x89PNG\r\n", "not_json"),
        (b"[1, 2, 3]", "wrong_kind"),
        (
            json.dumps(
                {"app": "owning-it-gently", "kind": "journal", "version": 1, "answers": {"x": 1}}
            ).encode(),
            "damaged",
        ),
    ],
)
def test_a_wrong_or_damaged_file_changes_nothing(page, content, code):
    store, browser, _, _, _ = page
    browser.load(stored(welcome__arriving={"rating": 2}))
    before = json.dumps(store.record, sort_keys=True)
    assert store.import_text(content)[0] == code
    assert json.dumps(store.record, sort_keys=True) == before
    assert browser.puts() == []


def test_every_exercise_built_by_the_registry_joins_the_page_journal():
    from widgets.show import build_exercise

    forget_page_journal()
    try:
        view = build_exercise(REPAIR)
        store = page_journal()
        browser = Browser(store)
        browser.load(stored(responsibility__repair={"fields": {"say": "I'm sorry"}}))
        assert view.model.form.get("say") == "I'm sorry"
        assert view._form.boxes["say"].value == "I'm sorry"
        view._form.boxes["happened"].value = "typed in the box"
        saved = browser.puts()[-1]["entries"][REPAIR]["data"]["fields"]
        assert saved == {"say": "I'm sorry", "happened": "typed in the box"}
    finally:
        forget_page_journal()


def test_an_exercise_that_fails_to_restore_does_not_stop_the_others(page, specs):
    store, browser, repair, _, _ = page

    class Broken(CheckinModel):
        def restore(self, answers):
            raise RuntimeError("boom")

    store.follow("welcome/broken", Broken(specs[CHECKIN]))
    browser.load(
        stored(
            welcome__broken={"rating": 1}, responsibility__repair={"fields": {"happened": "fine"}}
        )
    )
    assert repair.form.get("happened") == "fine"


def test_the_facilitator_can_turn_storage_off(data_copy, monkeypatch):
    settings = data_copy / "settings.yaml"
    settings.write_text(settings.read_text().replace("storage: ask", "storage: off"))
    monkeypatch.setenv("OWNING_DATA_DIR", str(data_copy))
    forget_page_journal()
    try:
        assert page_journal().setting == "off"
        assert page_journal().mode == "off"
    finally:
        forget_page_journal()


def _all_refs():
    wb = load_workbook()
    return [f"{lesson}/{ex.id}" for lesson, lf in wb.lesson_files.items() for ex in lf.exercises]


@pytest.mark.parametrize("ref", _all_refs())
def test_every_exercise_keeps_plain_json_that_restores_as_it_was(ref):
    """The contract every exercise, present and future, keeps with the journal."""
    from widgets.show import build_exercise

    forget_page_journal()
    try:
        data = build_exercise(ref).model.answers()
        assert isinstance(data, dict)
        r = rec.new_record()
        if data:
            rec.put(r, ref, data, "t")
        back = rec.parse(rec.to_json(r))  # plain JSON, or this raises
        fresh = build_exercise(ref)
        store = page_journal()
        Browser(store).load(rec.to_json(back))
        assert fresh.model.answers() == data
    finally:
        forget_page_journal()
