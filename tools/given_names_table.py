"""Derive ``generator/data/given_names.txt``: given names of many languages, one per line.

The English table of the ``nicknames`` package knows "Savannah" and "Don" but not "Jared",
"Narendra", "Perttu" or "Ioana". This table adds the given names that the public
``names-dataset`` (first names counted by country, MIT licence) ranks among the
1,000 most common of at least one country, leaving out what would make a place's or
a body's name look like a person's:

- a word English writes in lower case (Webster's Second International word list,
  from the ``english-words`` package): "rocky", "hunter", "will";
- a nationality ("British", "Syrian");
- a name given to both sexes in about equal measure: the dataset counts many
  words that are not names ("Muslim", "Nato", "Africa", "Lao") as given names of
  both sexes at once.

The two packages are needed only to derive the table, not to use it::

    pip install names-dataset english-words
    python -m tools.given_names_table > generator/data/given_names.txt
"""

from __future__ import annotations

import gzip
import pickle
import sys
from collections.abc import Iterable, Mapping
from importlib import resources

MAX_RANK = 1000  # among the 1,000 most common given names of some country
MIN_ONE_SEX = 0.9  # given to one sex at least nine times in ten


def derive(
    first_names: Mapping[str, Mapping[str, Mapping[str, float | int | None]]], lower_words: set[str]
) -> list[str]:
    """The table's names (lower case, sorted) from names-dataset's first-name records
    (``{"rank": {country: rank}, "gender": {"F": share, "M": share}}`` by name)."""
    from generator.resolve.facts.roles import country_of_adjective

    out: set[str] = set()
    for name, record in first_names.items():
        if len(name) < 3 or not name.isalpha() or not name[:1].isupper():
            continue
        ranks = [r for r in (record.get("rank") or {}).values() if r is not None]
        if not ranks or min(ranks) > MAX_RANK:
            continue
        if name.lower() in lower_words or country_of_adjective(name) is not None:
            continue
        if max((record.get("gender") or {}).values(), default=0) < MIN_ONE_SEX:
            continue
        out.add(name.lower())
    return sorted(out)


def _lower_case_words() -> set[str]:
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}


def _first_names() -> Mapping[str, Mapping[str, Mapping[str, float | int | None]]]:
    path = resources.files("names_dataset").joinpath("v3/first_names.pkl.gz")
    with path.open("rb") as raw, gzip.open(raw) as fh:
        return pickle.load(fh)  # the package's own data file


def write(names: Iterable[str]) -> None:
    sys.stdout.writelines(f"{n}\n" for n in names)


if __name__ == "__main__":
    write(derive(_first_names(), _lower_case_words()))
