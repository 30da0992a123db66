"""A short summary of an entity, built from its sources.

One sentence of counts (articles, outlets, dates, roles, the entities it is
most often named with), then up to two sentences quoted from the articles:
sentences that name the entity in full, early in their article, of a readable
length, from different articles. Every quoted sentence keeps its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.models import Article, ArticleExtraction, Entity

MIN_WORDS, MAX_WORDS = 8, 45
PICKS = 2
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Excerpt:
    article: str
    sentence: int
    text: str


def excerpts(
    entity: Entity, articles: dict[str, Article], extractions: dict[str, ArticleExtraction], picks: int = PICKS
) -> list[Excerpt]:
    full = {entity.name.casefold()} | {a.casefold() for a in entity.aliases if len(a.split()) > 1}
    candidates: list[tuple[tuple[int, int, int, str, int], Excerpt]] = []
    seen: set[tuple[str, int]] = set()
    for m in entity.mentions:
        if (m.article, m.sentence) in seen or m.article not in extractions:
            continue
        seen.add((m.article, m.sentence))
        text = extractions[m.article].sentence_text(articles[m.article].body, m.sentence).strip()
        words = len(_WORD.findall(text))
        if not MIN_WORDS <= words <= MAX_WORDS or text.endswith((":", "?")):
            continue
        named_in_full = m.text.casefold() in full
        key = (0 if named_in_full else 1, m.sentence, abs(words - 25), m.article, m.sentence)
        candidates.append((key, Excerpt(m.article, m.sentence, text)))
    candidates.sort(key=lambda c: c[0])
    chosen: list[Excerpt] = []
    for _, ex in candidates:
        if all(ex.article != c.article and ex.text != c.text for c in chosen):
            chosen.append(ex)
        if len(chosen) == picks:
            break
    return chosen
