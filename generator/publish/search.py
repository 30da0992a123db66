"""Site search: a chunked static index written by Pagefind next to the built pages.

MkDocs Material's own search puts every page into one ``search_index.json`` that the
browser downloads whole before its first search (about 2 KB a page, tens of MB at
thousands of pages). Pagefind splits the index into small chunks by word prefix, so
a search loads only the chunks of its words and the excerpts of the results shown.

The knowledge base's pages are indexed from their search records (names, other spellings,
roles, one-line summaries, titles), whatever theme or engine built them; the site's other
pages from their content (``data-pagefind-body``, set in the theme), less the sections
marked ``data-search-exclude`` (:mod:`generator.publish.search_index`).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from generator.errors import PublishError
from generator.publish.search_index import stage_dir

BUNDLE = "pagefind"


class Stopped(PublishError):
    """The run was stopped by :meth:`Runs.stop` (the server is shutting down)."""


class Runs:
    """The Pagefind processes started through one object, which :meth:`stop` ends.

    ``mkdocs serve`` indexes in a background thread; when the server stops, the
    index being written goes into a site about to be deleted, so the process is
    killed rather than left to finish as an orphan that recreates its folder.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[str]] = set()
        self.stopped = False

    def run(self, command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
        """``command``'s exit status and output, as :func:`subprocess.run` gives them; raises
        :class:`Stopped` once :meth:`stop` was called, before or while it runs."""
        with self._lock:
            if self.stopped:
                raise Stopped("search index: stopped")
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            self._running.add(process)
        try:
            try:
                stdout, stderr = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
                raise
            except BaseException:  # KeyboardInterrupt in the main thread: the process goes too
                process.kill()
                process.wait()
                raise
        finally:
            with self._lock:
                self._running.discard(process)
        if self.stopped:
            raise Stopped("search index: stopped")
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    def stop(self, timeout: float = 10) -> None:
        """Kill the processes running and refuse to start more; returns once they have ended."""
        with self._lock:
            self.stopped = True
            running = list(self._running)
        for process in running:
            process.kill()  # a stopped process too, which SIGTERM would leave waiting
        for process in running:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout)


def index_site(site_dir: Path, timeout: float = 3600, runs: Runs | None = None) -> float:
    """Write the search bundle into ``site_dir/pagefind/``; returns the seconds it took.

    The bundle is written by :mod:`generator.publish.search_index` (the knowledge base's
    records and the site's other pages, through Pagefind's Python API) in a process of its
    own, which ``runs`` starts so that it can be stopped; by default a process of its own.

    It writes a new bundle beside the folder, which then replaces it: its files are named
    by their content, so a bundle written over an old one would keep the old one's files,
    the pages of deleted articles among them."""
    t = time.perf_counter()
    token = uuid.uuid4().hex[:12]
    bundle, fresh, old = site_dir / BUNDLE, site_dir / f"{BUNDLE}.new-{token}", site_dir / f"{BUNDLE}.old-{token}"
    command = [sys.executable, "-m", "generator.publish.search_index", str(site_dir), str(fresh)]
    try:
        try:
            done = (runs or Runs()).run(command, timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PublishError(f"search index: Pagefind did not run: {exc}") from None
        if done.returncode != 0 or not (fresh / "pagefind.js").exists():
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise PublishError(f"search index: Pagefind failed ({done.returncode}): {' '.join(detail[-3:])}")
        try:
            if bundle.exists():
                bundle.rename(old)
            fresh.rename(bundle)
        except OSError as exc:
            raise PublishError(f"search index: the new bundle could not replace the old one: {exc}") from None
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(stage_dir(fresh), ignore_errors=True)  # left by a process that was stopped
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
