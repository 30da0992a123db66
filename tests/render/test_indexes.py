"""Tests of generator.render.indexes: an index page's first rows and its whole list as data files."""

from __future__ import annotations

import json

import pytest

from generator.models import Article, Entity, EntityMention, EventInfo, KnowledgeBase, Topic
from generator.render import indexes as indexes_module
from generator.render.indexes import PAGE_ROWS, article_index, entity_index, event_index, read_index, topics_of


def _person(n: int) -> Entity:
    mentions = [EntityMention(f"a{i}", 0, 0, 1, "x") for i in range(n % 3 + 1)]
    return Entity(f"p{n:03}", "person", f"Person \u202e{n:03}", aliases=[f"P{n}"], mentions=mentions)


def test_the_page_shows_the_first_rows_and_the_data_file_holds_them_all() -> None:
    assert PAGE_ROWS == 50
    people = [_person(n) for n in range(120)]
    data = entity_index(people, {"p001": ["harbor"]})
    assert len(data.first_page()) == 50 and len(data.rows) == 120
    assert data.first_page()[1] == {
        "name": "Person 001",  # without its direction control
        "url": "people/p001/",
        "aliases": "P1",
        "articles": 2,
        "mentions": 2,
        "topics": ["harbor"],
    }
    files = dict(data.files())
    header = json.loads(files["index.json"])
    assert header["columns"] == ["name", "url", "aliases", "articles", "mentions", "topics"]
    assert (header["total"], header["chunks"]) == (120, ["index-1.json"])
    assert json.loads(files["index-1.json"])["rows"][119] == ["Person 119", "people/p119/", "P119", 3, 3, []]
    assert " " not in files["index-1.json"].replace("Person ", "")  # compact: no padding between values
    assert read_index(files.__getitem__)[1] == data.first_page()[1]


def test_a_long_index_is_split_into_chunks_no_larger_than_their_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexes_module, "CHUNK_BYTES", 7 * len('["Person 000","people/p000/","",0,0,[0]],') + 11)
    entities = [Entity(f"p{n:03}", "person", f"Person {n:03}", mentions=[]) for n in range(20)]
    data = entity_index(entities, {e.id: ["harbor"] if int(e.id[1:]) % 3 == 0 else [] for e in entities})
    files = dict(data.files())
    header = json.loads(files["index.json"])
    assert header["chunks"] == ["index-1.json", "index-2.json", "index-3.json"] and header["total"] == 20
    assert [len(json.loads(files[name])["rows"]) for name in header["chunks"]] == [7, 7, 6]
    assert all(len(files[name].encode()) <= indexes_module.CHUNK_BYTES for name in header["chunks"])
    assert set(files) == {"index.json", *header["chunks"]}
    records = read_index(files.__getitem__)
    assert [r["name"] for r in records] == [row[0] for row in data.rows]  # every row once, in order
    assert [r["topics"] for r in records] == [row[5] for row in data.rows]  # topics numbered across chunks


def test_events_and_articles_carry_what_their_filters_read() -> None:
    summit = Entity("summit", "event", "Summit", event=EventInfo("2024-03-01", "2024-03-02", "paris", ["ada", "gone"]))
    undated = Entity("talks", "event", "Talks")
    data = event_index([summit, undated], {"paris": "Paris", "ada": "Ada Lind"}, {})
    assert data.rows == [
        ["Summit", "events/summit/", "2024-03-01", "2024-03-02", "Paris", ["Ada Lind"], 0, []],
        ["Talks", "events/talks/", None, None, "", [], 0, []],
    ]
    articles = [
        Article("a1", "a1.txt", "Ferry \u2066plan", "Text.", date="2024-03-01", outlet="Tern"),
        Article("a2", "a2.txt", "B", "T."),
    ]
    assert article_index(articles, {"a1": ["harbor"]}).rows == [
        ["Ferry plan", "articles/a1/", "2024-03-01", "Tern", None, ["harbor"]],
        ["B", "articles/a2/", None, None, None, []],
    ]


def test_topics_are_looked_up_by_entity_and_by_article() -> None:
    kb = KnowledgeBase(
        [], {}, [], topics=[Topic("harbor", "Harbor", ["a1", "a2"], ["ada"]), Topic("ferry", "Ferry", ["a1"], [])]
    )
    by_entity, by_article = topics_of(kb)
    assert dict(by_entity) == {"ada": ["harbor"]}
    assert dict(by_article) == {"a1": ["harbor", "ferry"], "a2": ["harbor"]}
