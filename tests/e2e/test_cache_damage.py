"""Cache integrity: a build over a damaged cache (truncated, corrupted, wrong-version and
misplaced entries, a garbled publish record) recomputes what it must and gives the same
site and kb.json as a cold build."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.test_deterministic import seed_files
from tests.hostile.sites import build, manifest, project

pytestmark = pytest.mark.hostile


def damage(cache: Path) -> int:
    """Damage every cache entry, four ways in turn; returns how many entries there were."""
    entries = sorted(cache.glob("*/*/*.json"))
    assert entries
    for i, path in enumerate(entries):
        data = path.read_bytes()
        way = i % 4
        if way == 0:
            path.write_bytes(data[: len(data) // 3])  # truncated
        elif way == 1:
            path.write_bytes(os.urandom(len(data)))  # corrupted
        elif way == 2:
            record = json.loads(data)
            record["format"] = 999  # written by another version
            path.write_text(json.dumps(record), encoding="utf-8")
        else:
            other = entries[(i + 1) % len(entries)]
            shutil.copy(other, path)  # another key's entry under this name
    (cache / "publish.json").write_text('{"config": ', encoding="utf-8")
    return len(entries)


def test_a_damaged_cache_gives_the_same_output_as_a_cold_build(ruler_model: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    dest = project(tmp_path / "p", ruler_model, seed_files())
    assert build(dest, env=env).returncode == 0
    cold = manifest(dest / "site")
    entries = damage(dest / ".cache")
    done = build(dest, "--stats", str(tmp_path / "stats.json"), env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    stats = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))
    assert stats["extracted"] == len(seed_files()) and stats["cached"] == 0  # every extraction recomputed
    assert manifest(dest / "site") == cold
    # the cache was rewritten whole and sound: every entry reads as JSON again
    rewritten = sorted((dest / ".cache").glob("*/*/*.json"))
    assert len(rewritten) == entries
    assert all(json.loads(p.read_text(encoding="utf-8"))["format"] != 999 for p in rewritten)
