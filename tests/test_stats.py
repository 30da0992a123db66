"""Tests of generator.stats: a build's counts and seconds, as a summary line and as JSON."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.models import Article, Entity, KnowledgeBase, Quote, Topic
from generator.stats import Stats, build_stats, peak_memory_mb, write_stats


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """``time.perf_counter`` returning the given readings in turn."""
    readings: list[float] = []
    it: Iterator[float] = iter(readings)

    def perf_counter() -> float:
        return next(it)

    monkeypatch.setattr(time, "perf_counter", perf_counter)
    return readings


def kb() -> KnowledgeBase:
    articles = [
        Article(id="a", path="a.txt", title="A", body="one two three"),
        Article(id="b", path="b.txt", title="B", body="four five\n\nsix seven"),
    ]
    entities = [
        Entity(id="dara-whitlock", type="person", name="Dara Whitlock"),
        Entity(id="ilse-brandt", type="person", name="Ilse Brandt"),
        Entity(id="portvale", type="place", name="Portvale"),
        Entity(id="ferry-fund", type="aid_package", name="Ferry fund"),
    ]
    quotes = [Quote(id="q1", speaker="dara-whitlock", text="We will sail.", sources=[])]
    topics = [Topic(id="ferries", name="Ferries", articles=["a"], entities=[])]
    return KnowledgeBase(articles=articles, extractions={}, entities=entities, quotes=quotes, topics=topics)


def test_a_step_records_the_seconds_since_it_began_and_returns_now(clock: list[float]) -> None:
    clock += [12.5]
    stats = Stats()
    assert stats.step("match", 10.0) == 12.5
    assert stats.steps == {"match": 2.5}


def test_a_step_run_twice_adds_up_its_seconds(clock: list[float]) -> None:
    clock += [11.0, 20.0, 21.25]
    stats = Stats()
    t = stats.step("match", 10.0)
    stats.step("merge", t)
    stats.step("match", 20.0)
    assert stats.steps == {"match": 2.25, "merge": 9.0}


def test_the_summary_counts_articles_entities_by_type_quotes_topics_pages_and_seconds() -> None:
    stats = Stats(articles=3, skipped=1, pages=9, seconds={"ingest": 1.0, "extract": 2.25, "resolve": 0.5})
    assert stats.summary(kb()) == (
        "3 articles (1 skipped), entities: 2 person, 0 organization, 1 place, 0 event, 1 aid package; "
        "1 quotes, 1 topics, 9 pages in 3.8 s"
    )


def test_the_summary_of_an_empty_build() -> None:
    empty = KnowledgeBase(articles=[], extractions={}, entities=[])
    assert Stats().summary(empty) == (
        "0 articles (0 skipped), entities: 0 person, 0 organization, 0 place, 0 event, 0 aid package; "
        "0 quotes, 0 topics, 0 pages in 0.0 s"
    )


def test_build_stats_gives_the_counts_words_entities_and_rounded_seconds() -> None:
    stats = Stats(
        articles=2,
        skipped=1,
        extracted=1,
        cached=1,
        pages=7,
        written=5,
        seconds={"ingest": 0.12345, "extract": 2.0},
        steps={"match": 0.0004, "merge": 1.23456},
    )
    figures = build_stats(kb(), stats)
    memory = figures.pop("peak_memory_mb")
    assert figures == {
        "seconds": {"ingest": 0.123, "extract": 2.0},
        "resolve_steps": {"match": 0.0, "merge": 1.235},
        "articles": 2,
        "skipped": 1,
        "extracted": 1,
        "cached": 1,
        "words": 7,
        "entities": {"aid_package": 1, "person": 2, "place": 1},
        "pages": 7,
    }
    assert list(figures["entities"]) == ["aid_package", "person", "place"]  # sorted by type
    assert set(memory) == {"process", "largest_child"}


def test_peak_memory_is_this_process_and_its_largest_child_in_megabytes() -> None:
    memory = peak_memory_mb()
    assert set(memory) == {"process", "largest_child"}
    # a Python process with the generator imported holds more than 10 MB, and less than a terabyte
    assert 10 < memory["process"] < 1_000_000
    assert memory["largest_child"] >= 0
    assert all(v == round(v, 1) for v in memory.values())


def test_write_stats_writes_indented_json_ending_in_a_newline(tmp_path: Path) -> None:
    path = tmp_path / "stats.json"
    figures = {"seconds": {"ingest": 0.5}, "articles": 2}
    write_stats(path, figures)
    text = path.read_text(encoding="utf-8")
    assert text == '{\n "seconds": {\n  "ingest": 0.5\n },\n "articles": 2\n}\n'
    assert json.loads(text) == figures
