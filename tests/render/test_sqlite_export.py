"""Tests of generator.render.sqlite_export: the knowledge base as a SQLite database that
sqlite-utils (and Datasette, which reads it the same way) opens as is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from generator.models import PersonInfo, Role
from generator.render import kbjson
from generator.render.sqlite_export import write
from tests.render.test_site_pages import with_quote_and_event

TABLES = {
    "articles", "sentences", "entities", "aliases", "mentions", "roles", "participants", "figures",
    "quotes", "quote_variants", "quote_sources", "topics", "topic_articles", "topic_entities", "relations",
}  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    kb = with_quote_and_event()
    marlow = kb.entities_by_id["edith-marlow"]
    marlow.person = PersonInfo([Role("Harbor master", "harbor-council", ["a1"])])
    write(kb, tmp_path / "kb.db")
    return sqlite_utils.Database(tmp_path / "kb.db")


def test_every_table_is_there_and_each_answers_a_query(db: sqlite_utils.Database) -> None:
    assert set(db.table_names()) == TABLES
    q = db.execute
    assert q("select id, outlet, date from articles order by id").fetchall() == [
        ("a1", "Daily Tern", "2024-03-01"),
        ("b1", None, None),
    ]
    assert q("select text from sentences where article = 'b1'").fetchall() == [
        ("The Harbor Council approved a $20bn aid package.",)
    ]
    assert q("select type, count(*) from entities group by type order by type").fetchall() == [
        ("aid_package", 1), ("event", 1), ("organization", 1), ("person", 1), ("place", 1),
    ]  # fmt: skip
    assert q("select alias from aliases where entity = 'edith-marlow'").fetchall() == [("Marlow",)]
    # a mention, its entity and the sentence it is in, by the foreign keys
    assert q(
        "select e.name, m.text, s.text from mentions m join entities e on e.id = m.entity "
        "join sentences s on s.article = m.article and s.sentence = m.sentence where m.article = 'b1' order by e.name"
    ).fetchall() == [
        ("$20 billion package", "$20bn", "The Harbor Council approved a $20bn aid package."),
        ("Harbor Council", "Harbor Council", "The Harbor Council approved a $20bn aid package."),
    ]
    assert q('select title, "of", articles from roles').fetchall() == [("Harbor master", "harbor-council", '["a1"]')]
    assert q("select event, entity from participants").fetchall() == [("harbor-summit", "edith-marlow")]
    assert q("select value, currency, text from figures").fetchall() == [(20e9, "USD", "$20 billion")]
    assert q("select amount, currency, donor, status from entities where type = 'aid_package'").fetchall() == [
        (20e9, "USD", "harbor-council", "approved")
    ]
    assert q("select date_start from entities where id = 'harbor-summit'").fetchall() == [("2024-02-10",)]
    assert q("select speaker, text from quotes").fetchall() == [("edith-marlow", "The harbor will stay open")]
    assert q("select text from quote_variants").fetchall() == [("The harbour will stay open",)]
    assert q("select article, sentence from quote_sources order by article").fetchall() == [("a1", 2), ("b1", 0)]
    assert q("select id, name from topics").fetchall() == [("harbor-affairs", "Harbor affairs")]
    assert q("select article from topic_articles order by article").fetchall() == [("a1",), ("b1",)]
    assert q("select entity from topic_entities").fetchall() == [("harbor-council",)]
    assert q("select count(*) from relations where source = 'edith-marlow' or target = 'edith-marlow'").fetchone()[0]


def test_the_database_holds_what_kb_json_holds(db: sqlite_utils.Database) -> None:
    data = kbjson.to_dict(with_quote_and_event())
    assert db["entities"].count == len(data["entities"])
    assert db["mentions"].count == sum(len(e["mentions"]) for e in data["entities"])
    assert db["relations"].count == len(data["relations"])
    links = {fk.column: fk.other_table for fk in db["mentions"].foreign_keys}
    assert links == {"entity": "entities", "article": "articles"}  # Datasette links them
    assert json.loads(db.execute("select articles from relations limit 1").fetchone()[0])


def test_a_failed_write_leaves_the_last_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "kb.db"
    out.write_bytes(b"the last database")

    def broken(kb: object) -> object:
        raise RuntimeError("disk gone")

    monkeypatch.setattr("generator.render.sqlite_export.tables", broken)
    with pytest.raises(RuntimeError):
        write(with_quote_and_event(), out)
    assert out.read_bytes() == b"the last database"
    assert [p.name for p in tmp_path.iterdir()] == ["kb.db"]  # no temporary file left
