"""Tests of generator.render.paging: which entities get a page of their own."""

from __future__ import annotations

from generator.models import Entity, EntityMention, KnowledgeBase, Link, Quote, QuoteSource, Relation, Topic
from generator.render.paging import with_pages_only


def _entity(eid: str, type_: str, mentions: int) -> Entity:
    return Entity(eid, type_, eid, mentions=[EntityMention("a1", 0, 0, 1, eid)] * mentions)  # type: ignore[arg-type]


def test_only_entities_with_enough_mentions_speakers_events_and_aid_keep_their_page() -> None:
    entities = [_entity("often", "person", 3), _entity("once", "person", 1), _entity("speaker", "person", 1),
                _entity("vote", "event", 1), _entity("grant", "aid_package", 1)]  # fmt: skip
    kb = KnowledgeBase(
        articles=[],
        extractions={},
        entities=entities,
        quotes=[Quote("q", "speaker", "Words.", [QuoteSource("a1", 0)])],
        topics=[Topic("t", "Topic", ["a1"], ["often", "once"])],
        relations=[Relation("often", "once", 1, ["a1"]), Relation("often", "vote", 1, ["a1"])],
        links={"a1": [Link(0, 1, "often"), Link(2, 3, "once")]},
    )
    shown = with_pages_only(kb, 2)
    assert [e.id for e in shown.entities] == ["often", "speaker", "vote", "grant"]
    assert shown.links == {"a1": [(0, 1, "often")]}
    assert [(r.source, r.target) for r in shown.relations] == [("often", "vote")]
    assert shown.topics[0].entities == ["often"]
    assert len(kb.entities) == 5  # the knowledge base itself is unchanged
    assert with_pages_only(kb, 1) is kb
