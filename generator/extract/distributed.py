"""Extraction on a Dask cluster, for corpora beyond one machine.

Extraction is a pure map from an article's text to its sentences and mentions, and its
results live in a cache keyed by text, extractor version and model. This module runs
that map on the workers of a Dask cluster, in batches, and writes what comes back into
the same cache; a following ``kb build`` then finds every article there and goes
straight to resolution, which needs the whole corpus on one machine.

    kb extract --dask tcp://scheduler:8786     # or --dask local: a cluster on this machine

Each worker process loads the spaCy pipeline once and reuses it for every batch.
Needs the ``distributed`` extra (``pip install -e '.[distributed]'``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from generator.extract.cache import ExtractionCache
from generator.extract.ner import Skipped, cache_key, extract_bounded, from_json, load_pipeline, model_version, to_json
from generator.ingest.readers import corpus_files, ingest_files
from generator.settings import Settings


@cache
def _pipeline(model: str) -> Any:
    return load_pipeline(model)


def extract_batch(
    model: str,
    batch_size: int,
    texts: list[str],
    max_tokens: int | None = None,
    max_seconds: float | None = None,
) -> list[dict[str, object] | None]:
    """Runs on a worker: the extractions of ``texts``, in order, as the cache stores them; None
    for a text over ``max_tokens`` or ``max_seconds`` (:func:`extract.extract_bounded`)."""
    results = extract_bounded(_pipeline(model), texts, batch_size, 1, max_tokens, max_seconds)
    return [None if isinstance(e, Skipped) else to_json(e) for e in results]


def extract_on_cluster(
    settings: Settings,
    client: Any,
    batch_articles: int = 64,
    report: Callable[[str], None] = lambda _: None,
) -> tuple[int, int]:
    """Extract every article of the corpus not yet in the cache on ``client``'s cluster.

    Returns (extracted, already cached). Articles that cannot be read, or are over the bounds of
    extraction, are skipped here (not cached) and reported by the build, as always.
    """
    from dask.distributed import as_completed

    corpus = settings.corpus_path
    articles, _ = ingest_files(corpus, corpus_files(corpus), settings.max_article_bytes)
    store = ExtractionCache(settings.cache_path)
    todo: dict[str, str] = {}  # key -> text; identical texts are extracted once
    version = model_version(settings.model)
    for article in articles:
        key = cache_key(article.body, settings.model, version)
        if key not in todo and store.get(key) is None:
            todo[key] = article.body
    keys = list(todo)
    batches = [keys[i : i + batch_articles] for i in range(0, len(keys), batch_articles)]
    bounds = (settings.max_article_tokens, settings.max_extract_seconds)
    futures = {
        client.submit(
            extract_batch, settings.model, settings.batch_size, [todo[k] for k in batch], *bounds, pure=False
        ): batch
        for batch in batches
    }
    done = skipped = 0
    for future in as_completed(futures):
        batch = futures[future]
        for key, data in zip(batch, future.result(), strict=True):
            if data is None:
                skipped += 1
            else:
                store.put(key, from_json(data))
        done += len(batch)
        report(f"extracted {done} of {len(keys)} articles")
    return len(keys) - skipped, len(articles) - len(keys)


def local_client(workers: int) -> Any:
    """A Dask cluster of ``workers`` processes on this machine, and its client."""
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)
