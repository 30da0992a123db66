"""The pipeline, wired once: ingest -> extract -> resolve -> render.

:func:`knowledge_base` runs the first three stages on any folder;
:func:`generate` adds rendering into the docs folder. The CLI and the MkDocs
plugin are thin callers of these two functions.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import OutputError, describe_os_error
from generator.extract.cache import ExtractionCache
from generator.extract.ner import Skipped, cache_key, extract_bounded, load_pipeline, model_version, tokens_over
from generator.ingest.cache import IngestCache
from generator.ingest.readers import corpus_files, ingest_files
from generator.locking import project_lock
from generator.models import Article, ArticleExtraction, KnowledgeBase, Problem
from generator.render import pages as render
from generator.resolve import curation, dating
from generator.resolve.entities import resolve_entities
from generator.resolve.facts import quotes
from generator.resolve.facts.aid import find_aid
from generator.resolve.facts.events import build_events
from generator.resolve.facts.relations import co_mentions
from generator.resolve.facts.roles import assign_roles
from generator.resolve.facts.topics import find_topics
from generator.settings import Settings
from generator.slugs import SlugRegistry


@dataclass
class Stats:
    articles: int = 0
    skipped: int = 0
    extracted: int = 0
    cached: int = 0
    pages: int = 0
    written: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    steps: dict[str, float] = field(default_factory=dict)  # seconds of each step of resolve

    def step(self, name: str, since: float) -> float:
        """Record the seconds of a step that began at ``since``; returns now."""
        now = time.perf_counter()
        self.steps[name] = self.steps.get(name, 0.0) + now - since
        return now

    def summary(self, kb: KnowledgeBase) -> str:
        counts = Counter(e.type for e in kb.entities)
        types = ", ".join(
            f"{counts.get(t, 0)} {t.replace('_', ' ')}"
            for t in ("person", "organization", "place", "event", "aid_package")
        )
        total = sum(self.seconds.values())
        return (
            f"{self.articles} articles ({self.skipped} skipped), entities: {types}; "
            f"{len(kb.quotes)} quotes, {len(kb.topics)} topics, {self.pages} pages in {total:.1f} s"
        )


Reporter = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


PARALLEL_FROM = 100  # fewer articles than this are not worth starting worker processes for


def extraction_workers(setting: int, articles: int) -> int:
    """Processes for extraction: the setting, or with 0 ("auto") every core once there is enough to do."""
    if setting > 0:
        return setting
    return (os.cpu_count() or 1) if articles >= PARALLEL_FROM else 1


def extract_all(
    articles: list[Article], settings: Settings, stats: Stats, problems: list[Problem] | None = None
) -> dict[str, ArticleExtraction]:
    """Extract every article, from the cache where possible.

    An article over ``max_article_tokens`` or ``max_extract_seconds`` is taken out of
    ``articles`` (in place) and reported in ``problems``, as ingest reports what it skips.
    """
    cache = ExtractionCache(settings.cache_path)
    results: dict[str, ArticleExtraction] = {}
    todo: list[tuple[Article, str]] = []
    recount: list[tuple[Article, ArticleExtraction]] = []  # cached, but maybe over a new max_article_tokens
    version = model_version(settings.model)
    for article in articles:
        key = cache_key(article.body, settings.model, version)
        hit = cache.get(key)
        if hit is None:
            todo.append((article, key))
        elif len(article.body) > settings.max_article_tokens:  # a token has one character at least
            recount.append((article, hit))
        else:
            results[article.id] = hit
    stats.cached, stats.extracted = len(results) + len(recount), len(todo)
    skipped: list[Problem] = []
    if todo or recount:
        nlp = load_pipeline(settings.model)
        bounds = (settings.max_article_tokens, settings.max_extract_seconds)
        for article, hit in recount:  # counted without a time bound: it was extracted within one
            over = tokens_over(nlp, article.body, settings.max_article_tokens)
            if over is None:
                results[article.id] = hit
            else:
                skipped.append(Problem(article.path, over.reason))
                stats.cached -= 1
        texts = (a.body for a, _ in todo)
        workers = extraction_workers(settings.workers, len(todo))
        with _progress(settings.progress and bool(todo), len(todo)) as advance:
            for (article, key), extraction in zip(
                todo, extract_bounded(nlp, texts, settings.batch_size, workers, *bounds), strict=True
            ):
                if isinstance(extraction, Skipped):
                    skipped.append(Problem(article.path, extraction.reason))
                    stats.extracted -= 1
                else:
                    cache.put(key, extraction)
                    results[article.id] = extraction
                advance()
    if skipped:
        articles[:] = [a for a in articles if a.id in results]
        if problems is not None:
            problems += skipped
            stats.articles -= len(skipped)
            stats.skipped += len(skipped)
    return results


class _progress:
    """A rich progress bar on a terminal; silent otherwise."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled:
            self._bar = None
            return lambda: None
        from rich.progress import Progress

        self._bar = Progress(transient=False)
        self._bar.__enter__()
        task = self._bar.add_task("extracting", total=self.total)
        return lambda: self._bar.advance(task) if self._bar else None

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


def knowledge_base(settings: Settings, stats: Stats | None = None) -> KnowledgeBase:
    """Ingest, extract and resolve the corpus of ``settings``."""
    stats = stats or Stats()
    t0 = time.perf_counter()
    corpus = settings.corpus_path
    if not corpus.is_dir():
        from generator.errors import ConfigError

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
        kb = _resolve(settings, stats, articles, extractions, problems, t2)
    finally:
        gc.unfreeze()  # a preview rebuilds in the same process: what this build leaves must be collectable
    stats.seconds.update(ingest=t1 - t0, extract=t2 - t1, resolve=time.perf_counter() - t2)
    return kb


def _resolve(
    settings: Settings,
    stats: Stats,
    articles: list[Article],
    extractions: dict[str, ArticleExtraction],
    problems: list[Problem],
    t: float,
) -> KnowledgeBase:
    """The knowledge base of the extracted articles: entities, facts, relations and topics."""
    articles = dating.infer_from_text(articles, extractions)
    ids = SlugRegistry()
    t = stats.step("dating", t)
    entities = resolve_entities(articles, extractions, ids)
    t = stats.step("entities", t)
    by_id = {a.id: a for a in articles}
    names = {e.id: e.name for e in entities}
    quote_list = quotes.merge_quotes(quotes.extract_quotes(entities, by_id, extractions), SlugRegistry(), names)
    articles = dating.infer_from_shared(articles, quotes.shared_articles(quote_list))
    by_id = {a.id: a for a in articles}
    t = stats.step("quotes", t)
    assign_roles(entities, by_id)
    t = stats.step("roles", t)
    entities = build_events(entities, by_id, extractions, ids)
    t = stats.step("events", t)
    entities += find_aid(entities, by_id, extractions, ids)
    t = stats.step("aid", t)
    overrides = curation.load(settings.curation_path)
    entities = curation.apply(overrides, entities, ids)
    curation.remap_references(entities, quote_list, overrides.remap)
    links = curation.links_of(entities)
    kb = KnowledgeBase(
        articles=articles,
        extractions=extractions,
        entities=entities,
        quotes=quote_list,
        problems=problems,
        links=links,
    )
    kb.relations = co_mentions(kb.entities)
    t = stats.step("curation and relations", t)
    kb.topics = find_topics(kb, settings.topics_path)
    stats.step("topics", t)
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
    roots = [settings.corpus_path, settings.templates_path]
    roots += [p for p in (settings.curation_path, settings.topics_path) if p is not None]
    for root in roots:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for p in paths:
            st = p.stat()
            entries.append((str(p), st.st_size, st.st_mtime_ns))
    # where the site goes and how extraction is parallelized do not change what is generated
    same = replace(settings, site_dir=Path("site"), progress=True, workers=1, batch_size=64)
    return (same, tuple(entries))


def generate(settings: Settings, report: Reporter = _stderr) -> Result:
    """Build the docs folder (Markdown pages and kb.json) from the corpus.

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
        return _generate(settings, report, key)


_full_build = threading.Lock()  # one full build at a time: the preview's runs in a thread


def last_build() -> tuple[Fingerprint, Result] | None:
    """The inputs' fingerprint and the result of the last build this process remembers."""
    remembered = list(_memo.items())
    return remembered[0] if remembered else None


def _generate(settings: Settings, report: Reporter, key: Fingerprint) -> Result:
    if key in _memo:  # built while this call waited for the lock
        return _memo[key]
    with project_lock(settings.cache_path, report):
        return _generate_locked(settings, report, key)


def _generate_locked(settings: Settings, report: Reporter, key: Fingerprint) -> Result:
    stats = Stats()
    kb = knowledge_base(settings, stats)
    for problem in kb.problems:
        report(f"skipped {problem}")
    for warning in warnings_of(kb):
        report(f"warning {warning}")
    t = time.perf_counter()
    names: list[str] = []
    files = render.render_files(
        kb, settings.templates_path, settings.site_name, settings.site_url, settings.page_min_mentions
    )
    try:
        stats.written, _ = render.sync(_noting(files, names), settings.docs_path, report)
    except OSError as exc:  # disk full, no permission: no half-written docs left to fill the disk
        render.remove_generated(settings.docs_path, names)
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


def export(settings: Settings, output: Path) -> KnowledgeBase:
    """Write kb.json for the corpus of ``settings`` without building a site."""
    from generator.render import kbjson
    from generator.storage import atomic_write_text

    kb = knowledge_base(settings)
    atomic_write_text(output, kbjson.dumps(kb))
    return kb
