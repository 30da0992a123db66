"""Extract a corpus: every article's entities and sentences, from the cache where possible, in
worker processes when there are enough articles, with a progress bar on a terminal (plain lines
now and then otherwise). An article
over ``max_article_tokens`` or ``max_extract_seconds`` is skipped and reported, as ingest reports
what it skips."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from generator.extract.cache import ExtractionCache
from generator.extract.ner import Skipped, cache_key, extract_bounded, load_pipeline, model_version, tokens_over
from generator.models import Article, ArticleExtraction, Problem
from generator.progress import Ticker
from generator.settings import Settings
from generator.stats import Stats

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
    """A rich progress bar on a terminal; otherwise a plain line now and then (:class:`Ticker`)."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled
        self.total = total

    def __enter__(self) -> Callable[[], None]:
        self._bar = None
        if not self.enabled:
            return lambda: None
        if not sys.stderr.isatty():
            return Ticker(
                "extracting articles", self.total, lambda line: print(line, file=sys.stderr, flush=True)
            ).advance
        from rich.progress import Progress

        self._bar = Progress(transient=False)
        self._bar.__enter__()
        task = self._bar.add_task("extracting", total=self.total)
        return lambda: self._bar.advance(task) if self._bar else None

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
