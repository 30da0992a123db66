"""The pipeline, wired once: ingest -> extract -> resolve -> render.

:func:`knowledge_base` runs the first three stages on any folder;
:func:`generate` adds rendering into the docs folder. The CLI and the MkDocs
plugin are thin callers of these two functions.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import ConfigError, OutputError, describe_os_error
from generator.extract import extract_all
from generator.ingest import IngestCache, corpus_files, ingest_files
from generator.locking import project_lock
from generator.models import KnowledgeBase, Problem
from generator.render import kbjson, remove_generated, render_files, sqlite_export, sync
from generator.resolve import resolve_all
from generator.settings import Settings
from generator.stats import Stats
from generator.storage import atomic_write_text

Reporter = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def knowledge_base(settings: Settings, stats: Stats | None = None) -> KnowledgeBase:
    """Ingest, extract and resolve the corpus of ``settings``."""
    stats = stats or Stats()
    t0 = time.perf_counter()
    corpus = settings.corpus_path
    if not corpus.is_dir():
        raise ConfigError(f"corpus folder not found: {corpus}")
    articles, problems = ingest_files(
        corpus,
        corpus_files(corpus),
        settings.max_article_bytes,
        IngestCache(settings.cache_path),
        max_seconds=settings.max_article_seconds,
    )
    stats.articles, stats.skipped = len(articles), len(problems)
    t1 = time.perf_counter()
    extractions = extract_all(articles, settings, stats, problems)
    t2 = time.perf_counter()
    # the articles and their extractions live for the whole build: frozen, the collector stops
    # rescanning them each time resolve's many small objects trigger a collection
    gc.freeze()
    try:
        kb = resolve_all(settings, stats, articles, extractions, problems, t2)
    finally:
        gc.unfreeze()  # a preview rebuilds in the same process: what this build leaves must be collectable
    stats.seconds.update(ingest=t1 - t0, extract=t2 - t1, resolve=time.perf_counter() - t2)
    return kb


@dataclass
class Result:
    kb: KnowledgeBase
    stats: Stats

    @property
    def problems(self) -> list[Problem]:
        return self.kb.problems

    @property
    def warnings(self) -> list[str]:
        return warnings_of(self.kb)


def warnings_of(kb: KnowledgeBase) -> list[str]:
    """One line per value dropped from an article's metadata: the file, the value and why."""
    return [f"{a.path}: {w}" for a in kb.articles for w in a.warnings]


# what a build's output depends on: the settings that change it and each input file's
# (path, size, mtime)
Fingerprint = tuple[Settings, tuple[tuple[str, int, int], ...]]
_memo: dict[Fingerprint, Result] = {}


def fingerprint(settings: Settings) -> Fingerprint:
    """What the generated docs depend on: settings and every input file's size and mtime."""
    entries: list[tuple[str, int, int]] = []
    roots = [settings.corpus_path, *settings.template_dirs]
    roots += [p for p in (settings.curation_path, settings.topics_path) if p is not None]
    for root in roots:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for p in paths:
            st = p.stat()
            entries.append((str(p), st.st_size, st.st_mtime_ns))
    # where the site goes and how extraction is parallelized do not change what is generated
    same = replace(settings, site_dir=Path("site"), progress=True, workers=1, batch_size=64)
    return (same, tuple(entries))


def generate(settings: Settings, report: Reporter = _stderr, warn: Reporter | None = None) -> Result:
    """Build the docs folder (Markdown pages and kb.json) from the corpus. ``report`` gets what
    the build did; ``warn`` (``report`` when None) the articles skipped and the values dropped.

    Repeated calls with unchanged inputs return the previous result at once,
    so a CLI build followed by the MkDocs plugin does the work only once. Under
    ``mkdocs serve``, :func:`generator.serve.preview.generate` shows edited
    articles first and calls this behind them.
    """
    key = fingerprint(settings)
    last = last_build()
    if last is not None and last[0] == key:
        return last[1]
    with _full_build:
        return _generate(settings, report, warn or report, key)


_full_build = threading.Lock()  # one full build at a time: the preview's runs in a thread


def last_build() -> tuple[Fingerprint, Result] | None:
    """The inputs' fingerprint and the result of the last build this process remembers."""
    remembered = list(_memo.items())
    return remembered[0] if remembered else None


def _generate(settings: Settings, report: Reporter, warn: Reporter, key: Fingerprint) -> Result:
    if key in _memo:  # built while this call waited for the lock
        return _memo[key]
    with project_lock(settings.cache_path, report):
        return _generate_locked(settings, report, warn, key)


def _generate_locked(settings: Settings, report: Reporter, warn: Reporter, key: Fingerprint) -> Result:
    stats = Stats()
    kb = knowledge_base(settings, stats)
    for problem in kb.problems:
        warn(f"skipped {problem}")
    for warning in warnings_of(kb):
        warn(f"warning {warning}")
    t = time.perf_counter()
    names: list[str] = []
    files = render_files(
        kb,
        settings.template_dirs,
        settings.site_name,
        settings.site_url,
        settings.page_min_mentions,
        settings.hrefs_from_source,
    )
    try:
        stats.written, _ = sync(_noting(files, names), settings.docs_path, report)
    except OSError as exc:  # disk full, no permission: no half-written docs left to fill the disk
        remove_generated(settings.docs_path, names)
        raise OutputError(f"{describe_os_error(exc)}; the generated docs were removed, the last site is kept") from None
    stats.pages = sum(1 for name in names if name.endswith(".md"))
    stats.seconds["render"] = time.perf_counter() - t
    report(stats.summary(kb))
    result = Result(kb, stats)
    _memo.clear()
    _memo[key] = result
    return result


def _noting(files: Iterable[tuple[str, str]], names: list[str]) -> Iterator[tuple[str, str]]:
    """Pass the files on, noting their names."""
    for name, content in files:
        names.append(name)
        yield name, content


def forget() -> None:
    """Drop the remembered result, and with it the knowledge base, once its Markdown is written."""
    _memo.clear()


def export(settings: Settings, output: Path, format: str = "json") -> KnowledgeBase:
    """Write the knowledge base of the corpus of ``settings`` without building a site: kb.json,
    or (``format="sqlite"``) a SQLite database (:mod:`generator.render.sqlite_export`)."""

    kb = knowledge_base(settings)
    if format == "sqlite":
        sqlite_export.write(kb, output)
    else:
        atomic_write_text(output, kbjson.dumps(kb))
    return kb
