"""Tests of generator.lexicons.names: cleaning surface forms and matching keys."""

from __future__ import annotations

import pytest

from generator.lexicons.names import clean_surface, initials, is_acronym, looks_like_name, match_key, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the Harbor Council", "Harbor Council"),
        ("The Harbor Council", "Harbor Council"),
        ("Edith Marlow’s", "Edith Marlow"),
        ("Edith Marlow's", "Edith Marlow"),
        ("“Harbor Council”", "Harbor Council"),
        ('"Harbor Council,"', "Harbor Council"),
        ("  Edith \n Marlow  ", "Edith Marlow"),
        ("the Veldts'", "Veldts"),
    ],
)
def test_clean_surface_strips_articles_possessives_quotes(raw: str, expected: str) -> None:
    assert clean_surface(raw) == expected


def test_clean_surface_keeps_dotted_abbreviation() -> None:
    assert clean_surface("U.S.") == "U.S."
    assert clean_surface("the U.K.") == "U.K."


def test_match_key_ignores_dots_in_abbreviations() -> None:
    assert match_key("U.S. Congress") == match_key("US Congress") == "us congress"


def test_match_key_sorts_hyphenated_compound_names() -> None:
    assert match_key("Arden-Belmar Council") == match_key("Belmar-Arden Council")
    assert match_key("Arden-Belmar Council") != match_key("Arden Council")


def test_match_key_keeps_apostrophe_name_one_token() -> None:
    assert tokens("Sean O’Neil") == ["sean", "oneil"]
    assert match_key("O’Neil") == match_key("O'Neil") == "oneil"


def test_match_key_folds_case_accents_and_ampersand() -> None:
    assert match_key("Zoë Ferrand") == match_key("ZOE FERRAND")
    assert match_key("Holt & Pryce") == match_key("Holt and Pryce")


def test_match_key_drops_leading_article_and_possessive() -> None:
    assert match_key("the Harbor Council’s") == match_key("Harbor Council")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Council for Rural Advancement", "CRA"),
        ("the Council for Rural Advancement", "CRA"),
        ("Organization for Security and Co-operation in Europe", "OSCE"),
        ("Edith Marlow", "EM"),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_is_acronym() -> None:
    assert is_acronym("CRA")
    assert is_acronym("U.S.")
    assert not is_acronym("Cra")
    assert not is_acronym("C")
    assert not is_acronym("ABCDEFGHIJ")


def test_looks_like_name() -> None:
    assert looks_like_name("Edith Marlow")
    assert looks_like_name("Council for Rural Advancement")
    assert not looks_like_name("")
    assert not looks_like_name("marlow")
    assert not looks_like_name("1234567")
    assert not looks_like_name("The man who was there and then left")


def test_reading_order_breaks_case_ties_whatever_the_input_order() -> None:
    from generator.lexicons.names import reading_order

    forms = ["MARLOW", "marlow", "Marlow", "Abel"]
    assert sorted(forms, key=reading_order) == sorted(reversed(forms), key=reading_order)
    assert sorted(forms, key=reading_order)[0] == "Abel"


def test_match_key_spells_out_opening_short_forms_and_a_campus_at() -> None:
    assert match_key("St. Petersburg") == match_key("Saint Petersburg") == "saint petersburg"
    assert match_key("Mt. Rainier") == match_key("Mount Rainier")
    assert match_key("University of Portvale at Eastbrook") == match_key("University of Portvale, Eastbrook")
    assert match_key("Main St.") == "main st"  # a street's "St." is not a saint


def test_time_zones_are_known() -> None:
    from generator.lexicons.names import is_time_zone

    assert all(is_time_zone(n) for n in ["UTC", "GMT", "AEST", "Central European Time", "Eastern Standard Time"])
    assert not any(is_time_zone(n) for n in ["West", "Time", "New York Times", "Showtime", "NATO"])
