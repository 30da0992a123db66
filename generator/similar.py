"""Related articles: the ones sharing the most specific entities, and near-copies.

Two articles are *near-copies* when most of the shorter one's five-word
windows also occur in the other (the same wire story, trimmed or re-headlined
by another outlet); they *share text* when a good part does (a wire story
quoted at length). Related articles share entities, each weighted by how rare
it is in the corpus, so that two articles naming the same minister count for
more than two articles naming the United States.

Both use inverted indexes, so the cost grows with the corpus, not its square;
a window or an entity found in very many articles (boilerplate, the country
every article names) is left out of the index.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .models import Article, Entity

SHINGLE_WORDS = 5
NEAR_COPY = 0.6  # share of the shorter article's windows found in the other
SHARED_TEXT = 0.15
COMMON_WINDOW = 50  # a window in more articles than this is boilerplate
RELATED = 5
COMMON_ENTITY_SHARE = 0.2  # an entity in more than this share of articles relates nothing

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Related:
    article: str
    score: float
    shared: int  # entities in common
    overlap: float  # share of the shorter article's text found in the other

    @property
    def near_copy(self) -> bool:
        return self.overlap >= NEAR_COPY

    @property
    def shares_text(self) -> bool:
        return SHARED_TEXT <= self.overlap < NEAR_COPY


def shingles(text: str, n: int = SHINGLE_WORDS) -> set[int]:
    words = _WORD.findall(text.casefold())
    return {hash(tuple(words[i : i + n])) for i in range(max(len(words) - n + 1, 0))}


def text_overlaps(articles: list[Article], threshold: float = SHARED_TEXT) -> dict[str, dict[str, float]]:
    """Article id -> {other article id: share of the shorter one's windows in both}, for shares >= threshold."""
    sets = {a.id: shingles(a.body) for a in articles}
    index: dict[int, list[str]] = defaultdict(list)
    for article_id, windows in sets.items():
        for w in windows:
            index[w].append(article_id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in index.values():
        if 1 < len(ids) <= COMMON_WINDOW:
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    shared[(a, b)] += 1
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), n in shared.items():
        smaller = min(len(sets[a]), len(sets[b]))
        if smaller and n / smaller >= threshold:
            out[a][b] = out[b][a] = round(n / smaller, 3)
    return out


def related_articles(articles: list[Article], entities: list[Entity], limit: int = RELATED) -> dict[str, list[Related]]:
    """Article id -> up to ``limit`` related articles, most shared text first, then by shared entities."""
    total = len(articles)
    copies = text_overlaps(articles)
    by_article: dict[str, set[str]] = defaultdict(set)
    weight: dict[str, float] = {}
    members: dict[str, list[str]] = {}
    for e in entities:
        ids = e.articles
        if len(ids) < 2 or len(ids) > max(3, COMMON_ENTITY_SHARE * total):
            continue
        weight[e.id] = math.log(total / len(ids)) + 0.1
        members[e.id] = ids
        for a in ids:
            by_article[a].add(e.id)
    out: dict[str, list[Related]] = {}
    for a in articles:
        scores: dict[str, float] = defaultdict(float)
        counts: Counter[str] = Counter()
        for e in by_article.get(a.id, ()):
            for other in members[e]:
                if other != a.id:
                    scores[other] += weight[e]
                    counts[other] += 1
        overlap = copies.get(a.id, {})
        for other in overlap:
            scores.setdefault(other, 0.0)
        ranked = sorted(scores, key=lambda o: (-overlap.get(o, 0.0), -scores[o], o))
        out[a.id] = [Related(o, round(scores[o], 3), counts[o], overlap.get(o, 0.0)) for o in ranked[:limit]]
    return out
