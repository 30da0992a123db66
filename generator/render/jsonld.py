"""schema.org JSON-LD for entity pages: Person, Organization, Place, Event, MonetaryGrant."""

from __future__ import annotations

import json
from typing import Any

from generator.models import Article, Entity

SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "place": "Place",
    "event": "Event",
    "aid_package": "MonetaryGrant",
}
MAX_SOURCES = 20


def _ref(entity_id: str | None, by_id: dict[str, Entity]) -> dict[str, str] | None:
    if entity_id is None or entity_id not in by_id:
        return None
    other = by_id[entity_id]
    return {"@type": SCHEMA_TYPES[other.type], "name": other.name}


def _article(a: Article) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "NewsArticle", "headline": a.title}
    if a.date:
        out["datePublished"] = a.date
    if a.outlet:
        out["publisher"] = {"@type": "Organization", "name": a.outlet}
    if a.author:
        out["author"] = {"@type": "Person", "name": a.author}
    if a.url:
        out["url"] = a.url
    return out


def entity_data(entity: Entity, by_id: dict[str, Entity], articles: dict[str, Article]) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": SCHEMA_TYPES[entity.type], "name": entity.name}
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.description:
        data["description"] = entity.description
    if entity.roles:
        data["jobTitle"] = [r.title for r in entity.roles]
    if event := entity.event:
        if event.date_start:
            data["startDate"] = event.date_start
            data["endDate"] = event.date_end or event.date_start
        if place := _ref(event.location, by_id):
            data["location"] = place
        attendees = [r for p in event.participants if (r := _ref(p, by_id))]
        if attendees:
            data["attendee"] = attendees
    if aid := entity.aid:
        if aid.amount:
            data["amount"] = {
                "@type": "MonetaryAmount",
                "value": aid.amount.value,
                "currency": aid.amount.currency,
            }
        if funder := _ref(aid.donor, by_id):
            data["funder"] = funder
        if recipient := _ref(aid.recipient, by_id):
            data["recipient"] = recipient
    # the oldest dated articles first; an undated one only when fewer are dated
    sources = sorted(entity.articles, key=lambda a: (articles[a].date is None, articles[a].date or "", a))[:MAX_SOURCES]
    data["subjectOf"] = [_article(articles[a]) for a in sources]
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element: no "<", ">" or "&" that could close or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
