"""The shape of every file in ``data/``, as typed models.

The models forbid unknown fields so that a misspelt key ("wyh:" for "why:") is reported
instead of silently ignored. Each exercise type is one model; the ``type`` field picks it.
Cross-checks that span fields (an answer that names a category that does not exist, a
hint pattern that is not a valid pattern) live in validators beside the fields they guard.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from widgets.text import only_slots

NonEmpty = Annotated[str, Field(min_length=1)]


def _slotted(*names: str) -> AfterValidator:
    return AfterValidator(only_slots(*names))


# Texts with {slots} the workbook fills in (widgets/content/fill.py); each may use only its own.
ValueText = Annotated[str, Field(min_length=1), _slotted("value")]
MinutesText = Annotated[str, Field(min_length=1), _slotted("minutes")]
DateText = Annotated[str, Field(min_length=1), _slotted("date")]
MomentText = Annotated[str, Field(min_length=1), _slotted("moment")]
RatedText = Annotated[str, Field(min_length=1), _slotted("value", "moment")]
LessonOfText = Annotated[str, Field(min_length=1), _slotted("n", "total")]
StepOfText = Annotated[str, Field(min_length=1), _slotted("step", "total")]
PaceText = Annotated[str, Field(min_length=1), _slotted("seconds", "per_minute")]
TimeText = Annotated[str, Field(min_length=1), _slotted("time")]
AddedText = Annotated[str, Field(min_length=1), _slotted("added")]
KeptText = Annotated[str, Field(min_length=1), _slotted("kept")]
LessonLineText = Annotated[str, Field(min_length=1), _slotted("lesson", "done", "total")]
NotYetText = Annotated[str, Field(min_length=1), _slotted("lesson")]
InPlanText = Annotated[str, Field(min_length=1), _slotted("minutes", "step")]
Ident = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=40)]
# "lesson-id" or "lesson-id/exercise-id" (settings.yaml leave_out)
LessonOrExercise = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)?$")]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


def _unique_ids(items: list[Any], kind: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"two {kind}s share the id '{item.id}'; each id must be different")
        seen.add(item.id)


# --- workbook-wide files -------------------------------------------------------------


class Settings(Strict):
    """data/settings.yaml: what a facilitator switches for their group."""

    language: Ident = "en"
    # Which language folders to check and serve; empty: every folder under data/.
    languages: list[Ident] = []
    # One region for every language (a facilitator's choice), or a default per language
    # ({"en": "us", "es": "spain"}). Participants can still choose their own.
    crisis_region: Ident | dict[Ident, Ident] = "us"
    storage: Literal["ask", "off"] = "ask"
    # Show facilitator notes beside each exercise (JupyterLab); in Voila use ?facilitator=1.
    facilitator_view: bool = False
    # Web app only: pages of each lesson built before anyone arrives (widgets/kernel_manager.py).
    ready_pages: int = Field(default=1, ge=0, le=50)
    workshop_lesson: Ident = "welcome"
    workshop_size: int = Field(default=0, ge=0, le=200)
    # What this workshop leaves out: lesson ids and "lesson/exercise" (widgets/content/left_out.py).
    leave_out: list[LessonOrExercise] = []
    # The session plan the group follows: the 60- or 90-minute plan of each lesson.
    plan: Literal[60, 90] = 60


class LessonEntry(Strict):
    id: Ident
    title: NonEmpty
    notebook: NonEmpty
    description: NonEmpty
    minutes: int = Field(ge=5, le=240)
    objectives: list[NonEmpty] = Field(min_length=1)
    content_note: str = ""


class LessonList(Strict):
    """data/<lang>/lessons.yaml: the one ordered list that decides which lessons exist."""

    workbook_title: NonEmpty
    tagline: NonEmpty
    lessons: list[LessonEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> LessonList:
        _unique_ids(self.lessons, "lesson")
        return self


# A number as it is dialled: digits in groups (spaces or dashes between them), an optional
# leading "+" (country code) or "*"/"#" (a short code such as Chile's *4141), and an
# optional "#" at the end.
PHONE = re.compile(r"^[+*#]?[0-9]+([ -][0-9]+)*#?$")

# How an entry was checked. Only "live" means someone opened the official page itself;
# every other entry is listed by `workbook validate` for a facilitator to check there.
Checked = Literal["live", "stored-official", "stored-report", "not-checked"]
CHECKED: tuple[str, ...] = typing.get_args(Checked)


class CrisisEntry(Strict):
    name: NonEmpty
    how: NonEmpty
    phone: str | None = None
    text: str | None = None
    url: str | None = None
    source: NonEmpty
    last_checked: dt.date
    checked: Checked
    # For facilitators: what the entry was checked against, and what is still unsure.
    check_note: str = ""

    @field_validator("phone", "text")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        digits = sum(ch.isdigit() for ch in value or "")
        if value is not None and (not PHONE.match(value) or not 3 <= digits <= 15):
            raise ValueError(
                f"'{value}' does not look like a phone number: write it as it is dialled, "
                "with digits, spaces and dashes, an optional leading + (or * or # for a "
                "short code), e.g. '988', '116 123' or '*4141'"
            )
        return value

    @field_validator("source", "url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError(f"'{value}' should be a web address that starts with https://")
        return value


class CrisisRegion(Strict):
    name: NonEmpty
    emergency: NonEmpty
    emergency_checked: Checked = "not-checked"
    emergency_note: str = ""
    entries: list[CrisisEntry] = Field(min_length=1)


class HelpWords(Strict):
    """The help panel's own words: the country chooser and "My people"."""

    region_label: NonEmpty = "Your country"
    people_title: NonEmpty = "My people"
    people_intro: NonEmpty = (
        "Add up to five people or places you can reach out to. They are kept like your answers."
    )
    people_name: NonEmpty = "Name"
    people_reach: NonEmpty = "Number or note"
    people_add: NonEmpty = "Add"
    people_remove: NonEmpty = "Remove"
    people_full: NonEmpty = "You have five. Remove one to add another."
    other_countries: NonEmpty = "Help in other countries"


class CrisisFile(Strict):
    """data/<lang>/crisis.yaml: help lines per region, each with a source and a date."""

    title: NonEmpty
    intro: NonEmpty
    words: HelpWords = HelpWords()
    regions: dict[Ident, CrisisRegion]


class CareGroup(Strict):
    """One kind of line the care check looks for, and the note it answers with."""

    note: NonEmpty
    patterns: list[CarePattern] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> CareGroup:
        _unique_ids(self.patterns, "pattern")
        return self


class CareRatings(Strict):
    """What the workbook says back to a 0-10 rating, by how it stands and how it moved.

    ``high_from``: a rating this high or higher gets ``high``. ``rise_by``: a rating this
    much above the one before gets ``rise``. Both also get ``offer`` and the buttons.
    """

    high_from: int = Field(7, ge=1, le=10)
    rise_by: int = Field(2, ge=1, le=10)
    high: NonEmpty
    rise: NonEmpty
    lower: NonEmpty
    steady: NonEmpty
    offer: NonEmpty
    senses_button: NonEmpty


class CareFile(Strict):
    """data/<lang>/care.yaml: what the workbook checks for in every typed answer before
    any other feedback, and how it answers ratings (widgets/care.py)."""

    idioms: list[CarePattern] = []
    risk: CareGroup
    check_in: CareGroup
    others_harm: CareGroup
    minimising: CareGroup
    ratings: CareRatings


class PacerText(Strict):
    """The breathing guide's words (data/<lang>/ui.yaml ``pacer``), used by lessons and pause.

    ``pace_note`` may use {seconds} and {per_minute}; ``time_left`` may use {time}.
    """

    cue_in: NonEmpty
    cue_hold: NonEmpty
    cue_out: NonEmpty
    cue_ready: NonEmpty
    cue_stopped: NonEmpty
    cue_done: NonEmpty
    start: NonEmpty
    stop: NonEmpty
    settings_label: NonEmpty
    pattern_label: NonEmpty
    preset_calm: NonEmpty
    preset_box: NonEmpty
    preset_custom: NonEmpty
    seconds_label: NonEmpty
    in_label: NonEmpty
    hold_in_label: NonEmpty
    out_label: NonEmpty
    hold_out_label: NonEmpty
    minutes_label: MinutesText
    pace_note: PaceText
    time_left: TimeText
    anchor_note: NonEmpty
    eyes_note: NonEmpty


class GroundingStep(Strict):
    """One sense of the 5-4-3-2-1 practice; a ``note_label`` adds an optional text box."""

    id: Ident
    prompt: NonEmpty
    tip: str = ""
    note_label: str = ""


class UiText(Strict):
    """data/<lang>/ui.yaml: words used by every exercise (buttons, pause, help)."""

    pause_button: NonEmpty
    pause_title: NonEmpty
    pause_steps: list[NonEmpty] = Field(min_length=1)
    pause_back: NonEmpty
    pause_breathe: NonEmpty
    pause_senses: NonEmpty
    pause_senses_steps: list[GroundingStep] = Field(min_length=1)
    pause_senses_done: NonEmpty
    senses_next: NonEmpty
    senses_skip: NonEmpty
    pacer: PacerText
    help_button: NonEmpty
    help_close: NonEmpty
    optional_note: NonEmpty
    next: NonEmpty
    skip: NonEmpty
    start_again: NonEmpty
    content_note_label: NonEmpty
    saved_note: NonEmpty
    # The page header and footer (widgets/page.py). {n}, {total} and {minutes} are
    # filled in; a default keeps older ui.yaml files (other languages) valid.
    lesson_of: LessonOfText = "Lesson {n} of {total}"
    start_here: NonEmpty = "Start here"
    back_link: NonEmpty = "Back"
    next_link: NonEmpty = "Next"
    lessons_label: NonEmpty = "Lessons"
    minutes_label: MinutesText = "Takes about {minutes} min"
    dark_mode: NonEmpty = "Dark mode"
    # The link to the same page in this language, from a page in another language: the
    # language's own name ("English", "Español"). languages_label names the links.
    language_name: NonEmpty = "English"
    languages_label: NonEmpty = "Language"
    # A chart in words: "{value} out of 10 at {moment}" (the moment in lower case).
    chart_rated: RatedText = "{value} out of 10 at {moment}"
    chart_not_rated: MomentText = "not rated at {moment}"

    @property
    def chart_said(self) -> tuple[str, str]:
        """What a chart says in words (rated, not rated), for ``kit.charts``."""
        return self.chart_rated, self.chart_not_rated

    # What a page shows in place of an exercise when a file in data/ has a problem.
    problem_title: NonEmpty = "This part of the workbook could not be shown."
    problem_text: NonEmpty = (
        "The lesson files need a small fix. If you are a participant, please let your "
        "facilitator know; nothing you did caused this."
    )
    problem_details: NonEmpty = "For the facilitator"
    problem_fix: NonEmpty = "Run make validate to check every file."
    # The welcome page's link to "My answers", after the lesson cards.
    my_answers_link: NonEmpty = "My answers"
    my_answers_note: str = ""
    # The web app's own pages (share/jupyter/voila/templates/gentle), written into the
    # template by `workbook template-text` (widgets/template_text.py).
    cell_error_title: NonEmpty = "Sorry, the page stopped loading here."
    not_your_fault: NonEmpty = "Nothing you did caused this."
    cell_error_help: NonEmpty = (
        "Reloading the page usually helps. If it keeps happening, please tell your facilitator."
    )
    reload_link: NonEmpty = "Reload the page"
    not_found_title: NonEmpty = "We could not find this page"
    server_error_title: NonEmpty = "Something went wrong on our side"
    go_home_link: NonEmpty = "Go to the start of the workbook"
    open_workbook_link: NonEmpty = "Open the workbook"
    signin_text: NonEmpty = "Type the access word your facilitator gave you."
    signin_label: NonEmpty = "Access word"
    signin_problem: NonEmpty = "That word did not work. Please check it with your facilitator."
    # A lesson page whose kernel stopped (crashed, culled, server restarted): gentle.js.
    connection_lost_title: NonEmpty = "This page lost its connection."
    connection_lost_help: NonEmpty = (
        "Please reload the page to go on. Answers kept in this browser will still be there."
    )


class JournalChoiceText(Strict):
    intro: NonEmpty
    label: NonEmpty
    visit: NonEmpty
    visit_note: NonEmpty
    keep: NonEmpty
    keep_note: NonEmpty
    change_note: NonEmpty
    off_note: NonEmpty


class JournalStatusText(Strict):
    waiting: NonEmpty
    visit: NonEmpty
    keep: NonEmpty
    turned_off: NonEmpty
    memory: NonEmpty


class JournalProblemText(Strict):
    disabled: NonEmpty
    full: NonEmpty
    corrupt: NonEmpty
    older: NonEmpty
    newer: NonEmpty
    stuck: NonEmpty


class JournalEraseText(Strict):
    button: NonEmpty
    question: NonEmpty
    confirm: NonEmpty
    cancel: NonEmpty
    done: NonEmpty
    failed: NonEmpty


class JournalAnswersText(Strict):
    waiting: NonEmpty
    empty: NonEmpty
    turned_off: NonEmpty
    out_of_ten: ValueText
    checkins_title: NonEmpty
    checkins_series: NonEmpty
    rating_series: NonEmpty
    checkins_empty: NonEmpty
    again: NonEmpty


class JournalExportText(Strict):
    markdown_label: NonEmpty
    json_label: NonEmpty
    empty: NonEmpty
    title: NonEmpty
    saved_on: DateText
    markdown_file: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+\.md$")]
    json_file: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+\.json$")]


class JournalImportText(Strict):
    label: NonEmpty
    added: AddedText
    kept: KeptText
    nothing_new: NonEmpty
    not_json: NonEmpty
    wrong_kind: NonEmpty
    damaged: NonEmpty
    older: NonEmpty
    newer: NonEmpty
    too_big: NonEmpty
    not_now: NonEmpty


class JournalText(Strict):
    """data/<lang>/journal.yaml: words for keeping, showing, saving and erasing answers."""

    choice: JournalChoiceText
    status: JournalStatusText
    problems: JournalProblemText
    erase: JournalEraseText
    answers: JournalAnswersText
    export: JournalExportText
    import_: JournalImportText = Field(alias="import")


# --- exercises ----------------------------------------------------------------------


class Category(Strict):
    id: Ident
    label: NonEmpty


class Statement(Strict):
    id: Ident
    text: NonEmpty
    answer: Ident
    why: NonEmpty


class SortFeedback(Strict):
    same: NonEmpty
    different: NonEmpty


class ExerciseBase(Strict):
    id: Ident
    title: NonEmpty
    intro: NonEmpty


class SorterExercise(ExerciseBase):
    """Sort statements into two or more piles; the reasoning shows whatever was picked."""

    type: Literal["sorter"]
    question: NonEmpty
    categories: list[Category] = Field(min_length=2)
    statements: list[Statement] = Field(min_length=1)
    feedback: SortFeedback
    summary: NonEmpty

    @model_validator(mode="after")
    def _answers_exist(self) -> SorterExercise:
        _unique_ids(self.categories, "category")
        _unique_ids(self.statements, "statement")
        known = {c.id for c in self.categories}
        for statement in self.statements:
            if statement.answer not in known:
                raise ValueError(
                    f"statement '{statement.id}' has answer '{statement.answer}', which is "
                    f"not one of the categories ({', '.join(sorted(known))})"
                )
        return self


class CarePattern(Strict):
    """A pattern with example sentences: what it must catch and what it must leave alone.

    ``matches`` and ``ignores`` document the pattern for the next facilitator, and the
    checks (tests, and ``workbook validate`` for care.yaml) make sure it behaves that way.
    """

    id: Ident
    pattern: NonEmpty
    matches: list[NonEmpty] = Field(min_length=1)
    ignores: list[NonEmpty] = []

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"the pattern '{value}' is not a valid pattern ({exc})") from None
        return value


class HintPattern(CarePattern):
    """A pattern that, when it appears in a rewrite, earns a gentle hint."""

    hint: NonEmpty


class FormField(Strict):
    id: Ident
    label: NonEmpty
    placeholder: str = ""


class RewriteExercise(ExerciseBase):
    """Pick or write a harsh sentence, then rewrite it with a four-part scaffold."""

    type: Literal["rewrite"]
    pick_label: NonEmpty
    own_option: NonEmpty
    own_label: NonEmpty
    harsh_statements: list[NonEmpty] = Field(min_length=1)
    steps: list[FormField] = Field(min_length=1)
    check_button: NonEmpty
    hint_intro: NonEmpty
    all_clear: NonEmpty
    empty_note: NonEmpty
    hint_patterns: list[HintPattern] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> RewriteExercise:
        _unique_ids(self.steps, "step")
        _unique_ids(self.hint_patterns, "hint pattern")
        return self


class RepairPlanExercise(ExerciseBase):
    """A guided form whose answers become a card the participant can download."""

    type: Literal["repair_plan"]
    fields: list[FormField] = Field(min_length=1)
    make_button: NonEmpty
    card_title: NonEmpty
    download_label: NonEmpty
    file_name: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+\.md$")]
    empty_note: NonEmpty

    @model_validator(mode="after")
    def _ids(self) -> RepairPlanExercise:
        _unique_ids(self.fields, "field")
        return self


class ReflectionExercise(ExerciseBase):
    """Open questions with a text box each; nothing is checked."""

    type: Literal["reflection"]
    prompts: list[FormField] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> ReflectionExercise:
        _unique_ids(self.prompts, "prompt")
        return self


class CheckinReply(Strict):
    up_to: int = Field(ge=0, le=10)
    text: NonEmpty


class CheckinExercise(ExerciseBase):
    """A 0-10 self-rating with a kind reply; never a score."""

    type: Literal["checkin"]
    question: NonEmpty
    low_label: NonEmpty
    high_label: NonEmpty
    button: NonEmpty
    replies: list[CheckinReply] = Field(min_length=1)

    @model_validator(mode="after")
    def _covers_ten(self) -> CheckinExercise:
        if max(r.up_to for r in self.replies) < 10:
            raise ValueError("the replies must cover every rating up to 10 (one with up_to: 10)")
        return self


class TranslateStatement(Strict):
    id: Ident
    text: NonEmpty
    example: NonEmpty


class TranslateExercise(ExerciseBase):
    """Turn a shame verdict ("I am ...") into a specific, repairable statement.

    Two lists of patterns look the rewrite over: ``self_patterns`` notice words that still
    describe the whole self, ``specific_patterns`` notice an action, a time or a person.
    """

    type: Literal["translate"]
    pick_label: NonEmpty
    own_option: NonEmpty
    own_label: NonEmpty
    statements: list[TranslateStatement] = Field(min_length=1)
    example_button: NonEmpty
    example_label: NonEmpty
    rewrite_label: NonEmpty
    rewrite_placeholder: str = ""
    check_button: NonEmpty
    empty_note: NonEmpty
    self_intro: NonEmpty
    specific_intro: NonEmpty
    specific_note: NonEmpty
    vague_note: NonEmpty
    self_patterns: list[HintPattern] = Field(min_length=1)
    specific_patterns: list[HintPattern] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> TranslateExercise:
        _unique_ids(self.statements, "statement")
        _unique_ids([*self.self_patterns, *self.specific_patterns], "pattern")
        return self


class FitStep(Strict):
    """One step of a guided path: a text box, with optional tick boxes above it."""

    id: Ident
    label: NonEmpty
    placeholder: str = ""
    choices: list[Category] = []
    text_label: str = ""


class FitOption(Strict):
    id: Ident
    label: NonEmpty
    branch: Literal["guilt", "shame"]
    reply: NonEmpty


class FitBranch(Strict):
    steps: list[FitStep] = Field(min_length=1)
    closing: NonEmpty


class FeelingFitExercise(ExerciseBase):
    """A short guided path: does guilt fit the facts (repair), or is shame louder (act
    opposite)? Every step can be skipped; going back keeps what was typed."""

    type: Literal["feeling_fit"]
    situation: FitStep
    question: NonEmpty
    question_help: str = ""
    options: list[FitOption] = Field(min_length=2)
    guilt: FitBranch
    shame: FitBranch
    skipped_closing: NonEmpty
    back_button: NonEmpty
    progress: StepOfText
    summary_title: NonEmpty

    @model_validator(mode="after")
    def _ids(self) -> FeelingFitExercise:
        _unique_ids(self.options, "option")
        _unique_ids([self.situation, *self.guilt.steps, *self.shame.steps], "step")
        for step in [self.situation, *self.guilt.steps, *self.shame.steps]:
            _unique_ids(step.choices, "choice")
        for branch in ("guilt", "shame"):
            if branch not in {o.branch for o in self.options}:
                raise ValueError(
                    f"no option leads to the {branch} steps; give one 'branch: {branch}'"
                )
        if "{step}" not in self.progress or "{total}" not in self.progress:
            raise ValueError(
                "'progress' needs both {step} and {total}, e.g. 'Step {step} of {total}'"
            )
        return self


class FeelingsChart(Strict):
    title: NonEmpty
    moments: list[Category] = Field(min_length=1)


class FeelingsCheckinExercise(ExerciseBase):
    """Rate a few feelings 0-10 at one moment of a lesson; never a score.

    Check-ins that name the same ``log`` share their ratings, so the one with a ``chart``
    can show every moment (e.g. the start and the end of a lesson).
    """

    type: Literal["feelings_checkin"]
    log: Ident
    moment: Category
    feelings: list[Category] = Field(min_length=1, max_length=3)
    question: NonEmpty
    low_label: NonEmpty
    high_label: NonEmpty
    button: NonEmpty
    reply: NonEmpty
    chart: FeelingsChart | None = None

    @model_validator(mode="after")
    def _moments(self) -> FeelingsCheckinExercise:
        _unique_ids(self.feelings, "feeling")
        if self.chart is not None:
            _unique_ids(self.chart.moments, "moment")
            if self.moment.id not in {m.id for m in self.chart.moments}:
                raise ValueError(
                    f"the chart's moments do not include this check-in's moment '{self.moment.id}'"
                )
        return self


class RatingText(Strict):
    """Words for a 0-10 "how strong is the feeling" self-rating, before and after a practice.

    ``saved`` may use {value}. A self-rating, never a score: nothing is compared or judged.
    What the workbook says back to a high or rising rating is in care.yaml (``ratings``);
    ``high_before`` replaces it for a high rating before a practice that works with a
    mistake (so the reply can suggest a smaller one).
    """

    question: NonEmpty
    low_label: NonEmpty
    high_label: NonEmpty
    save: NonEmpty
    saved: ValueText
    chart_title: NonEmpty
    series_name: NonEmpty
    before: NonEmpty
    after: NonEmpty
    not_rated: NonEmpty
    before_prompt: str = ""
    after_prompt: str = ""
    high_before: str = ""


class Anchor(Strict):
    """Something to come back to. The ids "breath" and "senses" open the breathing guide
    and a short 5-4-3-2-1; any other id just shows its ``text``."""

    id: Ident
    label: NonEmpty
    text: str = ""


class PracticeStep(Strict):
    """One step of a guided practice: words, optional text boxes, optional anchors."""

    id: Ident
    title: NonEmpty
    text: NonEmpty
    fields: list[FormField] = []
    anchor_question: str = ""
    anchors: list[Anchor] = []

    @model_validator(mode="after")
    def _ids(self) -> PracticeStep:
        _unique_ids(self.fields, "field")
        _unique_ids(self.anchors, "anchor")
        if self.anchors and not self.anchor_question:
            raise ValueError(f"step '{self.id}' has anchors, so it needs an 'anchor_question'")
        return self


class BreathingExercise(ExerciseBase):
    """The breathing guide between an optional rating before and after."""

    type: Literal["breathing"]
    minutes: int = Field(3, ge=1, le=5)
    rating: RatingText


class GroundingExercise(ExerciseBase):
    """5-4-3-2-1: one sense at a time, an optional text box each, any step skippable."""

    type: Literal["grounding"]
    steps: list[GroundingStep] = Field(min_length=1)
    done: NonEmpty

    @model_validator(mode="after")
    def _ids(self) -> GroundingExercise:
        _unique_ids(self.steps, "step")
        return self


class BreatheBlinkFocusExercise(ExerciseBase):
    """ "Breathe; blink; focus": steps taken one at a time, each one skippable."""

    type: Literal["breathe_blink_focus"]
    steps: list[PracticeStep] = Field(min_length=1)
    done: NonEmpty

    @model_validator(mode="after")
    def _ids(self) -> BreatheBlinkFocusExercise:
        _unique_ids(self.steps, "step")
        return self


class SmallMistakeExercise(ExerciseBase):
    """Staying with a small mistake. The steps always come in this order: choose, rate,
    ground, rate again, name it kindly, one next step, then a look back with a chart."""

    type: Literal["small_mistake"]
    choose: PracticeStep
    rate_before: PracticeStep
    ground: PracticeStep
    rate_after: PracticeStep
    name_it: PracticeStep
    refrain: NonEmpty
    next_step: PracticeStep
    done: PracticeStep
    rating: RatingText


class KindPauseExercise(ExerciseBase):
    """A kind pause for a mistake (a self-compassion break, after Neff): this is hard,
    others go through this too, be kind to yourself, one step at a time and each one
    skippable. Soothing is offered as anchors (touch always optional); the end puts the
    participant's own words together under the ``refrain``."""

    type: Literal["kind_pause"]
    steps: list[PracticeStep] = Field(min_length=1)
    refrain: NonEmpty
    done: NonEmpty

    @model_validator(mode="after")
    def _ids(self) -> KindPauseExercise:
        _unique_ids(self.steps, "step")
        return self


class PathSummaryExercise(ExerciseBase):
    """A look back over the participant's own answers, read from their browser's journal.

    ``lesson_line`` may use {lesson}, {done} and {total}; ``not_yet_line`` may use {lesson}.
    """

    type: Literal["path_summary"]
    waiting: NonEmpty
    empty: NonEmpty
    lesson_line: LessonLineText
    not_yet_line: NotYetText
    closing: NonEmpty


Exercise = Annotated[
    Union[  # noqa: UP007 - pydantic needs a Union for the discriminator
        SorterExercise,
        RewriteExercise,
        RepairPlanExercise,
        ReflectionExercise,
        CheckinExercise,
        BreathingExercise,
        GroundingExercise,
        BreatheBlinkFocusExercise,
        SmallMistakeExercise,
        KindPauseExercise,
        TranslateExercise,
        FeelingFitExercise,
        FeelingsCheckinExercise,
        PathSummaryExercise,
    ],
    Field(discriminator="type"),
]


class LessonFile(Strict):
    """data/<lang>/lessons/<id>.yaml: every exercise of one lesson."""

    id: Ident
    exercises: list[Exercise] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> LessonFile:
        _unique_ids(self.exercises, "exercise")
        return self


EXERCISE_TAGS = frozenset(
    typing.get_args(m.model_fields["type"].annotation)[0]
    for m in typing.get_args(typing.get_args(Exercise)[0])
)


# --- data/<lang>/handouts.yaml: the words printed pages and the notes panel add ---


class GuideWords(Strict):
    guide_title: NonEmpty
    minutes: MinutesText
    objectives: NonEmpty
    summary: NonEmpty
    prepare: NonEmpty
    plan: MinutesText
    group_prompts: NonEmpty
    if_distressed: NonEmpty
    pause: NonEmpty
    grounding: NonEmpty
    crisis: NonEmpty
    follow_up: NonEmpty
    adaptation_tips: NonEmpty
    exercise_notes: NonEmpty
    view_title: NonEmpty
    in_plan: InPlanText


class HandoutText(Strict):
    """data/<lang>/handouts.yaml: the words the printed pages add around the lessons."""

    key_ideas: NonEmpty
    worksheets: NonEmpty
    name_line: NonEmpty
    tick_one: NonEmpty
    write_here: NonEmpty
    circle_one: NonEmpty
    or_own: NonEmpty
    footer: NonEmpty
    facilitator: GuideWords
