"""Ids made from names: 'Lokale familier i Tromsø' -> 'lokale-familier-i-tromso'.

An id is lowercase ASCII letters, digits and hyphens (`model.SLUG_PATTERN`). Made
from a name, it keeps whole words only, in ASCII (`ø` -> `o`, `æ` -> `ae`), without
the small words a name begins or ends with ('from', 'the'; 'i', 'på'), so that it
is never cut mid-phrase (`weekly-reels-from`).

Two decisions:

* A name made only of small words ('The The') keeps them: they are all it has.
* A first word longer than `max_length` on its own is cut at `max_length`, the
  only place a word is ever cut; so an id made here is never longer than
  `max_length`, its `-2` included.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from posttui.core.model import SLUG_PATTERN

MAX_LENGTH = 32

# Letters that NFKD does not take apart into an ASCII letter and its marks.
_LETTERS = str.maketrans(
    {
        "æ": "ae",
        "ø": "o",
        "œ": "oe",
        "ß": "ss",
        "ð": "d",
        "đ": "d",
        "þ": "th",
        "ł": "l",
        "\u0131": "i",  # dotless i
        "ŋ": "n",
    }
)

_ENGLISH = """
    a an the and or but nor in on at by for from of off to into onto with without
    via per over under about as than that this these those who which is are be
"""
# Bokmål and Nynorsk together (a plan says `language = "nb"` or `"nn"`), as they
# read once transliterated: 'på' is 'pa', 'frå' is 'fra'.
_NORWEGIAN = """
    i pa fra for av til og eller men med en et ei ein eit den det de dei dem som om
    ved hos mot mellom etter uten utan innen innan hver kvar sa at a er
"""
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(_ENGLISH.split()),
    "nb": frozenset(_NORWEGIAN.split()),
    "nn": frozenset(_NORWEGIAN.split()),
}
_ANY_STOP_WORD = frozenset().union(*STOP_WORDS.values())

# The word an item's id falls back on when its name has none to give ('!!!'): file
# values, not words for people, so not in a catalog; the Norwegian are the catalogs'
# words for the items ("målgruppe", "mål", "tiltak", "plattform") in ASCII.
ITEM_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "segment": "segment",
        "objective": "objective",
        "initiative": "initiative",
        "platform": "platform",
    },
    "nb": {
        "segment": "malgruppe",
        "objective": "mal",
        "initiative": "tiltak",
        "platform": "plattform",
    },
}
ITEM_WORDS["nn"] = ITEM_WORDS["nb"]

_SLUG = re.compile(SLUG_PATTERN)
_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"(?<=\w)['\u2019`\u00b4](?=\w)")
# "12 000", "12.000", "12,000": one number, not three words.
_THOUSANDS = re.compile(r"(?<=\d)[ .,\u00a0\u202f](?=\d{3}(?!\d))")
_SEPARATORS = re.compile(r"[\s_-]*[\s_][\s_-]*")


def transliterate(text: str) -> str:
    """`text` in lowercase ASCII where it has a Latin letter: 'Blåbær' -> 'blabaer',
    'Grüße' -> 'grusse', 'café' -> 'cafe'. What has no ASCII form (other scripts,
    symbols) is left as it is."""
    lowered = unicodedata.normalize("NFC", text).lower().translate(_LETTERS)
    return "".join(map(_ascii, lowered)).lower()


def _ascii(char: str) -> str:
    """A letter without its marks ('é' -> 'e', 'ﬁ' -> 'fi'), if that makes it ASCII."""
    if char.isascii():
        return char
    parts = unicodedata.normalize("NFKD", char)
    plain = "".join(part for part in parts if not unicodedata.combining(part))
    plain = plain.translate(_LETTERS)
    return plain if plain.isascii() else char


def words_of(text: str) -> list[str]:
    """The ASCII words of `text`, digits included: "Kari's 12 000 følgere" ->
    ['karis', '12000', 'folgere']."""
    text = _THOUSANDS.sub("", _APOSTROPHES.sub("", text))
    return _WORD.findall(transliterate(text))


def stop_words(lang: str | None) -> frozenset[str]:
    """The small words of `lang` an id does not begin or end with (of every language
    posttui speaks, when the plan names none)."""
    return STOP_WORDS.get(lang, _ANY_STOP_WORD) if lang else _ANY_STOP_WORD


def item_word(item: str, lang: str | None) -> str:
    """The id an item of this kind falls back on in a plan in `lang` (English when
    posttui does not speak it): 'segment' -> 'malgruppe' in Norwegian."""
    return ITEM_WORDS.get(lang or "en", ITEM_WORDS["en"])[item]


def _trimmed(words: list[str], small: frozenset[str]) -> list[str]:
    """`words` without the small words they begin and end with (all of them, when
    there is nothing else)."""
    big = [index for index, word in enumerate(words) if word not in small]
    return words[big[0] : big[-1] + 1] if big else words


def _fitted(words: list[str], limit: int, small: frozenset[str]) -> str:
    """The words that fit in `limit` characters, joined, small words at the end dropped;
    a first word too long alone is cut."""
    if len(words[0]) >= limit:
        return words[0][:limit]
    kept = [words[0]]
    length = len(words[0])
    for word in words[1:]:
        length += 1 + len(word)
        if length > limit:
            break
        kept.append(word)
    return "-".join(_trimmed(kept, small))


def slug_from(
    text: str,
    lang: str | None,
    taken: Collection[str] = (),
    max_length: int = MAX_LENGTH,
    *,
    fallback: str,
) -> str:
    """An id for an item named `text`, in a plan in `lang`, that no id in `taken` is.

    Whole words, in ASCII, joined by hyphens, at most `max_length` characters: it
    stops before the word that would not fit, and drops the small words it would
    begin or end with ('Weekly reels from the kitchen', 20 -> 'weekly-reels'). A
    name without letters or digits gives `fallback` (a word in the plan's language,
    such as 'malgruppe'). Taken ids get `-2`, `-3`, ... (fewer words, to fit).
    """
    if not _SLUG.match(fallback):
        raise ValueError(f"the fallback {fallback!r} is not an id")
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    small = stop_words(lang)
    words = _trimmed(words_of(text), small) or [fallback]
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        candidate = _fitted(words, max(max_length - len(suffix), 1), small) + suffix
        if candidate not in taken:
            return candidate
        number += 1


def normalize_typed(text: str) -> str:
    """What was typed in an id field, made an id as far as it can be: 'Følgere i
    Tromsø' -> 'folgere-i-tromso', 'new_id' -> 'new-id'. Characters that are still
    no id's ('#', other scripts) are left for the field to say what is wrong; an id
    typed as it should be comes back unchanged."""
    return _SEPARATORS.sub("-", transliterate(text.strip()))
