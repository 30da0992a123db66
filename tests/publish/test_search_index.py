"""The documents staged for Pagefind: a record's in place of its page, the other pages as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import search_records
from generator.publish.search_index import page_url, record_path, stage
from generator.search_records import Record


def test_page_urls_and_record_paths_match() -> None:
    assert page_url("index.html") == "/" and page_url("people/ada/index.html") == "/people/ada/"
    assert page_url("404.html") == "/404.html"
    assert record_path("people/ada/") == "people/ada/index.html"
    for bad in ("../etc/", "/abs/", "a/../../b/", "a\\b/"):
        with pytest.raises(ValueError, match="not a path inside the site"):
            record_path(bad)


def test_stage_puts_records_in_place_of_their_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for rel, text in {
        "index.html": "<p>home</p>",
        "people/ada/index.html": "<p>theme page of Ada</p>",
        "about/index.html": "<p>the user's page</p>",
        "pagefind/x.html": "<p>old bundle</p>",
    }.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    records = search_records.Records()
    records.add(Record("people/ada/", "Person", "Ada Lark", "Mayor", "Mayor", "Ada Lark"))
    [(path, text)] = list(records.dumps())
    (site / path).parent.mkdir(parents=True)
    (site / path).write_text(text, encoding="utf-8")
    staged = tmp_path / "staged"
    stage(site, staged)
    files = sorted(p.relative_to(staged).as_posix() for p in staged.rglob("*") if p.is_file())
    assert files == ["about/index.html", "index.html", "people/ada/index.html"]
    assert "Ada Lark" in (staged / "people/ada/index.html").read_text(encoding="utf-8")
    assert (staged / "about/index.html").read_text(encoding="utf-8") == "<p>the user's page</p>"


def test_a_symbolic_link_in_the_site_is_not_indexed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.html"
    outside.write_text("<p>not the site's</p>", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / "leak.html").symlink_to(outside)
    staged = tmp_path / "staged"
    stage(site, staged)
    assert sorted(p.name for p in staged.iterdir()) == ["index.html"]
