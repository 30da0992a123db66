"""Tests of generator.resolve.curation: editorial overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.models import Entity, EntityMention
from generator.resolve.curation import Overrides, apply, links_of, load
from generator.slugs import SlugRegistry


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "curation.yml"
    path.write_text(text, encoding="utf-8")
    return path


def entities() -> list[Entity]:
    return [
        Entity(
            "edith-marlow",
            "person",
            "Edith Marlow",
            aliases=["Marlow"],
            mentions=[EntityMention("a1", 0, 0, 12, "Edith Marlow"), EntityMention("b1", 2, 40, 46, "Marlow")],
        ),
        Entity("e-marlow", "person", "E. Marlow", mentions=[EntityMention("a1", 1, 20, 29, "E. Marlow")]),
        Entity(
            "harbor-council",
            "person",
            "Harbor Council",
            aliases=["HC"],
            mentions=[EntityMention("a1", 1, 5, 19, "Harbor Council")],
        ),
        Entity("paris", "place", "Paris", mentions=[EntityMention("b1", 0, 10, 15, "Paris")]),
    ]


def test_load_missing_file_or_none_is_empty(tmp_path: Path) -> None:
    assert load(None) == Overrides()
    assert load(tmp_path / "nope.yml") == Overrides()
    assert load(write(tmp_path, "")) == Overrides()


def test_load_reads_every_section(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
merge: {"E. Marlow": "Edith Marlow"}
rename: {Harbor Council: Harbour Council}
retype: {Harbor Council: organization}
describe: {Paris: Capital of France}
hide: [Paris]
""",
    )
    out = load(path)
    assert out.merge == {"E. Marlow": "Edith Marlow"}
    assert out.rename == {"Harbor Council": "Harbour Council"}
    assert out.retype == {"Harbor Council": "organization"}
    assert out.describe == {"Paris": "Capital of France"}
    assert out.hide == ["Paris"]


@pytest.mark.parametrize(
    "text",
    [
        "merge: {a: [unclosed",  # bad YAML
        "- just\n- a list\n",  # not a mapping
        "merge: {}\nsplat: {a: b}\n",  # unknown section
        "split: {a: b}\n",  # a split is a list of new entities
        "split: {a: [{name: B}]}\n",  # a part needs aliases or articles
        "split: {a: [{name: B, aliases: [x], colour: red}]}\n",  # unknown key
        "split: {a: [{name: B, aliases: [x], type: country}]}\n",  # unknown type
        "merge: [a, b]\n",  # merge must be a mapping
        "rename: just text\n",  # rename must be a mapping
        "hide: {a: b}\n",  # hide must be a list
        "hide: Paris\n",  # hide must be a list
        "retype: {Paris: country}\n",  # unknown type
    ],
)
def test_load_rejects_bad_files(tmp_path: Path, text: str) -> None:
    with pytest.raises(ConfigError):
        load(write(tmp_path, text))


def test_load_rejects_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "curation.yml"
    path.write_bytes(b"merge: {\xff\xfe: x}")
    with pytest.raises(ConfigError):
        load(path)


def test_merge_moves_mentions_and_aliases() -> None:
    overrides = Overrides(merge={"e marlow": "Marlow"})  # found by match key and by alias
    curated = apply(overrides, entities())
    out = curated.entities
    ids = [e.id for e in out]
    assert "e-marlow" not in ids
    marlow = next(e for e in out if e.id == "edith-marlow")
    assert [(m.article, m.start) for m in marlow.mentions] == [("a1", 0), ("a1", 20), ("b1", 40)]
    assert marlow.aliases == ["E. Marlow", "Marlow"]
    assert curated.remap == {"e-marlow": "edith-marlow"}


def test_merge_with_unknown_name_does_nothing() -> None:
    overrides = Overrides(merge={"Nobody": "Edith Marlow"})
    curated = apply(overrides, entities())
    assert len(curated.entities) == 4
    assert curated.remap == {}


def test_rename_keeps_old_name_as_alias() -> None:
    out = apply(Overrides(rename={"HC": "Harbour Council"}), entities()).entities
    council = next(e for e in out if e.id == "harbor-council")
    assert council.name == "Harbour Council"
    assert council.aliases == ["HC", "Harbor Council"]
    assert council.id == "harbor-council"  # ids stay stable


def test_retype_and_describe() -> None:
    out = apply(
        Overrides(retype={"Harbor Council": "organization"}, describe={"paris": "Capital of France."}), entities()
    ).entities
    by_id = {e.id: e for e in out}
    assert by_id["harbor-council"].type == "organization"
    assert by_id["paris"].description == "Capital of France."
    assert by_id["edith-marlow"].description is None


def test_hide_removes_entity_and_its_links() -> None:
    overrides = Overrides(hide=["Paris"])
    curated = apply(overrides, entities())
    out = curated.entities
    assert "paris" not in [e.id for e in out]
    assert curated.remap == {"paris": None}
    links = links_of(out)
    assert all(entity_id != "paris" for spans in links.values() for _, _, entity_id in spans)
    assert links["b1"] == [(40, 46, "edith-marlow")]


def test_hide_records_the_hidden_entity_whatever_its_place_and_with_the_builds_ids() -> None:
    ids = SlugRegistry()
    for e in entities():
        ids.claim(e.id)
    first = entities()[0]
    overrides = Overrides(hide=[first.name])
    curated = apply(overrides, entities(), ids)
    out = curated.entities
    assert curated.remap == {first.id: None}
    assert first.id not in [e.id for e in out] and len(out) == len(entities()) - 1


def test_links_of_sorted_per_article_and_reflects_merge() -> None:
    before = links_of(entities())
    assert before["a1"] == [(0, 12, "edith-marlow"), (5, 19, "harbor-council"), (20, 29, "e-marlow")]
    after = links_of(apply(Overrides(merge={"E. Marlow": "Edith Marlow"}), entities()).entities)
    assert after["a1"] == [(0, 12, "edith-marlow"), (5, 19, "harbor-council"), (20, 29, "edith-marlow")]
    assert after["b1"] == [(10, 15, "paris"), (40, 46, "edith-marlow")]


def test_apply_keeps_original_order() -> None:
    out = apply(Overrides(describe={"Paris": "x"}), entities()).entities
    assert [e.id for e in out] == ["edith-marlow", "e-marlow", "harbor-council", "paris"]


def test_load_reads_splits(tmp_path: Path) -> None:
    out = load(write(tmp_path, "split:\n  Marlow:\n    - {name: Marlow Bay, type: place, aliases: [Marlow]}\n"))
    assert [(s.name, s.type, s.aliases, s.articles) for s in out.split["Marlow"]] == [
        ("Marlow Bay", "place", ["Marlow"], [])
    ]


def test_split_moves_mentions_by_alias_and_article_to_a_new_entity() -> None:
    from generator.models import PersonInfo, Role
    from generator.resolve.curation import Split

    people = entities()
    people[0].person = PersonInfo([Role("Mayor", None, ["b1"]), Role("Minister", None, ["a1"])])
    overrides = Overrides(
        split={"Edith Marlow": [Split("Marlow Steward", aliases=["Marlow"], articles=["b1"])]},
        describe={"Marlow Bay": "A bay."},  # later sections see the new entity
    )
    out = apply(overrides, people).entities
    by_name = {e.name: e for e in out}
    steward, edith = by_name["Marlow Steward"], by_name["Edith Marlow"]
    assert (steward.id, steward.type) == ("marlow-steward", "person")
    assert [(m.article, m.text) for m in steward.mentions] == [("b1", "Marlow")]
    assert [(m.article, m.text) for m in edith.mentions] == [("a1", "Edith Marlow")]
    assert edith.aliases == [] and steward.aliases == ["Marlow"]
    # a person split from a person takes the roles reported only in its articles
    assert [r.title for r in steward.roles] == ["Mayor"] and [r.title for r in edith.roles] == ["Minister"]
    assert [r.title for r in people[0].roles] == ["Mayor", "Minister"]  # the entity given is not changed
    assert links_of(out)["b1"] == [(10, 15, "paris"), (40, 46, "marlow-steward")]


def test_split_into_a_place_makes_a_place_with_no_roles() -> None:
    from generator.models import PersonInfo, Role
    from generator.resolve.curation import Split

    people = entities()
    people[0].person = PersonInfo([Role("Mayor", None, ["b1"])])
    overrides = Overrides(
        split={"Edith Marlow": [Split("Marlow Bay", "place", aliases=["Marlow"], articles=["b1"])]},
        describe={"Marlow Bay": "A bay."},  # later sections see the new entity
    )
    by_name = {e.name: e for e in apply(overrides, people).entities}
    bay, edith = by_name["Marlow Bay"], by_name["Edith Marlow"]
    assert (bay.id, bay.type, bay.description, bay.person) == ("marlow-bay", "place", "A bay.", None)
    assert bay.roles == [] and [r.title for r in edith.roles] == ["Mayor"]


def test_retyping_drops_the_details_of_the_old_type() -> None:
    from generator.models import EventInfo

    summit = Entity("summit", "event", "Harbor Summit", event=EventInfo("2024-02-10", location="paris"))
    retyped = apply(Overrides(retype={"Harbor Summit": "organization"}), [summit]).entities[0]
    assert (retyped.type, retyped.event, retyped.person, retyped.aid) == ("organization", None, None, None)
    assert summit.event is not None and summit.event.location == "paris"  # the entity given is not changed
    back = apply(Overrides(retype={"Harbor Summit": "person"}), [summit]).entities[0]
    assert back.person is not None and back.roles == []


def test_split_id_never_takes_an_id_in_use() -> None:
    from generator.resolve.curation import Split

    out = apply(Overrides(split={"Marlow": [Split("Paris", aliases=["Marlow"])]}), entities()).entities
    assert sorted(e.id for e in out if e.name == "Paris") == ["paris", "paris-2"]


def test_references_follow_a_merged_or_hidden_entity() -> None:
    from generator.models import AidInfo, EventInfo, PersonInfo, Quote, QuoteSource, Role
    from generator.resolve.curation import remap_references

    event = Entity("summit", "event", "Summit", event=EventInfo(participants=["old-nato", "gone"], location="old-city"))
    person = Entity("ada", "person", "Ada Lind", person=PersonInfo([Role("Minister", "old-nato", ["a1"])]))
    package = Entity("aid", "aid_package", "$1 aid", aid=AidInfo(donor="gone", recipient="old-city"))
    quote = Quote("q", "old-nato", "We will stay the course", [QuoteSource("a1", 0)])
    remap = {"old-nato": "nato", "gone": None, "old-city": "city"}
    (event2, person2, package2), (quote2,) = remap_references([event, person, package], [quote], remap)
    assert quote2.speaker == "nato"
    assert event2.event is not None and (event2.event.participants, event2.event.location) == (["nato"], "city")
    assert person2.roles[0].of == "nato"
    assert package2.aid is not None and (package2.aid.donor, package2.aid.recipient) == (None, "city")
    # nothing given is changed
    assert (quote.speaker, person.roles[0].of) == ("old-nato", "old-nato")
    assert event.event is not None and event.event.location == "old-city"


def test_the_overrides_change_no_entity_they_are_given() -> None:
    from generator.resolve.curation import Split

    given = entities()
    before = [(e.id, e.type, e.name, list(e.aliases), list(e.mentions), e.description) for e in given]
    overrides = Overrides(
        merge={"E. Marlow": "Edith Marlow"},
        rename={"HC": "Harbour Council"},
        retype={"Harbor Council": "place"},
        describe={"Paris": "x"},
        split={"Paris": [Split("Paris Bay", "place", articles=["b1"])]},
    )
    apply(overrides, given)
    assert [(e.id, e.type, e.name, list(e.aliases), list(e.mentions), e.description) for e in given] == before
