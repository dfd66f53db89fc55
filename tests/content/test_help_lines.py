"""Help that reaches every participant: each region's lines, numbers as dialled, each
language's own default, the participant's country and "My people" kept like answers,
and the list of lines a facilitator must still check on the live page."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import edit, line_of, messages
from support import Browser, stored

from widgets.content import schema
from widgets.content.help_lines import looks_dialable, tel_href, to_check
from widgets.content.loader import load_workbook
from widgets.journal.help_choices import MAX_PEOPLE, REF, HelpChoices
from widgets.journal.store import JournalStore
from widgets.page import state as page_state
from widgets.page.chrome import footer_html, show_footer
from widgets.page.safety import HelpPanel, people_html, region_options
from widgets.page.state import help_choices as page_help
from widgets.page.state import journal as page_journal
from widgets.page.state import reset as forget_page_journal
from widgets.paths import DEFAULT_DATA_DIR
from widgets.tools import cli
from widgets.tools.template_text import collect

LANGUAGES = ("en", "es")
# The regions issue 18 asks for, in every language.
NEEDED = {
    "us", "canada", "uk", "ireland", "australia", "new-zealand", "spain", "mexico",
    "chile", "argentina", "colombia", "peru", "international",
}  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_page():
    forget_page_journal()
    yield
    forget_page_journal()


# --- the data ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_region_has_checked_lines_with_sources(lang):
    crisis = load_workbook(language=lang).crisis
    assert NEEDED <= set(crisis.regions)
    for rid, region in crisis.regions.items():
        assert region.entries and region.emergency, rid
        assert region.emergency_checked in schema.CHECKED
        for entry in region.entries:
            assert entry.source.startswith("https://"), (rid, entry.name)
            assert entry.checked in schema.CHECKED, (rid, entry.name)
            assert entry.last_checked <= dt.date.today()
            # Nothing here could be opened live: no entry may claim it was.
            assert entry.checked != "live", (rid, entry.name)
            assert entry.check_note, (rid, entry.name)
            for number in (entry.phone, entry.text):
                if number:
                    assert schema.PHONE.match(number), (rid, number)
                    assert not any(ch.isalpha() for ch in number)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lines_asked_for_are_there_as_dialled(lang):
    regions = load_workbook(language=lang).crisis.regions

    def phones(rid):
        return [e.phone for e in regions[rid].entries]

    assert phones("chile") == ["*4141"]
    assert "024" in phones("spain") and "112" in regions["spain"].emergency
    assert phones("mexico") == ["800 911 2000"] and "911" in regions["mexico"].emergency
    assert "1800 247 247" in phones("ireland") and "116 123" in phones("uk")
    assert phones("new-zealand") == ["1737"]
    assert regions["international"].entries[0].url == "https://findahelpline.com/"


def test_the_spanish_988_chat_is_the_spanish_page():
    us = load_workbook(language="es").crisis.regions["us"].entries[0]
    assert us.url == "https://988lifeline.org/es/"


@pytest.mark.parametrize(
    "number,href",
    [
        ("*4141", "tel:*4141"),
        ("#123#", "tel:%23123%23"),
        ("116 123", "tel:116123"),
        ("+34 717-003-717", "tel:+34717003717"),
    ],
)
def test_tel_links_dial_the_number_as_written(number, href):
    assert schema.PHONE.match(number)
    assert tel_href(number) == href


@pytest.mark.parametrize("text,dialable", [("*4141", True), ("555 0100", True), ("Mum", False)])
def test_only_a_number_gets_a_tel_link(text, dialable):
    assert looks_dialable(text) is dialable


# --- what validate says --------------------------------------------------------------


def test_a_number_with_letters_is_named_with_file_and_line(data_copy):
    crisis = data_copy / "es" / "crisis.yaml"
    edit(crisis, 'phone: "*4141"', 'phone: "*41AB"')
    line = line_of(crisis, '"*41AB"')
    msgs = messages(data_copy)
    assert any(
        f"es/crisis.yaml line {line}" in m and "'*41AB'" in m and "phone number" in m for m in msgs
    ), msgs


def test_an_entry_without_a_source_is_named_with_file_and_line(data_copy):
    crisis = data_copy / "en" / "crisis.yaml"
    edit(crisis, "        source: https://www.minsal.cl/\n", "")
    msgs = messages(data_copy)
    assert any(
        "en/crisis.yaml line" in m and "region 'chile' › entry 1" in m and "'source'" in m
        for m in msgs
    ), msgs


def test_an_entry_without_a_check_is_named(data_copy):
    crisis = data_copy / "es" / "crisis.yaml"
    text = crisis.read_text(encoding="utf-8")
    chile = text.index("  chile:")
    at = text.index("        checked: stored-report\n", chile)
    crisis.write_text(text[:at] + text[at:].replace("        checked: stored-report\n", "", 1))
    msgs = messages(data_copy)
    assert any("region 'chile' › entry 1" in m and "'checked'" in m for m in msgs), msgs


def test_validate_lists_every_line_to_check_on_the_live_page(data_copy, capsys):
    assert cli.main(["validate", "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    crisis = data_copy / "es" / "crisis.yaml"
    line = line_of(crisis, "- name: Línea de Prevención del Suicidio")
    listed = f"data/es/crisis.yaml line {line}: region 'chile' › Línea de Prevención"
    assert listed in out and "*4141" in out
    total = sum(
        len(r.entries) + 1
        for lang in LANGUAGES
        for r in load_workbook(data_copy, lang).crisis.regions.values()
    )
    assert out.count("\n  - ") == total
    # Checked on the live page: no longer listed.
    text = crisis.read_text(encoding="utf-8")
    chile = text.index("  chile:")
    text = text[:chile] + text[chile:].replace("checked: stored-report", "checked: live", 1)
    crisis.write_text(text, encoding="utf-8")
    cli.main(["validate", "--data", str(data_copy)])
    again = capsys.readouterr().out
    assert listed not in again
    assert again.count("\n  - ") == total - 1


def test_to_check_skips_a_file_it_cannot_read(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "crisis.yaml").write_text("regions: [1, 2]\n", encoding="utf-8")
    assert to_check(tmp_path, ["en"]) == []


# --- each language's default, and the facilitator's choice ----------------------------


def test_each_language_has_its_own_default_region():
    assert load_workbook(language="en").region_id == "us"
    es = load_workbook(language="es")
    assert es.region_id == "spain" and es.crisis_region().name == "España"
    assert es.crisis_region("mexico").name == "México"
    assert es.crisis_region("atlantis").name == "España"  # an unknown choice: the default


def test_a_facilitator_can_set_one_region_for_every_language(data_copy):
    edit(
        data_copy / "settings.yaml",
        "crisis_region:\n  en: us\n  es: spain",
        "crisis_region: mexico",
    )
    assert messages(data_copy) == []
    assert load_workbook(data_copy, "en").region_id == "mexico"
    assert load_workbook(data_copy, "es").region_id == "mexico"


def test_a_language_settings_do_not_name_gets_the_international_list(data_copy):
    edit(data_copy / "settings.yaml", "  es: spain\n", "")
    assert load_workbook(data_copy, "es").region_id == "international"


def test_the_app_pages_get_each_languages_first_line():
    text = collect()
    assert text["en"]["help"]["tel"] == "tel:988"
    assert text["es"]["help"]["tel"] == "tel:024" and text["es"]["help"]["phone"] == "024"
    for lang in LANGUAGES:
        assert text[lang]["help"]["directory_url"] == "https://findahelpline.com/"


# --- the participant's choices --------------------------------------------------------


def test_my_people_holds_five_and_drops_what_is_odd():
    choices = HelpChoices()
    for n in range(MAX_PEOPLE):
        assert choices.add(f"Friend {n}", "555 0100")
    assert not choices.add("One more", "555 0101")
    assert not HelpChoices().add("  ", "")
    choices.remove(0)
    assert [p["name"] for p in choices.people][0] == "Friend 1"
    again = HelpChoices()
    again.restore(
        {"region": "chile", "people": [{"name": "A", "reach": "1"}, "x", {"name": 3}, {}] * 3}
    )
    assert again.region == "chile" and again.people == [{"name": "A", "reach": "1"}] * 3


def test_what_a_person_typed_is_shown_escaped_with_a_tel_link():
    choices = HelpChoices()
    choices.add('<img src=x onerror="alert(1)">', "*4141#")
    choices.add("Sam", "<b>call after 6</b>")
    html = people_html(choices)
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert '<a href="tel:*4141%23">*4141#</a>' in html
    assert "<b>" not in html and "&lt;b&gt;call after 6&lt;/b&gt;" in html


def test_the_choices_are_kept_like_answers_and_erased_with_them():
    store = page_journal()
    browser = Browser(store)
    choices = page_help()
    assert page_help() is choices  # one record per page, however many panels
    browser.load(stored(help__mine={"region": "mexico", "people": [{"name": "Ana", "reach": "1"}]}))
    assert choices.region == "mexico" and choices.people[0]["name"] == "Ana"
    assert browser.puts() == []  # restoring is not a change
    choices.add("Luis", "555 0100")
    put = browser.puts()[-1]
    assert put["entries"][REF]["data"]["people"][1] == {"name": "Luis", "reach": "555 0100"}
    exported = json.loads(store.export_json())
    assert exported["answers"][REF]["data"]["region"] == "mexico"
    store.erase()
    browser.says(type="erased", ok=True, mode="visit")
    assert choices.people == [] and choices.region == ""
    assert browser.puts()[-1] == put  # clearing after an erase writes nothing back
    # "My answers" files bring them back.
    assert store.import_text(json.dumps(exported))[0] == "added"
    assert choices.region == "mexico" and len(choices.people) == 2


def test_storage_off_keeps_the_choices_on_the_page_only():
    store = JournalStore(setting="off")
    browser = Browser(store)
    choices = HelpChoices()
    store.follow(REF, choices)
    browser.load(mode="off")
    choices.add("Ana", "555 0100")
    assert browser.puts() == []


def test_choosing_a_country_changes_every_panel_and_the_footer():
    es = load_workbook(language="es")
    first, second = HelpPanel(es), HelpPanel(es)
    first.toggle.click()
    second.toggle.click()
    assert first.region.value == "spain" and "tel:024" in first._lines.value
    first.region.value = "mexico"
    for panel in (first, second):
        assert panel.region.value == "mexico"
        assert "Línea de la Vida" in panel._lines.value
        assert '<a href="tel:8009112000">800 911 2000</a>' in panel._lines.value
    assert page_help().region == "mexico"
    assert "Línea de la Vida" in footer_html(es, "welcome", "mexico")


def test_the_footer_follows_the_choice(monkeypatch):
    page_state.set_language("es")
    footer = show_footer("welcome")
    assert "024" in footer.value
    page_help().region = "chile"
    assert "*4141" in footer.value


def test_my_people_in_the_panel():
    panel = HelpPanel(load_workbook(language="en"))
    panel.toggle.click()
    box = panel.people
    assert box.layout.display == "none"  # no people yet: nothing shown above the lines
    for n in range(MAX_PEOPLE):
        box.name.value, box.reach.value = f"Friend {n}", "555 0100"
        box.add.click()
        assert box.name.value == ""  # ready for the next
    assert len(box._list.children) == MAX_PEOPLE
    assert box._fields.layout.display == "none" and "five" in box._note.value
    box._list.children[0].children[1].click()  # Remove
    assert len(page_help().people) == MAX_PEOPLE - 1 and box._fields.layout.display is None


def test_the_chooser_lists_every_region_with_anywhere_last():
    options = region_options(load_workbook(language="es"))
    assert {rid for _, rid in options} == set(load_workbook(language="es").crisis.regions)
    assert options[-1] == ("En cualquier país", "international")
    names = [name for name, _ in options[:-1]]
    assert names.index("España") < names.index("Estados Unidos") < names.index("México")


def test_the_real_data_has_nothing_left_to_fix():
    assert messages(DEFAULT_DATA_DIR) == []


def test_my_people_are_in_the_readable_copy_escaped():
    from widgets.journal import record as rec
    from widgets.journal.export import export_markdown

    wb = load_workbook(language="es")
    r = rec.new_record()
    rec.put(r, REF, {"region": "", "people": [{"name": "[Ana](x)", "reach": "*4141"}]}, "t")
    text = export_markdown(wb, r)
    assert "## Mi gente" in text and "\\[Ana\\]\\(x\\)" in text and "\\*4141" in text
    assert "Mi gente" not in export_markdown(wb, rec.new_record())
