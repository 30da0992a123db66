"""Site search: a chunked static index written by Pagefind next to the built pages.

MkDocs Material's own search puts every page into one ``search_index.json`` that the
browser downloads whole before its first search (about 2 KB a page, tens of MB at
thousands of pages). Pagefind splits the index into small chunks by word prefix, so
a search loads only the chunks of its words and the excerpts of the results shown.

What is indexed is the page content (``data-pagefind-body``, set in the theme);
sections marked ``data-search-exclude`` (mention lists, article bodies, timelines)
are left out, so the index holds names, aliases, infoboxes, summaries and titles.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from .errors import PublishError

BUNDLE = "pagefind"
EXCLUDE = "[data-search-exclude]"


def index_site(site_dir: Path, timeout: float = 3600) -> float:
    """Write the search bundle into ``site_dir/pagefind/``; returns the seconds it took."""
    t = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        EXCLUDE,
        "--force-language",
        "en",
        "--silent",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PublishError(f"search index: Pagefind did not run: {exc}") from None
    if done.returncode != 0 or not (site_dir / BUNDLE / "pagefind.js").exists():
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise PublishError(f"search index: Pagefind failed ({done.returncode}): {' '.join(detail[-3:])}")
    return time.perf_counter() - t


def indexed_pages(site_dir: Path) -> dict[str, dict]:
    """What the search index holds for each page (its URL, content and metadata), read back
    from the bundle's fragments: gzip, a 12-byte signature, then JSON."""
    pages: dict[str, dict] = {}
    for fragment in sorted((site_dir / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes())[12:])
        pages[data["url"]] = data
    return pages


HEADING = re.compile(r"<h([1-6])\b([^>]*)>", re.IGNORECASE)


def exclude_sections(html: str) -> str:
    """Wrap each section whose heading carries ``data-search-exclude`` in an excluded ``<div>``.

    A heading marks its whole section (up to the next heading of the same or a higher
    level), as it does in Material's search; Pagefind excludes elements, so the section
    becomes one.
    """
    headings = [(m.start(), int(m.group(1)), "data-search-exclude" in m.group(2)) for m in HEADING.finditer(html)]
    if not any(excluded for _, _, excluded in headings):
        return html
    out: list[str] = []
    at = 0
    i = 0
    while i < len(headings):
        start, level, excluded = headings[i]
        if not excluded:
            i += 1
            continue
        j = i + 1
        while j < len(headings) and headings[j][1] > level:
            j += 1
        end = headings[j][0] if j < len(headings) else len(html)
        out += [html[at:start], '<div class="kb-section" data-search-exclude>', html[start:end], "</div>\n"]
        at = end
        i = j
    out.append(html[at:])
    return "".join(out)
