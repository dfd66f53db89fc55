"""Small 0-10 rating charts that follow the page's light or dark theme.

Charts are drawn only when the participant acts (never while the notebook executes,
which made pages hang under load), as inline SVG whose ink is the theme's text colour:
matplotlib draws in a placeholder colour that is swapped for a CSS variable, so the same
chart reads well on a light and a dark page. Every chart comes with a text alternative
that states the numbers, for screen readers and for anyone who prefers words.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from widgets.text import escape, fill

# Placeholder colours matplotlib draws with; replaced by theme variables in the SVG.
_INK = "#010203"
_BAR_COLOURS = ("#040506", "#070809", "#0a0b0c")
_THEME = {
    _INK: "var(--jp-ui-font-color0, #1a1a1a)",
    _BAR_COLOURS[0]: "var(--oig-chart-1, #1565c0)",
    _BAR_COLOURS[1]: "var(--oig-chart-2, #c25e00)",
    _BAR_COLOURS[2]: "var(--oig-chart-3, #2e7d32)",
}


@dataclass(frozen=True)
class Series:
    """One feeling rated at several moments, e.g. "Shame" at "Start" and "End"."""

    name: str
    values: tuple[int | None, ...]


# "{value} out of 10 at {moment}" and "not rated at {moment}": what a chart says in words,
# passed in by the caller in the page's language (ui.yaml chart_rated, chart_not_rated).
SAID = ("{value} out of 10 at {moment}", "not rated at {moment}")


def text_alternative(
    title: str, moments: list[str], series: list[Series], said: tuple[str, str] = SAID
) -> str:
    """The chart in words: "Shame: 7 out of 10 at the start, 4 out of 10 at the end."."""
    rated, not_rated = said
    parts = []
    for s in series:
        said = [
            fill(rated if v is not None else not_rated, value=v, moment=m.lower())
            for m, v in zip(moments, s.values)
        ]
        parts.append(f"{s.name}: {', '.join(said)}.")
    return f"{title}. " + " ".join(parts)


def rating_chart_svg(title: str, moments: list[str], series: list[Series]) -> str:
    """Grouped bars on a fixed 0-10 scale as an SVG string (no XML header)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5.2, 2.8), dpi=100)
    ax = fig.add_subplot()
    width = 0.8 / max(len(series), 1)
    for i, s in enumerate(series):
        xs = [j + (i - (len(series) - 1) / 2) * width for j in range(len(moments))]
        heights = [v if v is not None else 0 for v in s.values]
        bars = ax.bar(
            xs, heights, width * 0.92, label=s.name, color=_BAR_COLOURS[i % len(_BAR_COLOURS)]
        )
        for bar, v in zip(bars, s.values):
            if v is not None:
                ax.annotate(
                    str(v),
                    (bar.get_x() + bar.get_width() / 2, v),
                    ha="center",
                    va="bottom",
                    fontsize=10,
                    color=_INK,
                )
    ax.set_ylim(0, 10.9)
    ax.set_yticks(range(0, 11, 2))
    ax.set_xticks(range(len(moments)), moments)
    ax.set_title(title, color=_INK, fontsize=11)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_color(_INK)
    ax.tick_params(colors=_INK, labelcolor=_INK)
    if len(series) > 1:
        legend = ax.legend(frameon=False, fontsize=9, loc="upper right")
        for t in legend.get_texts():
            t.set_color(_INK)
    fig.patch.set_alpha(0)
    ax.patch.set_alpha(0)
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", transparent=True)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    for placeholder, var in _THEME.items():
        svg = re.sub(placeholder, var, svg, flags=re.IGNORECASE)
    return svg


def chart_html(
    title: str, moments: list[str], series: list[Series], said: tuple[str, str] = SAID
) -> str:
    """A figure with the SVG (hidden from screen readers) and its text alternative."""
    alt = text_alternative(title, moments, series, said)
    svg = rating_chart_svg(title, moments, series)
    svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return (
        f'<figure class="oig-chart" role="img" aria-label="{escape(alt)}">{svg}'
        f'<figcaption class="oig-chart-text">{escape(alt)}</figcaption></figure>'
    )
