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
from generator.render.markdown import date_span

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


def roles(entity: Entity, names: dict[str, str]) -> list[str]:
    """The entity's roles as plain text: "Secretary of State of United States", or the title alone."""
    return [f"{r.title} of {names[r.of]}" if r.of in names else r.title for r in entity.roles]


def one_line(entity: Entity, names: dict[str, str], articles: int, first: str | None, last: str | None) -> str:
    """The entity in one line of plain text, as a search result describes it: a person's roles, an
    event's dates and place, an aid package's amount and parties; then how widely it is named.
    ``names``: entity id -> name, for the entities it refers to."""
    parts: list[str] = []
    if entity.person and entity.roles:
        parts = roles(entity, names)[:2]
    elif entity.event and entity.event.date_start:
        when = date_span(entity.event.date_start, entity.event.date_end)
        where = names.get(entity.event.location or "")
        parts = [f"{when}, {where}" if where else when]
    elif entity.aid and (amount := entity.aid.amount):
        aid = entity.aid
        words = [amount.text] + [
            f"{w} {names[who]}" for w, who in (("from", aid.donor), ("to", aid.recipient)) if who in names
        ]
        parts = [" ".join(words + ([f"({aid.status})"] if aid.status else []))]
    count = f"named in {articles} article{'s' if articles != 1 else ''}"
    if first and not entity.event:  # an event's own dates say when
        count += f", {first}" if first == last else f", {first} to {last}"
    line = "; ".join([*parts, count])
    return line[:1].upper() + line[1:]
