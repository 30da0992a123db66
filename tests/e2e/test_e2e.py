"""The whole build, end to end, on the seed corpus with the real spaCy model."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import search_records
from generator.cli import main
from generator.publish.search import indexed_pages
from generator.render import kbjson
from tests.conftest import make_project
from tests.links import broken_links

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def built(seed_project: Path) -> Path:
    return seed_project


@pytest.fixture(scope="module")
def kb(built: Path) -> dict:
    return json.loads((built / "site" / "kb.json").read_text(encoding="utf-8"))


def entity(kb: dict, name: str) -> dict:
    found = [e for e in kb["entities"] if e["name"] == name]
    assert len(found) == 1, f"expected one entity named {name!r}, got {len(found)}"
    return found[0]


def test_kb_json_is_valid(kb: dict) -> None:
    kbjson.validate(kb)
    assert len(kb["articles"]) == 5


def test_articles_have_the_metadata_the_texts_give(kb: dict) -> None:
    by_path = {a["path"]: a for a in kb["articles"]}
    afp = by_path["001_39f28799190952c2.txt"]
    assert (afp["title"], afp["date"], afp["outlet"]) == (
        "US says ‘must and will’ continue backing Ukraine",
        "2023-11-30",
        "AFP",
    )
    assert afp["date_source"] == "metadata"
    assert by_path["002_8b071bb04ba13979.txt"]["outlet"] == "Dispatches"
    assert by_path["002_8b071bb04ba13979.txt"]["title"].startswith("NATO Vows to Stick With Ukraine")
    assert by_path["003_0a5e30f250085ac1.txt"]["outlet"] == "voanews.com"
    assert by_path["004_8ff01498ab4743e8.txt"]["author"] == "Tamilla Hasanova"
    assert by_path["004_8ff01498ab4743e8.txt"]["outlet"] == "Caliber.Az"
    assert by_path["004_8ff01498ab4743e8.txt"]["title"].startswith("Ukraine pushes for NATO membership")
    assert by_path["000_7baf2064e15eacca.txt"]["title"].startswith("Secretary of State Antony Blinken dismissed")


def test_furniture_is_not_in_the_site(built: Path, kb: dict) -> None:
    names = {e["name"] for e in kb["entities"]}
    assert not names & {"Stay Inspired", "InformedInsights", "Europe Ukraine", "Increased", "State", "Vladimir"}
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (built / "site" / "articles").rglob("*.html"))
    for furniture in ("Scroll to continue", "See related video", "Get Informed, Stay Inspired", "Increased By"):
        assert furniture not in pages


def test_surface_forms_meet_on_one_entity(kb: dict) -> None:
    assert "Blinken" in entity(kb, "Antony Blinken")["aliases"]
    assert "Kiev" in entity(kb, "Kyiv")["aliases"]
    assert "U.S. Congress" in entity(kb, "US Congress")["aliases"]
    assert "OSCE" in entity(kb, "Organization for Security and Co-operation in Europe")["aliases"]
    kuleba = entity(kb, "Dmytro Kuleba")
    assert kuleba["type"] == "person" and "Kuleba" in kuleba["aliases"]
    assert entity(kb, "Kyiv")["type"] == "place"
    for name in ("Blinken", "Kiev", "Kuleba", "U.S. Congress"):
        assert not [e for e in kb["entities"] if e["name"] == name]


def test_every_mention_points_at_its_sentence(built: Path, kb: dict) -> None:
    bodies = {}
    for e in kb["entities"]:
        for m in e["mentions"]:
            bodies.setdefault(m["article"], []).append(m)
    html = (built / "site" / "articles" / "001-39f28799190952c2" / "index.html").read_text(encoding="utf-8")
    for m in bodies["001-39f28799190952c2"]:
        assert f'id="s{m["sentence"]}"' in html


def test_every_article_and_entity_has_a_page(built: Path, kb: dict) -> None:
    site = built / "site"
    for item in kb["articles"] + kb["entities"] + kb["topics"]:
        assert (site / item["page"] / "index.html").is_file(), item["page"]


def test_no_internal_link_is_broken(built: Path) -> None:
    broken = broken_links(built / "site")
    assert not broken, broken[:10]


def test_search_index_is_pagefind_with_names_and_aliases(built: Path, kb: dict) -> None:
    site = built / "site"
    assert not (site / "search" / "search_index.json").exists()  # no index sent whole to every reader
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = entry["languages"]["en"]["page_count"]
    # every page with content, the knowledge base's from their search records
    assert pages == sum(1 for p in site.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8"))
    assert pages > 90
    records = search_records.read((site / search_records.FILE).read_text(encoding="utf-8"))
    assert len(records) == len(kb["entities"]) + len(kb["articles"]) + len(kb["topics"])
    kyiv = indexed_pages(site)["/places/kyiv/"]["meta"]
    assert (kyiv["name"], kyiv["aliases"], kyiv["type"]) == ("Kyiv", "Kiev", "Place")
    html = (site / "places" / "kyiv" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-meta" not in html  # the page itself carries nothing for the index


def test_entity_page_shows_sources_and_neighbours(built: Path) -> None:
    html = (built / "site" / "people" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    assert "Often mentioned with" in html and "What links here" not in html  # no section repeats another
    assert re.search(r'href="\.\./\.\./articles/001-39f28799190952c2/#s\d+"', html)


def test_export_writes_the_same_knowledge_base(built: Path, kb: dict, tmp_path: Path) -> None:
    out = tmp_path / "kb.json"
    code = subprocess.call(
        [
            sys.executable,
            "-m",
            "generator",
            "export",
            "--corpus",
            str(built / "corpus"),
            "--output",
            str(out),
            "--cache-dir",
            str(built / ".cache"),
            "--no-curation",
        ],
    )
    assert code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == kb


def test_bad_article_is_skipped_and_strict_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "src"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "001_39f28799190952c2.txt", corpus)
    (corpus / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 society".encode("latin-1"))
    (tmp_path / "p").mkdir()
    project = make_project(tmp_path / "p", corpus)
    assert main(["build", "--config", str(project / "mkdocs.yml")]) == 0
    err = capsys.readouterr().err
    assert "broken.md: broken front matter" in err
    assert "latin1.txt: undecodable bytes" in err
    assert (project / "site" / "articles" / "001-39f28799190952c2" / "index.html").is_file()
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--strict"]) == 1
    assert (project / "site" / "index.html").is_file(), "a failed build keeps the last good site"


def test_article_page_keeps_the_text_around_links(built: Path, kb: dict) -> None:
    html = (built / "site" / "articles" / "001-39f28799190952c2" / "index.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "Ukraine is not going to back down,” Ukraine’s top diplomat Dmytro Kuleba told Kyiv’s NATO backers" in text


def test_rebuild_with_unchanged_input_writes_nothing(built: Path) -> None:
    """What keeps `mkdocs serve` from rebuilding in a loop: unchanged pages are not rewritten."""
    from generator import pipeline
    from generator.cli import _settings_from_mkdocs

    settings = _settings_from_mkdocs(built / "mkdocs.yml")
    pipeline.forget()
    before = {p: p.stat().st_mtime_ns for p in settings.docs_path.rglob("*") if p.is_file()}
    result = pipeline.generate(settings, report=lambda _: None)
    assert result.stats.written == 0 and result.stats.extracted == 0
    assert before == {p: p.stat().st_mtime_ns for p in settings.docs_path.rglob("*") if p.is_file()}


def test_entity_pages_carry_json_ld_and_the_site_its_feeds(built: Path) -> None:
    site = built / "site"
    html = (site / "people" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert (data["@type"], data["name"]) == ("Person", "Antony Blinken")
    assert "Blinken" in data["alternateName"]
    assert {a["publisher"]["name"] for a in data["subjectOf"] if "publisher" in a} >= {"AFP", "Dispatches"}
    import xml.etree.ElementTree as ET

    rss = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8"))
    assert len(rss.findall("./channel/item")) == 5
    assert json.loads((site / "feed.json").read_text(encoding="utf-8"))["version"].endswith("1.1")
    assert (site / "assets" / "vendor" / "vis-network.min.js").stat().st_size > 100_000


def test_search_index_keeps_names_and_summaries_but_not_long_lists(built: Path) -> None:
    html = (built / "site" / "people" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    for section in ("mentions", "timeline", "topics", "often-mentioned-with", "quotes"):
        wrapped = rf'<div class="kb-section" data-search-exclude>\s*<h2 data-search-exclude id="{section}"'
        assert re.search(wrapped, html), section
    assert not re.search(r'data-search-exclude>\s*<h2[^>]*id="summary"', html)
    html = (built / "site" / "articles" / "001-39f28799190952c2" / "index.html").read_text(encoding="utf-8")
    body = html.index('<div class="kb-body" data-search-exclude>')
    assert html.index("We must and we will continue to support") > body  # shown, inside the excluded body
    index = indexed_pages(built / "site")
    assert "We must and we will continue to support" not in index["/articles/001-39f28799190952c2/"]["content"]
    blinken = index["/people/antony-blinken/"]
    assert blinken["meta"]["name"] == "Antony Blinken" and "Secretary of State" in blinken["content"]
    assert "Often mentioned with" not in blinken["content"]
    # an index is found by its title, not by the names of its first rows ("Kiev" finds Kyiv's page alone)
    places = index["/places/"]
    assert places["meta"]["title"] == "Places" and "Kyiv" not in places["content"] and "Kiev" not in places["content"]
    assert "We must and we will" not in index["/quotes/"]["content"]
    # what a search result shows of the page: its type and one line about it
    assert blinken["meta"]["type"] == "Person"
    assert blinken["meta"]["summary"].startswith("Secretary of State of United States; named in 5 articles")
