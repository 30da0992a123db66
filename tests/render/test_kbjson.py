"""Tests of generator.render.kbjson: kb.json's records, its one-record-a-line text and its schema."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest

from generator.models import (
    AidInfo,
    Article,
    Entity,
    EntityMention,
    EventInfo,
    Figure,
    KnowledgeBase,
    PersonInfo,
    Quote,
    QuoteSource,
    Relation,
    Role,
    Topic,
)
from generator.render import kbjson

COMMON = {"id", "type", "name", "aliases", "description", "page", "mentions"}


def _kb() -> KnowledgeBase:
    """A knowledge base with an entity of every type, listed out of order."""
    articles = [
        Article("b1", "news/b1.txt", "Council approves aid", "The council approved it.", outlet="Daily Tern"),
        Article(
            "a1",
            "a1.md",
            "Ferry plan",
            "Officials met Ada Marlow in Paris.",
            date="2024-03-01",
            date_source="metadata",
            author="Ann Lee",
            url="https://tern.example/ferry",
        ),
    ]
    ada = Entity(
        "ada-marlow",
        "person",
        "Ada Marlow",
        aliases=["Marlow"],
        description="Mayor of Paris",
        mentions=[EntityMention("a1", 0, 14, 24, "Ada Marlow")],
        person=PersonInfo([Role("Mayor", "paris", ["b1", "a1"])]),
    )
    paris = Entity("paris", "place", "Paris", mentions=[EntityMention("a1", 0, 28, 33, "Paris")])
    council = Entity("council", "organization", "Harbor Council", mentions=[EntityMention("b1", 0, 4, 11, "council")])
    summit = Entity(
        "summit", "event", "Harbor Summit", event=EventInfo("2024-02-10", "2024-02-12", "paris", ["ada-marlow"])
    )
    vote = Entity("vote", "event", "Harbor vote", event=EventInfo("2024-02-20"))
    talks = Entity("talks", "event", "Harbor talks")  # undated
    figures = [Figure(21e9, "USD", "$21 billion", ["b1", "a1"]), Figure(20e9, "USD", "$20 billion", ["b1"])]
    package = Entity(
        "package",
        "aid_package",
        "$20 billion package",
        aid=AidInfo(figures[1], figures, donor="council", recipient="paris", status="approved"),
    )
    kb = KnowledgeBase(articles=articles, extractions={}, entities=[vote, talks, summit, paris, package, council, ada])
    kb.quotes = [
        Quote("q2", None, "Later words", [QuoteSource("b1", 0)]),
        Quote("q1", "ada-marlow", "We will stay", [QuoteSource("a1", 0)], ["We shall stay"]),
    ]
    kb.topics = [Topic("trade", "Trade", ["b1"], ["council"]), Topic("harbor", "Harbor", ["a1", "b1"], ["paris"])]
    kb.relations = [Relation("paris", "ada-marlow", 2, ["a1"]), Relation("council", "paris", 1, ["b1"], kind=None)]
    return kb


def _entities(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in data["entities"]}


def test_a_knowledge_base_with_every_type_validates_against_the_schema() -> None:
    data = kbjson.to_dict(_kb())
    kbjson.validate(data)
    assert data["schema"] == kbjson.SCHEMA_ID == kbjson.schema()["$id"] == "kb/1"
    kbjson.validate(kbjson.to_dict(KnowledgeBase([], {}, [])))  # and an empty one


def test_each_type_writes_only_its_own_details() -> None:
    entities = _entities(kbjson.to_dict(_kb()))
    assert set(entities["ada-marlow"]) == COMMON | {"roles"}
    assert set(entities["summit"]) == COMMON | {"date", "location", "participants"}
    assert set(entities["package"]) == COMMON | {"amount", "figures", "donor", "recipient", "status"}
    assert set(entities["paris"]) == COMMON
    assert set(entities["council"]) == COMMON


def test_a_person_writes_its_roles_with_their_articles_sorted() -> None:
    ada = _entities(kbjson.to_dict(_kb()))["ada-marlow"]
    assert ada["roles"] == [{"title": "Mayor", "of": "paris", "articles": ["a1", "b1"]}]
    assert (ada["aliases"], ada["description"], ada["page"]) == (["Marlow"], "Mayor of Paris", "people/ada-marlow/")
    assert ada["mentions"] == [{"article": "a1", "sentence": 0, "start": 14, "end": 24, "text": "Ada Marlow"}]


def test_an_event_writes_its_dates_place_and_participants_and_an_undated_one_a_null_date() -> None:
    entities = _entities(kbjson.to_dict(_kb()))
    summit = entities["summit"]
    assert summit["date"] == {"start": "2024-02-10", "end": "2024-02-12"}
    assert (summit["location"], summit["participants"], summit["page"]) == ("paris", ["ada-marlow"], "events/summit/")
    assert entities["vote"]["date"] == {"start": "2024-02-20", "end": None}
    assert (entities["talks"]["date"], entities["talks"]["location"], entities["talks"]["participants"]) == (
        None,
        None,
        [],
    )


def test_an_aid_package_writes_its_amount_every_figure_and_its_parties() -> None:
    package = _entities(kbjson.to_dict(_kb()))["package"]
    assert package["amount"] == {"value": 20e9, "currency": "USD"}
    assert package["figures"] == [
        {"value": 21e9, "currency": "USD", "text": "$21 billion", "articles": ["a1", "b1"]},
        {"value": 20e9, "currency": "USD", "text": "$20 billion", "articles": ["b1"]},
    ]
    assert (package["donor"], package["recipient"], package["status"]) == ("council", "paris", "approved")
    assert package["page"] == "aid/package/"
    bare = Entity("bare", "aid_package", "Bare package")
    written = _entities(kbjson.to_dict(KnowledgeBase([], {}, [bare])))["bare"]
    assert (written["amount"], written["figures"], written["donor"], written["status"]) == (None, [], None, None)


def test_articles_carry_their_metadata_page_and_word_count() -> None:
    articles = kbjson.to_dict(_kb())["articles"]
    assert articles[0] == {
        "id": "a1",
        "title": "Ferry plan",
        "date": "2024-03-01",
        "date_source": "metadata",
        "outlet": None,
        "author": "Ann Lee",
        "url": "https://tern.example/ferry",
        "path": "a1.md",
        "words": 6,
        "page": "articles/a1/",
        "duplicate_of": None,
    }


def test_records_are_sorted_by_id_and_relations_keep_their_order() -> None:
    data = kbjson.to_dict(_kb())
    assert [a["id"] for a in data["articles"]] == ["a1", "b1"]
    assert [e["id"] for e in data["entities"]] == [
        "ada-marlow",
        "council",
        "package",
        "paris",
        "summit",
        "talks",
        "vote",
    ]
    assert [q["id"] for q in data["quotes"]] == ["q1", "q2"]
    assert [t["id"] for t in data["topics"]] == ["harbor", "trade"]
    assert data["relations"] == [
        {"source": "paris", "target": "ada-marlow", "weight": 2, "kind": "co-mention", "articles": ["a1"]},
        {"source": "council", "target": "paris", "weight": 1, "kind": None, "articles": ["b1"]},
    ]


def test_quotes_and_topics_are_written_whole() -> None:
    data = kbjson.to_dict(_kb())
    assert data["quotes"][0] == {
        "id": "q1",
        "speaker": "ada-marlow",
        "text": "We will stay",
        "variants": ["We shall stay"],
        "sources": [{"article": "a1", "sentence": 0}],
    }
    assert data["topics"][0] == {
        "id": "harbor",
        "name": "Harbor",
        "articles": ["a1", "b1"],
        "entities": ["paris"],
        "page": "topics/harbor/",
    }


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("articles", 0, "date"), "2024-02-30"),  # no such day
        (("articles", 0, "id"), "A1"),  # ids are lower-case slugs
        (("entities", 2, "amount", "currency"), "usd"),
        (("entities", 0, "type"), "company"),
        (("relations", 0, "weight"), 0),
    ],
)
def test_validate_refuses_a_record_that_breaks_the_schema(where: tuple[str | int, ...], value: object) -> None:
    data = copy.deepcopy(kbjson.to_dict(_kb()))
    record: Any = data
    for key in where[:-1]:
        record = record[key]
    record[where[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        kbjson.validate(data)


def test_dumps_writes_one_record_a_line_and_reads_back_as_to_dict() -> None:
    kb = _kb()
    text = kbjson.dumps(kb)
    assert json.loads(text) == kbjson.to_dict(kb)
    lines = text.splitlines()
    assert lines[:2] == ["{", ' "schema": "kb/1",']
    assert lines[2] == ' "articles": ['
    assert json.loads(lines[3].rstrip(","))["id"] == "a1"
    assert text.endswith("\n ]\n}\n")


def test_records_json_writes_an_empty_list_on_its_key_line() -> None:
    text = kbjson.records_json({"schema": "kb/1", "quotes": [], "topics": [{"id": "t"}, {"id": "u"}]})
    assert text == '{\n "schema": "kb/1",\n "quotes": [],\n "topics": [\n  {"id": "t"},\n  {"id": "u"}\n ]\n}\n'


def test_kb_json_keeps_text_as_written() -> None:
    spoofed = "Joe Bi\u202ened – Київ"
    kb = KnowledgeBase([], {}, [Entity("joe", "person", spoofed)])
    assert f'"name": "{spoofed}"' in kbjson.dumps(kb)
