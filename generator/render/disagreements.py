"""Disagreements: figures and dates on which the sources differ.

- **Figures**: an aid package whose outlets report different amounts
  ($60 billion in one, $61 billion in another); each figure keeps its articles.
  Only packages with a known donor or recipient count: a package known only by
  its amount and month may be two packages of similar size.
- **Dates**: one event given different days by different articles. Event
  clustering only merges mentions whose dates overlap, so such reports end up
  as separate events of the same name; two are taken as one event reported
  differently when their names match, each is dated to a short span, the
  spans start at most ``SAME_EVENT_DAYS`` apart without overlapping, and no
  article reports both.

Each figure and each date comes with the sentences that give it (:func:`sentences_of`), so
that a reader sees who wrote what without opening every article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from generator.lexicons.names import match_key
from generator.models import Article, ArticleExtraction, Entity, Figure
from generator.resolve.facts.aid import parse_money

SAME_EVENT_DAYS = 7
SHORT_SPAN_DAYS = 3
_DISAMBIGUATION = re.compile(r" \([A-Z][a-z]+ \d{4}\)$")  # "NATO summit (July 2024)"


@dataclass
class DateDispute:
    name: str
    events: list[Entity]  # each event is one date and the articles that give it


def figure_disputes(entities: list[Entity]) -> list[Entity]:
    """Entities with figures of more than one value, most reported first."""
    out = [
        e
        for e in entities
        if e.aid and (e.aid.donor or e.aid.recipient) and len({(f.value, f.currency) for f in e.aid.figures}) > 1
    ]
    return sorted(out, key=lambda e: (-len(e.articles), e.name.casefold()))


def _span(e: Entity) -> tuple[date, date] | None:
    if not e.event or not e.event.date_start:
        return None
    start = date.fromisoformat(e.event.date_start)
    end = date.fromisoformat(e.event.date_end or e.event.date_start)
    return (start, end) if (end - start).days < SHORT_SPAN_DAYS else None


def date_disputes(entities: list[Entity]) -> list[DateDispute]:
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if _span(e) is not None:
            groups[match_key(_DISAMBIGUATION.sub("", e.name))].append(e)
    out: list[DateDispute] = []
    for events in groups.values():
        events.sort(key=lambda e: (_start(e), e.id))
        chain: list[Entity] = []
        for e in events:
            # every date of one dispute starts within a week of the others: weekly meetings are not one
            if (
                chain
                and all(_differs(c, e) for c in chain)
                and not any(set(c.articles) & set(e.articles) for c in chain)
            ):
                chain.append(e)
                continue
            if len(chain) > 1:
                out.append(DateDispute(_DISAMBIGUATION.sub("", chain[0].name), chain))
            chain = [e]
        if len(chain) > 1:
            out.append(DateDispute(_DISAMBIGUATION.sub("", chain[0].name), chain))
    return sorted(out, key=lambda d: (_start(d.events[0]), d.name.casefold()))


def _start(e: Entity) -> str:
    return e.event.date_start or "" if e.event else ""


def _differs(a: Entity, b: Entity) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return False
    apart = (sb[0] - sa[0]).days
    return sa[1] < sb[0] and 0 < apart <= SAME_EVENT_DAYS


@dataclass(frozen=True)
class Source:
    """A sentence that gives a figure or a date, in its article."""

    article: Article
    sentence: int
    text: str


def sentences_of(
    entity: Entity, articles: dict[str, Article], extractions: dict[str, ArticleExtraction]
) -> list[Source]:
    """The sentences that name ``entity``, oldest article first, each once."""
    seen: dict[tuple[str, int], Source] = {}
    for m in entity.mentions:
        if (m.article, m.sentence) not in seen and m.article in extractions:
            text = extractions[m.article].sentence_text(articles[m.article].body, m.sentence)
            seen[(m.article, m.sentence)] = Source(articles[m.article], m.sentence, text)
    return sorted(seen.values(), key=lambda s: (s.article.date or "", s.article.id, s.sentence))


def figure_sources(
    entity: Entity, articles: dict[str, Article], extractions: dict[str, ArticleExtraction]
) -> list[tuple[Figure, list[Source]]]:
    """Each figure reported for an aid package, with the sentences that give it (those that
    name the package by that amount, in the articles that report it), oldest article first."""
    amounts: dict[tuple[str, int], set[tuple[float, str]]] = defaultdict(set)
    for m in entity.mentions:
        if (amount := parse_money(m.text)) is not None:
            amounts[(m.article, m.sentence)].add(amount)
    sources = sentences_of(entity, articles, extractions)
    return [
        (
            f,
            [
                s
                for s in sources
                if s.article.id in f.articles and (f.value, f.currency) in amounts[(s.article.id, s.sentence)]
            ],
        )
        for f in (entity.aid.figures if entity.aid else [])
    ]
