"""Tests of generator.lexicons.gazetteer: countries and large cities, and their other spellings."""

from __future__ import annotations

from generator.lexicons.gazetteer import lookup, variant_of


def test_countries_and_large_cities_are_places_and_small_words_are_not() -> None:
    france = lookup("France")
    assert france is not None and france.kind == "country"
    assert lookup("the United States") is not None or lookup("United States") is not None
    city = lookup("Chicago")
    assert city is not None and city.kind == "city" and city.population >= 100_000
    assert lookup("Tuesday") is None and lookup("Marlow") is None


def test_an_alternate_spelling_names_the_place() -> None:
    kyiv = variant_of("Kiev")
    assert kyiv is not None and kyiv == variant_of("Kyiv")
    assert variant_of("Tuesday") is None
