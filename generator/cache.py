"""On-disk caches, one JSON file per article, keyed by a hash of what the result depends on.

Extraction results go under ``<cache>/extract/<k[:2]>/<k>.json``, keyed by
:func:`extract.cache_key`; cleaned articles under ``<cache>/ingest/``, keyed by
:func:`ingest_key`. Files are written atomically (temporary file, then rename). An entry that cannot be read, is
truncated, or was written for another key or format is ignored and
recomputed: a damaged cache costs time, never correctness.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from generator.extract.ner import from_json, to_json
from generator.models import Article, ArticleExtraction

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
                id=article_id, **{**fields, "removed": tuple(fields["removed"]), "warnings": tuple(fields["warnings"])}
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


_ARTICLE_FIELDS = ("path", "title", "body", "date", "date_source", "outlet", "author", "url", "removed", "warnings")


PACKAGE = Path(__file__).parent


def package_files() -> list[Path]:
    """The files of the installed package that decide its output: its modules, at any depth, and
    its data (word tables, the kb.json schema); not compiled caches. The development tools live
    outside the package: editing them changes no key."""
    return sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@cache
def code_version() -> str:
    """A hash of the generator's own files: cleaned articles cached by older code are not used."""
    h = hashlib.sha256()
    for path in package_files():
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def ingest_key(rel_path: str, data: bytes, max_bytes: int) -> str:
    """Key of one cleaned article: its file's path and bytes, the size limit and the code."""
    h = hashlib.sha256()
    for part in (code_version().encode(), rel_path.encode("utf-8", "surrogatepass"), str(max_bytes).encode(), data):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.filename is None:  # a failed write names no file: name the one being written
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
