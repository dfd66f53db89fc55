"""What this workshop leaves out (data/settings.yaml ``leave_out``), for every page.

A facilitator (in the studio, or by hand) lists lessons ("guilt-shame") and single
exercises ("responsibility/repair") their group will not do. Nothing is deleted and no
notebook changes: the landing page and the back/next links skip a lesson left out
(widgets/page/chrome.py), and an exercise left out shows nothing on its page
(``show_exercise`` in widgets/show.py; its heading cell is hidden with it by the
``oig-left-out`` rule in widgets/page/style.css).
"""

from __future__ import annotations

from widgets.content.schema import Settings

LEFT_OUT_CLASS = "oig-left-out"


def left_out(settings: Settings) -> set[str]:
    return set(settings.leave_out)


def exercise_left_out(settings: Settings, ref: str) -> bool:
    """Is "lesson/exercise" left out, on its own or with its whole lesson?"""
    chosen = left_out(settings)
    return ref in chosen or ref.partition("/")[0] in chosen


def lesson_left_out(settings: Settings, lesson_id: str) -> bool:
    return lesson_id in left_out(settings)
