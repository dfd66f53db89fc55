"""A page chooses its language once (``show_safety(..., language="es")``) and everything
built later on that page speaks it; links stay inside the page's language folder and
the header offers the same page in the other language."""

from __future__ import annotations

import re

import pytest
from conftest import html_of

from widgets.content.loader import ContentError, load_workbook, validate
from widgets.content.parity import compare_languages
from widgets.kit.charts import Series, text_alternative
from widgets.page import state as page_state
from widgets.page.chrome import cards_html, footer_html, header_html, href, language_links
from widgets.page.problem import problem_box
from widgets.paths import DEFAULT_DATA_DIR
from widgets.show import build_exercise, show_exercise, show_safety

pytestmark = pytest.mark.usefixtures("english_again")


def test_real_data_passes_validate_with_both_languages():
    assert (DEFAULT_DATA_DIR / "es").is_dir()
    assert compare_languages(DEFAULT_DATA_DIR) == []
    assert validate(DEFAULT_DATA_DIR) == []


def test_parity_check_names_a_key_missing_in_spanish(data_copy):
    ui = data_copy / "es" / "ui.yaml"
    ui.write_text(
        re.sub(r"^help_close: .*\n", "", ui.read_text(encoding="utf-8"), flags=re.M),
        encoding="utf-8",
    )
    problems = [str(p) for p in compare_languages(data_copy)]
    assert any("data/es/ui.yaml" in p and "'help_close'" in p for p in problems), problems


def test_without_a_choice_the_page_follows_settings():
    assert page_state.language() is None
    assert load_workbook().language == "en"
    assert load_workbook(language="es").language == "es"


def test_show_safety_sets_the_language_of_later_exercises():
    top = show_safety("responsibility", language="es")
    assert page_state.language() == "es"
    assert "Hacer una pausa" in html_of(top) and "Take a pause" not in html_of(top)
    sorter = show_exercise("responsibility/sorter")
    text = html_of(sorter)
    assert "¿Me hago cargo, le quito peso o me castigo?" in text
    assert "Owning it" not in text and "Get help now" not in text
    assert sorter.model.spec.categories[0].label == "Me hago cargo"


def test_a_page_without_language_keeps_english():
    show_safety("responsibility")
    assert page_state.language() is None
    assert "Take a pause" in html_of(show_exercise("responsibility/sorter"))


def test_an_unknown_language_shows_a_kind_problem_not_a_crash():
    top = show_safety("welcome", language="xx")
    [box] = [w for w in top.children if "oig-problem" in w._dom_classes]
    assert "there is no folder for language &#x27;xx&#x27;" in box.value
    assert "Take a pause" in html_of(top) and "Get help now" in html_of(top)  # help stays


def test_problem_box_speaks_the_page_language():
    page_state.set_language("es")
    box = problem_box(ContentError([]))
    assert "Esta parte del cuaderno no se pudo mostrar." in box.value
    assert "could not be shown" not in box.value
    page_state.set_language("en")
    assert "could not be shown" in problem_box(ContentError([])).value


def test_chart_words_follow_the_page_language():
    series = [Series("Vergüenza", (7, None))]
    page_state.set_language("es")
    said = page_state.workbook().ui.chart_said
    alt = text_alternative("Sentimientos", ["Al empezar", "Al final"], series, said)
    assert alt == "Sentimientos. Vergüenza: 7 de 10 (al empezar), sin número (al final)."
    page_state.set_language(None)
    said = page_state.workbook().ui.chart_said
    alt = text_alternative("Feelings", ["Start", "End"], [Series("Shame", (7, None))], said)
    assert alt == "Feelings. Shame: 7 out of 10 at start, not rated at end."


def test_spanish_links_stay_in_the_spanish_folder():
    es = load_workbook(language="es")
    assert es.lessons.lessons[1].notebook == "es/01_responsibility_vs_cruelty.ipynb"
    assert href(es, "es/01_responsibility_vs_cruelty.ipynb") == "01_responsibility_vs_cruelty.ipynb"
    assert href(es, "01_responsibility_vs_cruelty.ipynb") == "../01_responsibility_vs_cruelty.ipynb"
    header = header_html(es, "guilt-shame")
    footer = footer_html(es, "guilt-shame")
    cards = cards_html(es)
    for markup in (header, footer, cards):
        assert "href='es/" not in markup
    assert "href='00_welcome.ipynb'" in header
    assert "href='01_responsibility_vs_cruelty.ipynb'" in footer
    assert "Lección 2 de 4" in header


def test_the_switch_goes_to_the_same_page_in_the_other_language():
    en, es = load_workbook(language="en"), load_workbook(language="es")
    to_es = language_links(en, "02_guilt_vs_shame.ipynb", "guilt-shame")
    assert "href='es/02_guilt_vs_shame.ipynb'" in to_es
    assert "hreflang='es'" in to_es and ">Español</a>" in to_es
    to_en = language_links(es, "02_guilt_vs_shame.ipynb", "guilt-shame")
    assert "href='../02_guilt_vs_shame.ipynb'" in to_en and ">English</a>" in to_en
    # "My answers" is not a lesson: the same file name in the other folder.
    mine = language_links(es, "05_my_answers.ipynb")
    assert "href='../05_my_answers.ipynb'" in mine
    assert "oig-languages" in header_html(en, "welcome")


def test_the_switch_falls_back_to_the_welcome_page_when_a_page_is_missing(data_copy):
    (data_copy.parent / "notebooks" / "es" / "03_staying_present.ipynb").unlink()
    en = load_workbook(data_copy, language="en")
    links = language_links(en, "03_staying_present.ipynb", "staying-present")
    assert "href='es/00_welcome.ipynb'" in links


def test_every_exercise_builds_in_spanish():
    es = load_workbook(language="es")
    for lesson_id, lesson in es.lesson_files.items():
        for exercise in lesson.exercises:
            view = build_exercise(f"{lesson_id}/{exercise.id}", es)
            assert "Hacer una pausa" in html_of(view), exercise.id


@pytest.mark.parametrize("lang", ["en", "es"])
def test_hint_examples_behave_in_every_language(lang):
    """Each hint pattern catches its 'matches' and leaves its 'ignores' alone."""
    from widgets.content.hints import find_hints

    wb = load_workbook(language=lang)
    checked = 0
    for lesson in wb.lesson_files.values():
        for exercise in lesson.exercises:
            for key in ("hint_patterns", "self_patterns", "specific_patterns"):
                for p in getattr(exercise, key, None) or []:
                    for sentence in p.matches:
                        assert find_hints(sentence, [p]), (lang, p.id, sentence)
                    for sentence in p.ignores:
                        assert not find_hints(sentence, [p]), (lang, p.id, sentence)
                    checked += 1
    assert checked >= 15


def test_spanish_translate_examples_are_specific_and_not_verdicts():
    from widgets.content.hints import find_hints

    _, spec = load_workbook(language="es").exercise("guilt-shame/translate")
    for s in spec.statements:
        assert find_hints(s.text, spec.self_patterns), s.text
        assert find_hints(s.example, spec.self_patterns) == [], s.example
        found = {h.id for h in find_hints(s.example, spec.specific_patterns)}
        assert found == {"action", "time", "person"}, (s.example, found)


def test_spanish_crisis_lines_keep_the_english_sources_and_numbers():
    en, es = load_workbook(language="en").crisis, load_workbook(language="es").crisis
    assert set(en.regions) == set(es.regions)
    for region, value in en.regions.items():
        entries, mine = value.entries, es.regions[region].entries
        assert [(e.phone, e.text) for e in entries] == [(e.phone, e.text) for e in mine]
        for a, b in zip(entries, mine):
            assert b.source.startswith(a.source.rstrip("/"))
            assert b.last_checked is not None
    us = es.regions["us"].entries[0]
    assert "marca 2" in us.how and "AYUDA" in us.how
