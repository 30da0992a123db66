"""The benchmark runs end to end on a tiny corpus (its figures are not checked: a benchmark is not a timed test)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools import bench

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


def test_benchmark_runs_on_a_tiny_corpus_and_writes_its_table(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sorted((ROOT / "corpus").iterdir())[:2]:
        shutil.copy(f, corpus / f.name)
    out = tmp_path / "RESULTS.md"
    assert bench.main(["--corpus", str(corpus), "--every", "2", "--workers", "1", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| | full | sample (1/2) | per article, full / sample |" in text
    rows = {line.split("|")[1].strip(): line.split("|")[2:-1] for line in text.splitlines() if line.startswith("| ")}
    assert rows["articles"][0].strip() == "2" and rows["articles"][1].strip() == "1"
    assert rows["articles re-extracted"][0].strip() == "1"  # one changed article, the rest from the cache
    for stage in bench.STAGES:
        assert f"{stage} (s)" in rows
    search = rows["first search download, the largest of the top 3 names"][0]
    assert "MB (" in search and "not measured" not in search  # measured in Chromium
    assert "Machine: " in text and "Command: `python -m tools.bench" in text
