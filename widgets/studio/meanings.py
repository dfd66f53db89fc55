"""What each field of data/ means, in plain words, shown beside it in the studio's form."""

from __future__ import annotations

MEANINGS: dict[str, str] = {
    "id": "A short name the workbook uses to find this (lower-case letters, digits, dashes). "
    "Participants never see it. Change it only if nothing else uses it.",
    "type": "Which kind of exercise this is. It cannot be changed here.",
    "title": "The heading participants see.",
    "intro": "The words at the start, before anything to do.",
    "question": "The question asked for each item.",
    "categories": "The piles (choices) participants sort into.",
    "label": "The words on this choice or box.",
    "statements": "The sentences participants look at, one at a time.",
    "text": "The sentence or words participants read.",
    "answer": "Which pile this fits, as we see it: the id of one of the piles above.",
    "why": "The reason shown after a pick, whichever pile was chosen.",
    "feedback": "What participants see after each pick.",
    "same": "Shown when the pick is the pile we chose.",
    "different": "Shown when the pick is another pile.",
    "summary": "Shown at the end, when every item is done.",
    "prompt": "The question or invitation beside a box to type in.",
    "prompts": "The boxes participants type in, each with its question.",
    "placeholder": "Grey example text inside an empty box; it goes away when typing starts.",
    "hint": "The gentle note shown when the pattern is found in what was typed.",
    "hint_patterns": "Words to look for in what was typed, each with a gentle note.",
    "self_patterns": "Words about the whole self to look for, each with a gentle note.",
    "specific_patterns": "Words that name one action to look for, each with a note.",
    "pattern": "What to look for in typed text (a search pattern: | between words means "
    "any of them). Try a sentence below it to see what it finds and the reply.",
    "matches": "Words or phrases that count as this, one per line.",
    "replies": "What the workbook says back, for each range of answers.",
    "reply": "The words said back.",
    "harsh_statements": "Example harsh thoughts participants can start from.",
    "steps": "The steps, in order.",
    "fields": "The boxes of the plan, in order.",
    "note": "A short note shown with this.",
    "tip": "A small tip shown with this step.",
    "button": "The words on the button.",
    "minutes": "About how many minutes this takes.",
    "objectives": "What participants can do after this, one per line.",
    "description": "One line about this, shown on the landing page.",
    "content_note": "A short note at the top about what the lesson touches on. "
    "Leave empty for none.",
    "name": "The name participants see.",
    "how": "How to reach it, in words (call, text, hours).",
    "phone": "The number as it is dialled.",
    "url": "The web address.",
    "source": "The official page this was checked on.",
    "last_checked": "When someone last checked this on its official page (YYYY-MM-DD).",
    "checked": "How it was checked: live (on the official page itself), stored-official, "
    "stored-report or not-checked.",
    "emergency": "The emergency line to call, in words.",
    "entries": "The help lines for this region, first shown first.",
    "plans": "The session plans (60 and 90 minutes).",
    "prepare": "What to prepare before the session.",
    "group_prompts": "Questions for the group to talk about.",
    "adaptation_tips": "Ideas for adapting this for a group.",
    "activity": "What the group does in this step.",
    "if_distressed": "What to do if someone is upset.",
    "follow_up": "What to do after the session.",
    "examples": "Sentences that should (or should not) be found; the check uses them.",
    "ignores": "Sentences this must not catch.",
}

DEFAULT = "Words participants see."


def meaning(key: object) -> str:
    if isinstance(key, int):
        return ""
    return MEANINGS.get(str(key), DEFAULT)


def singular(key: object) -> str:
    """ "statements" -> "statement", "replies" -> "reply", for "Add a statement"."""
    word = str(key).replace("_", " ")
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
