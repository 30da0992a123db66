"""The index pages as a reader filters and sorts them: a small first page, and the whole list
as one compact data file beside it.

An index page shows its first :data:`PAGE_ROWS` rows, whatever the size of the corpus; the
site script fetches ``index.json`` from the same folder when the reader filters or sorts,
and shows the rows that match, :data:`PAGE_ROWS` at a time. The data file holds one array per
row under a list of column names, plain values only (text, numbers, URLs relative to the site
root), so that it stays small and the script builds every cell as text; text carries no
direction controls (:func:`strip_controls`), as everywhere else on the site.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from generator.models import Article, Entity, KnowledgeBase
from generator.render.paths import article_url, entity_url
from generator.render.text_safety import strip_controls

PAGE_ROWS = 50


@dataclass(frozen=True)
class IndexData:
    """The rows of one index, in its first order, with the columns the data file names."""

    columns: tuple[str, ...]
    rows: list[list[object]] = field(default_factory=list)

    def first_page(self) -> list[dict[str, object]]:
        """The rows the page itself shows, as records the template reads by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows[:PAGE_ROWS]]

    def json(self) -> str:
        return json.dumps({"columns": self.columns, "rows": self.rows}, ensure_ascii=False, separators=(",", ":"))


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
