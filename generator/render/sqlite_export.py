"""The knowledge base as a SQLite database (``kb export --format sqlite``), for SQL and Datasette.

The tables hold what ``kb.json`` holds, one row per thing, with foreign keys so that Datasette
links a mention to its entity, article and sentence: ``articles``, ``sentences`` (each article's
sentences, the text every fact is traced to), ``entities``, ``aliases``, ``mentions``, ``roles``,
``participants`` (of events), ``figures`` (of aid packages), ``quotes``, ``quote_variants``,
``quote_sources``, ``topics``, ``topic_articles``, ``topic_entities`` and ``relations``. A list
that is not a table of its own (a role's articles) is a JSON array in its column.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from generator.models import KnowledgeBase
from generator.render import kbjson

SCHEMA = """
CREATE TABLE articles (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, date_source TEXT, outlet TEXT, author TEXT,
  url TEXT, path TEXT NOT NULL, words INTEGER, page TEXT, duplicate_of TEXT REFERENCES articles(id)
);
CREATE TABLE sentences (
  article TEXT NOT NULL REFERENCES articles(id), sentence INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (article, sentence)
);
CREATE TABLE entities (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, description TEXT, page TEXT,
  date_start TEXT, date_end TEXT, location TEXT REFERENCES entities(id),
  amount REAL, currency TEXT, donor TEXT REFERENCES entities(id), recipient TEXT REFERENCES entities(id),
  status TEXT
);
CREATE TABLE aliases (entity TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL);
CREATE TABLE mentions (
  entity TEXT NOT NULL REFERENCES entities(id), article TEXT NOT NULL REFERENCES articles(id),
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE TABLE roles (
  entity TEXT NOT NULL REFERENCES entities(id), title TEXT NOT NULL, "of" TEXT REFERENCES entities(id),
  articles TEXT NOT NULL
);
CREATE TABLE participants (event TEXT NOT NULL REFERENCES entities(id), entity TEXT NOT NULL REFERENCES entities(id));
CREATE TABLE figures (
  entity TEXT NOT NULL REFERENCES entities(id), value REAL NOT NULL, currency TEXT NOT NULL, text TEXT NOT NULL,
  articles TEXT NOT NULL
);
CREATE TABLE quotes (id TEXT PRIMARY KEY, speaker TEXT REFERENCES entities(id), text TEXT NOT NULL);
CREATE TABLE quote_variants (quote TEXT NOT NULL REFERENCES quotes(id), text TEXT NOT NULL);
CREATE TABLE quote_sources (
  quote TEXT NOT NULL REFERENCES quotes(id), article TEXT NOT NULL REFERENCES articles(id), sentence INTEGER NOT NULL
);
CREATE TABLE topics (id TEXT PRIMARY KEY, name TEXT NOT NULL, page TEXT);
CREATE TABLE topic_articles (topic TEXT NOT NULL REFERENCES topics(id), article TEXT NOT NULL REFERENCES articles(id));
CREATE TABLE topic_entities (topic TEXT NOT NULL REFERENCES topics(id), entity TEXT NOT NULL REFERENCES entities(id));
CREATE TABLE relations (
  source TEXT NOT NULL REFERENCES entities(id), target TEXT NOT NULL REFERENCES entities(id),
  weight INTEGER NOT NULL, kind TEXT, articles TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE INDEX mentions_article ON mentions(article, sentence);
CREATE INDEX quote_sources_article ON quote_sources(article, sentence);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
"""


def write(kb: KnowledgeBase, output: Path) -> None:
    """Write the database to ``output``, replacing it only once it is whole."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    os.close(fd)
    try:
        with sqlite3.connect(name) as db:
            db.executescript(SCHEMA)
            for table, rows in tables(kb):
                rows = list(rows)
                if rows:
                    marks = ",".join("?" * len(rows[0]))
                    db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)  # the table names are ours
        db.close()
        os.replace(name, output)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def tables(kb: KnowledgeBase) -> Iterator[tuple[str, Iterable[tuple[Any, ...]]]]:
    """Each table's name and rows, in the order of the columns of :data:`SCHEMA`."""
    data = kbjson.to_dict(kb)
    yield "articles", [tuple(a[c] for c in _ARTICLE_COLUMNS) for a in data["articles"]]
    yield "sentences", _sentences(kb)
    entities = data["entities"]
    yield "entities", [_entity_row(e) for e in entities]
    yield "aliases", [(e["id"], alias) for e in entities for alias in e["aliases"]]
    yield (
        "mentions",
        [
            (e["id"], m["article"], m["sentence"], m["start"], m["end"], m["text"])
            for e in entities
            for m in e["mentions"]
        ],
    )
    yield "roles", [(e["id"], r["title"], r["of"], _json(r["articles"])) for e in entities for r in e.get("roles", [])]
    yield "participants", [(e["id"], p) for e in entities for p in e.get("participants", [])]
    yield (
        "figures",
        [
            (e["id"], f["value"], f["currency"], f["text"], _json(f["articles"]))
            for e in entities
            for f in e.get("figures", [])
        ],
    )
    quotes = data["quotes"]
    yield "quotes", [(q["id"], q["speaker"], q["text"]) for q in quotes]
    yield "quote_variants", [(q["id"], v) for q in quotes for v in q["variants"]]
    yield "quote_sources", [(q["id"], s["article"], s["sentence"]) for q in quotes for s in q["sources"]]
    topics = data["topics"]
    yield "topics", [(t["id"], t["name"], t.get("page")) for t in topics]
    yield "topic_articles", [(t["id"], a) for t in topics for a in t["articles"]]
    yield "topic_entities", [(t["id"], e) for t in topics for e in t["entities"]]
    relations = data["relations"]
    yield "relations", [(r["source"], r["target"], r["weight"], r["kind"], _json(r["articles"])) for r in relations]


_ARTICLE_COLUMNS = (
    "id", "title", "date", "date_source", "outlet", "author", "url", "path", "words", "page", "duplicate_of",
)  # fmt: skip


def _sentences(kb: KnowledgeBase) -> Iterator[tuple[str, int, str]]:
    for article in kb.articles:
        extraction = kb.extractions.get(article.id)
        if extraction is not None:
            for n in range(len(extraction.sentences)):
                yield article.id, n, extraction.sentence_text(article.body, n)


def _entity_row(e: dict[str, Any]) -> tuple[Any, ...]:
    date = e.get("date") or {}
    amount = e.get("amount") or {}
    return (
        e["id"],
        e["type"],
        e["name"],
        e["description"],
        e["page"],
        date.get("start"),
        date.get("end"),
        e.get("location"),
        amount.get("value"),
        amount.get("currency"),
        e.get("donor"),
        e.get("recipient"),
        e.get("status"),
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
