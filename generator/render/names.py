"""Exact names for the site search: every entity's name and other spellings, spread over small
files by a hash of the name, so that typing a name puts its entity first whatever the corpus size.

Pagefind ranks by how often and where the words occur; at thousands of pages an entity known by
one short name ("Biden") falls behind the pages whose long names repeat it ("President Biden's
call", "Biden-Harris Administration"). The site script reads ``search/names/shards.json`` (how
many files there are), hashes what was typed (:func:`shard`, FNV-1a over its code points, as
the script computes it) and fetches that one file; the entities named exactly that come first.
A file holds, per name or other spelling, the typed form (:func:`typed`), the page's URL
relative to the site root, its type, its name and its one-line summary, the most mentioned
entity of a name first.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator

FOLDER = "search/names"
PER_FILE = 100  # names in a file, on average


def typed(text: str) -> str:
    """A name as the site script compares it with what was typed: lower case, words only."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def shard(form: str, shards: int) -> int:
    """The file of a typed form among ``shards``: its 32-bit FNV-1a hash over code points."""
    h = 0x811C9DC5
    for c in form:
        h = ((h ^ ord(c)) * 0x01000193) & 0xFFFFFFFF
    return h % shards


class Names:
    """The records of the name files, gathered page by page."""

    def __init__(self) -> None:
        self.records: list[tuple[str, int, str, str, str, str]] = []

    def add(self, names: list[str], url: str, type_label: str, name: str, summary: str, mentions: int) -> None:
        """An entity's page under its name and other spellings; ``mentions`` orders the entities
        that share a name, the most mentioned first."""
        for form in dict.fromkeys(typed(n) for n in names):
            if form:
                self.records.append((form, -mentions, url, type_label, name, summary))

    def dumps(self) -> Iterator[tuple[str, str]]:
        """``shards.json`` and the files, as (path, content)."""
        shards = max(1, math.ceil(len(self.records) / PER_FILE))
        files: dict[int, list[list[object]]] = defaultdict(list)
        for form, _, *rest in sorted(self.records):
            files[shard(form, shards)].append([form, *rest])
        yield f"{FOLDER}/shards.json", json.dumps({"shards": shards})
        for n in range(shards):
            yield f"{FOLDER}/{n}.json", json.dumps(files.get(n, []), ensure_ascii=False, separators=(",", ":"))
