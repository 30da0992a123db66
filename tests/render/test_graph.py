"""Tests of generator.render.graph: the site graph and an entity's local graph as browser data."""

from __future__ import annotations

import json

from generator.models import Entity, EntityMention, Relation
from generator.render.graph import (
    EDGES_PER_NODE,
    Edge,
    Graph,
    Node,
    attribute,
    backbone,
    hubs,
    local_graph,
    pair_weights,
    site_graph,
)


def _entity(eid: str, type_: str, articles: int) -> Entity:
    mentions = [EntityMention(f"a{i}", 0, 0, 4, eid) for i in range(articles)]
    return Entity(eid, type_, eid.title(), mentions=mentions)  # type: ignore[arg-type]


def test_the_site_graph_keeps_the_most_mentioned_linked_entities_and_the_strongest_edges() -> None:
    entities = [_entity("ada", "person", 5), _entity("port", "place", 3), _entity("lone", "person", 9),
                _entity("guild", "organization", 1)]  # fmt: skip
    relations = [Relation("ada", "port", 4, ["a0"]), Relation("ada", "guild", 1, ["a0"])]
    graph = site_graph(entities, relations, limit=2)
    assert [n.id for n in graph.nodes] == ["ada", "port"]  # "lone" is linked to nothing
    assert graph.edges == [Edge("ada", "port", 4)]  # the guild is not kept
    assert graph.nodes[0].url.startswith("people/") and graph.nodes[0].value == 5


def test_a_local_graph_is_the_entity_its_neighbours_and_the_edges_among_them() -> None:
    ada, port, guild = _entity("ada", "person", 2), _entity("port", "place", 1), _entity("guild", "organization", 1)
    by_id = {e.id: e for e in (ada, port, guild)}
    weights = pair_weights([Relation("port", "ada", 3, ["a0"]), Relation("guild", "port", 1, ["a0"])])
    assert weights == {("ada", "port"): 3, ("guild", "port"): 1}  # each pair in sorted order
    graph = local_graph(ada, [("port", 3), ("guild", 1), ("gone", 1)], by_id, weights)
    assert [n.id for n in graph.nodes] == ["ada", "port", "guild"]
    data = graph.as_json()  # what the browser reads
    assert data["nodes"][0]["centre"] is True and "centre" not in data["nodes"][1]
    assert data["nodes"][1] == {"id": "port", "label": "Port", "group": "place", "value": 1, "url": "places/port/"}
    assert data["edges"] == [{"from": "ada", "to": "port", "value": 3}, {"from": "guild", "to": "port", "value": 1}]


def test_graph_data_in_an_attribute_is_inert_whatever_the_names_hold() -> None:
    text = attribute(Graph([Node("x", '"><script>alert(1)</script>', "person", 1, "people/x/")], []))
    assert "<" not in text and '"' not in text
    assert json.loads(text.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def test_each_node_keeps_its_strongest_ties_against_the_sizes_of_the_two_entities() -> None:
    # "us" is named in every article and with everything; "ada" and "port" only with each other and "us"
    sizes = {"us": 100, "ada": 4, "port": 4, "guild": 50}
    relations = [
        Relation("us", "ada", 6, ["a0"]),
        Relation("us", "port", 6, ["a0"]),
        Relation("us", "guild", 30, ["a0"]),
        Relation("ada", "port", 3, ["a0"]),
        Relation("ada", "guild", 3, ["a0"]),
    ]
    edges = backbone(relations, set(sizes), sizes, per_node=1, limit=10)
    # ada's strongest tie is port (3 / 4), not "us" (6 / 20); port's is ada; "us" and guild keep theirs to each other
    assert edges == [Edge("us", "guild", 30), Edge("ada", "port", 3)]
    assert backbone(relations, set(sizes), sizes, per_node=1, limit=1) == [Edge("us", "guild", 30)]
    assert backbone(relations, {"ada", "port"}, sizes, per_node=4, limit=10) == [Edge("ada", "port", 3)]


def test_an_entity_named_in_most_articles_is_a_hub_in_a_corpus_large_enough_to_tell() -> None:
    everywhere, often = _entity("us", "place", 8), _entity("ada", "person", 5)
    assert hubs([everywhere, often], 10) == {"us"}  # 8 of 10 articles; ada's 5 is not more than half
    assert hubs([everywhere, often], 9) == set()  # too few articles to call anything a hub
    relations = [Relation("us", "ada", 2, ["a0"])]
    graph = site_graph([everywhere, often], relations, topics={"ada": ["harbor"]}, articles=10)
    data = graph.as_json()
    assert data["nodes"][0] == {
        "id": "us", "label": "Us", "group": "place", "value": 8, "url": "places/us/", "hub": True,
    }  # fmt: skip
    assert data["nodes"][1]["topics"] == ["harbor"] and "hub" not in data["nodes"][1]


def test_the_site_graph_sends_more_ties_per_entity_than_the_page_draws_so_a_subset_stays_connected() -> None:
    # fourteen entities all named with each other, some pairs more often: the page draws four ties
    # of each entity shown, among those shown, so the data carries more than four of each
    entities = [_entity(f"e{n:02}", "person", 10) for n in range(14)]
    relations = [
        Relation(a.id, b.id, 1 + (i * 7 + j * 3) % 11, ["a0"])
        for i, a in enumerate(entities)
        for j, b in enumerate(entities)
        if i < j
    ]
    graph = site_graph(entities, relations)
    degree = {e.id: sum(e.id in (x.source, x.target) for x in graph.edges) for e in entities}
    assert EDGES_PER_NODE > 4 and min(degree.values()) >= EDGES_PER_NODE
