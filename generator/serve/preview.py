"""Preview: while ``mkdocs serve`` runs, an edited article's page shows the edit within seconds.

Resolving the corpus takes minutes at thousands of articles, so an edit to
articles already in the corpus (no file added or removed, no template or
overrides changed) is first shown by re-reading and re-extracting only those
articles and rendering their pages against the last knowledge base: each
mention links to the entity that already carries that spelling. The whole
knowledge base is then rebuilt in a background thread; when it is written,
``serve`` sees the docs change and rebuilds the pages that differ (entity
pages, indexes, related articles).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from generator import pipeline
from generator.extract import extract_all
from generator.ingest.cache import IngestCache
from generator.ingest.readers import ingest_files
from generator.models import Entity, EntityMention, KnowledgeBase
from generator.pipeline import Fingerprint, Reporter, Result, fingerprint
from generator.render import write_changed
from generator.render.pages import Renderer
from generator.render.paths import article_doc, entity_doc
from generator.resolve.curation import links_of
from generator.settings import Settings
from generator.stats import Stats


def changed_articles(old: Fingerprint, new: Fingerprint, corpus: Path) -> list[Path] | None:
    """The corpus files edited between two fingerprints, or None when the change needs a full
    build (other settings, a file added or removed, a template or the overrides changed)."""
    if old[0] != new[0]:
        return None
    before = {path: (size, mtime) for path, size, mtime in old[1]}
    after = {path: (size, mtime) for path, size, mtime in new[1]}
    if before.keys() != after.keys():
        return None
    changed = [path for path in after if after[path] != before[path]]
    prefix = str(corpus) + os.sep
    if not changed or not all(path.startswith(prefix) for path in changed):
        return None
    return [Path(path) for path in changed]


def article_pages(kb: KnowledgeBase, changed: list[Path], settings: Settings) -> dict[str, str] | None:
    """The docs pages of the edited articles, rendered against ``kb``; None when an edited file
    was not an article of ``kb`` or cannot be read (the full build says why)."""

    corpus = settings.corpus_path
    previous = {a.path: a for a in kb.articles}
    articles, problems = ingest_files(
        corpus,
        changed,
        settings.max_article_bytes,
        IngestCache(settings.cache_path),
        max_seconds=settings.max_article_seconds,
        prune=False,
    )
    if problems or any(a.path not in previous for a in articles):
        return None
    articles = [replace(a, id=previous[a.path].id, date=a.date or previous[a.path].date) for a in articles]
    extractions = extract_all(articles, settings, Stats())
    by_surface = surfaces(kb)
    docs = settings.docs_path
    entities: dict[str, Entity] = {}
    for article in articles:
        for m in extractions[article.id].mentions:
            entity = by_surface.get(m.text.casefold())
            if entity is None or not (docs / entity_doc(entity)).is_file():
                continue  # no page to link to
            linked = entities.setdefault(entity.id, Entity(entity.id, entity.type, entity.name))
            linked.mentions.append(EntityMention(article.id, m.sentence, m.start, m.end, m.text))
    mini = KnowledgeBase(
        articles=articles,
        extractions=extractions,
        entities=list(entities.values()),
        links=links_of(list(entities.values())),
    )
    renderer = Renderer(settings.template_dirs, mini, settings.site_name)
    return {article_doc(a.id): renderer.article_page(a).content for a in articles}


def surfaces(kb: KnowledgeBase) -> dict[str, Entity]:
    """Each spelling (case-folded) that names exactly one entity of ``kb``, with that entity."""
    found: dict[str, Entity | None] = {}
    for e in kb.entities:
        for text in {e.name, *e.aliases, *(m.text for m in e.mentions)}:
            key = text.casefold()
            if found.get(key, e) is not e:
                found[key] = None  # two entities share it: link neither
            else:
                found[key] = e
    return {k: e for k, e in found.items() if e is not None}


def write(pages: dict[str, str], docs: Path) -> int:
    """Write the pages that differ; returns how many."""

    return sum(write_changed(docs / rel, content) for rel, content in pages.items())


class Behind:
    """The full build that follows a preview: asked for by the preview, started by ``go`` once
    the server has built the preview's pages (so that the two do not compete), one at a time,
    in a daemon thread."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._pending: tuple[Callable[[], object], Callable[[str], None]] | None = None
        self._after: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def start(self, build: Callable[[], object], report: Callable[[str], None]) -> None:
        with self._lock:
            self._pending = (build, report)

    def after(self, action: Callable[[], None]) -> None:
        """Run ``action`` when the next full build has succeeded."""
        with self._lock:
            self._after.append(action)

    def go(self) -> None:
        with self._lock:
            if self._pending is None or (self._thread is not None and self._thread.is_alive()):
                return  # a running build checks the inputs again when it ends
            build, report = self._pending
            self._pending = None
            self._thread = threading.Thread(target=self._run, args=(build, report), daemon=True)
            self._thread.start()

    def _run(self, build: Callable[[], object], report: Callable[[str], None]) -> None:
        started = time.perf_counter()
        try:
            build()
            with self._lock:
                actions, self._after = self._after, []
            for action in actions:
                action()
        except Exception as exc:  # reported, never raised into the server
            report(f"preview: the full rebuild failed: {exc}")
            return
        report(f"preview: knowledge base rebuilt in {time.perf_counter() - started:.1f} s")

    def running(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)


behind = Behind()


_previewed: list[Fingerprint | None] = [None]  # the inputs last previewed


def generate(settings: Settings, report: Reporter) -> Result:
    """:func:`generator.pipeline.generate` under ``mkdocs serve``: when only articles already in
    the corpus were edited since the last build, their pages are written at once against its
    knowledge base and the full build runs behind them (:data:`behind`)."""
    key = fingerprint(settings)
    last = pipeline.last_build()
    if last is not None and last[0] != key:
        if _previewed[0] == key:  # shown already; the rebuild behind it is under way
            return last[1]
        pages = preview_pages(settings, report, key)
        if pages is not None:
            write(pages, settings.docs_path)
            return last[1]
    return pipeline.generate(settings, report)


def previewed(settings: Settings, key: Fingerprint | None = None) -> bool:
    """Whether the inputs (``key``: their fingerprint) are as last previewed, the rebuild behind
    that preview not yet done."""
    key = key or fingerprint(settings)
    last = pipeline.last_build()
    return _previewed[0] == key and (last is None or last[0] != key)


def preview_pages(settings: Settings, report: Reporter, key: Fingerprint | None = None) -> dict[str, str] | None:
    """The docs pages (path: Markdown) of the articles edited since the last build, rendered
    against its knowledge base, with the full rebuild queued behind them (:data:`behind`);
    None when the change needs a full build now. The pages are not written: the caller shows
    them, and the rebuild writes the docs."""
    key = key or fingerprint(settings)
    last = pipeline.last_build()
    if last is None or last[0] == key or _previewed[0] == key:
        return None
    old, result = last
    t = time.perf_counter()
    changed = changed_articles(old, key, settings.corpus_path)
    pages = article_pages(result.kb, changed, settings) if changed else None
    if pages is None:
        return None
    _previewed[0] = key
    report(f"preview: {len(pages)} edited article page(s) in {time.perf_counter() - t:.1f} s; rebuilding the rest")
    behind.start(lambda: _rebuild_until_current(settings, report), report)
    return pages


def _rebuild_until_current(settings: Settings, report: Reporter) -> None:
    """Full builds until one is of the inputs as they are when it ends (a writer may edit
    again meanwhile; the last build's pages then replace any preview)."""
    while True:
        key = fingerprint(settings)
        pipeline.generate(settings, report)
        if fingerprint(settings) == key:
            return
