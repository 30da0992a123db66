"""Tests of generator.render.names: the files of exact names the site search puts first."""

from __future__ import annotations

import json

from generator.render.names import Names, shard, typed
from generator.render.pages import render
from tests.render.test_pages import TEMPLATES, small_kb


def test_a_name_is_typed_as_its_lower_case_words_and_hashed_as_the_site_script_does() -> None:
    assert typed("Biden-Harris  Administration") == "biden harris administration"
    assert typed("U.S. “Army”") == "u s army"
    assert typed("Zelenskyy's") == "zelenskyy s"  # as the site script splits it: on anything not a letter or digit
    # FNV-1a, 32 bits: the published test vectors
    assert shard("a", 2**32) == 0xE40C292C and shard("foobar", 2**32) == 0xBF9CF968
    assert shard("é", 2**32) == shard("\u00e9", 2**32)  # over code points


def _files(names: Names) -> dict[str, list[list[str]]]:
    return {path: json.loads(text) for path, text in names.dumps()}


def test_entities_that_share_a_name_are_filed_most_mentioned_first_under_each_spelling() -> None:
    names = Names()
    names.add(["Biden", "Joe Biden"], "people/biden/", "Person", "Biden", "President", 40)
    names.add(["Biden"], "people/biden-2/", "Person", "Biden", "Named in 1 article", 1)
    names.add(["Hunter Biden"], "people/hunter-biden/", "Person", "Hunter Biden", "Son", 90)
    files = _files(names)
    assert files.pop("search/names/shards.json") == {"shards": 1}
    assert files == {
        "search/names/0.json": [
            ["biden", "people/biden/", "Person", "Biden", "President"],
            ["biden", "people/biden-2/", "Person", "Biden", "Named in 1 article"],
            ["hunter biden", "people/hunter-biden/", "Person", "Hunter Biden", "Son"],
            ["joe biden", "people/biden/", "Person", "Biden", "President"],
        ]
    }


def test_names_are_spread_over_files_of_about_a_hundred_each_by_their_hash() -> None:
    names = Names()
    for n in range(450):
        names.add([f"Person {n}"], f"people/p{n}/", "Person", f"Person {n}", "", 1)
    files = _files(names)
    shards = files.pop("search/names/shards.json")["shards"]
    assert shards == 5 and len(files) == 5
    for path, records in files.items():
        assert all(path == f"search/names/{shard(r[0], shards)}.json" for r in records)
    assert sum(len(r) for r in files.values()) == 450 and max(len(r) for r in files.values()) < 150


def test_the_built_pages_carry_every_entity_under_its_name_and_aliases() -> None:
    files = render(small_kb(), TEMPLATES)
    records = [r for path, text in files.items() if path.startswith("search/names/") and "shards" not in path
               for r in json.loads(text)]  # fmt: skip
    assert ["marlow", "people/edith-marlow/", "Person", "Edith Marlow"] in [r[:4] for r in records]
    assert ["edith marlow", "people/edith-marlow/", "Person", "Edith Marlow"] in [r[:4] for r in records]
