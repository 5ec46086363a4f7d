"""The method's own words: linkage types, Groundswell objectives, POST steps."""

from __future__ import annotations

# Stakeholder-map linkages: (short label, who they are, an example).
LINKAGES = {
    "enabling": (
        "Enabling",
        "make the business possible: owners, authorities, banks, landlords",
        "the municipality that grants the outdoor-seating licence",
    ),
    "functional-input": (
        "Functional input",
        "supply it: employees, suppliers, partners",
        "the local coffee roastery",
    ),
    "functional-output": (
        "Functional output",
        "use what it makes: customers and users",
        "students who buy coffee between lectures",
    ),
    "normative": (
        "Normative",
        "share its norms and set its standards: trade bodies, peers, competitors",
        "the café owners' association",
    ),
    "diffuse": (
        "Diffuse",
        "have no formal tie but take an interest: media, neighbours, interest groups",
        "the local newspaper",
    ),
}

# Groundswell objectives and the business function each mirrors.
KINDS = {
    "listening": ("Listening", "research", "learn what the audience thinks and needs"),
    "talking": ("Talking", "marketing", "spread your messages to and through the audience"),
    "energizing": ("Energizing", "sales", "turn enthusiastic customers into advocates"),
    "supporting": ("Supporting", "support", "help customers help each other"),
    "embracing": ("Embracing", "development", "bring customers into developing products"),
}


def linkage_choice(value: str) -> str:
    return LINKAGES[value][0]


def linkage_explanation(value: str) -> str:
    label, who, example = LINKAGES[value]
    return f"{label}: those who {who}. Example: {example}."


def kind_choice(value: str) -> str:
    label, function, _ = KINDS[value]
    return f"{label} ({function})"


def kind_explanation(value: str) -> str:
    label, function, aim = KINDS[value]
    return f"{label} mirrors {function}: {aim}."


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
COMMON_CONTENT = ("video", "images", "stories", "articles", "live", "polls", "newsletter")
