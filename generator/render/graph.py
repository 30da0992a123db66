"""The relationship graph as data for the browser: nodes, weighted edges, links.

The site graph keeps the most-mentioned entities and the edges between them;
an entity's local graph is the entity, its strongest neighbours and the edges
among them. Node URLs are relative to the site root; the page script adds the
page's own way up to the root.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.models import Entity, EntityType, Relation
from generator.render.paths import entity_url

SITE_NODES = 150
SITE_EDGES = 600
LOCAL_NODES = 15


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    group: EntityType  # the entity's type: the browser colours nodes by it
    value: int  # articles that mention the entity: the browser sizes nodes by it
    url: str  # relative to the site root
    centre: bool = False  # the entity a local graph is about

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


def _edges(relations: list[Relation], keep: set[str], limit: int) -> list[Edge]:
    chosen = [r for r in relations if r.source in keep and r.target in keep]
    chosen.sort(key=lambda r: (-r.weight, r.source, r.target))
    return [Edge(r.source, r.target, r.weight) for r in chosen[:limit]]


def site_graph(entities: list[Entity], relations: list[Relation], limit: int = SITE_NODES) -> Graph:
    linked = {r.source for r in relations} | {r.target for r in relations}
    ranked = sorted((e for e in entities if e.id in linked), key=lambda e: (-len(e.articles), -len(e.mentions), e.id))[
        :limit
    ]
    keep = {e.id for e in ranked}
    return Graph([_node(e) for e in ranked], _edges(relations, keep, SITE_EDGES))


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
