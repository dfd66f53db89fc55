"""The same top and bottom on every page, and the lesson cards of the landing page.

Everything here is built from ``data/<lang>/lessons.yaml``, so the order, the titles and
the "lesson n of N" count follow that one list. The first lesson listed is the landing
page (the welcome); the lessons after it are numbered from 1.

In the web app the Voila template moves ``.oig-page-header`` into the page's banner and
``.oig-page-footer`` into its footer (see share/jupyter/voila/templates/gentle); inside
JupyterLab both simply show where the cell is. Links are relative to the notebook, so
they work in both. The theme button is plain HTML: the template's script switches the
colours in the browser, with no trip to the kernel.
"""

from __future__ import annotations

import posixpath

import ipywidgets as W
import yaml

from widgets.content.left_out import lesson_left_out
from widgets.content.loader import ContentError, Workbook, languages_in_use
from widgets.content.schema import LessonEntry
from widgets.journal.views import JournalBar
from widgets.kit import ui
from widgets.kit.styles import sheet_text, style_widgets
from widgets.page import state
from widgets.page.problem import problem_box
from widgets.page.safety import SafetyBar
from widgets.paths import PAGE_STYLE_SHEET
from widgets.text import escape, fill, paragraphs

# The page id of "My answers" (notebooks/05_my_answers.ipynb), and its file name, the
# same in every language's folder.
MY_ANSWERS = "my-answers"
MY_ANSWERS_FILE = "05_my_answers.ipynb"


def _in_workshop(workbook: Workbook, keep: str | None = None) -> list[LessonEntry]:
    """The lessons this workshop does, in order: settings.yaml ``leave_out`` takes some out
    of the cards, the "lesson n of N" count and back/next (``keep``: the page's own
    lesson, which still says where it is when opened by its address)."""
    return [
        entry
        for entry in workbook.lessons.lessons
        if entry.id == keep or not lesson_left_out(workbook.settings, entry.id)
    ]


def _position(workbook: Workbook, lesson_id: str) -> tuple[int, list[LessonEntry]]:
    lessons = _in_workshop(workbook, keep=lesson_id)
    index = next(i for i, entry in enumerate(lessons) if entry.id == lesson_id)
    return index, lessons


def where_text(workbook: Workbook, lesson_id: str) -> str:
    """ "Lesson 1 of 3", or "Start here" on the landing page."""
    index, lessons = _position(workbook, lesson_id)
    if index == 0:
        return workbook.ui.start_here
    return fill(workbook.ui.lesson_of, n=index, total=len(lessons) - 1)


def _page_dir(notebook: str) -> str:
    return posixpath.dirname(notebook) or "."


def href(workbook: Workbook, notebook: str) -> str:
    """A link from a page of this language to ``notebook`` (a path under notebooks/):
    Spanish pages live in notebooks/es/, so their lessons.yaml says "es/01_x.ipynb",
    but a link between two of them is just "01_x.ipynb"."""
    here = _page_dir(workbook.lessons.lessons[0].notebook)
    return posixpath.relpath(notebook, here)


def _other_language(root, lang: str, lesson_id: str | None, page_file: str):
    """(its own name, the same page in it) for one other language, or None.

    Read lightly (two small files), not checked: every page shows these links, and
    loading a whole language would slow every page down."""
    try:
        ui_text = yaml.safe_load((root / lang / "ui.yaml").read_text(encoding="utf-8"))
        listed = yaml.safe_load((root / lang / "lessons.yaml").read_text(encoding="utf-8"))
        notebooks = [e for e in listed["lessons"] if isinstance(e, dict) and e.get("notebook")]
        name = ui_text["language_name"]
        home = notebooks[0]["notebook"]
    except (OSError, yaml.YAMLError, KeyError, IndexError, TypeError):
        return None
    if not isinstance(name, str) or not isinstance(home, str):
        return None
    same = next((e["notebook"] for e in notebooks if e.get("id") == lesson_id), None)
    target = same or posixpath.join(posixpath.dirname(home), page_file)
    if not (root.parent / "notebooks" / target).is_file():
        target = home
    return name, target


def language_links(workbook: Workbook, page_file: str, lesson_id: str | None = None) -> str:
    """Links to this same page in every other language under data/ ("Español")."""
    root = workbook.root
    links = []
    for folder in (root / lang for lang in languages_in_use(root)):
        if folder.name == workbook.language:
            continue
        found = _other_language(root, folder.name, lesson_id, page_file)
        if found is None:
            continue
        name, target = found
        links.append(
            f"<a class='oig-language' href='{escape(href(workbook, target))}' "
            f"hreflang='{escape(folder.name)}' lang='{escape(folder.name)}'>{escape(name)}</a>"
        )
    if not links:
        return ""
    label = escape(workbook.ui.languages_label)
    between = " <span aria-hidden='true'>·</span> "
    return f"<nav class='oig-languages' aria-label='{label}'>{between.join(links)}</nav>"


def bar_html(
    workbook: Workbook, where: str, page_file: str, lesson_id: str | None, home: bool = False
) -> str:
    """The page bar: the workbook's title (a link home), where you are, the other
    languages and the theme button. Lessons and "My answers" share it."""
    first = workbook.lessons.lessons[0]
    current = " aria-current='page'" if home else ""
    return (
        "<div class='oig-page-bar'>"
        f"<a class='oig-site-title' href='{escape(href(workbook, first.notebook))}'{current}>"
        f"{escape(workbook.lessons.workbook_title)}</a>"
        f"<span class='oig-where'>{escape(where)}</span>"
        + language_links(workbook, page_file, lesson_id)
        + "<button type='button' class='oig-theme-toggle' aria-pressed='false'>"
        f"{escape(workbook.ui.dark_mode)}</button>"
        "</div>"
    )


def header_html(workbook: Workbook, lesson_id: str) -> str:
    index, lessons = _position(workbook, lesson_id)
    page_file = posixpath.basename(lessons[index].notebook)
    return bar_html(workbook, where_text(workbook, lesson_id), page_file, lesson_id, index == 0)


def footer_html(workbook: Workbook, lesson_id: str, region: str | None = None) -> str:
    index, lessons = _position(workbook, lesson_id)  # without the lessons left out
    links = []
    if index > 0:
        prev = lessons[index - 1]
        links.append(
            f"<a class='oig-nav-prev' rel='prev' href='{escape(href(workbook, prev.notebook))}'>"
            f"<span class='oig-nav-dir'>{escape(workbook.ui.back_link)}</span> "
            f"<span class='oig-nav-title'>{escape(prev.title)}</span></a>"
        )
    if index + 1 < len(lessons):
        nxt = lessons[index + 1]
        links.append(
            f"<a class='oig-nav-next' rel='next' href='{escape(href(workbook, nxt.notebook))}'>"
            f"<span class='oig-nav-dir'>{escape(workbook.ui.next_link)}</span> "
            f"<span class='oig-nav-title'>{escape(nxt.title)}</span></a>"
        )
    return (
        f"<nav class='oig-lesson-nav' aria-label='{escape(workbook.ui.lessons_label)}'>"
        + "".join(links)
        + "</nav>"
        + f"<p class='oig-footer-where'>{escape(where_text(workbook, lesson_id))}</p>"
        + footer_help_html(workbook, region)
    )


def footer_help_html(workbook: Workbook, region_id: str | None = None) -> str:
    region = workbook.crisis_region(region_id)
    first = region.entries[0] if region.entries else None
    help_line = escape(region.emergency)
    if first is not None:
        help_line += f" {escape(first.name)}: {escape(first.how)}"
    return f"<p class='oig-footer-help'>{help_line}</p>"


def page_header(workbook: Workbook, lesson_id: str) -> W.VBox:
    """Workbook title, where you are, the theme button, then pause and help."""
    return header_box(workbook, header_html(workbook, lesson_id))


def header_box(workbook: Workbook, bar: str) -> W.VBox:
    return ui.vbox([ui.html(bar, "oig-page-bar-html"), SafetyBar(workbook)], "oig-page-header")


def style_css() -> str:
    return sheet_text(PAGE_STYLE_SHEET)


def style() -> list[W.Widget]:
    """The page's own styles, where the page has no head of ours (JupyterLab): see
    widgets/kit/styles.py. The Voila template adds its layout around them."""
    return style_widgets(PAGE_STYLE_SHEET)


def lesson_top(lesson_id: str) -> W.Widget:
    """The top of a lesson: style, the page header (title, where you are, pause and
    help), a content note if any, and the page's link to the answers in this browser."""
    try:
        workbook = state.workbook()
        entry = workbook.lesson(lesson_id)
    except ContentError as exc:
        return shell_top(lesson_id, exc)
    children: list[W.Widget] = [*style(), page_header(workbook, lesson_id)]
    if entry.content_note:
        children.append(
            ui.html(
                f"<p><strong>{escape(workbook.ui.content_note_label)}</strong></p>"
                + paragraphs(entry.content_note),
                "oig-content-note",
            )
        )
    children.append(journal_bar(workbook))
    return ui.vbox(children, "oig-shell")


def journal_bar(workbook: Workbook) -> W.Widget:
    """The page's link to the answers kept in this browser, and where they are kept."""
    return JournalBar(state.journal(), workbook.journal)


def shell_top(lesson_id: str | None, exc: ContentError) -> W.Widget:
    """The top of a page whose content has a problem: the page header with pause and
    help as always (from ``load_shell``), then the kind problem box."""
    shell = state.shell()
    listed = shell.lessons is not None and any(e.id == lesson_id for e in shell.lessons.lessons)
    if listed:
        header = page_header(shell, lesson_id)
    else:  # no lesson list to say where this page is: pause and help alone
        header = ui.vbox([SafetyBar(shell)], "oig-page-header")
    return ui.vbox([*style(), header, problem_box(exc)], "oig-shell")


def show_footer(lesson_id: str) -> W.Widget:
    """The last cell of every lesson: back and next, and the help line in one line.
    The help line follows the country the participant chose in the help panel; if the
    content has a problem, it still shows (``load_shell``)."""

    try:
        workbook = state.workbook()
    except ContentError:
        shell = state.shell()
        if shell.lessons is not None and any(e.id == lesson_id for e in shell.lessons.lessons):
            return ui.html(footer_html(shell, lesson_id), "oig-page-footer")
        return ui.html(footer_help_html(shell), "oig-page-footer")
    choices = state.help_choices()
    footer = ui.html(footer_html(workbook, lesson_id, choices.region), "oig-page-footer")
    choices.observe(
        lambda _: setattr(footer, "value", footer_html(workbook, lesson_id, choices.region)),
        names="region",
    )
    return footer


def cards_html(workbook: Workbook) -> str:
    lessons = _in_workshop(workbook)  # without the lessons left out (settings.yaml)
    cards = []
    for n, entry in enumerate(lessons[1:], start=1):
        note = ""
        if entry.content_note:
            note = (
                f"<div class='oig-card-note'><p><strong>"
                f"{escape(workbook.ui.content_note_label)}</strong></p>"
                f"{paragraphs(entry.content_note)}</div>"
            )
        where = fill(workbook.ui.lesson_of, n=n, total=len(lessons) - 1)
        minutes = fill(workbook.ui.minutes_label, minutes=entry.minutes)
        cards.append(
            "<li class='oig-card'>"
            f"<h3><a href='{escape(href(workbook, entry.notebook))}'>{escape(entry.title)}</a></h3>"
            f"<p class='oig-card-meta'>{escape(where)} · {escape(minutes)}</p>"
            f"<p>{escape(entry.description)}</p>{note}</li>"
        )
    return f"<ol class='oig-cards'>{''.join(cards)}</ol>{my_answers_html(workbook)}"


def my_answers_html(workbook: Workbook) -> str:
    """The link to "My answers" after the lesson cards (if this language has the page)."""
    home = workbook.lessons.lessons[0].notebook
    target = posixpath.join(posixpath.dirname(home), MY_ANSWERS_FILE)
    if not (workbook.root.parent / "notebooks" / target).is_file():
        return ""
    note = workbook.ui.my_answers_note
    return (
        "<p class='oig-my-answers'>"
        f"<a href='{escape(href(workbook, target))}'>{escape(workbook.ui.my_answers_link)}</a>"
        + (f" <span class='oig-my-answers-note'>{escape(note)}</span>" if note else "")
        + "</p>"
    )


def show_lessons() -> W.Widget:
    """The lessons in order, as cards; they always follow lessons.yaml."""
    try:
        return ui.html(cards_html(state.workbook()), "oig-lesson-cards")
    except ContentError as exc:
        return problem_box(exc)
