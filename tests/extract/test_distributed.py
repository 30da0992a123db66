"""Extraction on a local Dask cluster fills the same cache a local build would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.extract.cache import ExtractionCache
from generator.extract.ner import cache_key, extract_texts, load_pipeline, to_json
from generator.ingest.readers import corpus_files, ingest_files
from generator.settings import DEFAULT_MODEL, Settings
from tests.conftest import ROOT, make_project

pytestmark = pytest.mark.e2e


def test_a_local_dask_cluster_extracts_what_a_local_run_does(tmp_path: Path) -> None:
    from generator.extract.distributed import extract_on_cluster, local_client

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sorted((ROOT / "corpus").iterdir())[:3]:
        shutil.copy(f, corpus / f.name)
    shutil.copy(corpus / sorted(p.name for p in corpus.iterdir())[0], corpus / "copy-of-the-first.txt")
    settings = Settings(root=tmp_path, corpus=Path("corpus"), cache_dir=Path("cache"), progress=False)
    client = local_client(2)
    try:
        assert client.scheduler_info()["workers"], "the cluster has no workers"
        extracted, cached = extract_on_cluster(settings, client, batch_articles=2)
        assert (extracted, cached) == (3, 1)  # the copy has the same text: extracted once
        assert extract_on_cluster(settings, client) == (0, 4)  # all cached now
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()

    articles, _ = ingest_files(corpus, corpus_files(corpus), settings.max_article_bytes)
    nlp = load_pipeline(DEFAULT_MODEL)
    store = ExtractionCache(settings.cache_path)
    for article, local in zip(articles, extract_texts(nlp, [a.body for a in articles]), strict=True):
        remote = store.get(cache_key(article.body, DEFAULT_MODEL))
        assert remote is not None and to_json(remote) == to_json(local), article.path


def test_kb_extract_then_build_extracts_nothing_more(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    config = str(project / "mkdocs.yml")
    assert main(["extract", "--config", config, "--dask", "local", "--workers", "1"]) == 0
    assert "5 article(s) extracted on the cluster, 0 already in the cache" in capsys.readouterr().err
    assert main(["build", "--config", config, "--stats", str(tmp_path / "stats.json")]) == 0
    stats = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))
    assert (stats["extracted"], stats["cached"]) == (0, 5)
