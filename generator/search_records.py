"""Search records: what the site search finds each page of the knowledge base by, kept apart
from the pages so that the index does not depend on the theme or the engine that built them.

Every entity, article and topic page has one record: its URL (relative to the site root), the
type shown as the result's badge, its title, the one line shown under it, the words it is
found by, and for an entity its name and other spellings (weighted above other words) and
the weight of its name (more for an entity mentioned more). The records are written, one
JSON object a line, to ``search/records.jsonl`` (by :mod:`generator.render.pages`);
:mod:`generator.publish.search_index` gives each to Pagefind as a small document of its own
(:func:`document`). Article bodies, mention lists and quotes are not in them: a search finds
pages by what they are about.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass

FILE = "search/records.jsonl"


@dataclass(frozen=True)
class Record:
    url: str
    type: str
    title: str
    summary: str
    words: str
    name: str = ""
    aliases: str = ""
    weight: float | None = None
    full_title: str = ""  # a title cut short for headings, whole


class Records:
    """The records of the pages rendered, in the order they were added."""

    def __init__(self) -> None:
        self.records: list[Record] = []

    def add(self, record: Record) -> None:
        self.records.append(record)

    def dumps(self) -> Iterator[tuple[str, str]]:
        """The records file, as (path, content)."""
        lines = (json.dumps(asdict(r), ensure_ascii=False, separators=(",", ":")) for r in self.records)
        yield FILE, "".join(f"{line}\n" for line in lines)


def read(text: str) -> list[Record]:
    """The records of a records file; a line that is not a record raises ``ValueError``."""
    records = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(Record(**json.loads(line)))
        except (TypeError, ValueError) as exc:
            raise ValueError(f"line {n}: not a search record ({exc})") from None
    return records


def document(record: Record) -> str:
    """The record as the HTML document Pagefind indexes: the title as the heading (with the
    name's weight and metadata), the type and the one-line summary as metadata, the other
    spellings and the words as text. Pagefind's own attributes, in a document of the record's
    own, whatever theme the pages have."""
    e = html.escape
    heading = ""
    if record.name:
        heading += f' data-pagefind-meta="name:{e(record.name)}"'
    if record.weight is not None:
        heading += f' data-pagefind-weight="{record.weight:g}"'
    full = f"<p>{e(record.full_title)}</p>" if record.full_title else ""
    aliases = f'<p data-pagefind-meta="aliases:{e(record.aliases)}">{e(record.aliases)}</p>' if record.aliases else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body data-pagefind-body>'
        f"<h1{heading}>{e(record.title)}</h1>"
        f'<div hidden data-pagefind-meta="type:{e(record.type)}"></div>'
        f'<div hidden data-pagefind-meta="summary">{e(record.summary)}</div>'
        f"{aliases}<p>{e(record.words)}</p>{full}</body></html>"
    )
