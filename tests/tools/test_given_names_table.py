"""Tests of tools.given_names_table: which records of a first-name dataset become given names."""

from __future__ import annotations

from generator.lexicons.names import given_names
from tools.given_names_table import derive


def _record(rank: int, female: float) -> dict[str, dict[str, float | int | None]]:
    return {"rank": {"IN": rank, "US": None}, "gender": {"F": female, "M": 1 - female}}


def test_common_names_of_one_sex_are_kept_in_lower_case() -> None:
    records = {"Narendra": _record(155, 0.03), "Ioana": _record(506, 0.99)}
    assert derive(records, set()) == ["ioana", "narendra"]


def test_rare_names_words_nationalities_and_names_of_both_sexes_are_left_out() -> None:
    records = {
        "Sandia": _record(1781, 0.76),  # not among a country's 1,000 most common
        "Rocky": _record(330, 0.01),  # an English word
        "Syrian": _record(500, 0.01),  # a nationality
        "Muslim": _record(58, 0.15),  # both sexes: no given name but a word the dataset counts
        "Al": _record(5, 0.01),  # too short
        "Jean-Luc": _record(5, 0.01),  # not one word of letters
        "Jared": _record(290, 0.02),
    }
    assert derive(records, {"rocky"}) == ["jared"]


def test_the_shipped_table_adds_names_of_other_languages_to_the_english_ones() -> None:
    names = given_names()
    assert {"savannah", "narendra", "perttu", "ioana"} <= names  # English, Hindi, Finnish, Romanian
    assert not {"rocky", "muslim", "syrian", "west"} & names
