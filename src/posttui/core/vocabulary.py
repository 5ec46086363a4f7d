"""The method's own words in every language: POST steps, SMART, linkages, Groundswell, Brandtzæg.

The Norwegian follows how Norwegian practitioners write about the method: the
POST steps keep their English names (the acronym is the method), each with its
Norwegian question; linkages are "tilknytninger" to the stakeholder map
("interessentkart"); SMART is Spesifikt, Målbart, Attraktivt, Realistisk,
Tidsbestemt.
"""

from __future__ import annotations

from posttui.core.i18n import Catalog

STEPS = ("people", "objectives", "strategy", "technology")
SMART = (
    ("S", "specific"),
    ("M", "measurable"),
    ("A", "attractive"),
    ("R", "realistic"),
    ("T", "time-bound"),
)
_SMART_GROUPS = dict(SMART)

WORDS = Catalog(
    "vocabulary",
    en={
        "step.plan": "Plan",
        "step.people": "People",
        "step.objectives": "Objectives",
        "step.strategy": "Strategy",
        "step.technology": "Technology",
        "step.people.question": "Who is your audience, and how do they take part?",
        "step.objectives.question": "What do you want to achieve?",
        "step.strategy.question": "Which strategy will reach the objectives?",
        "step.technology.question": "Which platforms should you use?",
        "smart.specific": "Specific",
        "smart.measurable": "Measurable",
        "smart.attractive": "Attractive",
        "smart.realistic": "Realistic",
        "smart.time-bound": "Time-bound",
        "involvement.socializers": "Socializers",
        "involvement.lurkers": "Lurkers",
        "involvement.sporadics": "Sporadics",
        "involvement.debaters": "Debaters",
        "involvement.advanced": "Advanced",
        "linkage.explanation": "{label}: those who {who}. Example: {example}.",
        "linkage.enabling": "Enabling",
        "linkage.enabling.who": "make the business possible: owners, authorities, banks, landlords",
        "linkage.enabling.example": "the municipality that grants the outdoor-seating licence",
        "linkage.functional-input": "Functional input",
        "linkage.functional-input.who": "supply it: employees, suppliers, partners",
        "linkage.functional-input.example": "the local coffee roastery",
        "linkage.functional-output": "Functional output",
        "linkage.functional-output.who": "use what it makes: customers and users",
        "linkage.functional-output.example": "students who buy coffee between lectures",
        "linkage.normative": "Normative",
        "linkage.normative.who": (
            "share its norms and set its standards: trade bodies, peers, competitors"
        ),
        "linkage.normative.example": "the café owners' association",
        "linkage.diffuse": "Diffuse",
        "linkage.diffuse.who": (
            "have no formal tie but take an interest: media, neighbours, interest groups"
        ),
        "linkage.diffuse.example": "the local newspaper",
        "kind.choice": "{label} ({function})",
        "kind.explanation": "{label} mirrors {function}: {aim}.",
        "kind.listening": "Listening",
        "kind.listening.function": "research",
        "kind.listening.aim": "learn what the audience thinks and needs",
        "kind.talking": "Talking",
        "kind.talking.function": "marketing",
        "kind.talking.aim": "spread your messages to and through the audience",
        "kind.energizing": "Energizing",
        "kind.energizing.function": "sales",
        "kind.energizing.aim": "turn enthusiastic customers into advocates",
        "kind.supporting": "Supporting",
        "kind.supporting.function": "support",
        "kind.supporting.aim": "help customers help each other",
        "kind.embracing": "Embracing",
        "kind.embracing.function": "development",
        "kind.embracing.aim": "bring customers into developing products",
    },
)


def step_name(step: str, lang: str = "en") -> str:
    """'people' -> 'People': the POST step names stay English in Norwegian, as in the field
    ('plan', for what concerns the plan as a whole, is 'Plan')."""
    return WORDS(f"step.{step}", lang)


# The order findings are grouped in (a rule id's first part): plan-wide problems, the
# SMART letters, the POST steps.
GROUPS = ("plan", *(group for _, group in SMART), *STEPS)
_LETTERS = {group: letter for letter, group in SMART}


def group_title(group: str, lang: str = "en") -> str:
    """'S · Specific', a POST step's name, or 'Plan'."""
    if letter := _LETTERS.get(group):
        return f"{letter} · {smart_name(letter, lang)}"
    return step_name(group, lang) if group in GROUPS else group


def step_question(step: str, lang: str = "en") -> str:
    """The question a POST step answers, e.g. 'Hvem er din målgruppe, og hvor aktive er de?'."""
    return WORDS(f"step.{step}.question", lang)


def smart_name(letter: str, lang: str = "en") -> str:
    """'S' (or its group, 'specific') -> 'Specific' / 'Spesifikt'."""
    return WORDS(f"smart.{_SMART_GROUPS.get(letter, letter)}", lang)


def involvement_name(type: str, lang: str = "en") -> str:
    """One of Brandtzæg's user types, e.g. 'lurkers' -> 'Lurkere'."""
    return WORDS(f"involvement.{type}", lang)


def linkage_choice(value: str, lang: str = "en") -> str:
    return WORDS(f"linkage.{value}", lang)


def linkage_explanation(value: str, lang: str = "en") -> str:
    return WORDS(
        "linkage.explanation",
        lang,
        label=linkage_choice(value, lang),
        who=WORDS(f"linkage.{value}.who", lang),
        example=WORDS(f"linkage.{value}.example", lang),
    )


def _kind_parts(value: str, lang: str) -> dict[str, str]:
    return {
        "label": WORDS(f"kind.{value}", lang),
        "function": WORDS(f"kind.{value}.function", lang),
        "aim": WORDS(f"kind.{value}.aim", lang),
    }


def kind_choice(value: str, lang: str = "en") -> str:
    return WORDS("kind.choice", lang, **_kind_parts(value, lang))


def kind_explanation(value: str, lang: str = "en") -> str:
    return WORDS("kind.explanation", lang, **_kind_parts(value, lang))


COMMON_PLATFORMS = (
    "instagram",
    "facebook",
    "tiktok",
    "linkedin",
    "youtube",
    "snapchat",
    "x",
    "threads",
    "pinterest",
    "newsletter",
)
COMMON_METRICS = (
    "followers",
    "reach",
    "engagement-rate",
    "leads",
    "mentions",
    "visits",
    "sign-ups",
    "response-time",
)
# Where a metric is measured when no one platform's insights tell it (format 2 `source`).
COMMON_SOURCES = ("platform-insights", "web-analytics", "survey", "crm", "newsletter-tool")
COMMON_CONTENT = ("video", "images", "stories", "articles", "live", "polls", "newsletter")
