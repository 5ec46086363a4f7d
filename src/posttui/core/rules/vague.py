"""Whether an objective's statement states a quantity: the heuristic behind specific/vague.

A statement states a quantity when it holds any of:

- a number that is not part of a date: `2 000`, `15`, `3.5`, `1,200`, `10k`. A number of
  1900 to 2099 written as four digits is a year, unless a word for what is counted follows
  it (`2000 followers`; `2025 levels` and `2025 and 2026` stay years);
- a number word of either language (`NUMBER_WORDS`); `to` and `fire`, English words as
  well, count in Norwegian text only;
- `%`, or a placeholder for a share (`x %`, `XX%`, `[number]`).

Dates are ISO (2027-06-30), numeric with three parts (30.06.2027, 30/6/27), a day with a
month's name (30. juni, June 30th, 1st of March), quarters, halves and tertials (Q3, H1,
T2, 3. kvartal), weeks (week 12, uke 12) and fiscal years (FY25).

The Norwegian lists are used for `nb` and `nn` plans, the English ones for `en`; a plan
without a language has its statements read as Norwegian when they look Norwegian (æ, ø,
å, or a common Norwegian word), else as English. Known misses are in docs/plan-format.md.
"""

from __future__ import annotations

import re
from itertools import islice

from posttui.core.i18n import norwegian

MIN_WORDS = 4

_EN_NUMBERS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion half halve halved halving double doubled "
    "doubling twice triple tripled tripling quadruple quadrupled once dozen percent "
    "percentage"
)
_NO_NUMBERS = (
    "tre fem seks sju syv åtte ni ti elleve tolv tretten fjorten femten seksten sytten atten "
    "nitten tjue tjuge tretti førti femti seksti sytti åtti nitti hundre tusen million "
    "millioner milliard milliarder halvparten halvere halvert halvering doble doblet dobla "
    "dobling dobbelt tredoble tredobling dusin prosent prosentpoeng prosentpoengs "
    # Nynorsk, where it is spelt otherwise
    "tvo millionar milliardar halvera tredobla dobbel"
)
# Number words that are everyday English words too: they count in Norwegian text only.
_NO_ONLY = "to fire"
NUMBER_WORDS = {"en": _EN_NUMBERS.split(), "nb": [*_NO_ONLY.split(), *_NO_NUMBERS.split()]}
# Every number word of both languages; in English text without the Norwegian-only ones.
_IN_NORWEGIAN = frozenset(word for words in NUMBER_WORDS.values() for word in words)
_IN_ENGLISH = _IN_NORWEGIAN - frozenset(_NO_ONLY.split())

# Words that say "more" without saying how much, by word form (øk* is øke, økt, økning).
VAGUE_WORDS = {
    "en": (
        r"improv\w*",
        r"increas\w*",
        "more",
        "better",
        r"grow\w*",
        r"boost\w*",
        r"enhanc\w*",
        r"maximi[sz]\w*",
        r"strengthen\w*",
    ),
    "nb": (
        r"øk(?!onom|olog)\w*",
        r"auk\w*",  # Nynorsk
        "bedre",
        "betre",
        r"forbedr\w*",
        r"forbetr\w*",
        "mer",
        "meir",
        "flere",
        "fleire",
        r"styrk\w*",
    ),
}
_VAGUE = {
    lang: re.compile(r"(?<!\w)(" + "|".join(words) + r")(?!\w)", re.IGNORECASE)
    for lang, words in VAGUE_WORDS.items()
}

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januar|februar|mars|mai|juni|juli|oktober|desember|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|des"
)
_DATES = re.compile(
    "|".join(
        (
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",
            r"\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b",
            rf"\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s*(?:of\s+)?(?:{_MONTHS})\b\.?",
            rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]?\d)",
            r"\b(?:Q[1-4]|H[12]|T[1-3]|FY\s?(?:\d{4}|\d{2}))\b",
            r"\b[1-4]\.\s*(?:kvartal|halvår|tertial)\w*",
            r"\b[1-4](?:st|nd|rd|th)\s+(?:quarter|half)\b",
            r"\b(?:week|wk|uke|veke|kw)\.?\s*\d{1,2}\b",
        )
    ),
    re.IGNORECASE,
)
# A number standing alone (not part of a word such as B2B or COVID-19), with thousands
# separated by spaces, commas or points, a decimal part, and a k/m/x after it.
_NUMBER = re.compile(
    r"(?<![\w.,])(?<![^\W\d_]-)(\d+(?:[ \u00a0.,]\d{3})*(?:[.,]\d+)?)([kmx]|mill)?(?![^\W\d_])",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
# Words after a four-digit number that leave it a year ("in 2025 and 2026", "2019 levels").
_AFTER_A_YEAR = frozenset(
    str.split(
        "and or to until through by in on at among for with from compared than the as when "
        "where while so levels level campaign season budget figures results baseline "
        "strategy plan period report average og eller til i på blant med fra enn som nivå "
        "nivået kampanjen sesongen budsjettet tall strategien planen perioden når der mot "
        "innen før etter ut snitt"
    )
)
_PERCENT = re.compile(
    r"%|\bper\s+cent\b|(?<!\w)(?:x{1,3}|n|y)\s?(?:percent|prosent)\b"
    r"|\[[^\]]*(?:number|antall|tall|amount|\bx\b|%)[^\]]*\]",
    re.IGNORECASE,
)
_NORWEGIAN = re.compile(
    r"[æøå]|\b(?:og|på|til|av|å|som|skal|blant|innen|antall|ikke|vi|våre|vår|eller|"
    r"mellom|hver|gjennom|ved|fra|med|nye|vil|bli|være|vere|ein|eit|korleis)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


_NON_SPACE = re.compile(r"\S+")


def word_count(statement: str, at_most: int | None = None) -> int:
    """How many words `statement` has (counting stops at `at_most`): match by match, as
    a list of the words of a 31 MB statement took 300 MB."""
    return sum(1 for _ in islice(_NON_SPACE.finditer(statement), at_most))


def _lists(statement: str, language: str | None) -> tuple[str]:
    """The number-word list a statement is read with: its plan's language, or its look."""
    if norwegian(language):
        return ("nb",)
    if language == "en":
        return ("en",)
    return ("nb",) if _NORWEGIAN.search(statement) else ("en",)


def states_quantity(statement: str, language: str | None = None) -> bool:
    """Whether `statement` says how much: a number that is no date, a number word, a share."""
    if _PERCENT.search(statement):
        return True
    text = _DATES.sub(" ", statement)
    for match in _NUMBER.finditer(text):
        if not _is_year(match, text):
            return True
    numbers = _IN_NORWEGIAN if _lists(statement, language) == ("nb",) else _IN_ENGLISH
    return any(word.group(0).lower() in numbers for word in _WORD.finditer(text))


def _is_year(match: re.Match[str], text: str) -> bool:
    digits = match.group(1)
    if match.group(2) or not (len(digits) == 4 and digits.isdigit()):
        return False
    if not 1900 <= int(digits) <= 2099:
        return False
    following = _NEXT_WORD.match(text, match.end())
    if following is None or not text[match.end() :].startswith((" ", "\u00a0")):
        return True  # the end, or punctuation: "by 2027." "2024-2028"
    return following.group(1).lower() in _AFTER_A_YEAR


def vague_word(statement: str, language: str | None) -> str | None:
    """The first vague word of the plan's language (or of both) in `statement`."""
    langs = ("en", "nb") if language is None else ("nb",) if norwegian(language) else ("en",)
    for lang in langs:
        if match := _VAGUE[lang].search(statement):
            return match.group(0)
    return None
