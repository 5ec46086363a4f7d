"""Ids made from names, in English and Norwegian: whole words, ASCII, unique."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from posttui.core.i18n import LANGUAGES
from posttui.core.ids import (
    ITEM_WORDS,
    item_word,
    normalize_typed,
    slug_from,
    transliterate,
    words_of,
)
from posttui.core.model import SLUG_PATTERN

SLUG = re.compile(SLUG_PATTERN)


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("følgere", "folgere"),
        ("Blåbær", "blabaer"),
        ("ØSTLANDET Ærlig Å", "ostlandet aerlig a"),
        ("Grüße aus München", "grusse aus munchen"),
        ("Café crème", "cafe creme"),
        ("\ufb01ne \uff26\uff55\uff4c\uff4c", "fine full"),  # compatibility forms
        ("a\u030ar", "ar"),  # 'å' typed as 'a' and its ring
        ("Москва 東京", "москва 東京"),  # no ASCII form: left as it is
    ],
)
def test_transliterate(text: str, ascii: str) -> None:
    assert transliterate(text) == ascii


@pytest.mark.parametrize(
    ("text", "lang", "max_length", "slug"),
    [
        ("Lokale familier i Tromsø", "nb", 32, "lokale-familier-i-tromso"),
        ("Lokale familier i Tromsø", "nb", 20, "lokale-familier"),  # not '...-i'
        ("Lokale familier i Tromsø", "nb", 16, "lokale-familier"),
        ("Lokale familier i Tromsø", "nb", 14, "lokale"),  # never 'lokale-famili'
        ("Studenter i Trondheim", "nb", 32, "studenter-i-trondheim"),
        ("Ærlige kunder på Åsane", "nb", 32, "aerlige-kunder-pa-asane"),
        ("Kunder på", "nb", 32, "kunder"),
        ("I Bergen og omegn", "nb", 32, "bergen-og-omegn"),
        ("Blåbær fra Hardanger", "nn", 32, "blabaer-fra-hardanger"),
        ("Følgarar frå heile Vestland", "nb", 17, "folgarar"),  # 'frå' read as 'fra'
        ("Weekly reels from the kitchen", "en", 32, "weekly-reels-from-the-kitchen"),
        ("Weekly reels from the kitchen", "en", 20, "weekly-reels"),
        ("Weekly reels from the kitchen", "en", 24, "weekly-reels"),
        ("The weekly reels", "en", 32, "weekly-reels"),
        ("Local families in", "en", 32, "local-families"),
        ("Reach 2000 followers in a year", "en", 32, "reach-2000-followers-in-a-year"),
        ("Reach 2000 followers in a year", "en", 24, "reach-2000-followers"),
        ("Nå 12 000 følgere innen juni", "nb", 32, "na-12000-folgere-innen-juni"),
        ("Kari's café", "en", 32, "karis-cafe"),
        ("Kari\u2019s café", "en", 32, "karis-cafe"),
        ("The The", "en", 32, "the-the"),  # nothing but small words: they are the name
    ],
)
def test_slug_from_keeps_whole_words(text: str, lang: str, max_length: int, slug: str) -> None:
    assert slug_from(text, lang, max_length=max_length, fallback="segment") == slug


@pytest.mark.parametrize(
    ("text", "lang", "fallback"),
    [("!!!", "en", "segment"), ("", "nb", "malgruppe"), ("🙂 🎉", "nb", "tiltak")],
)
def test_a_name_without_words_gives_the_fallback(text: str, lang: str, fallback: str) -> None:
    assert slug_from(text, lang, fallback=fallback) == fallback
    assert slug_from(text, lang, {fallback}, fallback=fallback) == f"{fallback}-2"


def test_stop_words_are_the_plans_language() -> None:
    # 'from' is English; 'i' is Norwegian; a plan without a language knows both.
    assert slug_from("Reels from", "nb", fallback="x") == "reels-from"
    assert slug_from("Reels from", "en", fallback="x") == "reels"
    assert slug_from("Familier i", "en", fallback="x") == "familier-i"
    assert slug_from("Familier i", "nb", fallback="x") == "familier"
    assert slug_from("Reels from", None, fallback="x") == "reels"


@pytest.mark.parametrize(
    ("taken", "slug"),
    [
        ((), "studenter"),
        (("studenter",), "studenter-2"),
        (("studenter", "studenter-2"), "studenter-3"),
        (("studenter-2",), "studenter"),
        (("annen",), "studenter"),
    ],
)
def test_slug_from_is_unique(taken: tuple[str, ...], slug: str) -> None:
    assert slug_from("Studenter", "nb", set(taken), fallback="malgruppe") == slug


def test_a_number_makes_room_by_dropping_words() -> None:
    name, taken = "Weekly reels from the kitchen", {"weekly-reels-from-the-kitchen"}
    assert slug_from(name, "en", taken, fallback="x") == "weekly-reels-from-the-kitchen-2"
    assert slug_from(name, "en", taken, 30, fallback="x") == "weekly-reels-2"


def test_a_first_word_too_long_alone_is_cut() -> None:
    word = "sykehusparkeringsplassavgiftsreglementet"  # 40 letters
    assert slug_from(f"{word} i Oslo", "nb", fallback="x") == word[:32]
    assert slug_from(word, "nb", {word[:32]}, fallback="x") == f"{word[:30]}-2"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_an_id_word_for_every_item(lang: str) -> None:
    assert ITEM_WORDS[lang].keys() == ITEM_WORDS["en"].keys()
    assert all(SLUG.match(word) for word in ITEM_WORDS[lang].values())


def test_item_words_are_the_plans_language() -> None:
    norwegian = [item_word(item, "nb") for item in ITEM_WORDS["en"]]
    # The Norwegian catalogs' words for the items, in ASCII.
    assert norwegian == [transliterate(w) for w in ("målgruppe", "mål", "tiltak", "plattform")]
    assert item_word("segment", None) == item_word("segment", "de") == "segment"


def test_the_fallback_must_be_an_id() -> None:
    with pytest.raises(ValueError, match="fallback"):
        slug_from("Studenter", "nb", fallback="Målgruppe")


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("følgere", "folgere"),
        ("Følgere i Tromsø", "folgere-i-tromso"),
        ("  new_id  ", "new-id"),
        ("reels - kitchen", "reels-kitchen"),
        ("a--b", "a--b"),  # typed as an id may be: unchanged
        ("Blåbær#1", "blabaer#1"),  # left for the field to refuse, and say why
        ("Москва", "москва"),
    ],
)
def test_normalize_typed(typed: str, slug: str) -> None:
    assert normalize_typed(typed) == slug


# ---- properties ----

NAMES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("æøåÆØÅ -'"),
    max_size=80,
)


@given(
    text=NAMES,
    lang=st.sampled_from(["en", "nb", "nn", None]),
    taken=st.sets(st.from_regex(r"[a-z]{1,6}(-[0-9])?", fullmatch=True), max_size=8),
    max_length=st.integers(4, 64),
)
@example(text="Weekly reels from the kitchen", lang="en", taken=set(), max_length=20)
@example(text="Lokale familier i Tromsø", lang="nb", taken={"lokale"}, max_length=8)
def test_slug_from_is_always_an_id_of_whole_words(
    text: str, lang: str | None, taken: set[str], max_length: int
) -> None:
    slug = slug_from(text, lang, taken, max_length, fallback="segment")
    assert SLUG.match(slug), slug
    assert slug not in taken
    assert len(slug) <= max_length  # a single word longer than that is cut
    words = words_of(text) or ["segment"]  # the fallback: a word like the others
    bases = {slug, re.sub(r"-[0-9]+$", "", slug)}
    assert any(is_run_of(base, words) or base == "segment" for base in bases), (slug, words)


def is_run_of(slug: str, words: list[str]) -> bool:
    """`slug` is words that follow each other in `words`, or the start of one word (cut)."""
    parts = slug.split("-")
    runs = (words[i : i + len(parts)] for i in range(len(words)))
    return parts in runs or (len(parts) == 1 and any(w.startswith(slug) for w in words))


@given(st.from_regex(SLUG_PATTERN, fullmatch=True).filter(lambda s: "\n" not in s))
def test_an_id_typed_right_comes_back_unchanged(slug: str) -> None:
    assert normalize_typed(slug) == slug


@given(NAMES)
def test_normalize_typed_is_idempotent_and_keeps_no_ascii_capital(typed: str) -> None:
    once = normalize_typed(typed)
    assert normalize_typed(once) == once
    assert not re.search(r"[A-Z\s_]", once)
