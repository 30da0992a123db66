"""Tests of generator.resolve.facts.relations: co-mentions in sentences."""

from __future__ import annotations

from generator.models import Entity, EntityMention
from generator.resolve.facts.relations import co_mentions, neighbours


def ent(entity_id: str, *where: tuple[str, int]) -> Entity:
    return Entity(entity_id, "person", entity_id, mentions=[EntityMention(a, s, 0, 1, entity_id) for a, s in where])


def test_co_mentions_weight_counts_shared_sentences() -> None:
    a = ent("alpha", ("a1", 0), ("a1", 0), ("a1", 2), ("b1", 1))
    b = ent("bravo", ("a1", 0), ("a1", 2), ("b1", 1), ("b1", 3))
    c = ent("charlie", ("a1", 2))
    d = ent("delta", ("c1", 0))
    relations = {(r.source, r.target): r for r in co_mentions([b, a, c, d])}
    assert set(relations) == {("alpha", "bravo"), ("alpha", "charlie"), ("bravo", "charlie")}
    # two mentions of alpha in one sentence still count that sentence once
    assert relations[("alpha", "bravo")].weight == 3
    assert relations[("alpha", "bravo")].articles == ["a1", "b1"]
    assert relations[("alpha", "charlie")].weight == 1
    assert relations[("alpha", "charlie")].articles == ["a1"]
    assert all(r.kind == "co-mention" for r in relations.values())


def test_co_mentions_sorted_and_source_before_target() -> None:
    relations = co_mentions([ent("zulu", ("a1", 0)), ent("alpha", ("a1", 0)), ent("mike", ("a1", 0))])
    assert [(r.source, r.target) for r in relations] == [("alpha", "mike"), ("alpha", "zulu"), ("mike", "zulu")]


def test_same_sentence_index_in_different_articles_is_not_shared() -> None:
    assert co_mentions([ent("alpha", ("a1", 0)), ent("bravo", ("b1", 0))]) == []


def test_neighbours_sorted_by_weight_then_id() -> None:
    a = ent("alpha", ("a1", 0), ("a1", 1), ("a1", 2))
    b = ent("bravo", ("a1", 0))
    c = ent("charlie", ("a1", 1), ("a1", 2))
    d = ent("delta", ("a1", 0))
    out = neighbours(co_mentions([a, b, c, d]))
    assert out["alpha"] == [("charlie", 2), ("bravo", 1), ("delta", 1)]
    assert out["bravo"] == [("alpha", 1), ("delta", 1)]
    assert out["charlie"] == [("alpha", 2)]
    assert "echo" not in out
