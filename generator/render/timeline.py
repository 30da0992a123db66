"""Timelines: events and dated articles in date order, for the site and for each entity.

Each item carries the entity types and topics it involves, so that the
timeline page can be filtered in the browser without a server.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.models import Entity, EventInfo, KnowledgeBase


@dataclass
class TimelineItem:
    date: str  # YYYY-MM-DD, or the start of an event's span
    kind: str  # "event" or "article"
    ref: str  # entity id of the event, or article id
    title: str
    end: str | None = None
    outlet: str | None = None
    types: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    mentions: int = 0  # on an entity's timeline: its mentions in that article


def topics_of_articles(kb: KnowledgeBase) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for t in kb.topics:
        for a in t.articles:
            out[a].append(t.id)
    return out


def site_timeline(kb: KnowledgeBase) -> list[TimelineItem]:
    """Every dated event and article, oldest first."""
    article_topics = topics_of_articles(kb)
    types_in: dict[str, set[str]] = defaultdict(set)
    for e in kb.entities:
        for aid in e.articles:
            types_in[aid].add(e.type)
    entities = kb.entities_by_id
    items: list[TimelineItem] = []
    for e in kb.entities:
        info = e.event
        if not info or not info.date_start:
            continue
        types = {"event"} | {entities[p].type for p in info.participants if p in entities}
        if info.location in entities:
            types.add("place")
        topics = sorted({t for aid in e.articles for t in article_topics.get(aid, ())})
        end = info.date_end if info.date_end != info.date_start else None
        items.append(TimelineItem(info.date_start, "event", e.id, e.name, end=end, types=sorted(types), topics=topics))
    for a in kb.articles:
        if a.date:
            items.append(
                TimelineItem(
                    a.date,
                    "article",
                    a.id,
                    a.title,
                    outlet=a.outlet,
                    types=sorted(types_in.get(a.id, ())),
                    topics=sorted(article_topics.get(a.id, ())),
                )
            )
    items.sort(key=lambda i: (i.date, i.kind != "event", i.title.casefold(), i.ref))
    return items


def events_by_entity(entities: list[Entity]) -> dict[str, list[Entity]]:
    """Entity id -> the dated events it takes part in or hosts."""
    out: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.event and e.event.date_start:
            for other in {*e.event.participants, *([e.event.location] if e.event.location else [])}:
                out[other].append(e)
    return out


def entity_timeline(
    entity: Entity, kb: KnowledgeBase, events: dict[str, list[Entity]] | None = None
) -> list[TimelineItem]:
    """The events an entity takes part in, and the dated articles that mention it, oldest first."""
    if events is None:
        events = events_by_entity(kb.entities)
    counts: dict[str, int] = defaultdict(int)
    for m in entity.mentions:
        counts[m.article] += 1
    items: list[TimelineItem] = []
    for e in events.get(entity.id, ()):
        info = e.event or EventInfo()
        end = info.date_end if info.date_end != info.date_start else None
        items.append(TimelineItem(info.date_start or "", "event", e.id, e.name, end=end))
    for article_id, n in counts.items():
        a = kb.articles_by_id[article_id]
        if a.date:
            items.append(TimelineItem(a.date, "article", a.id, a.title, outlet=a.outlet, mentions=n))
    items.sort(key=lambda i: (i.date, i.kind != "event", i.title.casefold(), i.ref))
    return items
