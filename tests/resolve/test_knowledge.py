"""Tests of generator.resolve.knowledge: the knowledge base is built once, from every finder's result."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from generator.models import Article, ArticleExtraction
from generator.resolve.knowledge import resolve_all
from generator.settings import Settings
from generator.stats import Stats
from tests.builders import make

MENTIONS = [
    (0, "Harbor Summit", "EVENT"),
    (0, "Paris", "GPE"),
    (1, "Edith Marlow", "PERSON"),
    (1, "Paris", "GPE"),
    (1, "Harbor Summit", "EVENT"),
    (2, "Marlow", "PERSON"),
]


def _corpus() -> tuple[list[Article], dict[str, ArticleExtraction]]:
    a1, x1 = make(
        "a1",
        [
            "The Harbor Summit was held on Monday in Paris.",
            "Mayor Edith Marlow of Paris attended the Harbor Summit.",
            '"We will keep the harbor open," Marlow said.',
        ],
        MENTIONS,
        date="2024-03-06",
    )
    return [a1], {"a1": x1}


def test_every_finder_adds_to_one_knowledge_base_and_nothing_given_changes(tmp_path: Path) -> None:
    articles, extractions = _corpus()
    given = [replace(a) for a in articles]
    stats = Stats()
    kb = resolve_all(Settings(root=tmp_path), stats, articles, extractions, [], time.perf_counter())
    assert articles == given
    by_id = kb.entities_by_id
    assert by_id["edith-marlow"].roles[0].title == "Mayor"  # the roles finder's
    assert [q.speaker for q in kb.quotes] == ["edith-marlow"]  # the quotes finder's
    events = [e for e in kb.entities if e.type == "event"]
    assert [e.name for e in events] == ["Harbor Summit"]  # the event finder's, not the recognizer's
    assert events[0].event is not None and events[0].event.date_start == "2024-03-04"
    # the recognizer's event gave its id back, so the finder's event of that name has it
    assert events[0].id == "harbor-summit"
    assert {(r.source, r.target) for r in kb.relations} >= {("edith-marlow", "paris")}
    assert kb.links["a1"][0].entity == "harbor-summit"
    assert {"entities", "quotes", "roles", "events", "aid", "topics"} <= set(stats.steps)


def test_the_readers_overrides_repoint_quotes_at_the_merged_entity(tmp_path: Path) -> None:
    articles, extractions = _corpus()
    (tmp_path / "curation.yml").write_text('merge: {"Edith Marlow": "Paris"}\n', encoding="utf-8")
    kb = resolve_all(Settings(root=tmp_path), Stats(), articles, extractions, [], time.perf_counter())
    assert "edith-marlow" not in kb.entities_by_id
    assert [q.speaker for q in kb.quotes] == ["paris"]
