"""Matching what is typed in the palette to command titles: which match, in what order."""

from __future__ import annotations

import pytest

from posttui.ui.matching import match


def ranked(query: str, titles: list[str]) -> list[str]:
    """The titles that match, best first (as the palette lists them)."""
    scored = [(found.score, title) for title in titles if (found := match(query, title))]
    return [title for _, title in sorted(scored, key=lambda pair: -pair[0])]


def marked(query: str, title: str) -> str:
    """The title with the matched characters in capitals, the rest in lower case."""
    found = match(query, title)
    assert found is not None
    return "".join(c.upper() if i in found.offsets else c.lower() for i, c in enumerate(title))


def test_a_phrase_beats_words_in_order_which_beat_scattered_letters() -> None:
    titles = [
        "Segment: studenter i Oslo",  # no "c": no match
        "Objective: grow the student book club on Instagram",  # the words, apart
        "Segment: student club members",  # the phrase, whole
    ]
    assert ranked("student club", titles) == [titles[2], titles[1]]
    assert ranked("stdclb", titles) == [titles[2], titles[1]]  # letters in order, tighter first
    assert ranked("instagram", titles) == [titles[1]]


def test_case_is_ignored_and_the_matched_letters_are_marked() -> None:
    assert marked("KAFFE", "Objective: Kaffeklubben") == "objective: KAFFEklubben"
    assert marked("kaffe medlem", "Kaffeklubben: 200 medlemmer") == "KAFFEklubben: 200 MEDLEMmer"
    assert marked("kbm", "Kaffeklubben: 200 medlemmer") == "kaffeKluBben: 200 Medlemmer"


def test_a_phrase_at_the_start_of_a_word_beats_one_inside_a_word() -> None:
    titles = ["Segment: småbedrifter", "Segment: bedrifter i byen"]
    assert ranked("bedrift", titles) == [titles[1], titles[0]]


@pytest.mark.parametrize("query", ["", "   ", "xyz", "klubben kaffe"])
def test_nothing_typed_missing_letters_or_words_out_of_order_do_not_match(query: str) -> None:
    assert match(query, "Objective: Kaffeklubben") is None


def test_letters_whose_lower_case_is_longer_keep_the_marks_in_place() -> None:
    # "İ".lower() is two characters: the marks must still fall on the letters typed.
    found = match("stanbul", "İstanbul office")
    assert found is not None and found.offsets == list(range(1, 8))
