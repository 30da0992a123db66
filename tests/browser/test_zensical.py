"""The seed pages built by Zensical, an engine that runs no MkDocs plugin: ``kb generate`` writes the
pages and a configuration for it, ``zensical build`` builds the site, ``kb index`` writes the search
index. Every page is there with the theme overrides, no link is broken, and search works in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.cli import main
from tests.browser.conftest import open_page, serve
from tests.browser.helpers import search, visit
from tests.conftest import make_project
from tests.links import broken_links

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("zensical"))
    assert main(["-q", "generate", "--config", str(project / "mkdocs.yml"), "--strict"]) == 0
    config = project / "mkdocs.engine.yml"
    assert config.is_file() and (project / "build" / "theme" / "main.html").is_file()
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "-f", str(config)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    site = project / "site"
    assert main(["-q", "index", str(site)]) == 0
    return site


@pytest.fixture(scope="module")
def zensical_kb(zensical_site: Path) -> dict[str, Any]:
    return json.loads((zensical_site / "kb.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    yield from serve(zensical_site)


@pytest.fixture
def zpage(browser: Browser, zensical_url: str, errors: list[str]) -> Iterator[Page]:
    yield from open_page(browser, zensical_url, errors)


def test_every_page_of_the_knowledge_base_is_built_with_the_theme_overrides(
    zensical_site: Path, zensical_kb: dict[str, Any]
) -> None:
    pages = [e["page"] for e in zensical_kb["entities"] if e.get("page")]
    pages += [a["page"] for a in zensical_kb["articles"]] + [t["page"] for t in zensical_kb["topics"]]
    missing = [p for p in pages if not (zensical_site / p / "index.html").is_file()]
    assert not missing and len(pages) >= 90, missing[:5]
    html = (zensical_site / "people" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Antony Blinken</h1>", html)
    assert "data-kb-search" in html and "data-pagefind-body" in html  # the theme overrides
    assert '<script type="application/ld+json">' in html
    assert "assets/kb.js" in html and "assets/kb.css" in html and "assets/kb-search.css" in html
    assert "{ data-search-exclude }" not in html  # attr_list is on
    assert (zensical_site / "pagefind" / "pagefind.js").is_file()
    # Zensical's own index, which nothing would load, is off: at most an empty file
    own = zensical_site / "search.json"
    assert not own.exists() or json.loads(own.read_text(encoding="utf-8"))["items"] == []


def test_no_internal_link_is_broken(zensical_site: Path) -> None:
    broken = broken_links(zensical_site)
    assert not broken, broken[:10]


def test_an_alias_finds_its_entity_first_with_its_type_and_summary(
    zpage: Page, zensical_kb: dict[str, Any], errors: list[str]
) -> None:
    kyiv = next(e for e in zensical_kb["entities"] if e["name"] == "Kyiv")
    assert "Kiev" in kyiv["aliases"]
    first = search(zpage, "Kiev").first
    assert first.evaluate("a => new URL(a.href).pathname") == "/" + kyiv["page"]
    expect(first.locator(".kb-badge")).to_have_text("Place")
    first = search(zpage, "Blinken").first
    expect(first.locator(".kb-result-summary")).to_have_text(re.compile("^Secretary of State of United States; "))
    first.click()
    expect(zpage).to_have_url(re.compile("/people/antony-blinken/$"))
    assert errors == []


def test_a_mention_leads_to_its_entity_and_back_to_the_sentence(
    zpage: Page, zensical_kb: dict[str, Any], zensical_url: str
) -> None:
    article = next(a for a in zensical_kb["articles"] if a["path"] == "001_39f28799190952c2.txt")
    visit(zpage, "/" + article["page"])
    zpage.locator('.kb-s a[title="Person: Antony Blinken"]').first.click()
    expect(zpage).to_have_url(f"{zensical_url}/people/antony-blinken/")
    back = zpage.locator(f'a[href*="{article["page"]}#s"]').first
    target = back.evaluate("a => new URL(a.href).pathname + new URL(a.href).hash")
    back.click()
    expect(zpage).to_have_url(zensical_url + target)
    expect(zpage.locator(f"span.kb-s#{target.split('#')[1]}")).to_be_in_viewport()
