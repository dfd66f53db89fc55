"""Safe text: everything a person typed or a facilitator wrote goes through here.

ipywidgets.HTML runs inline event handlers (``<img onerror=...>``), so no text may reach
it unescaped. Exported Markdown is escaped too, so a participant's text cannot turn into a
link or raw HTML when the file is opened in another program.
"""

from __future__ import annotations

import base64
import html
import re
import unicodedata
from collections.abc import Callable

# Everything CommonMark, GitHub and common extensions give a meaning to: ":" stops bare
# http:// links, "=" setext headings and ==marks==, "^" superscripts, "$" maths.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~=:^$])")
_LEADING_SPACE = re.compile(r"^[ \t]+")
_NBSP = "\u00a0"


def escape(text: str) -> str:
    """Escape for HTML element content and attribute values."""
    return html.escape(str(text), quote=True)


def paragraphs(text: str, cls: str = "") -> str:
    """Plain text to escaped HTML paragraphs; a blank line starts a new paragraph."""
    attr = f' class="{escape(cls)}"' if cls else ""
    parts = [p.strip() for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return "".join(f"<p{attr}>{escape(p)}</p>" for p in parts)


def clean_control(text: str) -> str:
    """Drop NUL and other control characters (keeping tabs and newlines) for display."""
    return "".join(ch for ch in text if ch in "\t\n" or ch >= " " and ch != "\x7f")


def escape_markdown(text: str) -> str:
    """Escape text so Markdown shows it literally: no links, emphasis, headings or HTML."""
    text = clean_control(str(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # Keep the participant's line breaks as breaks, not as new paragraphs or headings, and
    # their indentation as no-break spaces, which look the same but make no code block.
    return "  \n".join(_LEADING_SPACE.sub(_indent, line) for line in text.splitlines())


def _indent(match: re.Match[str]) -> str:
    return match.group(0).replace("\t", _NBSP * 4).replace(" ", _NBSP)


def data_uri(content: str, mime: str = "text/markdown") -> str:
    payload = base64.b64encode(content.encode("utf-8")).decode("ascii")
    return f"data:{mime};charset=utf-8;base64,{payload}"


_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"'})


def plain_letters(text: str) -> str:
    """The same text without accents, and with straight quotes (its case kept)."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_QUOTES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case, no accents, straight quotes, single spaces: the form the care check reads.

    People in distress type fast, on phones, often without accents or capitals; "QUIERO
    MORIR", "quiero morír" and "quiero morir" must be the same sentence to the check.
    Patterns lose their accents the same way (:func:`plain_letters`), so a facilitator may
    write them with accents.
    """
    return re.sub(r"\s+", " ", plain_letters(text).casefold()).strip()


# --- {slots}: the one way a text's slots are filled, and the check of which it may use ---
# A facilitator may reword "Lesson {n} of {total}" freely; a slot misspelled there
# ("{minute}") is named by ``workbook validate`` with its file and line, and never crashes
# a page: fill() leaves a slot it has no value for exactly as typed.

SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(template: str, **values: object) -> str:
    """``template`` with each ``{name}`` that has a value replaced, in one pass (a value
    that itself holds "{x}" is not filled again)."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return SLOT.sub(one, template)


def slots_in(text: str) -> set[str]:
    return set(SLOT.findall(text))


def _listed(names: tuple[str, ...]) -> str:
    braced = [f"{{{n}}}" for n in names]
    return braced[0] if len(braced) == 1 else ", ".join(braced[:-1]) + " and " + braced[-1]


def only_slots(*names: str) -> Callable[[str], str]:
    """A pydantic after-validator: the text may use these slots, all, some or none."""

    def check(text: str) -> str:
        unknown = sorted(slots_in(text) - set(names))
        if unknown:
            raise ValueError(
                f"{_listed(tuple(unknown))} is not filled in here. This text can use "
                f"{_listed(names)}; check the spelling, or take out the braces"
            )
        return text

    check.slots = names  # type: ignore[attr-defined]  # read by the tests
    return check
