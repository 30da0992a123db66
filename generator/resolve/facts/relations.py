"""Relations: entities mentioned in the same sentence, counted over the corpus."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from generator.models import Entity, Relation


def co_mentions(entities: list[Entity]) -> list[Relation]:
    """One relation per pair of entities sharing at least one sentence.

    ``weight`` is the number of sentences they share; ``articles`` where.
    """
    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for entity in entities:
        for m in entity.mentions:
            by_sentence[(m.article, m.sentence)].add(entity.id)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    where: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (article, _), ids in by_sentence.items():
        for a, b in combinations(sorted(ids), 2):
            weights[(a, b)] += 1
            where[(a, b)].add(article)
    return [
        Relation(source=a, target=b, weight=weights[(a, b)], articles=sorted(where[(a, b)])) for a, b in sorted(weights)
    ]


def neighbours(relations: list[Relation]) -> dict[str, list[tuple[str, int]]]:
    """entity id -> [(other id, weight)], heaviest first."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for r in relations:
        out[r.source].append((r.target, r.weight))
        out[r.target].append((r.source, r.weight))
    for items in out.values():
        items.sort(key=lambda x: (-x[1], x[0]))
    return out
