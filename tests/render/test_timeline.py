"""Tests of generator.render.timeline: the site's and each entity's events and dated articles in date order."""

from __future__ import annotations

from generator.models import Article, Entity, EntityMention, EventInfo, KnowledgeBase, Topic
from generator.render.timeline import (
    TimelineItem,
    entity_timeline,
    events_by_entity,
    site_timeline,
    topics_of_articles,
)


def _mentions(*articles: str) -> list[EntityMention]:
    return [EntityMention(a, i, 0, 1, "x") for i, a in enumerate(articles)]


def _article(article_id: str, date: str | None, title: str | None = None, outlet: str | None = None) -> Article:
    return Article(article_id, f"{article_id}.md", title or article_id, "Text.", date=date, outlet=outlet)


def _kb(articles: list[Article], entities: list[Entity], topics: list[Topic] | None = None) -> KnowledgeBase:
    return KnowledgeBase(articles=articles, extractions={}, entities=entities, topics=topics or [])


def _event(
    event_id: str,
    name: str,
    start: str | None,
    end: str | None = None,
    location: str | None = None,
    participants: list[str] | None = None,
) -> Entity:
    return Entity(event_id, "event", name, event=EventInfo(start, end, location, participants or []))


def _refs(items: list[TimelineItem]) -> list[tuple[str, str, str]]:
    return [(i.date, i.kind, i.ref) for i in items]


# ---------------------------------------------------------------- the site's timeline


def test_an_undated_event_is_left_out_of_the_site_timeline() -> None:
    kb = _kb(
        [],
        [_event("summit", "Harbor Summit", "2024-02-10", "2024-02-10"), _event("talks", "Harbor talks", None)],
    )
    assert _refs(site_timeline(kb)) == [("2024-02-10", "event", "summit")]


def test_an_undated_article_is_left_out_and_a_dated_one_keeps_its_title_and_outlet() -> None:
    kb = _kb([_article("a1", "2024-03-01", "Ferry plan", "Daily Tern"), _article("b1", None)], [])
    (item,) = site_timeline(kb)
    assert (item.date, item.kind, item.ref, item.title, item.outlet) == (
        "2024-03-01",
        "article",
        "a1",
        "Ferry plan",
        "Daily Tern",
    )
    assert item.end is None and item.mentions == 0


def test_a_one_day_event_has_no_end_and_a_longer_one_keeps_its_end() -> None:
    kb = _kb(
        [],
        [
            _event("vote", "Vote", "2024-01-05", "2024-01-05"),
            _event("speech", "Speech", "2024-01-06"),  # no end at all
            _event("summit", "Summit", "2024-01-07", "2024-01-09"),
        ],
    )
    assert [(i.ref, i.end) for i in site_timeline(kb)] == [("vote", None), ("speech", None), ("summit", "2024-01-09")]


def test_the_site_timeline_is_oldest_first() -> None:
    kb = _kb(
        [_article("late", "2024-05-01"), _article("early", "2023-12-31")],
        [_event("summit", "Summit", "2024-02-10", "2024-02-11")],
    )
    assert _refs(site_timeline(kb)) == [
        ("2023-12-31", "article", "early"),
        ("2024-02-10", "event", "summit"),
        ("2024-05-01", "article", "late"),
    ]


def test_on_one_day_events_come_before_articles_then_titles_ignore_case_then_ids_decide() -> None:
    day = "2024-03-01"
    kb = _kb(
        [_article("a-apple", day, "apple"), _article("b-same", day, "Same"), _article("a-same", day, "same")],
        [_event("zebra", "Zebra", day), _event("banana", "banana", day)],
    )
    assert [i.ref for i in site_timeline(kb)] == ["banana", "zebra", "a-apple", "a-same", "b-same"]


def test_an_event_item_carries_the_types_of_its_participants_and_its_place() -> None:
    ada = Entity("ada", "person", "Ada")
    council = Entity("council", "organization", "Harbor Council")
    paris = Entity("paris", "place", "Paris")
    summit = _event("summit", "Summit", "2024-02-10", location="paris", participants=["ada", "council", "nobody"])
    talks = _event("talks", "Talks", "2024-02-11", location="atlantis", participants=["ada"])  # place unknown
    items = {i.ref: i for i in site_timeline(_kb([], [ada, council, paris, summit, talks]))}
    assert items["summit"].types == ["event", "organization", "person", "place"]
    assert items["talks"].types == ["event", "person"]


def test_an_article_item_carries_the_types_it_mentions_and_its_topics_sorted() -> None:
    entities = [
        Entity("paris", "place", "Paris", mentions=_mentions("a1")),
        Entity("ada", "person", "Ada", mentions=_mentions("a1", "a1")),
        Entity("bo", "person", "Bo", mentions=_mentions("a1")),
        Entity("council", "organization", "Council", mentions=_mentions("b1")),
    ]
    topics = [Topic("zoning", "Zoning", ["a1"], []), Topic("ferries", "Ferries", ["a1", "b1"], [])]
    kb = _kb([_article("a1", "2024-03-01"), _article("b1", "2024-03-02")], entities, topics)
    first, second = site_timeline(kb)
    assert (first.ref, first.types, first.topics) == ("a1", ["person", "place"], ["ferries", "zoning"])
    assert (second.ref, second.types, second.topics) == ("b1", ["organization"], ["ferries"])


def test_an_event_item_carries_the_topics_of_the_articles_that_mention_it() -> None:
    summit = Entity(
        "summit", "event", "Summit", mentions=_mentions("a1", "b1"), event=EventInfo("2024-02-10", "2024-02-10")
    )
    topics = [Topic("trade", "Trade", ["b1"], []), Topic("harbor", "Harbor", ["a1"], []), Topic("x", "X", ["c1"], [])]
    kb = _kb([_article("a1", None), _article("b1", None), _article("c1", None)], [summit], topics)
    (item,) = site_timeline(kb)
    assert item.topics == ["harbor", "trade"]


def test_topics_of_articles_maps_each_article_to_its_topics_in_topic_order() -> None:
    kb = _kb([], [], [Topic("trade", "Trade", ["a1", "b1"], []), Topic("harbor", "Harbor", ["a1"], [])])
    assert topics_of_articles(kb) == {"a1": ["trade", "harbor"], "b1": ["trade"]}
    assert topics_of_articles(kb).get("c1") is None


# ---------------------------------------------------------------- an entity's timeline


def test_events_by_entity_lists_the_dated_events_a_participant_takes_part_in_or_hosts() -> None:
    summit = _event("summit", "Summit", "2024-02-10", location="paris", participants=["ada", "bo"])
    vote = _event("vote", "Vote", "2024-03-01", participants=["ada"])
    talks = _event("talks", "Talks", None, location="paris", participants=["ada"])  # undated: on no timeline
    found = events_by_entity([summit, vote, talks, Entity("ada", "person", "Ada")])
    assert {k: [e.id for e in v] for k, v in found.items()} == {
        "ada": ["summit", "vote"],
        "bo": ["summit"],
        "paris": ["summit"],
    }


def test_an_entity_that_is_both_the_place_and_a_participant_gets_the_event_once() -> None:
    summit = _event("summit", "Summit", "2024-02-10", location="kyiv", participants=["kyiv"])
    assert [e.id for e in events_by_entity([summit])["kyiv"]] == ["summit"]


def test_an_entity_timeline_has_its_events_and_the_dated_articles_that_mention_it_with_counts() -> None:
    ada = Entity("ada", "person", "Ada", mentions=_mentions("a1", "b1", "a1", "c1"))
    summit = _event("summit", "Harbor Summit", "2024-02-10", "2024-02-12", participants=["ada"])
    other = _event("other", "Other summit", "2024-02-11", participants=["bo"])  # Ada is not there
    articles = [
        _article("a1", "2024-03-01", "Ferry plan", "Daily Tern"),
        _article("b1", "2024-01-20", "Earlier"),
        _article("c1", None),  # undated: left out
    ]
    items = entity_timeline(ada, _kb(articles, [ada, summit, other]))
    assert _refs(items) == [
        ("2024-01-20", "article", "b1"),
        ("2024-02-10", "event", "summit"),
        ("2024-03-01", "article", "a1"),
    ]
    assert [(i.mentions, i.outlet, i.end) for i in items] == [
        (1, None, None),
        (0, None, "2024-02-12"),
        (2, "Daily Tern", None),
    ]


def test_a_one_day_event_on_an_entity_timeline_has_no_end() -> None:
    ada = Entity("ada", "person", "Ada")
    vote = _event("vote", "Vote", "2024-03-01", "2024-03-01", participants=["ada"])
    (item,) = entity_timeline(ada, _kb([], [ada, vote]))
    assert (item.kind, item.ref, item.title, item.end) == ("event", "vote", "Vote", None)


def test_an_entity_timeline_uses_the_events_it_is_given() -> None:
    ada = Entity("ada", "person", "Ada")
    vote = _event("vote", "Vote", "2024-03-01", participants=["ada"])
    kb = _kb([], [ada, vote])
    assert entity_timeline(ada, kb, events={}) == []
    assert [i.ref for i in entity_timeline(ada, kb, events={"ada": [vote]})] == ["vote"]
    assert entity_timeline(ada, kb, events=events_by_entity(kb.entities)) == entity_timeline(ada, kb)


def test_an_entity_with_no_events_and_no_dated_mentions_has_an_empty_timeline() -> None:
    paris = Entity("paris", "place", "Paris", mentions=_mentions("b1"))
    assert entity_timeline(paris, _kb([_article("b1", None)], [paris])) == []
