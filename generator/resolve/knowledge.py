"""Resolve a corpus: its extracted articles become the knowledge base, built once: entities,
dates, quotes, roles, events, aid packages, the reader's overrides, relations and topics, in
that order (each step reads what the ones before it found)."""

from __future__ import annotations

from generator.models import Article, ArticleExtraction, Entity, KnowledgeBase, PersonInfo, Problem
from generator.resolve import curation, dating
from generator.resolve.entities import resolve_entities
from generator.resolve.facts import quotes
from generator.resolve.facts.aid import find_aid
from generator.resolve.facts.events import find_events
from generator.resolve.facts.relations import co_mentions
from generator.resolve.facts.roles import find_roles
from generator.resolve.facts.topics import find_topics
from generator.settings import Settings
from generator.slugs import SlugRegistry
from generator.stats import Stats


def resolve_all(
    settings: Settings,
    stats: Stats,
    articles: list[Article],
    extractions: dict[str, ArticleExtraction],
    problems: list[Problem],
    t: float,
) -> KnowledgeBase:
    """The knowledge base of the extracted articles: entities, facts, relations and topics."""
    articles = dating.infer_from_text(articles, extractions)
    ids = SlugRegistry()
    t = stats.step("dating", t)
    entities = resolve_entities(articles, extractions, ids)
    t = stats.step("entities", t)
    by_id = {a.id: a for a in articles}
    names = {e.id: e.name for e in entities}
    quote_list = quotes.merge_quotes(quotes.extract_quotes(entities, by_id, extractions), SlugRegistry(), names)
    articles = dating.infer_from_shared(articles, quotes.shared_articles(quote_list))
    by_id = {a.id: a for a in articles}
    t = stats.step("quotes", t)
    people = {e.id: e for e in entities if e.person}
    for person_id, roles in find_roles(entities, by_id).items():
        people[person_id].person = PersonInfo(roles)
    t = stats.step("roles", t)
    entities = _without_events(entities, ids)
    entities += find_events(entities, by_id, extractions, ids)
    t = stats.step("events", t)
    entities += find_aid(entities, by_id, extractions, ids)
    t = stats.step("aid", t)
    overrides = curation.load(settings.curation_path)
    curated = curation.apply(overrides, entities, ids)
    entities, quote_list = curation.remap_references(curated.entities, quote_list, curated.remap)
    links = curation.links_of(entities)
    relations = co_mentions(entities)
    t = stats.step("curation and relations", t)
    topics = find_topics(articles, extractions, entities, settings.topics_path)
    stats.step("topics", t)
    return KnowledgeBase(
        articles=articles,
        extractions=extractions,
        entities=entities,
        quotes=quote_list,
        topics=topics,
        relations=relations,
        problems=problems,
        links=links,
    )


def _without_events(entities: list[Entity], ids: SlugRegistry) -> list[Entity]:
    """The entities but the events the recognizer named, whose ids go back to ``ids``: the event
    finder builds every event, with its date, place and participants."""
    for e in entities:
        if e.type == "event":
            ids.release(e.id)
    return [e for e in entities if e.type != "event"]
