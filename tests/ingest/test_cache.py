"""Tests of generator.ingest.cache: cleaned articles are read back, not parsed again, and a damaged
entry is parsed again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import cache as ingest_cache
from generator.ingest import readers as ingest
from generator.ingest.cache import IngestCache, ingest_key
from generator.ingest.readers import corpus_files, ingest_files

ARTICLE_TEXT = "---\ntitle: Ferry route approved\ndate: 2021-03-12\noutlet: Harbor Post\n---\n\n" + (
    "The council of Portvale voted on Tuesday to approve a new ferry line to the northern islands.\n\n"
    "## What islanders said\n\nThey were pleased.\n"
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
    assert [a.headings for a in second[0]] == [((2, "What islanders said"),)] * 2
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
