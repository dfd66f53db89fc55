"""The YAML slips a facilitator new to the workbook makes, each made in a copy of data/:
the whole message must give the right cause, on the line the slip is on, once.

Before issue 21 these read "indentation" for a missing quote, "written twice, keep only
one" for a forgotten "- ", the exercise's first line for a duplicate id, and one
misspelled key as four problems in two languages.
"""

from __future__ import annotations

import pytest
import yaml
from conftest import edit, line_of, messages

LESSON = "en/lessons/responsibility.yaml"
WHERE = "data/en/lessons/responsibility.yaml"

S2_TEXT = "        text: I'm a terrible friend. I always let people down.\n"

SLIPS = {
    "missing closing quote": (
        'same: "We see it that way too."',
        'same: "We see it that way too.',
        'same: "We see it that way too.',
        'this text starts with a quote (") but has no closing " at its end. Add " at the '
        "end of the text (or remove the first one).",
    ),
    "text starts with a quote": (
        S2_TEXT,
        '        text: "Always" I let people down. I am a terrible friend.\n',
        'text: "Always"',
        'this text starts with a quote ("), so YAML reads only up to the next " and cannot '
        'read the rest of the line. Put the whole text in single quotes (\'"Like this" and '
        "more'), or start it with another word.",
    ),
    "stray space": (
        S2_TEXT + "        answer: cruelty\n",
        S2_TEXT + "         answer: cruelty\n",
        "         answer: cruelty",
        "'answer' starts 1 space further in than 'text' on the line above. Remove the extra "
        "space so that the two line up.",
    ),
    "stray space, text quoted as once advised": (
        S2_TEXT + "        answer: cruelty\n",
        '        text: "I\'m a terrible friend. I always let people down."\n'
        "         answer: cruelty\n",
        "         answer: cruelty",
        "'answer' starts 1 space further in than 'text' on the line above. Remove the extra "
        "space so that the two line up.",
    ),
    "forgotten dash": (
        "      - id: s2\n",
        "        id: s2\n",
        "        id: s2",
        "a new item starts here, but its '- ' is missing, so it is read as part of the item "
        "above. Write '- ' before 'id:', lined up with the '- ' of the other items.",
    ),
    "unindented long text": (
        '        why: >-\n          This puts a label on the whole person. "Always" turns one'
        " mistake into a life\n          story.",
        '        why: >-\n        This puts a label on the whole person. "Always" turns one'
        " mistake into a life\n        story.",
        "        This puts a label",
        "the text of 'why' (after '>-' on the line above) must start further in than 'why'. "
        "Add two spaces at the start of each of its lines.",
    ),
    "duplicate id": (
        "      - id: s3\n",
        "      - id: s2\n",
        ("- id: s2", "I'm a terrible friend"),  # the second 's2', not the exercise
        "exercise 'sorter': two statements share the id 's2'; each id must be different.",
    ),
    "wrong answer": (
        S2_TEXT + "        answer: cruelty\n",
        S2_TEXT + "        answer: crulety\n",
        "answer: crulety",
        "exercise 'sorter': statement 's2' has answer 'crulety', which is not one of the "
        "categories (brushing, cruelty, owning).",
    ),
    "misspelled key": (
        "    question: Which pile",
        "    qestion: Which pile",
        "qestion:",
        "'qestion' is not a field the workbook knows (in exercise 'sorter'): did you mean "
        "'question'? Correct its spelling.",
    ),
    "text cut by ' #'": (
        "text: I keep going over what I said, again and again, all night.",
        "text: I keep going over what I said #2, again and again, all night.",
        "#2, again",
        "this text stops at ' #': YAML reads ' #' and what follows as a note to itself, so "
        "'I keep going over what I said #2, again and again, all night.' is cut short to "
        "'I keep going over what I said'. To keep the whole text, put it in double quotes: "
        '"like #this".',
    ),
}


@pytest.mark.parametrize("slip", SLIPS)
def test_slip_has_its_cause_and_line(data_copy, slip):
    old, new, on_line, message = SLIPS[slip]
    path = data_copy / LESSON
    edit(path, old, new)
    needle, after = on_line if isinstance(on_line, tuple) else (on_line, None)
    line = line_of(path, needle, after)
    assert messages(data_copy) == [f"{WHERE} line {line}: {message}"]


def test_a_note_after_a_one_word_value_is_left_alone(data_copy):
    edit(data_copy / LESSON, "        answer: cruelty\n", "        answer: cruelty  # the pile\n")
    assert messages(data_copy) == []


def test_a_key_misspelled_in_english_is_one_message_not_four(data_copy):
    edit(data_copy / "en/ui.yaml", "help_close:", "help_clse:")
    line = line_of(data_copy / "en/ui.yaml", "help_clse:")
    assert messages(data_copy) == [
        f"data/en/ui.yaml line {line}: 'help_clse' is not a field the workbook knows: did you "
        "mean 'help_close'? Correct its spelling."
    ]


# data/settings.yaml names a default region per language; these tests choose one for all.
BY_LANGUAGE = "crisis_region:\n  en: us\n  es: spain"


def regions_of(path) -> list[str]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["regions"])


NZ = """regions:
  nz:
    name: New Zealand
    emergency: In an emergency, call 111.
    entries:
      - name: Find a Helpline
        how: Free, private help lines in New Zealand.
        url: https://findahelpline.com/
        source: https://findahelpline.com/
        last_checked: 2026-11-25
        checked: not-checked
"""


def test_a_region_added_in_english_only_is_one_line_naming_the_spanish_file(data_copy):
    edit(data_copy / "en/crisis.yaml", "regions:\n", NZ)
    edit(data_copy / "settings.yaml", BY_LANGUAGE, "crisis_region: nz")
    line = line_of(data_copy / "es/crisis.yaml", "regions:")
    assert messages(data_copy) == [
        f"data/es/crisis.yaml line {line}: there is no region 'nz' here yet, and "
        "settings.yaml chooses it. Copy it from data/en/crisis.yaml and write it in this "
        "language, or serve only en with 'languages: [en]' in data/settings.yaml."
    ]


def test_an_english_only_workshop_checks_only_english(data_copy):
    edit(data_copy / "en/crisis.yaml", "regions:\n", NZ)
    edit(data_copy / "settings.yaml", BY_LANGUAGE, "crisis_region: nz\nlanguages: [en]")
    edit(data_copy / "es/ui.yaml", "help_close:", "help_clse:")  # not in use: not checked
    assert messages(data_copy) == []


def test_a_region_nobody_has_names_settings_and_the_regions(data_copy):
    edit(data_copy / "settings.yaml", BY_LANGUAGE, "crisis_region: nz")
    line = line_of(data_copy / "settings.yaml", "crisis_region: nz")
    assert messages(data_copy) == [  # once, not once per language
        f"data/settings.yaml line {line}: crisis_region is 'nz', but data/en/crisis.yaml has "
        f"no such region. Choose one of: {', '.join(regions_of(data_copy / 'en/crisis.yaml'))}."
    ]


def test_languages_must_name_folders_and_hold_the_main_language(data_copy):
    edit(data_copy / "settings.yaml", "language: en", "language: en\nlanguages: [es, pt]")
    line = line_of(data_copy / "settings.yaml", "languages: [es, pt]")
    problems = messages(data_copy)
    assert (
        f"data/settings.yaml line {line}: languages lists 'pt', but there is no folder "
        in (problems[0])
    )
    assert problems[1] == (
        f"data/settings.yaml line {line}: languages does not list 'en', the language in "
        "'language'. Add it: languages: [en, es, pt]."
    )


def test_a_misspelled_optional_field_gets_a_guess_too(data_copy):
    path = data_copy / "en" / "lessons.yaml"
    edit(path, "    content_note:", "    content_nte:")
    line = line_of(path, "    content_nte:")
    [message] = messages(data_copy)
    assert message.startswith(f"data/en/lessons.yaml line {line}: 'content_nte' is not a field")
    assert message.endswith(": did you mean 'content_note'? Correct its spelling.")


def test_a_key_misspelled_in_spanish_only_is_one_message(data_copy):
    edit(data_copy / "es/ui.yaml", "help_close:", "help_clse:")
    line = line_of(data_copy / "es/ui.yaml", "help_clse:")
    assert messages(data_copy) == [
        f"data/es/ui.yaml line {line}: 'help_clse' is not a field the workbook knows: did you "
        "mean 'help_close'? Correct its spelling."
    ]


def test_a_key_deleted_in_the_translation_only_is_one_message(data_copy):
    path = data_copy / "es/ui.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("help_close:")) + "\n",
        encoding="utf-8",
    )
    en_line = line_of(data_copy / "en/ui.yaml", "help_close:")
    [message] = messages(data_copy)
    assert message.endswith(
        f"'help_close' is in data/en/ui.yaml line {en_line} but missing here. Add it, "
        "written in this language."
    )
    assert message.startswith("data/es/ui.yaml line ")
