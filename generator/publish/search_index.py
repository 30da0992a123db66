"""The Pagefind bundle of a built site, written through Pagefind's Python API.

The knowledge base's pages (entities, articles, topics) are indexed from their search records
(:mod:`generator.search_records`, ``search/records.jsonl`` in the site), not from their
HTML: what a search finds, its badge and its one-line summary do not depend on the theme or
the engine that built the pages. Every other HTML page of the site (the indexes, the home
page, a user's own pages) is indexed as Pagefind reads it: the ``data-pagefind-body`` element
when the theme marks one, less the sections marked ``data-search-exclude``.

The documents are staged in one order (the records', then the other pages' in name order),
so the bundle is the same however the site was written.
Run as ``python -m generator.publish.search_index SITE_DIR OUTPUT_DIR`` (by
:func:`generator.publish.search.index_site`, in a process that can be stopped).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from generator import search_records

EXCLUDE = "[data-search-exclude]"


def page_url(rel: str) -> str:
    """The URL Pagefind gives a page at ``rel`` (a path in the site): ``a/index.html`` is ``/a/``."""
    return "/" + (rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)


def html_pages(site: Path) -> Iterator[str]:
    """The HTML files of the site, as paths relative to it, in name order; the search bundle's
    own folders and symbolic links (which may lead out of the site) left out."""
    for folder, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("pagefind"))
        for name in sorted(files):
            if name.endswith(".html") and not os.path.islink(os.path.join(folder, name)):
                yield Path(folder, name).relative_to(site).as_posix()


def load_records(site: Path) -> list[search_records.Record]:
    """The site's search records; none when it has no records file (a site without a knowledge base)."""
    path = site / search_records.FILE
    if not path.is_file():
        return []
    try:
        return search_records.read(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None


def stage_dir(output: Path) -> Path:
    """The folder of the documents indexed, beside ``output``, removed once the bundle is written."""
    return output.with_name(output.name + "-pages")


def record_path(url: str) -> str:
    """Where a record's document goes in the staged folder, for Pagefind to give it ``url``."""
    parts = url.split("/")
    if url.startswith("/") or any(p in (".", "..") for p in parts) or "\\" in url:
        raise ValueError(f"search record URL {url!r} is not a path inside the site")
    return url + "index.html" if url.endswith("/") or not url else url


def stage(site: Path, folder: Path) -> None:
    """The documents to index, in ``folder``: each record's, and every other page of the site as
    it is (a hard link, or a copy where links cannot be made)."""
    records = load_records(site)
    covered = {"/" + r.url for r in records}
    for record in records:
        path = folder / record_path(record.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(search_records.document(record), encoding="utf-8")
    for rel in html_pages(site):
        if page_url(rel) in covered:
            continue
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / rel, path)
        except OSError:
            shutil.copyfile(site / rel, path)


async def write_bundle(site: Path, output: Path) -> int:
    """Index ``site`` into ``output``; returns the number of pages indexed.

    The documents are staged in a folder and given to Pagefind in one call: the Python API
    answers one request at a time, a tenth of a second apart, which at a page a request
    would take hours over a large site."""
    if not site.is_dir():
        raise ValueError(f"{site}: not a folder")
    folder = stage_dir(output)
    try:
        stage(site, folder)
        config: IndexConfig = {
            "exclude_selectors": [EXCLUDE],
            "force_language": "en",
            "output_path": str(output.resolve()),
        }
        async with PagefindIndex(config) as index:  # leaving the context writes the bundle
            indexed = await index.add_directory(str(folder.resolve()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return indexed["page_count"]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m generator.publish.search_index SITE_DIR OUTPUT_DIR", file=sys.stderr)
        return 2
    site, output = Path(argv[0]), Path(argv[1])
    try:
        pages = asyncio.run(write_bundle(site, output))
    except (OSError, ValueError) as exc:
        print(f"search index: {exc}", file=sys.stderr)
        return 1
    print(f"{pages} pages indexed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
