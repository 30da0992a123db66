"""Tests of generator.settings: the build's settings and what the command line sets over them."""

from __future__ import annotations

from pathlib import Path

from generator.settings import BuildOptions, Settings


def test_options_set_only_what_the_command_line_gave() -> None:
    base = Settings(root=Path("/p"), workers=3, page_min_mentions=2)
    assert BuildOptions().applied(base) == base  # nothing given: the file's values stay
    same = BuildOptions(use_curation=False).applied(base)
    assert (same.use_curation, same.workers, same.page_min_mentions) == (False, 3, 2)
    assert same.curation_path is None  # curation off: no overrides file is read
    given = BuildOptions(workers=1, page_min_mentions=5).applied(base)
    assert (given.use_curation, given.workers, given.page_min_mentions) == (True, 1, 5)


def test_paths_are_taken_from_the_project_root() -> None:
    settings = Settings(root=Path("/p"), corpus=Path("news"), topics=None)
    assert settings.corpus_path == Path("/p/news")
    assert settings.topics_path is None
