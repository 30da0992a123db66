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


def test_the_shipped_table_is_compact_and_reads_back_whole() -> None:
    from importlib import resources

    from generator.lexicons.gazetteer import MIN_CITY_POPULATION, _table, usable_variant

    table = resources.files("generator.data").joinpath("places.tsv")
    assert len(table.read_bytes()) < 1_000_000  # what is used of a 180 MB package
    rows = _table()
    kinds = {kind for kind, *_ in rows}
    assert kinds == {"city", "country", "region"}
    cities = [row for row in rows if row[0] == "city"]
    assert all(population >= MIN_CITY_POPULATION for _, _, population, _ in cities)
    assert all(usable_variant(alt) for *_, alternates in cities for alt in alternates)
    assert sum(kind == "country" for kind, *_ in rows) > 200 and sum(kind == "region" for kind, *_ in rows) >= 50
    assert lookup("Texas") is not None and lookup("Texas").kind == "region"  # type: ignore[union-attr]
    assert variant_of("Bruxelles") == lookup("Brussels")
