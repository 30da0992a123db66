"""kb generate writes the pages and data without building a site; kb index writes the search index
over a site already built, whichever engine built it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import cli
from generator.publish.search import indexed_pages
from tests.hostile.sites import FILLER, project

pytestmark = pytest.mark.slow


def test_generate_then_another_build_then_index(
    tmp_path: Path, ruler_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = project(tmp_path / "p", ruler_model, {"a.txt": f"Ferry news\n\n{FILLER}\n"})
    config = str(dest / "mkdocs.yml")
    assert cli.main(["-q", "generate", "--config", config]) == 0
    docs = dest / "build" / "docs"
    assert (docs / "people" / "dara-whitlock.md").is_file() and (docs / "kb.json").is_file()
    assert not (dest / "site").exists()  # no site: another engine builds it
    # a site built from those pages by something else: here the pages copied as they are
    site = tmp_path / "elsewhere"
    shutil.copytree(docs, site)
    (site / "index.html").write_text(
        '<html><body data-pagefind-body><h1 data-pagefind-meta="title">Dara Whitlock</h1>'
        "<p>Councillor of Portvale.</p></body></html>",
        encoding="utf-8",
    )
    assert cli.main(["index", str(site)]) == 0
    assert (site / "pagefind" / "pagefind.js").is_file()
    pages = indexed_pages(site)
    # the knowledge base's pages from its search records, though no page of theirs is HTML here
    person = pages["/people/dara-whitlock/"]["meta"]
    assert person["type"] == "Person" and person["summary"].startswith("Named in 1 article")
    assert pages["/articles/a/"]["meta"]["type"] == "Article"
    # and the site's other pages from their HTML
    assert pages["/"]["meta"]["title"] == "Dara Whitlock"
    assert not any(url.endswith(".md") for url in pages)
    assert capsys.readouterr().err.startswith(f"search index written to {site / 'pagefind'}")


def test_index_of_a_folder_that_is_no_site_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["index", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"error: {tmp_path}: not a built site (no index.html)\n"
