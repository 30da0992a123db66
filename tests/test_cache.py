"""Tests of the ingest and extraction caches and of the code key: a damaged cache costs time,
never correctness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import storage
from generator.extract.cache import ExtractionCache
from generator.ingest import cache as ingest_cache
from generator.ingest import readers as ingest
from generator.ingest.cache import IngestCache, ingest_key
from generator.ingest.readers import corpus_files, ingest_files
from generator.models import ArticleExtraction, Mention, Sentence
from generator.storage import FORMAT, atomic_write_text

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


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "dir" / "out.txt"
    atomic_write_text(target, "first")
    atomic_write_text(target, "second ünïcode\n")
    assert target.read_text(encoding="utf-8") == "second ünïcode\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_atomic_write_failure_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write_text(target, "old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "bad \ud800 surrogate")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


# --- cleaned articles -------------------------------------------------------------------------

ARTICLE_TEXT = "---\ntitle: Ferry route approved\ndate: 2021-03-12\noutlet: Harbor Post\n---\n\n" + (
    "The council of Portvale voted on Tuesday to approve a new ferry line to the northern islands.\n"
)


def corpus_of(tmp_path: Path, **files: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in files.items():
        (corpus / f"{name}.md").write_text(text, encoding="utf-8")
    return corpus


def test_cached_articles_equal_parsed_ones(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a=ARTICLE_TEXT, b=ARTICLE_TEXT.replace("Tuesday", "Monday"), bad="")
    store = IngestCache(tmp_path / "cache")
    plain = ingest_files(corpus, corpus_files(corpus), 1_000_000)
    first = ingest_files(corpus, corpus_files(corpus), 1_000_000, store)
    assert len(list((tmp_path / "cache" / "ingest").rglob("*.json"))) == 2  # problems are not cached
    second = ingest_files(corpus, corpus_files(corpus), 1_000_000, store)
    assert plain == first == second
    assert [a.date for a in second[0]] == ["2021-03-12", "2021-03-12"]
    assert [p.path for p in second[1]] == ["bad.md"]


def test_cached_article_is_read_back_not_reparsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = corpus_of(tmp_path, a=ARTICLE_TEXT)
    store = IngestCache(tmp_path / "cache")
    ingest_files(corpus, corpus_files(corpus), 1_000_000, store)
    parsed: list[str] = []
    original = ingest.to_article
    monkeypatch.setattr(ingest, "to_article", lambda raw, i: parsed.append(raw.path) or original(raw, i))
    ingest_files(corpus, corpus_files(corpus), 1_000_000, store)
    assert parsed == []
    (corpus / "a.md").write_text(ARTICLE_TEXT.replace("Tuesday", "Friday"), encoding="utf-8")
    articles, _ = ingest_files(corpus, corpus_files(corpus), 1_000_000, store)
    assert parsed == ["a.md"] and "Friday" in articles[0].body


def test_ingest_key_covers_path_limit_and_code(monkeypatch: pytest.MonkeyPatch) -> None:
    key = ingest_key("a.md", b"text", 100)
    assert key == ingest_key("a.md", b"text", 100)
    assert (
        len({key, ingest_key("b.md", b"text", 100), ingest_key("a.md", b"text!", 100), ingest_key("a.md", b"text", 99)})
        == 4
    )
    monkeypatch.setattr(ingest_cache, "code_version", lambda: "other code")
    assert ingest_key("a.md", b"text", 100) != key


def test_the_code_key_covers_the_package_at_any_depth_and_its_data_and_not_the_tools(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "generator"
    (package / "resolve").mkdir(parents=True)
    (package / "data").mkdir()
    (package / "stage.py").write_text("A = 1\n", encoding="utf-8")
    (package / "resolve" / "facts.py").write_text("B = 1\n", encoding="utf-8")
    (package / "data" / "words.txt").write_text("alpha\n", encoding="utf-8")
    monkeypatch.setattr(storage, "PACKAGE", package)

    def version() -> str:
        storage.code_version.cache_clear()
        return storage.code_version()

    before = version()
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "bench.py").write_text("C = 1\n", encoding="utf-8")  # a development tool
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "stage.cpython-311.pyc").write_bytes(b"compiled")
    assert version() == before
    (package / "resolve" / "facts.py").write_text("B = 2\n", encoding="utf-8")
    nested = version()
    assert nested != before
    (package / "data" / "words.txt").write_text("alpha\nbeta\n", encoding="utf-8")
    assert version() not in (before, nested)
    storage.code_version.cache_clear()


def test_the_development_tools_are_not_in_the_package() -> None:
    shipped = {p.relative_to(storage.PACKAGE).as_posix() for p in storage.package_files()}
    assert "data/verbs.txt" in shipped and "kb.schema.json" in shipped
    assert not {f"{name}.py" for name in ("bench", "eval_facts", "eval_seeds", "serve_probe")} & shipped


def test_damaged_ingest_entry_is_recomputed(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a=ARTICLE_TEXT)
    store = IngestCache(tmp_path / "cache")
    expected = ingest_files(corpus, corpus_files(corpus), 1_000_000, store)
    for path in (tmp_path / "cache" / "ingest").rglob("*.json"):
        path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8")
    assert ingest_files(corpus, corpus_files(corpus), 1_000_000, store) == expected


def test_ingest_cache_keeps_only_the_current_files(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, a=ARTICLE_TEXT, b=ARTICLE_TEXT.replace("Tuesday", "Monday"))
    store = IngestCache(tmp_path / "cache")
    ingest_files(corpus, corpus_files(corpus), 1_000_000, store)
    (corpus / "a.md").write_text(ARTICLE_TEXT.replace("Tuesday", "Friday"), encoding="utf-8")
    (corpus / "b.md").unlink()
    ingest_files(corpus, corpus_files(corpus), 1_000_000, store)
    entries = list((tmp_path / "cache" / "ingest").rglob("*.json"))
    assert [p.stem for p in entries] == [ingest_key("a.md", (corpus / "a.md").read_bytes(), 1_000_000)]
