"""On-disk cache of extraction results, keyed by :func:`extract.cache_key`.

One JSON file per article under ``<cache>/extract/<k[:2]>/<k>.json``, written
atomically (temporary file, then rename). An entry that cannot be read, is
truncated, or was written for another key or format is ignored and
recomputed: a damaged cache costs time, never correctness.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .extract import from_json, to_json
from .models import ArticleExtraction

FORMAT = 1


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


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
