"""Helpers for the web-app tests: which pages exist, opening one until it is drawn,
and the checks a visitor's browser must pass on each (axe, origins, touch targets)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from widgets.content import REPO_DIR

NOTEBOOKS = REPO_DIR / "notebooks"
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# Rules that silently do not apply when axe takes the page for an open dialog.
MUST_RUN = ("region", "landmark-one-main", "page-has-heading-one")
INTERACTIVE = (
    "button, a[href], input, select, textarea, [role=slider], [role=button], [role=checkbox]"
)


def pages() -> list[str]:
    """Every page of the web app: one per notebook, so new lessons are covered too."""
    return sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


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
