"""The index pages as a reader filters and sorts them: a small first page, and the whole list
as compact data files beside it.

An index page shows its first :data:`PAGE_ROWS` rows, whatever the size of the corpus; the
site script fetches ``index.json`` from the same folder when the reader filters or sorts,
then the files it names, and shows the rows that match, :data:`PAGE_ROWS` at a time.
``index.json`` holds the column names, the topics the rows name and the list of chunk files;
each chunk (``index-1.json``, ...) holds rows up to :data:`CHUNK_BYTES` of JSON, one array per
row, so that no file grows with the corpus. Values are plain (text, numbers, URLs relative to the
site root), so that the script builds every cell as text; text carries no direction controls
(:func:`strip_controls`), as everywhere else on the site.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import cast

from generator.models import Article, Entity, KnowledgeBase, Topic
from generator.render.paths import article_url, entity_url, topic_url
from generator.render.quotes import QuoteRow
from generator.render.text_safety import strip_controls
from generator.render.timeline import TimelineItem

PAGE_ROWS = 50
CHUNK_BYTES = 200_000  # a data file's rows stop at this size (a row longer than that is a file alone)


@dataclass(frozen=True)
class IndexData:
    """The rows of one index, in its first order, with the columns the data file names."""

    columns: tuple[str, ...]
    rows: list[list[object]] = field(default_factory=list)

    def first_page(self) -> list[dict[str, object]]:
        """The rows the page itself shows, as records the template reads by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows[:PAGE_ROWS]]

    def files(self) -> Iterator[tuple[str, str]]:
        """The data files, as (name, text): ``index.json`` (the columns, the topics and the
        names of the chunks), then each chunk of rows up to :data:`CHUNK_BYTES`, a row as an array. A
        row names its topics by their place in the list of topics, as a topic's id is long and
        a row may have many."""
        rows = self.rows
        header: dict[str, object] = {"columns": self.columns}
        if "topics" in self.columns:
            at = self.columns.index("topics")
            topics: dict[str, int] = {}
            rows = []
            for row in self.rows:
                numbers = [topics.setdefault(t, len(topics)) for t in cast(list[str], row[at])]
                rows.append([*row[:at], numbers, *row[at + 1 :]])
            header["topics"] = list(topics)
        chunks: list[list[str]] = []
        size = CHUNK_BYTES
        for row in rows:
            text = _dumps(row)
            length = len(text.encode("utf-8")) + 1
            if size + length > CHUNK_BYTES:
                chunks.append([])
                size = len('{"rows":[]}')
            chunks[-1].append(text)
            size += length
        names = [f"index-{n}.json" for n in range(1, len(chunks) + 1)]
        yield "index.json", _dumps({**header, "total": len(rows), "chunks": names})
        for name, chunk in zip(names, chunks, strict=True):
            yield name, '{"rows":[' + ",".join(chunk) + "]}"


def read_index(read: Callable[[str], str]) -> list[dict[str, object]]:
    """The rows of an index's data files as records, as the site script reads them: ``read``
    gives the text of a file of the index's folder by name."""
    header = json.loads(read("index.json"))
    columns, topics = header["columns"], header.get("topics", [])
    records = []
    for name in header["chunks"]:
        for row in json.loads(read(name))["rows"]:
            record = dict(zip(columns, row, strict=True))
            if "topics" in record:
                record["topics"] = [topics[n] for n in record["topics"]]
            records.append(record)
    return records


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def topics_of(kb: KnowledgeBase) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Entity id -> the ids of its topics, and article id -> the ids of its topics."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    by_article: dict[str, list[str]] = defaultdict(list)
    for t in kb.topics:
        for e in t.entities:
            by_entity[e].append(t.id)
        for a in t.articles:
            by_article[a].append(t.id)
    return by_entity, by_article


ENTITY_COLUMNS = ("name", "url", "aliases", "articles", "mentions", "topics")
EVENT_COLUMNS = ("name", "url", "start", "end", "place", "participants", "articles", "topics")
ARTICLE_COLUMNS = ("title", "url", "date", "outlet", "author", "topics")
QUOTE_COLUMNS = (
    "text",
    "speaker",
    "speaker_url",
    "date",
    "outlets",
    "no_outlet",
    "articles",
    "source",
    "topics",
    "variants",
)
TIMELINE_COLUMNS = ("date", "end", "kind", "title", "url", "outlet", "types", "topics")
TOPIC_COLUMNS = ("name", "url", "articles", "entities")
OUTLET_COLUMNS = ("name", "articles", "latest")


def entity_index(ranked: list[Entity], topics: dict[str, list[str]]) -> IndexData:
    """People, organizations or places, in the order given (most mentioned first)."""
    rows: list[list[object]] = [
        [
            strip_controls(e.name),
            entity_url(e),
            strip_controls(", ".join(e.aliases)),
            len(e.articles),
            len(e.mentions),
            topics.get(e.id, []),
        ]
        for e in ranked
    ]
    return IndexData(ENTITY_COLUMNS, rows)


def event_index(ranked: list[Entity], names: dict[str, str], topics: dict[str, list[str]]) -> IndexData:
    """Events, in the order given (by date); a place and participants by name."""
    rows: list[list[object]] = []
    for e in ranked:
        info = e.event
        start, end = (info.date_start, info.date_end) if info else (None, None)
        place = strip_controls(names.get(info.location or "", "")) if info else ""
        people = [strip_controls(names[p]) for p in info.participants if p in names] if info else []
        name = strip_controls(e.name)
        rows.append([name, entity_url(e), start, end, place, people, len(e.articles), topics.get(e.id, [])])
    return IndexData(EVENT_COLUMNS, rows)


def article_index(articles: list[Article], topics: dict[str, list[str]]) -> IndexData:
    """Articles, in the order given (newest first)."""
    rows: list[list[object]] = [
        [strip_controls(a.title), article_url(a.id), a.date, _opt(a.outlet), _opt(a.author), topics.get(a.id, [])]
        for a in articles
    ]
    return IndexData(ARTICLE_COLUMNS, rows)


def _opt(text: str | None) -> str | None:
    return strip_controls(text) if text else None


def quote_index(rows: list[QuoteRow], topics: dict[str, list[str]]) -> IndexData:
    """The quotes ledger, in the order given (oldest first): the speaker, the date, the outlets
    that carry a quote, the article and sentence of its first report and its topics (those of
    the articles that carry it)."""
    out: list[list[object]] = []
    for r in rows:
        speaker = r.speaker
        first, sentence = r.sources[0] if r.sources else (None, 0)
        out.append(
            [
                strip_controls(r.quote.text),
                strip_controls(speaker.name) if speaker else None,
                entity_url(speaker) if speaker else None,
                r.date,
                [strip_controls(o) for o in r.outlets],
                r.no_outlet,
                r.articles,
                f"{article_url(first.id)}#s{sentence}" if first else None,
                sorted({t for a, _ in r.sources for t in topics.get(a.id, ())}),
                [strip_controls(v) for v in r.quote.variants],
            ]
        )
    return IndexData(QUOTE_COLUMNS, out)


def timeline_index(items: list[TimelineItem], entities: dict[str, Entity]) -> IndexData:
    """Dated events and articles, in the order given (oldest first)."""
    rows: list[list[object]] = [
        [
            i.date,
            i.end,
            i.kind,
            strip_controls(i.title),
            entity_url(entities[i.ref]) if i.kind == "event" else article_url(i.ref),
            _opt(i.outlet),
            i.types,
            i.topics,
        ]
        for i in items
    ]
    return IndexData(TIMELINE_COLUMNS, rows)


def topic_index(topics: list[Topic]) -> IndexData:
    """Topics, in the order given."""
    rows: list[list[object]] = [
        [strip_controls(t.name), topic_url(t.id), len(t.articles), len(t.entities)] for t in topics
    ]
    return IndexData(TOPIC_COLUMNS, rows)


def outlet_index(articles: list[Article]) -> IndexData:
    """The outlets the articles name, most articles first, with the date of the latest; an
    article that names no outlet is no outlet."""
    counts: dict[str, int] = defaultdict(int)
    latest: dict[str, str] = {}
    for a in articles:
        if a.outlet:
            counts[a.outlet] += 1
            if a.date and a.date > latest.get(a.outlet, ""):
                latest[a.outlet] = a.date
    ranked = sorted(counts, key=lambda o: (-counts[o], o.casefold()))
    return IndexData(OUTLET_COLUMNS, [[strip_controls(o), counts[o], latest.get(o)] for o in ranked])
