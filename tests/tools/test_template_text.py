"""The web app's own pages (cell error, page not found, server error, the way in, the
sign-in page) take their words from data/<lang>/ui.yaml, in the page's language.

The template cannot read data/ when Voila draws it, so `workbook template-text` writes
the words into share/jupyter/voila/templates/gentle/oig_text.j2 (and voila.json's
cell_error_instruction). These tests fail when that file is out of date, when a template
has English words of its own, or when the written words do not reach the pages.
"""

from __future__ import annotations

import json
import shutil

import jinja2
import pytest
import yaml

from widgets.content.loader import clear_cache, load_workbook
from widgets.paths import JOURNAL_STYLE_SHEET, PAGE_STYLE_SHEET, REPO_DIR
from widgets.tools import template_text

TEMPLATES = template_text.TEMPLATE_DIR
PAGES = ("index.html.j2", "error.html", "404.html", "tree.html", "tree-lab.html", "signin.html")


def env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)


def test_written_words_are_current():
    on_disk = template_text.TEXT_FILE.read_text(encoding="utf-8")
    assert on_disk == template_text.render(), (
        "oig_text.j2 is out of date with data/<lang>/ui.yaml: run `workbook template-text`"
    )


def test_widget_styles_in_the_page_head_are_current():
    """The web app links static/widgets.css (in its body) instead of sending style widgets
    (widgets/kit/styles.py): it must hold today's style sheets, in JupyterLab's order."""
    on_disk = template_text.CSS_FILE.read_text(encoding="utf-8")
    assert on_disk == template_text.widgets_css(), (
        "static/widgets.css is out of date with widgets/page/style.css or "
        "widgets/journal/journal.css: run `workbook template-text`"
    )
    sheet, journal = PAGE_STYLE_SHEET.read_text("utf-8"), JOURNAL_STYLE_SHEET.read_text("utf-8")
    assert on_disk.index(sheet) < on_disk.index(journal)
    page = (TEMPLATES / "index.html.j2").read_text(encoding="utf-8")
    # After the head (where the widget library adds its styles), as the widgets were.
    assert page.index("endblock html_head") < page.index('include_css("static/widgets.css")')


def test_written_words_equal_ui_yaml():
    """Read back through Jinja, as Voila reads them: the same as each ui.yaml."""
    module = env().get_template("oig_text.j2").module
    assert module.oig_languages[0] == load_workbook().language
    assert set(module.oig_languages) == {"en", "es"}
    for lang in module.oig_languages:
        ui = yaml.safe_load((REPO_DIR / "data" / lang / "ui.yaml").read_text(encoding="utf-8"))
        wb = load_workbook(language=lang)
        for key in template_text.KEYS:
            assert module.oig_text[lang][key] == " ".join(str(ui[key]).split()), (lang, key)
        assert module.oig_text[lang]["welcome"] == wb.lessons.lessons[0].notebook
        assert module.oig_text[lang]["workbook_title"] == wb.lessons.workbook_title


def test_voila_json_cell_error_instruction_comes_from_ui_yaml():
    config = json.loads((REPO_DIR / "voila.json").read_text(encoding="utf-8"))
    line = config["VoilaExecutor"]["cell_error_instruction"]
    for lang in ("en", "es"):
        assert load_workbook(language=lang).ui.cell_error_help in line


@pytest.mark.parametrize("name", PAGES)
def test_templates_have_no_words_of_their_own(name):
    """Every word a visitor reads on these pages comes from oig_text.j2."""
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    for lang in ("en", "es"):
        ui = load_workbook(language=lang).ui
        for key in template_text.KEYS:
            assert getattr(ui, key) not in source, (name, lang, key)
    for english in ("Reload the page", "Nothing you did", "Open the workbook", "could not find"):
        assert english not in source, (name, english)


def test_not_found_page_in_every_language():
    html = env().get_template("404.html").render(status_code=404, base_url="/base/")
    for lang in ("en", "es"):
        wb = load_workbook(language=lang)
        assert f'<section lang="{lang}"' in html
        assert wb.ui.not_found_title in html
        assert f'href="/base/voila/render/{wb.lessons.lessons[0].notebook}"' in html
    assert html.count("<h1>") == 1
    server = env().get_template("error.html").render(status_code=500, base_url="/")
    assert load_workbook(language="es").ui.server_error_title in server


def test_way_in_links_each_welcome_page():
    for name in ("tree.html", "tree-lab.html"):
        html = env().get_template(name).render(base_url="/")
        for lang in ("en", "es"):
            wb = load_workbook(language=lang)
            welcome = f"/voila/render/{wb.lessons.lessons[0].notebook}"
            assert f'href="{welcome}" hreflang="{lang}">{wb.ui.open_workbook_link}<' in html
            assert json.dumps(welcome) in html  # the browser-language choice
        first = load_workbook().lessons.lessons[0].notebook
        assert f'url=/voila/render/{first}"' in html  # without JavaScript


def test_sign_in_page_never_shows_the_token():
    html = (
        env()
        .get_template("signin.html")
        .render(
            base_url="/",
            next="%2Fvoila%2Frender%2F00_welcome.ipynb",
            message={"error": "Invalid credentials"},
            xsrf_form_html=lambda: '<input type="hidden" name="_xsrf" value="x">',
            token="secret-token-123",
        )
    )
    assert "secret-token-123" not in html
    assert "Invalid credentials" not in html
    for lang in ("en", "es"):
        ui = load_workbook(language=lang).ui
        assert ui.signin_problem in html and ui.signin_text in html


def test_a_change_in_ui_yaml_reaches_the_pages(tmp_path):
    """One source of truth: edit data/es/ui.yaml, run the command, the page follows."""
    data = tmp_path / "data"
    shutil.copytree(REPO_DIR / "data", data)
    ui_file = data / "es" / "ui.yaml"
    ui_file.write_text(
        ui_file.read_text(encoding="utf-8").replace(
            "No encontramos esta página", "Esta página no está aquí"
        ),
        encoding="utf-8",
    )
    target, css = tmp_path / "oig_text.j2", tmp_path / "widgets.css"
    config = tmp_path / "voila.json"
    config.write_text('{"VoilaExecutor": {"cell_error_instruction": "old"}}', encoding="utf-8")
    clear_cache()
    try:
        changed = template_text.write(data, target=target, voila_json=config, css_target=css)
    finally:
        clear_cache()
    assert changed == [target, css, config]
    assert "Esta página no está aquí" in target.read_text(encoding="utf-8")
    assert "No encontramos esta página" not in target.read_text(encoding="utf-8")
    line = json.loads(config.read_text(encoding="utf-8"))["VoilaExecutor"]
    assert "Volver a cargar la página" in line["cell_error_instruction"]
    assert template_text.write(data, target=target, voila_json=config, css_target=css) == []


def test_on_binder_every_link_to_a_welcome_page_has_the_notebooks_folder(tmp_path):
    """Binder's Voila serves the whole repository (binder/postBuild passes --pages-under
    notebooks/): "page not found" and the way in must lead to notebooks/00_welcome...,
    not to a second "page not found"."""
    templates = tmp_path / "gentle"
    shutil.copytree(TEMPLATES, templates)
    text_file, no_config = templates / "oig_text.j2", tmp_path / "none.json"
    template_text.write(
        target=text_file,
        voila_json=no_config,
        pages_under="notebooks/",
        css_target=templates / "static" / "widgets.css",
    )
    binder = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True)
    not_found = binder.get_template("404.html").render(status_code=404, base_url="/user/x/")
    way_in = binder.get_template("tree.html").render(base_url="/user/x/")
    for lang in ("en", "es"):
        page = load_workbook(language=lang).lessons.lessons[0].notebook
        link = f'href="/user/x/voila/render/notebooks/{page}"'
        assert link in not_found
        assert link in way_in
    assert 'href="/user/x/voila/render/00_welcome' not in not_found + way_in
    script = (REPO_DIR / "binder" / "postBuild").read_text(encoding="utf-8")
    assert "workbook template-text --quiet --pages-under notebooks/" in script
