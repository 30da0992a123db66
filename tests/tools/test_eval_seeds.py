"""Tests of tools.eval_seeds, and the seed corpus measured against its gold annotations."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.models import AidInfo, Article, Entity, EntityMention, Figure, KnowledgeBase, Quote, QuoteSource
from tools.eval_seeds import evaluate

ROOT = Path(__file__).resolve().parents[2]
GOLD = yaml.safe_load((ROOT / "tests/gold/seeds.yml").read_text(encoding="utf-8"))


def person(entity_id: str, name: str, *aliases: str, type_: str = "person") -> Entity:
    return Entity(entity_id, type_, name, list(aliases), [EntityMention("001-x", 0, 0, 1, name)])  # type: ignore[arg-type]


def small_kb(entities: list[Entity], quotes: list[Quote] | None = None) -> KnowledgeBase:
    articles = [Article("001-x", "001.txt", "T", "body"), Article("002-y", "002.txt", "T", "body")]
    return KnowledgeBase(articles, {}, entities, quotes or [])


GOLD_SMALL = {
    "entities": {"person": {"Ada Lind": ["Lind"]}, "place": {"Kyiv": ["Kiev"]}},
    "acceptable": ["West"],
    "quotes": [{"speaker": "Ada Lind", "text": "We will stay", "articles": ["001", "002"]}],
    "aid": [{"currency": "USD", "figures": {60: ["001"], 61: ["002"]}}],
}


def test_counts_found_split_mistyped_and_junk_pages() -> None:
    entities = [
        person("ada-lind", "Ada Lind"),
        person("lind", "Lind"),  # the surname left on a page of its own
        person("kyiv", "Kyiv", "Kiev", type_="person"),  # one page, wrong type
        person("west", "West", type_="place"),  # acceptable
        person("stray", "Stray Words", type_="organization"),  # junk
    ]
    report = evaluate(small_kb(entities), GOLD_SMALL)
    assert (report.entities_expected, report.entities_found) == (2, 0)
    assert report.split == ["Ada Lind"]
    assert report.wrong_type == ["Kyiv"]
    assert report.junk == ["Stray Words"]
    assert (report.aliases_found, report.aliases_expected) == (3, 4)


def test_quotes_and_aid_figures() -> None:
    quote = Quote(
        "q", "ada-lind", "We will stay as long as it takes", [QuoteSource("001-x", 1), QuoteSource("002-y", 4)]
    )
    figures = [Figure(60e9, "USD", "$60 billion", ["001-x"]), Figure(61e9, "USD", "$61 billion", ["002-y"])]
    package = Entity("p", "aid_package", "$60 billion package", aid=AidInfo(figures=figures))
    report = evaluate(small_kb([person("ada-lind", "Ada Lind", "Lind"), package], [quote]), GOLD_SMALL)
    assert (report.quotes_speaker_right, report.quotes_all_sources, report.quotes_expected) == (1, 1, 1)
    assert (report.aid_found, report.aid_expected) == (1, 1)
    assert report.entities_found == 1 and report.missing == ["Kyiv"]


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from generator.pipeline import knowledge_base
    from generator.settings import Settings

    cache = tmp_path_factory.mktemp("cache")
    settings = Settings(root=ROOT, cache_dir=cache, use_curation=False, progress=False)
    return evaluate(knowledge_base(settings), GOLD)


def test_seed_entities_have_one_page_each_of_the_right_type(seed_report) -> None:  # type: ignore[no-untyped-def]
    assert seed_report.missing == [] and seed_report.wrong_type == [] and seed_report.split == []
    assert seed_report.entities_found == seed_report.entities_expected == 55
    assert seed_report.aliases_found == seed_report.aliases_expected
    assert seed_report.junk == []


def test_seed_quotes_events_and_aid_match_the_gold(seed_report) -> None:  # type: ignore[no-untyped-def]
    assert seed_report.quotes_speaker_right == seed_report.quotes_expected == 20
    assert seed_report.quotes_all_sources == seed_report.quotes_expected
    assert seed_report.events_dated == seed_report.events_expected == 4
    assert seed_report.aid_found == seed_report.aid_expected == 3
