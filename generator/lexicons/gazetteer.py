"""World places from GeoNames: countries, US states and cities of 100,000 people or more, with
their alternate spellings ("Kiev" for "Kyiv", "Bruxelles" for "Brussels"), read from
``generator/data/places.tsv`` (derived by ``python -m tools.gazetteer_table``).

Used as evidence, not as a verdict: a name found here votes for the place
type, and two spellings of one place merge under its GeoNames name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from generator.lexicons.names import COUNTRY_ALIASES, match_key

MIN_CITY_POPULATION = 100_000


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # "country", "city" or "region"
    population: int


def usable_variant(alt: str) -> bool:
    """Whether a city's alternate name is kept as a spelling of it: one capitalized ASCII word of
    four letters or more (the others are mostly other scripts, codes and common words)."""
    return len(alt) >= 4 and alt.isascii() and alt[:1].isupper() and " " not in alt.strip()


def _table() -> list[tuple[str, str, int, list[str]]]:
    text = resources.files("generator.data").joinpath("places.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            kind, name, population, *variants = line.split("\t")
            rows.append((kind, name, int(population), variants))
    return rows


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Place], dict[str, Place]]:
    """(primary names, alternate spellings): each match key to the place it names."""
    primary: dict[str, Place] = {}
    variants: dict[str, Place] = {}

    def add(index: dict[str, Place], alias: str, place: Place) -> None:
        key = match_key(alias)
        current = index.get(key)
        if current is None or _rank(place) > _rank(current):
            index[key] = place

    rows = _table()
    for kind, name, population, alternates in rows:
        if kind == "city":
            place = Place(name, "city", population)
            add(primary, name, place)
            for alt in alternates:
                add(variants, alt, place)
    countries: dict[str, Place] = {}
    for kind, name, population, _ in rows:
        if kind == "country":
            place = Place(name, "country", population)
            countries[match_key(name)] = place
            add(primary, name, place)
    for alias, country in COUNTRY_ALIASES.items():
        if (known := countries.get(match_key(country))) is not None:
            primary[match_key(alias)] = known
    for kind, name, _, _ in rows:
        if kind == "region":
            add(primary, name, Place(name, "region", 0))
    for key, place in primary.items():
        variants[key] = place
    return primary, variants


def _rank(place: Place) -> tuple[bool, int]:
    return place.kind == "country", place.population


def lookup(name: str) -> Place | None:
    """The place a name stands for, if it is the name of a country or of a city of 100,000 or more."""
    return _indexes()[0].get(match_key(name))


def variant_of(name: str) -> Place | None:
    """The place of which ``name`` is the name or an alternate spelling ("Kiev" -> Kyiv).

    Alternate spellings are many and some are other words too, so callers
    merge on this only when the place's other names occur as well.
    """
    return _indexes()[1].get(match_key(name))
