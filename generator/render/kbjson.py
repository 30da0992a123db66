"""kb.json: everything the generator knows, as plain JSON (schema kb/1)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from generator.models import Entity, Figure, KnowledgeBase
from generator.render.paths import article_url, entity_url, topic_url

SCHEMA_ID = "kb/1"


def _figure(f: Figure) -> dict[str, Any]:
    return {"value": f.value, "currency": f.currency, "text": f.text, "articles": sorted(f.articles)}


def _entity(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "aliases": e.aliases,
        "description": e.description,
        "page": entity_url(e),
        "mentions": [
            {"article": m.article, "sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text}
            for m in e.mentions
        ],
    }
    if person := e.person:
        out["roles"] = [{"title": r.title, "of": r.of, "articles": sorted(r.articles)} for r in person.roles]
    if event := e.event:
        out["date"] = {"start": event.date_start, "end": event.date_end} if event.date_start else None
        out["location"] = event.location
        out["participants"] = event.participants
    if aid := e.aid:
        out["amount"] = {"value": aid.amount.value, "currency": aid.amount.currency} if aid.amount else None
        out["figures"] = [_figure(f) for f in aid.figures]
        out["donor"], out["recipient"], out["status"] = aid.donor, aid.recipient, aid.status
    return out


def to_dict(kb: KnowledgeBase) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "date": a.date,
                "date_source": a.date_source,
                "outlet": a.outlet,
                "author": a.author,
                "url": a.url,
                "path": a.path,
                "words": a.words,
                "page": article_url(a.id),
                "duplicate_of": None,
            }
            for a in sorted(kb.articles, key=lambda a: a.id)
        ],
        "entities": [_entity(e) for e in sorted(kb.entities, key=lambda e: e.id)],
        "quotes": [
            {
                "id": q.id,
                "speaker": q.speaker,
                "text": q.text,
                "variants": q.variants,
                "sources": [{"article": s.article, "sentence": s.sentence} for s in q.sources],
            }
            for q in sorted(kb.quotes, key=lambda q: q.id)
        ],
        "topics": [
            {"id": t.id, "name": t.name, "articles": t.articles, "entities": t.entities, "page": topic_url(t.id)}
            for t in sorted(kb.topics, key=lambda t: t.id)
        ],
        "relations": [
            {"source": r.source, "target": r.target, "weight": r.weight, "kind": r.kind, "articles": r.articles}
            for r in kb.relations
        ],
    }


def dumps(kb: KnowledgeBase) -> str:
    """kb.json's text: one record (article, entity, quote, ...) per line, so that a change
    shows as a changed line. Each line is written by the C encoder: ``indent`` would use
    the pure-Python one, several times slower on a large corpus."""
    return records_json(to_dict(kb))


def records_json(data: dict[str, Any]) -> str:
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(one(item) for item in value)
            fields.append(f"{one(key)}: [\n  {items}\n ]")
        else:
            fields.append(f"{one(key)}: {one(value)}")
    return "{\n " + ",\n ".join(fields) + "\n}\n"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("generator").joinpath("kb.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``data`` does not follow the schema (jsonschema comes
    with the package's test extra: the build writes kb.json by construction, tests check it)."""
    import jsonschema

    jsonschema.validate(data, schema(), format_checker=jsonschema.FormatChecker())
