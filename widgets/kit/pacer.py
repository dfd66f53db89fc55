"""A breathing guide: a shape that grows on the in-breath and shrinks on the out-breath.

All timing happens in the browser (``pacer.js``): the kernel only holds the settings, so
a page with a guide running costs the server nothing, and a slow kernel cannot make the
guide stutter. The system's "reduce motion" setting keeps the shape still; the words
"Breathe in" / "Breathe out" carry the rhythm instead. Every guide also offers an anchor
that is not the breath, because breath is not a neutral place for some people.

The slow, long out-breath preset (4 in, 6 out: about 6 breaths a minute) and box
breathing (4-4-4-4) follow ``CONTENT_GUIDE.md``; people's best pace varies, so every
part can be changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anywidget
import traitlets as T

HERE = Path(__file__).parent

# Limits for each part of a breath, in whole seconds: (lowest, highest).
LIMITS = {"inhale": (1, 10), "hold_in": (0, 10), "exhale": (1, 12), "hold_out": (0, 10)}
PARTS = tuple(LIMITS)
MINUTES = (1, 5)


@dataclass(frozen=True)
class Pattern:
    """Seconds for each part of one breath."""

    inhale: int
    hold_in: int
    exhale: int
    hold_out: int

    @property
    def cycle_seconds(self) -> int:
        return self.inhale + self.hold_in + self.exhale + self.hold_out

    @property
    def breaths_per_minute(self) -> float:
        return 60 / self.cycle_seconds

    def phases(self) -> list[tuple[str, int]]:
        """("in" | "hold" | "out", seconds) in order, skipping holds of zero seconds."""
        parts = [
            ("in", self.inhale),
            ("hold", self.hold_in),
            ("out", self.exhale),
            ("hold", self.hold_out),
        ]
        return [(name, s) for name, s in parts if s > 0]

    def cue_at(self, seconds: float) -> str:
        """Which cue shows ``seconds`` after starting (the browser follows the same plan)."""
        t = seconds % self.cycle_seconds
        for name, length in self.phases():
            if t < length:
                return name
            t -= length
        return self.phases()[-1][0]

    def breaths_in(self, minutes: int) -> int:
        """Whole breaths in a session: the guide finishes the breath it is in, then ends."""
        return -(-minutes * 60 // self.cycle_seconds)


PRESETS: dict[str, Pattern] = {
    "calm": Pattern(inhale=4, hold_in=0, exhale=6, hold_out=0),
    "box": Pattern(inhale=4, hold_in=4, exhale=4, hold_out=4),
}
CUSTOM = "custom"


def preset_for(pattern: Pattern) -> str:
    """The preset a pattern matches, or "custom"."""
    return next((name for name, p in PRESETS.items() if p == pattern), CUSTOM)


class Pacer(anywidget.AnyWidget):
    """The breathing guide widget. ``words`` comes from ``ui.yaml`` (``pacer``)."""

    _esm = HERE / "pacer.js"
    _css = HERE / "pacer.css"
    _syncing = False  # True while one trait change updates the others

    preset = T.Unicode("calm", help="'calm', 'box' or 'custom'.").tag(sync=True)
    inhale = T.Int(4, help="Seconds to breathe in.").tag(sync=True)
    hold_in = T.Int(0, help="Seconds to hold after breathing in.").tag(sync=True)
    exhale = T.Int(6, help="Seconds to breathe out.").tag(sync=True)
    hold_out = T.Int(0, help="Seconds to hold after breathing out.").tag(sync=True)
    minutes = T.Int(3, help="How long a session lasts before it ends gently.").tag(sync=True)
    running = T.Bool(False, help="Set by Start/Stop in the browser, or from Python.").tag(sync=True)
    sessions = T.Int(0, help="Sessions that ran to their end (the browser counts).").tag(sync=True)
    words = T.Dict(help="Every word the guide shows (PacerText).").tag(sync=True)
    presets = T.Dict(help="Preset name -> seconds, so the browser needs no copy.").tag(sync=True)
    limits = T.Dict(help="Part -> [lowest, highest] seconds, plus minutes.").tag(sync=True)
    settings_open = T.Bool(True, help="Show the pace settings open at first.").tag(sync=True)

    def __init__(self, words: dict[str, str], **kwargs: Any):
        super().__init__(
            words=words,
            presets={name: p.__dict__ for name, p in PRESETS.items()},
            limits={**{k: list(v) for k, v in LIMITS.items()}, "minutes": list(MINUTES)},
            **kwargs,
        )
        if "preset" in kwargs and kwargs["preset"] != CUSTOM:
            self._apply_preset(kwargs["preset"])
        else:
            self._match_preset()

    @classmethod
    def with_words(cls, words: Any, **kwargs: Any) -> Pacer:
        """A guide speaking ``words`` (ui.yaml's ``pacer`` block, a checked model)."""
        return cls(words=words.model_dump(), **kwargs)

    @property
    def pattern(self) -> Pattern:
        return Pattern(**{part: getattr(self, part) for part in PARTS})

    @T.validate(*PARTS)
    def _clamp_seconds(self, proposal):
        low, high = LIMITS[proposal["trait"].name]
        return min(max(proposal["value"], low), high)

    @T.validate("minutes")
    def _clamp_minutes(self, proposal):
        return min(max(proposal["value"], MINUTES[0]), MINUTES[1])

    @T.validate("preset")
    def _known_preset(self, proposal):
        value = proposal["value"]
        if value != CUSTOM and value not in PRESETS:
            raise T.TraitError(f"preset must be one of {', '.join([*PRESETS, CUSTOM])}")
        return value

    @T.observe("preset")
    def _on_preset(self, change) -> None:
        if not self._syncing:
            self._apply_preset(change["new"])

    @T.observe(*PARTS)
    def _on_seconds(self, change) -> None:
        if not self._syncing:
            self._match_preset()

    def _apply_preset(self, name: str) -> None:
        if name not in PRESETS:
            return
        self._syncing = True
        try:
            with self.hold_trait_notifications():
                for part, seconds in PRESETS[name].__dict__.items():
                    setattr(self, part, seconds)
        finally:
            self._syncing = False

    def _match_preset(self) -> None:
        self._syncing = True
        try:
            self.preset = preset_for(self.pattern)
        finally:
            self._syncing = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False
