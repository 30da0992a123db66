"""Extraction results on disk, one JSON file per article under ``<cache>/extract/<k[:2]>/<k>.json``,
keyed by :func:`generator.extract.ner.cache_key` (the text and the model, not the code: an
extraction is a pure function of both). An entry that cannot be read, is truncated, or was written
for another key or format is ignored and recomputed.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.extract.ner import from_json, to_json
from generator.models import ArticleExtraction
from generator.storage import FORMAT, atomic_write_text


class ExtractionCache:
    def __init__(self, root: Path) -> None:
        self.root = root / "extract"

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> ArticleExtraction | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("key") != key:
                return None
            return from_json(data["extraction"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None

    def put(self, key: str, extraction: ArticleExtraction) -> None:
        path = self._path(key)
        payload = json.dumps({"format": FORMAT, "key": key, "extraction": to_json(extraction)}, ensure_ascii=False)
        atomic_write_text(path, payload)
