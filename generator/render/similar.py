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
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from generator.models import Article, Entity

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


def window_hashes(articles: list[Article], n: int = SHINGLE_WORDS) -> tuple[np.ndarray, np.ndarray]:
    """Every article's distinct ``n``-word windows as (article index, 64-bit hash) arrays,
    sorted by hash, then article. Each word gets a random 64-bit code (seeded, so that runs
    agree); a window's hash is a polynomial in its words' codes, computed for all windows
    of the corpus at once."""
    vocabulary: dict[str, int] = {}
    ids: list[int] = []
    owner: list[int] = []
    for index, article in enumerate(articles):
        words = _WORD.findall(article.body.casefold())
        if len(words) < n:
            continue
        ids.extend([vocabulary.setdefault(w, len(vocabulary)) for w in words])
        owner.extend([index] * (len(words) - n + 1) + [-1] * (n - 1))  # the last n-1 starts cross the end
    if not ids:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    codes = np.random.default_rng(0).integers(0, 2**63, size=len(vocabulary), dtype=np.int64).astype(np.uint64)
    words_code = codes[np.asarray(ids, dtype=np.int64)]
    starts = len(words_code) - n + 1
    hashes = np.zeros(starts, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            hashes = hashes * np.uint64(0x9E3779B97F4A7C15) + words_code[k : k + starts]
    article_of = np.asarray(owner[:starts], dtype=np.int64)
    keep = article_of >= 0
    article_of, hashes = article_of[keep], hashes[keep]
    order = np.lexsort((article_of, hashes))
    article_of, hashes = article_of[order], hashes[order]
    distinct = np.ones(len(hashes), dtype=bool)
    distinct[1:] = (hashes[1:] != hashes[:-1]) | (article_of[1:] != article_of[:-1])
    return article_of[distinct], hashes[distinct]


def text_overlaps(articles: list[Article], threshold: float = SHARED_TEXT) -> dict[str, dict[str, float]]:
    """Article id -> {other article id: share of the shorter one's windows in both}, for shares >= threshold.

    A window in more than :data:`COMMON_WINDOW` articles is boilerplate and counts for no pair.
    """
    article_of, hashes = window_hashes(articles)
    out: dict[str, dict[str, float]] = defaultdict(dict)
    if not len(hashes):
        return out
    windows = np.bincount(article_of, minlength=len(articles))  # distinct windows per article
    first = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])  # where each window's group begins
    sizes = np.diff(np.r_[first, len(hashes)])
    pair_codes = []
    total = len(articles)
    for k in range(2, COMMON_WINDOW + 1):
        begins = first[sizes == k]
        if not len(begins):
            continue
        members = article_of[begins[:, None] + np.arange(k)]  # articles in ascending order
        left, right = np.triu_indices(k, 1)
        pair_codes.append((members[:, left] * total + members[:, right]).ravel())
    if not pair_codes:
        return out
    pairs, counts = np.unique(np.concatenate(pair_codes), return_counts=True)
    a_index, b_index = np.divmod(pairs, total)
    smaller = np.minimum(windows[a_index], windows[b_index])
    chosen = np.flatnonzero(counts >= threshold * smaller)
    for i in chosen.tolist():
        a, b, n, small = int(a_index[i]), int(b_index[i]), int(counts[i]), int(smaller[i])
        if small and n / small >= threshold:
            share = round(n / small, 3)
            out[articles[a].id][articles[b].id] = out[articles[b].id][articles[a].id] = share
    return out


def related_articles(articles: list[Article], entities: list[Entity], limit: int = RELATED) -> dict[str, list[Related]]:
    """Article id -> up to ``limit`` related articles, most shared text first, then by shared entities.

    Scores are summed in a fixed order (entity ids), so that equal scores are equal to the last bit
    and ties go by article id on every run.
    """
    total = len(articles)
    copies = text_overlaps(articles)
    index = {a.id: i for i, a in enumerate(articles)}
    members: list[np.ndarray] = []
    weights: list[float] = []
    of_article: list[list[int]] = [[] for _ in articles]
    for e in sorted(entities, key=lambda e: e.id):
        ids = e.articles
        if len(ids) < 2 or len(ids) > max(3, COMMON_ENTITY_SHARE * total):
            continue
        for aid in ids:
            of_article[index[aid]].append(len(members))
        members.append(np.asarray([index[aid] for aid in ids], dtype=np.int64))
        weights.append(math.log(total / len(ids)) + 0.1)
    sizes = np.asarray([len(m) for m in members], dtype=np.int64)
    weight = np.asarray(weights, dtype=np.float64)
    by_id = np.empty(total, dtype=np.int64)  # each article's place in id order
    by_id[sorted(range(total), key=lambda i: articles[i].id)] = np.arange(total)
    out: dict[str, list[Related]] = {}
    for i, a in enumerate(articles):
        shared = of_article[i]
        scores: np.ndarray
        counts: np.ndarray
        if shared:
            others = np.concatenate([members[j] for j in shared])
            scores = np.bincount(others, weights=np.repeat(weight[shared], sizes[shared]), minlength=total)
            counts = np.bincount(others, minlength=total)
        else:
            scores, counts = np.zeros(total), np.zeros(total, dtype=np.int64)
        overlap = copies.get(a.id, {})
        text = np.zeros(total)
        for other, share in overlap.items():
            text[index[other]] = share
        candidate = (counts > 0) | (text > 0)
        candidate[i] = False
        found = np.flatnonzero(candidate)
        best = found[np.lexsort((by_id[found], -scores[found], -text[found]))[:limit]]
        out[a.id] = [
            Related(articles[o].id, round(float(scores[o]), 3), int(counts[o]), overlap.get(articles[o].id, 0.0))
            for o in best.tolist()
        ]
    return out
