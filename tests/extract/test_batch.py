"""Tests of generator.extract.batch's choices that need no model (extract_all itself: test_long_articles)."""

from __future__ import annotations

import os

from generator.extract.batch import PARALLEL_FROM, extraction_workers


def test_extraction_uses_every_core_only_when_there_is_enough_to_do() -> None:
    assert extraction_workers(3, 1) == 3  # an explicit setting wins
    assert extraction_workers(0, PARALLEL_FROM - 1) == 1
    assert extraction_workers(0, PARALLEL_FROM) == (os.cpu_count() or 1)
