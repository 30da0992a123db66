"""Tests of generator.extract.cache: a damaged extraction cache costs time, never correctness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.extract.cache import ExtractionCache
from generator.models import ArticleExtraction, Mention, Sentence
from generator.storage import FORMAT

KEY = "ab" + "0" * 62
EXTRACTION = ArticleExtraction(
    sentences=(Sentence(0, 30), Sentence(31, 70)),
    mentions=(Mention("Dara Whitlock", "PERSON", 0, 13, 0), Mention("Portvale", "GPE", 40, 48, 1)),
)


@pytest.fixture
def cache(tmp_path: Path) -> ExtractionCache:
    return ExtractionCache(tmp_path)


def entry(tmp_path: Path, key: str = KEY) -> Path:
    return tmp_path / "extract" / key[:2] / f"{key}.json"


def test_round_trip(cache: ExtractionCache, tmp_path: Path) -> None:
    cache.put(KEY, EXTRACTION)
    assert entry(tmp_path).is_file()
    assert cache.get(KEY) == EXTRACTION


def test_missing_entry_is_none(cache: ExtractionCache) -> None:
    assert cache.get(KEY) is None


def test_put_overwrites(cache: ExtractionCache) -> None:
    cache.put(KEY, EXTRACTION)
    empty = ArticleExtraction((), ())
    cache.put(KEY, empty)
    assert cache.get(KEY) == empty


def test_truncated_entry_is_none(cache: ExtractionCache, tmp_path: Path) -> None:
    cache.put(KEY, EXTRACTION)
    path = entry(tmp_path)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    assert cache.get(KEY) is None


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage\x80", b"", b"null", b"[1, 2]", b"42", b'"text"', b"{}"],
    ids=["bytes", "empty", "null", "list", "int", "string", "empty-object"],
)
def test_garbage_entry_is_none(cache: ExtractionCache, tmp_path: Path, content: bytes) -> None:
    path = entry(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert cache.get(KEY) is None


@pytest.mark.parametrize(
    "change",
    [
        {"key": "cd" + "1" * 62},
        {"format": FORMAT + 1},
        {"format": None},
        {"extraction": {"sentences": [[0, 5]]}},
        {"extraction": {"sentences": [], "mentions": [["A", "ORG", 0, 1, 3]]}},
        {"extraction": "not a dict"},
    ],
    ids=["wrong-key", "newer-format", "no-format", "missing-mentions", "bad-sentence-index", "wrong-type"],
)
def test_entry_for_other_key_or_format_is_none(
    cache: ExtractionCache, tmp_path: Path, change: dict[str, object]
) -> None:
    cache.put(KEY, EXTRACTION)
    path = entry(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cache.get(KEY) is None


def test_deeply_nested_garbage_is_none(cache: ExtractionCache, tmp_path: Path) -> None:
    path = entry(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert cache.get(KEY) is None
