"""The search index: sections kept out of it, and the Pagefind bundle over a built site."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from generator.errors import PublishError
from generator.publish.search import exclude_sections, index_site, indexed_pages


def test_a_marked_heading_excludes_its_whole_section() -> None:
    html = (
        "<h1>Name</h1><p>infobox</p>"
        "<h2 id='summary'>Summary</h2><p>kept</p>"
        "<h2 data-search-exclude id='mentions'>Mentions</h2><p>one</p><h3>sub</h3><p>two</p>"
        "<h2 id='after'>After</h2><p>kept too</p>"
        "<h2 data-search-exclude id='links'>Links</h2><ul><li>x</li></ul>"
    )
    out = exclude_sections(html)
    assert out.count('<div class="kb-section" data-search-exclude>') == 2
    first = out[out.index("<div") : out.index("</div>")]
    assert "one" in first and "<h3>sub</h3>" in first and "two" in first and "After" not in first
    assert out.endswith("<ul><li>x</li></ul></div>\n")
    assert out.replace('<div class="kb-section" data-search-exclude>', "").replace("</div>\n", "") == html


def test_a_page_without_marked_headings_is_unchanged() -> None:
    html = "<h1>T</h1><div data-search-exclude><p>body</p></div>"
    assert exclude_sections(html) is html


def test_index_site_writes_a_chunked_bundle(tmp_path: Path) -> None:
    for name, text in (("a", "Harbor Office"), ("b", "Marlow Foundation")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(
            f"<html><body><nav>menu</nav><main data-pagefind-body><h1>{text}</h1>"
            f"<div data-search-exclude><p>hidden words</p></div></main></body></html>",
            encoding="utf-8",
        )
    seconds = index_site(tmp_path)
    assert seconds >= 0
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 2
    assert list((tmp_path / "pagefind" / "index").glob("*.pf_index"))
    pages = indexed_pages(tmp_path)
    assert sorted(pages) == ["/a/", "/b/"]
    assert pages["/a/"]["meta"]["title"] == "Harbor Office"
    assert "hidden" not in pages["/a/"]["content"] and "menu" not in pages["/a/"]["content"]


def test_index_site_failure_is_a_publish_error(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="search index"):
        index_site(tmp_path / "missing")


def _bundle(site: Path) -> dict[str, bytes]:
    bundle = site / "pagefind"
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def test_the_bundle_does_not_depend_on_the_order_pages_were_written() -> None:
    """On tmpfs a folder lists its newest entry first, so an incremental build and a full one of
    the same pages were indexed in different orders and gave different bundles; the pages are
    now staged for Pagefind in one order, whatever the order they were written in."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        pytest.skip("no tmpfs to write to")
    names = [f"page-{i:02d}" for i in range(12)]
    sites = []
    for order in (names, names[::-1]):
        site = Path(tempfile.mkdtemp(dir=shm))
        sites.append(site)
        for name in order:
            (site / name).mkdir()
            (site / name / "index.html").write_text(
                f"<html><body><main data-pagefind-body><h1>{name} harbor</h1><p>ferry {name}</p></main></body></html>",
                encoding="utf-8",
            )
    try:
        if sorted(os.listdir(sites[0])) == os.listdir(sites[0]) == os.listdir(sites[1]):
            pytest.skip("this file system lists folders in one order whatever the writes")
        for site in sites:
            index_site(site)
            assert sorted(p.name for p in site.iterdir()) == sorted(["pagefind", *names])  # nothing left beside
        assert _bundle(sites[0]) == _bundle(sites[1])
    finally:
        for site in sites:
            shutil.rmtree(site, ignore_errors=True)
