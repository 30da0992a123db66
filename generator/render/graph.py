"""The relationship graph as data for the browser: nodes, weighted edges, links.

The site graph keeps the most-mentioned entities and the edges between them;
an entity's local graph is the entity, its strongest neighbours and the edges
among them. Node URLs are relative to the site root; the page script adds the
page's own way up to the root.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from generator.models import Entity, Relation
from generator.render.paths import entity_url

SITE_NODES = 150
SITE_EDGES = 600
LOCAL_NODES = 15


def _node(e: Entity, sizes: Mapping[str, int] | None = None, centre: bool = False) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": e.id,
        "label": e.name,
        "group": e.type,
        "value": sizes[e.id] if sizes is not None else len(e.articles),
        "url": entity_url(e),
    }
    if centre:
        node["centre"] = True
    return node


def _edges(relations: list[Relation], keep: set[str], limit: int) -> list[dict[str, Any]]:
    chosen = [r for r in relations if r.source in keep and r.target in keep]
    chosen.sort(key=lambda r: (-r.weight, r.source, r.target))
    return [{"from": r.source, "to": r.target, "value": r.weight} for r in chosen[:limit]]


def site_graph(entities: list[Entity], relations: list[Relation], limit: int = SITE_NODES) -> dict[str, Any]:
    linked = {r.source for r in relations} | {r.target for r in relations}
    ranked = sorted((e for e in entities if e.id in linked), key=lambda e: (-len(e.articles), -len(e.mentions), e.id))[
        :limit
    ]
    keep = {e.id for e in ranked}
    return {"nodes": [_node(e) for e in ranked], "edges": _edges(relations, keep, SITE_EDGES)}


def pair_weights(relations: list[Relation]) -> dict[tuple[str, str], int]:
    """(id, id) in sorted order -> sentences shared, for looking up edges among a few nodes."""
    return {(r.source, r.target) if r.source < r.target else (r.target, r.source): r.weight for r in relations}


def local_graph(
    entity: Entity,
    neighbours: list[tuple[str, int]],
    by_id: dict[str, Entity],
    weights: dict[tuple[str, str], int],
    sizes: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """``sizes`` (entity id -> articles), when given, saves counting each node's articles:
    a renderer draws the same well-known neighbours on thousands of pages."""
    others = [by_id[i] for i, _ in neighbours[:LOCAL_NODES] if i in by_id]
    ids = sorted([entity.id] + [e.id for e in others])
    edges = [
        {"from": a, "to": b, "value": weights[(a, b)]}
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if (a, b) in weights
    ]
    return {"nodes": [_node(entity, sizes, centre=True)] + [_node(e, sizes) for e in others], "edges": edges}


def attribute(data: dict[str, Any]) -> str:
    """JSON for an HTML attribute in double quotes: inert whatever the names contain."""
    return html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)
