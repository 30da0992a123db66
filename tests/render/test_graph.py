"""Tests of generator.render.graph: the site graph and an entity's local graph as browser data."""

from __future__ import annotations

import json

from generator.models import Entity, EntityMention, Relation
from generator.render.graph import Edge, Graph, Node, attribute, local_graph, pair_weights, site_graph


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
