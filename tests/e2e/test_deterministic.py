"""Deterministic builds: two clean builds of the same corpus, in different folders and at
different times, give byte-identical sites and kb.json when SOURCE_DATE_EPOCH is set."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from tests.hostile.sites import ROOT, build, manifest, project

pytestmark = pytest.mark.hostile


def seed_files() -> dict[str, str | bytes]:
    return {p.name: p.read_bytes() for p in sorted((ROOT / "corpus").iterdir()) if p.is_file()}


def test_two_clean_builds_are_byte_identical(ruler_model: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": "random"}
    sites = []
    for name in ("first", "second-build-elsewhere"):
        dest = project(tmp_path / name, ruler_model, seed_files())
        done = build(dest, "--strict", env=env)
        assert done.returncode == 0, done.stderr[-2000:]
        sites.append(manifest(dest / "site"))
        shutil.rmtree(dest / ".cache")  # nothing carried over to the second build
        time.sleep(1.1)  # a different second on the clock
    first, second = sites
    assert "kb.json" in first and "sitemap.xml" in first and any(p.startswith("pagefind/") for p in first)
    assert first.keys() == second.keys()
    differ = sorted(p for p in first if first[p] != second[p])
    assert differ == []
