"""The whole workbook in Spanish, in a real browser: every page renders with no English
left (a check over the rendered text, hidden panels, placeholders and labels included),
an exercise works in Spanish, and the language link leads to the same page in the other
language and back."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from widgets.content.loader import load_workbook
from widgets.paths import DEFAULT_DATA_DIR, REPO_DIR
from widgets.tools.readability import notebook_texts

from .conftest import DESKTOP, no_sideways_scroll, open_notebook, screenshot

pytestmark = pytest.mark.browser

# Spanish page -> how many exercises it shows (0: wait for the page header instead).
PAGES = {
    "es/00_welcome.ipynb": 1,
    "es/01_responsibility_vs_cruelty.ipynb": 4,
    "es/02_guilt_vs_shame.ipynb": 6,
    "es/03_staying_present.ipynb": 6,
    "es/04_putting_it_together.ipynb": 4,
    "es/05_my_answers.ipynb": 0,
}
# Short English words of the app shell that a sentence list would miss.
UI_WORDS = [
    "Next",
    "Skip",
    "Back",
    "Take a pause",
    "Get help now",
    "Back to where I was",
    "Close help",
    "Dark mode",
    "Start here",
    "Lesson",
    "Before you start",
    "optional",
    "Check in",
    "My answers",
]
# Every text node (hidden ones too: the pause and help panels) and every attribute a
# person can meet: placeholders, labels read aloud, tooltips. Scripts and styles are not
# text. The one English word on purpose is the link to the English page.
PAGE_TEXT = """() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const tag = n.parentElement ? n.parentElement.tagName : "";
    if (tag === "SCRIPT" || tag === "STYLE") continue;
    if (n.parentElement.closest(".oig-language, .jp-InputArea")) continue;
    parts.push(n.textContent);
  }
  for (const el of document.body.querySelectorAll("[placeholder], [aria-label], [title], [alt]")) {
    if (el.closest(".oig-language, .jp-InputArea")) continue;
    for (const a of ["placeholder", "aria-label", "title", "alt"]) {
      if (el.getAttribute(a)) parts.push(el.getAttribute(a));
    }
  }
  return parts.join(" \\n ");
}"""


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def _sentences(text: str):
    for part in re.split(r"(?<=[.!?:;])\s+|\n+|\{[a-z_]+\}", text):
        part = " ".join(part.split()).strip(" .!?:;\"'()")
        if len(part.split()) >= 3:
            yield part


def english_sentences() -> set[str]:
    """Every English sentence of 3 or more words, from data/en and the English pages,
    minus those Spanish uses too (names of services such as "Find a Helpline")."""
    english: set[str] = set()
    for path in (DEFAULT_DATA_DIR / "en").rglob("*.yaml"):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            english.update(_sentences(text))
    for nb in (REPO_DIR / "notebooks").glob("*.ipynb"):
        for _, text in notebook_texts(nb):
            english.update(_sentences(text))
    spanish = " ".join(
        t
        for path in (DEFAULT_DATA_DIR / "es").rglob("*.yaml")
        for t in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    )
    return {s for s in english if s not in spanish and not s.startswith("http")}


ENGLISH = english_sentences()


def english_left(text: str) -> list[str]:
    flat = " ".join(text.split())
    found = [s for s in ENGLISH if s in flat]
    found += [w for w in UI_WORDS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", flat)]
    return sorted(found)


def test_the_english_check_can_fail():
    assert len(ENGLISH) > 300
    assert "Take a pause" in english_left("Hacer una pausa · Take a pause")
    assert any(
        "beating yourself up" in s
        for s in english_left("Hacerte cargo. Owning it without beating yourself up is possible.")
    )
    assert english_left("Hacer una pausa. Buscar ayuda ahora. Siguiente.") == []


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.viewport_name = "desktop"
    yield pg
    context.close()


def open_page(page, url: str, notebook: str) -> None:
    if PAGES[notebook]:
        open_notebook(page, url, notebook, exercises=PAGES[notebook])
    else:
        page.goto(f"{url}/voila/render/{notebook}")
        page.wait_for_selector(".oig-storage-choice", timeout=60_000)
    expect(page.locator(".oig-page-header").first).to_be_visible()


@pytest.mark.parametrize("notebook", list(PAGES), ids=[n[3:5] for n in PAGES])
def test_spanish_page_has_no_english_left(desktop, voila_url, notebook):
    open_page(desktop, voila_url, notebook)
    # Open help and pause once, so their panels are drawn as a visitor would see them.
    desktop.locator(".oig-page-header").get_by_role("button", name="Buscar ayuda ahora").click()
    expect(desktop.locator(".oig-page-header .oig-help-lines")).to_contain_text("024")
    text = desktop.evaluate(PAGE_TEXT)
    assert "Hacer una pausa" in text and "Buscar ayuda ahora" in text
    assert desktop.evaluate("document.documentElement.lang") == "es"
    assert english_left(text) == [], notebook
    assert desktop.locator(".oig-problem, .oig-cell-error").count() == 0


@pytest.mark.desktop_only
def test_spanish_exercise_works(page, voila_url):
    wb = load_workbook(language="es")
    _, sorter_spec = wb.exercise("responsibility/sorter")
    open_notebook(page, voila_url, "es/01_responsibility_vs_cruelty.ipynb", exercises=4)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hacerte cargo sin castigarte")
    expect(page.locator(".oig-content-note")).to_contain_text("Elige uno pequeño")
    screenshot(page, "spanish-lesson1-top")

    sorter = page.locator(".oig-exercise-sorter")
    first = sorter_spec.statements[0]
    expect(sorter.locator(".oig-statement")).to_contain_text(first.text)
    sorter.get_by_role("button", name="Me castigo", exact=True).click()
    feedback = sorter.locator(".oig-feedback")
    expect(feedback).to_contain_text(sorter_spec.feedback.different)
    expect(feedback).to_contain_text(first.why.split(".")[0])
    screenshot(page, "spanish-sorter-feedback")
    sorter.get_by_role("button", name="Siguiente", exact=True).click()
    expect(sorter.locator(".oig-statement")).to_contain_text(sorter_spec.statements[1].text)

    rewrite = page.locator(".oig-exercise-rewrite")
    rewrite.get_by_label("Lo que pasó:").fill("Soy un idiota, siempre se me olvida todo.")
    rewrite.get_by_role("button", name="Revisar lo que escribí").click()
    hints = rewrite.locator(".oig-hints")
    expect(hints).to_contain_text("Una o dos notas, con cariño")
    expect(hints).to_contain_text("siempre")

    repair = page.locator(".oig-exercise-repair_plan")
    repair.get_by_label("¿Qué pasó?").fill("Olvidé el cumpleaños de Maya.")
    repair.get_by_role("button", name="Hacer una pausa").click()
    expect(repair.locator(".oig-pause")).to_contain_text("Apoya los pies en el piso")
    repair.get_by_role("button", name="Volver a donde estaba").click()
    expect(repair.get_by_label("¿Qué pasó?")).to_have_value("Olvidé el cumpleaños de Maya.")
    assert no_sideways_scroll(page)


@pytest.mark.desktop_only
def test_language_switch_goes_to_the_same_page(page, voila_url):
    open_notebook(page, voila_url, "es/02_guilt_vs_shame.ipynb", exercises=6)
    header = page.locator(".oig-page-header")
    expect(header).to_contain_text("Lección 2 de 4")
    screenshot(page, "spanish-lesson2-top")
    header.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/voila/render/02_guilt_vs_shame\.ipynb$"))
    page.wait_for_function("document.querySelectorAll('.oig-exercise').length >= 6")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Guilt versus shame")
    expect(page.locator(".oig-page-header")).to_contain_text("Lesson 2 of 4")
    # The same check over the English page finds plenty: it does look at real pages.
    english = english_left(page.evaluate(PAGE_TEXT))
    assert "Take a pause" in english and len(english) > 20
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator(".oig-page-header").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/voila/render/es/02_guilt_vs_shame\.ipynb$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Culpa y vergüenza")
    # Links inside the Spanish pages stay in Spanish.
    page.wait_for_function("document.querySelectorAll('.oig-exercise').length >= 6")
    page.locator(".oig-lesson-nav").get_by_role("link", name=re.compile("Anterior")).click()
    page.wait_for_url(re.compile(r"/voila/render/es/01_responsibility_vs_cruelty\.ipynb$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hacerte cargo sin castigarte")


@pytest.mark.desktop_only
def test_spanish_welcome(page, voila_url):
    open_notebook(page, voila_url, "es/00_welcome.ipynb", exercises=1)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Te damos la bienvenida")
    cards = page.locator(".oig-lesson-cards")
    expect(cards).to_contain_text("Hacerte cargo sin castigarte")
    expect(cards.get_by_role("link", name="Culpa y vergüenza")).to_have_attribute(
        "href", "02_guilt_vs_shame.ipynb"
    )
    screenshot(page, "spanish-welcome")
    assert no_sideways_scroll(page)
