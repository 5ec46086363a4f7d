"""The guide's questions in POST's order: where each answer goes, how it is given,
why it is asked, and what follows it.

A question is data: its item and field, and small functions for what is special
about it (the answers it offers, how it makes the item, what it shows beside).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.content import Content

from posttui.core import fields, ids, paths
from posttui.core.i18n import LANGUAGES
from posttui.core.model import (
    INVOLVEMENT_TYPES,
    KINDS,
    LINKAGES,
    NORWEGIAN_INVOLVEMENT,
    Initiative,
    Involvement,
    Kind,
    Objective,
    Platform,
    Segment,
    Target,
)
from posttui.core.rules.registry import Finding, flags
from posttui.core.terminal import printable
from posttui.core.vocabulary import (
    COMMON_METRICS,
    COMMON_PLATFORMS,
    SMART,
    involvement_name,
    kind_choice,
    kind_explanation,
    linkage_choice,
    linkage_explanation,
    smart_name,
)
from posttui.ui.catalog import WORDS
from posttui.ui.guide.catalog import GUIDE
from posttui.ui.widgets.smart import smart_summary

if TYPE_CHECKING:
    from posttui.core.model import Plan
    from posttui.ui.guide.interview import Interview


Change = tuple[str, Any]  # a key path and its new value


@dataclass(frozen=True)
class Answer:
    """One of the answers a choice question offers."""

    value: Any
    label: str
    explanation: str = ""


@dataclass(frozen=True)
class Question:
    """One question: where its answer goes, how it is typed or chosen, what follows.

    `item` is the plan item the answer fills in (segment, objective, target,
    initiative; "plan" for the plan's own fields), `key` its field. A question
    with `create` makes the item from its answer when the item does not exist
    yet; the others are only asked about an item that exists.
    """

    name: str  # its words in the catalog: NAME.ask, NAME.why
    step: str
    item: str
    key: str = ""
    parse: fields.Parser = fields.text
    choices: Callable[[Interview], list[Answer]] | None = None
    words: Callable[[Interview], Iterable[str]] | None = None  # completions for lists
    create: Callable[[Interview, Any], Any] | None = None
    store: Callable[[Interview, str, Any], Change | None] | None = None
    shown: Callable[[Interview], Any] | None = None  # the answer offered (else: the value)
    more: Callable[[Interview], list[Content]] | None = None  # explanation after the why
    then: Callable[[Interview, Any], str | None] | None = None  # the next question's name
    needed: Callable[[Interview], bool] | None = None
    live: tuple[str, ...] = ()  # rules whose findings show as the answer is typed
    # Why an answer the plan would take is not taken (it contradicts another answer).
    check: Callable[[Interview, Any], str | None] | None = None


SECTIONS = {
    "segment": "people.segments",
    "objective": "objectives",
    "initiative": "strategy.initiatives",
}
FILLED = ("segment", "objective", "target", "initiative")


def new_id(interview: Interview, item: str, name: str, items: Iterable[Any]) -> str:
    """An id for a new item named `name` that none of `items` has, made in the plan's
    language as the document makes ids (`ids.slug_from`): whole words, the item's word
    of that language when the name has none."""
    lang = interview.plan.plan.language
    taken = {other.id for other in items}
    return ids.slug_from(name, lang, taken, fallback=ids.item_word(item, lang))


def averages() -> Involvement:
    return Involvement.model_validate(
        dict(zip(INVOLVEMENT_TYPES, NORWEGIAN_INVOLVEMENT, strict=True))
    )


def new_segment(interview: Interview, name: str) -> Segment:
    segments = interview.plan.people.segments
    return Segment(id=new_id(interview, "segment", name, segments), name=name)


def new_objective(interview: Interview, statement: str) -> Objective:
    objectives = interview.plan.objectives
    return Objective(id=new_id(interview, "objective", statement, objectives), statement=statement)


def new_objective_of_kind(interview: Interview, kind: Kind) -> Objective:
    """An objective begun by its kind: its statement, and the id made of it, come with
    the next question (till then its id is the item's word: 'objective', 'mal')."""
    objectives = interview.plan.objectives
    statement = WORDS("objectives.new", interview.lang)
    made = new_id(interview, "objective", "", objectives)
    return Objective(id=made, statement=statement, kind=kind)


def placeholder(statement: str) -> bool:
    """The statement an objective begun by its kind has, in any language (f6)."""
    return statement in {WORDS("objectives.new", lang) for lang in LANGUAGES}


def store_statement(interview: Interview, base: str, statement: str) -> Change:
    """The statement; the first one of an objective begun by its kind names it too."""
    objective: Objective = paths.get(interview.plan, base)
    if not placeholder(objective.statement):
        return f"{base}.statement", statement
    others = [other for other in interview.plan.objectives if other is not objective]
    named = {"statement": statement, "id": new_id(interview, "objective", statement, others)}
    return base, Objective.model_validate({**objective.model_dump(), **named})


def new_target(interview: Interview, metric: str) -> Target:
    return Target(metric=metric, target=0)


def new_initiative(interview: Interview, description: str) -> Initiative:
    plan = interview.plan
    return Initiative(
        id=new_id(interview, "initiative", description, plan.strategy.initiatives),
        description=description,
        objectives=[objective.id for objective in plan.objectives],
    )


def not_sure(lang: str) -> Answer:
    return Answer(None, GUIDE("not-sure", lang), GUIDE("not-sure.why", lang))


def linkage_answers(interview: Interview) -> list[Answer]:
    lang = interview.lang
    found = [Answer(v, linkage_choice(v, lang), linkage_explanation(v, lang)) for v in LINKAGES]
    return [*found, not_sure(lang)]


def kind_answers(interview: Interview) -> list[Answer]:
    lang = interview.lang
    return [
        *(Answer(k, kind_choice(k, lang), kind_explanation(k, lang)) for k in KINDS),
        not_sure(lang),
    ]


def averages_answers(interview: Interview) -> list[Answer]:
    return [
        Answer(True, GUIDE("averages.yes", interview.lang)),
        Answer(False, GUIDE("averages.no", interview.lang)),
    ]


def another_answers(name: str) -> Callable[[Interview], list[Answer]]:
    def answers(interview: Interview) -> list[Answer]:
        lang = interview.lang
        return [Answer(False, GUIDE(f"{name}.no", lang)), Answer(True, GUIDE(f"{name}.yes", lang))]

    return answers


def another(item: str, first: str) -> Callable[[Interview, Any], str | None]:
    """Yes: start a new item of the same kind at its first question."""

    def then(interview: Interview, yes: Any) -> str | None:
        if not yes:
            return None
        interview.start_new(item)
        return first

    return then


def store_averages(interview: Interview, base: str, yes: Any) -> Change | None:
    """Yes sets the averages; no takes them away again, but keeps shares of one's own."""
    path = f"{base}.involvement"
    if yes:
        return path, averages()
    return (path, None) if paths.get(interview.plan, path) == averages() else None


def shown_averages(interview: Interview) -> bool | None:
    involvement = paths.get(interview.plan, f"{interview.base('segment')}.involvement")
    return None if involvement is None else involvement == averages()


def store_mix(interview: Interview, base: str, ids: list[str]) -> Change:
    """The platform mix: those named, keeping what the plan says of each already."""
    known = {platform.id: platform for platform in interview.plan.technology.platforms}
    return "technology.platforms", [known.get(i) or Platform(id=i) for i in dict.fromkeys(ids)]


def segment_platforms(plan: Plan) -> dict[str, list[str]]:
    """Each platform a segment is on, with the names of the segments on it."""
    where: dict[str, list[str]] = {}
    for segment in plan.people.segments:
        for platform in segment.platforms:
            where.setdefault(platform, []).append(segment.name)
    return where


def shown_mix(interview: Interview) -> list[str]:
    mix = [platform.id for platform in interview.plan.technology.platforms]
    return [*mix, *(p for p in segment_platforms(interview.plan) if p not in mix)]


def shown_segments(interview: Interview) -> list[str]:
    """The objective's segments; a plan's only segment is offered for a new one."""
    chosen: list[str] = paths.get(interview.plan, f"{interview.base('objective')}.segments")
    segments = interview.plan.people.segments
    return chosen or ([segments[0].id] if len(segments) == 1 else [])


def objective_platforms(interview: Interview) -> list[str]:
    """The platforms of the objective's segments (of all segments, when it names none)."""
    objective = paths.get(interview.plan, interview.base("objective") or "")
    segments = interview.plan.people.segments
    named = [s for s in segments if s.id in objective.segments] or segments
    return list(dict.fromkeys(p for segment in named for p in segment.platforms))


def platform_words(interview: Interview) -> list[str]:
    here = objective_platforms(interview) if interview.base("objective") else []
    everywhere = [*here, *segment_platforms(interview.plan), *COMMON_PLATFORMS]
    return list(dict.fromkeys(everywhere))


def involvement_lines(interview: Interview) -> list[Content]:
    lang = interview.lang
    lines = [
        Content(
            GUIDE(
                "involvement.line",
                lang,
                name=involvement_name(kind, lang),
                share=share,
                what=GUIDE(f"involvement.{kind}", lang),
            )
        )
        for kind, share in zip(INVOLVEMENT_TYPES, NORWEGIAN_INVOLVEMENT, strict=True)
    ]
    return [*lines, Content(""), Content(GUIDE("segment-involvement.more", lang))]


def smart_lines(interview: Interview) -> list[Content]:
    lang = interview.lang
    lines = [
        Content.assemble(
            (f"{letter} · {smart_name(letter, lang)}", "bold"), f": {GUIDE(f'smart.{group}', lang)}"
        )
        for letter, group in SMART
    ]
    return [*lines, Content(""), Content(GUIDE("objective-statement.more", lang))]


def segment_list(interview: Interview) -> list[Content]:
    return [
        Content(printable(f"  {segment.id}: {segment.name}"))
        for segment in interview.plan.people.segments
    ]


def objective_list(interview: Interview) -> list[Content]:
    return [
        Content(printable(f"  {objective.id}: {objective.statement}"))
        for objective in interview.plan.objectives
    ]


def where_lines(interview: Interview) -> list[Content]:
    platforms = objective_platforms(interview)
    if not platforms:
        return [Content.styled(GUIDE("target-platform.nowhere", interview.lang), "$warning")]
    shown = printable(", ".join(platforms))
    return [Content(GUIDE("target-platform.where", interview.lang, platforms=shown))]


def mix_lines(interview: Interview) -> list[Content]:
    where = segment_platforms(interview.plan)
    if not where:
        return [Content.styled(f"  {GUIDE('platforms.nowhere', interview.lang)}", "$warning")]
    return [
        Content.assemble(("  " + printable(platform), "bold"), printable(": " + ", ".join(names)))
        for platform, names in where.items()
    ]


def smart_status(findings: Iterable[Finding], objective: str | None, lang: str) -> Content:
    """The SMART letters of one objective (by id) as the objectives form shows them:
    from the findings' flags, the way the app makes its own (`registry.flags`)."""
    return smart_summary(flags(findings).get(objective or "", set()), lang)


def objective_status(interview: Interview) -> list[Content]:
    """The SMART letters of the objective just written, and what still fails them."""
    objective = interview.item_id("objective")
    groups = {group for _, group in SMART}
    # Now: the app lints once the answer is shown.
    findings, _ = interview.app.doc.lint(interview.lang)
    failing = [f for f in findings if f.subject == objective and f.group in groups]
    lines = [Content.styled(printable(f"• {f.message}"), "$warning") for f in failing]
    return [smart_status(findings, objective, interview.lang), *lines]


def period_order(end: str) -> Callable[[Interview, Any], str | None]:
    """A period that ends before it starts is not taken, whichever end is answered."""

    def check(interview: Interview, value: Any) -> str | None:
        info = interview.plan.plan
        start, finish = (info.period_start, value) if end == "end" else (value, info.period_end)
        if start is None or finish is None or start <= finish:
            return None
        return GUIDE("plan-period.order", interview.lang, start=start, end=finish)

    return check


def lead_answers(interview: Interview) -> list[Answer]:
    """Each objective by its statement (user text: shown as text), then none yet."""
    lang = interview.lang
    return [
        *(
            Answer(
                objective.id,
                printable(" ".join(objective.statement.split())),
                GUIDE("objective-primary.choice", lang, id=objective.id),
            )
            for objective in interview.plan.objectives
        ),
        Answer(
            "", GUIDE("objective-primary.none", lang), GUIDE("objective-primary.none-why", lang)
        ),
    ]


def shown_lead(interview: Interview) -> str:
    """The objective that leads ('' for none: none yet is offered, not the first)."""
    return next((o.id for o in interview.plan.objectives if o.primary), "")


def store_lead(interview: Interview, base: str, chosen: str) -> Change | None:
    """The chosen objective leads and no other does: one edit of the objectives (one
    undo step); none when that is so already."""
    objectives = interview.plan.objectives
    if all(objective.primary == (objective.id == chosen) for objective in objectives):
        return None
    return "objectives", [
        Objective.model_validate({**objective.model_dump(), "primary": objective.id == chosen})
        for objective in objectives
    ]


def has_segments(interview: Interview) -> bool:
    return bool(interview.plan.people.segments)


def several_objectives(interview: Interview) -> bool:
    return len(interview.plan.objectives) > 1


QUESTIONS: tuple[Question, ...] = (
    # People
    Question("segment-name", "people", "segment", "name", fields.required, create=new_segment),
    Question("segment-description", "people", "segment", "description"),
    Question("segment-size", "people", "segment", "size", fields.count),
    Question(
        "segment-platforms",
        "people",
        "segment",
        "platforms",
        fields.slugs,
        words=lambda interview: [*segment_platforms(interview.plan), *COMMON_PLATFORMS],
    ),
    Question("segment-linkage", "people", "segment", "linkage", choices=linkage_answers),
    Question(
        "segment-involvement",
        "people",
        "segment",
        choices=averages_answers,
        store=store_averages,
        shown=shown_averages,
        more=involvement_lines,
    ),
    Question(
        "segment-another",
        "people",
        "segment",
        choices=another_answers("segment-another"),
        then=another("segment", "segment-name"),
    ),
    # Objectives: the plan's period first, once (objectives are due within it)
    Question(
        "plan-period-start",
        "objectives",
        "plan",
        "plan.period_start",
        fields.optional_date,
        live=("time-bound/outside-period",),
        check=period_order("start"),
    ),
    Question(
        "plan-period-end",
        "objectives",
        "plan",
        "plan.period_end",
        fields.optional_date,
        live=("time-bound/outside-period",),
        check=period_order("end"),
    ),
    Question(
        "objective-kind",
        "objectives",
        "objective",
        "kind",
        choices=kind_answers,
        create=new_objective_of_kind,
    ),
    Question(
        "objective-statement",
        "objectives",
        "objective",
        "statement",
        fields.required,
        create=new_objective,
        store=store_statement,
        # The placeholder in any language: the plan's may have changed since (f6).
        shown=lambda interview: interview.value_unless(
            WORDS("objectives.new", lang) for lang in LANGUAGES
        ),
        more=smart_lines,
        live=("specific/vague",),
    ),
    Question(
        "objective-segments",
        "objectives",
        "objective",
        "segments",
        fields.slugs,
        words=lambda interview: [segment.id for segment in interview.plan.people.segments],
        shown=shown_segments,
        more=segment_list,
        needed=has_segments,
        live=("plan/unknown-ref",),
    ),
    Question(
        "target-metric",
        "objectives",
        "target",
        "metric",
        fields.optional_slug,
        words=lambda interview: COMMON_METRICS,
        create=new_target,
    ),
    Question(
        "target-platform",
        "objectives",
        "target",
        "platform",
        fields.optional_slug,
        words=platform_words,
        more=where_lines,
        live=("technology/audience-absent",),
    ),
    Question("target-baseline", "objectives", "target", "baseline", fields.optional_number),
    Question(
        "target-target",
        "objectives",
        "target",
        "target",
        fields.number,
        shown=lambda interview: interview.value_unless([0]),
    ),
    Question("objective-deadline", "objectives", "objective", "deadline", fields.optional_date),
    Question("objective-owner", "objectives", "objective", "owner"),
    Question("objective-why", "objectives", "objective", "why"),
    Question(
        "objective-another",
        "objectives",
        "objective",
        choices=another_answers("objective-another"),
        more=objective_status,
        then=another("objective", "objective-kind"),
    ),
    Question(
        "objective-primary",
        "objectives",
        "plan",
        choices=lead_answers,
        store=store_lead,
        shown=shown_lead,
        needed=several_objectives,
    ),
    # Strategy
    Question("strategy-relationship", "strategy", "plan", "strategy.relationship"),
    Question(
        "initiative-description",
        "strategy",
        "initiative",
        "description",
        create=new_initiative,
    ),
    Question(
        "initiative-objectives",
        "strategy",
        "initiative",
        "objectives",
        fields.slugs,
        words=lambda interview: [objective.id for objective in interview.plan.objectives],
        more=objective_list,
        needed=several_objectives,
        live=("plan/unknown-ref",),
    ),
    # Technology
    Question(
        "technology-platforms",
        "technology",
        "plan",
        "technology.platforms",
        fields.slugs,
        words=lambda interview: [*segment_platforms(interview.plan), *COMMON_PLATFORMS],
        store=store_mix,
        shown=shown_mix,
        more=mix_lines,
        live=("technology/unused-platform", "technology/not-in-mix"),
    ),
)
POSITION = {question.name: index for index, question in enumerate(QUESTIONS)}
