"""Cleaned articles on disk, one JSON file per article under ``<cache>/ingest/<k[:2]>/<k>.json``,
keyed by :func:`ingest_key` (the file's path and bytes, the size limit and the code). An entry that
cannot be read, is truncated, or was written for another key or format is ignored and recomputed: a
damaged cache costs time, never correctness.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from generator.models import Article
from generator.storage import FORMAT, atomic_write_text, code_version


class IngestCache:
    """Cleaned articles, so that an unchanged file is not parsed again. The article's id is
    not stored: it depends on the other files of the corpus and is given on reading."""

    def __init__(self, root: Path) -> None:
        self.root = root / "ingest"

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str, article_id: str) -> Article | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("key") != key:
                return None
            fields: dict[str, Any] = data["article"]
            return Article(
                id=article_id,
                **{
                    **fields,
                    "removed": tuple(fields["removed"]),
                    "warnings": tuple(fields["warnings"]),
                    "headings": tuple((int(level), str(text)) for level, text in fields["headings"]),
                },
            )
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None

    def put(self, key: str, article: Article) -> None:
        fields = {f: getattr(article, f) for f in _ARTICLE_FIELDS}
        payload = json.dumps({"format": FORMAT, "key": key, "article": fields}, ensure_ascii=False)
        atomic_write_text(self._path(key), payload)

    def prune(self, keep: set[str]) -> int:
        """Delete the entries whose key is not in ``keep`` (files gone or changed, older code),
        so that the cache does not grow with every edit; returns how many."""
        removed = 0
        for path in self.root.glob("*/*.json"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


_ARTICLE_FIELDS = (
    "path",
    "title",
    "body",
    "date",
    "date_source",
    "outlet",
    "author",
    "url",
    "removed",
    "warnings",
    "headings",
)


def ingest_key(rel_path: str, data: bytes, max_bytes: int) -> str:
    """Key of one cleaned article: its file's path and bytes, the size limit and the code."""
    h = hashlib.sha256()
    for part in (code_version().encode(), rel_path.encode("utf-8", "surrogatepass"), str(max_bytes).encode(), data):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()
