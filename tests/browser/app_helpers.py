"""Helpers for the web-app tests: which pages exist, opening one until it is drawn,
and the checks a visitor's browser must pass on each (axe, origins, touch targets)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from widgets.paths import REPO_DIR

NOTEBOOKS = REPO_DIR / "notebooks"
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
JOURNAL_PREFIX = "owning-it-gently:journal:"
# Rules that silently do not apply when axe takes the page for an open dialog.
MUST_RUN = ("region", "landmark-one-main", "page-has-heading-one")
INTERACTIVE = (
    "button, a[href], input, select, textarea, [role=slider], [role=button], [role=checkbox]"
)


def pages() -> list[str]:
    """Every page of the web app: one per notebook in every language (notebooks/es/...),
    so new lessons and languages are covered too. Paths are relative to notebooks/."""
    found = [p.relative_to(NOTEBOOKS) for p in NOTEBOOKS.glob("**/*.ipynb")]
    return sorted(p.as_posix() for p in found if not any(s.startswith(".") for s in p.parts))


def page_language(name: str) -> str:
    """The language folder of a page ("es/01_x.ipynb" -> "es"); "en" at the top."""
    return name.split("/")[0] if "/" in name else "en"


def expected_exercises(name: str) -> int:
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return sum(
        "".join(c["source"]).count("show_exercise(")
        for c in nb["cells"]
        if c["cell_type"] == "code"
    )


def open_page(page, base_url: str, name: str) -> None:
    """Open a notebook page and wait until every widget on it is drawn."""
    page.goto(f"{base_url}/voila/render/{name}")
    page.wait_for_function(
        "document.querySelector('.oig-safety') !== null && document.querySelectorAll("
        "'script[type=\"application/vnd.voila.cell-output+json\"]').length === 0 && "
        f"document.querySelectorAll('.oig-exercise').length >= {expected_exercises(name)}",
        timeout=90_000,
    )
    page.wait_for_timeout(300)  # child views of the last boxes


def foreign_origins(urls: list[str], base_url: str) -> list[str]:
    """Requests that left the app's own origin (data: and blob: never leave the page)."""
    own = urlparse(base_url).netloc
    return [
        u
        for u in urls
        if urlparse(u).scheme not in ("data", "blob", "about") and urlparse(u).netloc != own
    ]


def run_axe(page) -> dict:
    if not AXE_JS.exists():
        pytest.fail(
            f"axe-core is not installed at {AXE_JS}. Run `make test` (it runs "
            "`npm ci --prefix tests/browser`), or that npm command yourself."
        )
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                'wcag22aa', 'best-practice']},
                resultTypes: ['violations'],
            });
            const ids = (list) => list.map((x) => x.id);
            return {
                violations: r.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' +
                                                   n.failureSummary),
                })),
                passes: ids(r.passes), inapplicable: ids(r.inapplicable),
                incomplete: ids(r.incomplete),
            };
        }"""
    )


def small_targets(page) -> list[str]:
    """Visible controls smaller than 44 x 44 px (links inside running text are exempt)."""
    return page.evaluate(
        """(selector) => {
            const out = [];
            for (const el of document.querySelectorAll(selector)) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || el.closest('[hidden]')) continue;
                if (el.tagName === 'INPUT' && el.type === 'hidden') continue;
                if (el.tagName === 'A' && el.closest('p, li') &&
                    getComputedStyle(el).display === 'inline') continue;
                // A box inside its <label> is pressed through the whole label.
                const label = el.tagName === 'INPUT' && el.closest('label');
                const box = label ? label.getBoundingClientRect() : r;
                if (box.width < 44 || box.height < 44) {
                    const name = (el.getAttribute('aria-label') || el.textContent || el.tagName)
                        .trim().slice(0, 40);
                    out.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x` +
                             `${Math.round(box.height)}`);
                }
            }
            return out;
        }""",
        INTERACTIVE,
    )


# Labels and the controls a visitor reads or presses inside an exercise.
LABELS = ".widget-label, .widget-label-basic, label"
CONTROLS = "input, select, textarea, button, [role=slider]"


def layout_faults(page) -> list[str]:
    """What a visitor would see as broken inside every exercise (.oig-exercise) and every
    other block of widgets on the page (header, "My answers"): a label and a control (or
    two controls) drawn on top of each other, or a control cut off at the left or right
    (by the block's own edges or by any box that hides its overflow).

    Boxes that contain each other (a tick box inside its label) are not an overlap;
    touching edges (up to 1 px) are allowed."""
    return page.evaluate(
        """([labels, controls]) => {
            const out = [];
            const visible = (el) => {
                const r = el.getBoundingClientRect();
                if (r.width < 1 || r.height < 1) return null;
                if (getComputedStyle(el).visibility === 'hidden') return null;
                if (el.tagName === 'INPUT' && el.type === 'hidden') return null;
                return r;
            };
            const name = (el) => {
                const text = (el.getAttribute('aria-label') || el.textContent ||
                              el.getAttribute('placeholder') || '').trim().slice(0, 30);
                return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text}"`;
            };
            const blocks = new Set(document.querySelectorAll('.oig-exercise'));
            for (const area of document.querySelectorAll('.jp-OutputArea-output')) {
                if (!area.querySelector('.oig-exercise')) blocks.add(area);
            }
            for (const box of blocks) {
                const title = (box.querySelector('h2, h3, h4') || box).textContent.trim()
                    .slice(0, 30);
                const items = [];
                for (const el of box.querySelectorAll(labels + ', ' + controls)) {
                    const r = visible(el);
                    if (r) items.push({el, r, control: el.matches(controls)});
                }
                for (let i = 0; i < items.length; i++) {
                    for (let j = i + 1; j < items.length; j++) {
                        const a = items[i], b = items[j];
                        if (!a.control && !b.control) continue;
                        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
                        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                        if (w > 1 && h > 1) {
                            out.push(`[${title}] ${name(a.el)} overlaps ${name(b.el)} ` +
                                     `(${Math.round(w)}x${Math.round(h)} px)`);
                        }
                    }
                }
                for (const {el, r, control} of items) {
                    if (!control) continue;
                    // The exercise's own border, then every box that cuts off overflow.
                    for (let up = el.parentElement; up; up = up.parentElement) {
                        const s = getComputedStyle(up);
                        if (up !== box && s.overflowX === 'visible') {
                            if (up === document.body) break;
                            continue;
                        }
                        const u = up.getBoundingClientRect();
                        const left = u.left + up.clientLeft;
                        const right = left + up.clientWidth;
                        if (r.left < left - 1 || r.right > right + 1) {
                            out.push(`[${title}] ${name(el)} is cut off: ${Math.round(r.left)}` +
                                     `..${Math.round(r.right)} px in a box of ${Math.round(left)}` +
                                     `..${Math.round(right)} px`);
                            break;
                        }
                        if (up === document.body) break;
                    }
                }
            }
            return out;
        }""",
        [LABELS, CONTROLS],
    )


def wait_stored(page, area: str, text: str) -> None:
    """Wait until the browser's ``area`` (localStorage or sessionStorage) holds a journal
    record containing ``text``. Why poll: a save waits for the journal's delay and a
    round trip through the kernel, which on a busy machine can take seconds."""
    page.wait_for_function(
        """([area, prefix, text]) => {
          const s = window[area];
          for (let i = 0; i < s.length; i++) {
            const k = s.key(i);
            if (k.startsWith(prefix) && s.getItem(k).includes(text)) return true;
          }
          return false;
        }""",
        arg=[area, JOURNAL_PREFIX, text],
        timeout=30_000,
    )


def slide_to(page, slider, value: int) -> None:
    """Move a 0-10 slider to ``value`` with the keyboard, as a keyboard or screen-reader
    user would, and give the last value time to reach the kernel: ipywidgets holds back
    quick slider updates while earlier ones are in flight, and a button click can
    overtake them (a person looks at the number before pressing the button)."""
    slider.focus()
    page.keyboard.press("Home")
    for _ in range(value):
        page.keyboard.press("ArrowRight")
    expect(slider).to_have_attribute("aria-valuenow", re.compile(rf"^{value}(\.0+)?$"))
    page.wait_for_timeout(1500)
