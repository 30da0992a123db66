"""The relationship graph as data for the browser: nodes, weighted edges, links.

The site graph keeps the most-mentioned entities and, of the edges between them, each
entity's strongest ties (:func:`backbone`), so that an entity named in most articles
(a *hub*, which the page hides at first) does not tie every node to itself; the page
draws, of the entities a reader chose to show, each one's four strongest ties among them. An
entity's local graph is the entity, its strongest neighbours and the edges among them.
Node URLs are relative to the site root; the page script adds the page's own way up
to the root.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.models import Entity, EntityType, Relation
from generator.render.paths import entity_url

SITE_NODES = 150
SITE_EDGES = 1500
EDGES_PER_NODE = 12  # of each node of the site graph, the strongest ties sent (the page draws 4 of those it shows)
LOCAL_NODES = 15
HUB_SHARE = 0.5  # an entity named in more than this share of the articles is a hub ...
HUB_MIN_ARTICLES = 10  # ... in a corpus of at least this many articles


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    group: EntityType  # the entity's type: the browser colours nodes by it
    value: int  # articles that mention the entity: the browser sizes nodes by it
    url: str  # relative to the site root
    centre: bool = False  # the entity a local graph is about
    topics: tuple[str, ...] = ()  # the ids of its topics: the site graph filters by them
    hub: bool = False  # named in most articles: the site graph hides it at first

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "group": self.group,
            "value": self.value,
            "url": self.url,
        }
        if self.centre:
            out["centre"] = True
        if self.topics:
            out["topics"] = list(self.topics)
        if self.hub:
            out["hub"] = True
        return out


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    value: int  # sentences that name both

    def as_json(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "value": self.value}


@dataclass(frozen=True)
class Graph:
    nodes: list[Node]
    edges: list[Edge]

    def as_json(self) -> dict[str, Any]:
        return {"nodes": [n.as_json() for n in self.nodes], "edges": [e.as_json() for e in self.edges]}

    def relabelled(self, label: Callable[[str], str]) -> Graph:
        """The same graph with each node's label passed through ``label``."""
        return replace(self, nodes=[replace(n, label=label(n.label)) for n in self.nodes])


def _node(e: Entity, sizes: Mapping[str, int] | None = None, centre: bool = False) -> Node:
    value = sizes[e.id] if sizes is not None else len(e.articles)
    return Node(e.id, e.name, e.type, value, entity_url(e), centre)


def backbone(
    relations: list[Relation], keep: set[str], sizes: Mapping[str, int], per_node: int, limit: int
) -> list[Edge]:
    """Of the edges among ``keep``, each node's ``per_node`` strongest ties, at most ``limit``
    in all, the heaviest first.

    A tie is as strong as its weight against the two entities' sizes (sentences together
    over the geometric mean of their articles): an entity named everywhere is named with
    everything, which says little about any one of them.
    """
    chosen = [r for r in relations if r.source in keep and r.target in keep]

    def strength(r: Relation) -> float:
        return r.weight / math.sqrt(max(1, sizes.get(r.source, 1)) * max(1, sizes.get(r.target, 1)))

    ties: dict[str, list[Relation]] = {}
    for r in chosen:
        ties.setdefault(r.source, []).append(r)
        ties.setdefault(r.target, []).append(r)
    kept: set[tuple[str, str]] = set()
    for rs in ties.values():
        rs.sort(key=lambda r: (-strength(r), -r.weight, r.source, r.target))
        kept.update((r.source, r.target) for r in rs[:per_node])
    out = [r for r in chosen if (r.source, r.target) in kept]
    out.sort(key=lambda r: (-r.weight, r.source, r.target))
    return [Edge(r.source, r.target, r.weight) for r in out[:limit]]


def hubs(entities: list[Entity], articles: int) -> set[str]:
    """The entities named in more than :data:`HUB_SHARE` of ``articles`` (none in a small corpus)."""
    if articles < HUB_MIN_ARTICLES:
        return set()
    return {e.id for e in entities if len(e.articles) > HUB_SHARE * articles}


def site_graph(
    entities: list[Entity],
    relations: list[Relation],
    limit: int = SITE_NODES,
    topics: Mapping[str, list[str]] | None = None,
    articles: int = 0,
) -> Graph:
    """The ``limit`` most-mentioned entities tied to another, with their topics (entity id ->
    topic ids) and, of a corpus of ``articles`` articles, which are hubs."""
    linked = {r.source for r in relations} | {r.target for r in relations}
    ranked = sorted((e for e in entities if e.id in linked), key=lambda e: (-len(e.articles), -len(e.mentions), e.id))[
        :limit
    ]
    keep = {e.id for e in ranked}
    sizes = {e.id: len(e.articles) for e in ranked}
    hub = hubs(ranked, articles)
    nodes = [replace(_node(e), topics=tuple((topics or {}).get(e.id, ())), hub=e.id in hub) for e in ranked]
    return Graph(nodes, backbone(relations, keep, sizes, EDGES_PER_NODE, SITE_EDGES))


def pair_weights(relations: list[Relation]) -> dict[tuple[str, str], int]:
    """(id, id) in sorted order -> sentences shared, for looking up edges among a few nodes."""
    return {(r.source, r.target) if r.source < r.target else (r.target, r.source): r.weight for r in relations}


def local_graph(
    entity: Entity,
    neighbours: list[tuple[str, int]],
    by_id: dict[str, Entity],
    weights: dict[tuple[str, str], int],
    sizes: Mapping[str, int] | None = None,
) -> Graph:
    """``sizes`` (entity id -> articles), when given, saves counting each node's articles:
    a renderer draws the same well-known neighbours on thousands of pages."""
    others = [by_id[i] for i, _ in neighbours[:LOCAL_NODES] if i in by_id]
    ids = sorted([entity.id] + [e.id for e in others])
    edges = [Edge(a, b, weights[(a, b)]) for i, a in enumerate(ids) for b in ids[i + 1 :] if (a, b) in weights]
    return Graph([_node(entity, sizes, centre=True)] + [_node(e, sizes) for e in others], edges)


def attribute(graph: Graph) -> str:
    """The graph as JSON for an HTML attribute in double quotes: inert whatever the names contain."""
    return html.escape(json.dumps(graph.as_json(), ensure_ascii=False, separators=(",", ":")), quote=True)
