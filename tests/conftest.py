"""Fixtures shared by the end-to-end and browser tests: the seed corpus built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]


def make_project(dest: Path, corpus: Path | None = None) -> Path:
    """A copy of the project's configuration, templates and corpus in ``dest``."""
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", dest / "templates")
    shutil.copytree(corpus or ROOT / "corpus", dest / "corpus")
    (dest / "build" / "docs").mkdir(parents=True)
    return dest


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built with ``kb build --strict``; tests only read it."""
    project = make_project(tmp_path_factory.mktemp("project"))
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--strict"]) == 0
    return project


@pytest.fixture(scope="session")
def ruler_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A blank pipeline with an entity ruler, for builds where the model is not the point."""
    from tests.hostile.sites import ruler_pipeline

    return ruler_pipeline(tmp_path_factory.mktemp("model") / "kb_test_ruler")


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A site built from every XSS payload in article bodies, titles, front-matter values,
    file names and entity names; returns the project and the build's messages."""
    from tests.hostile.sites import build, hostile_corpus, project, ruler_pipeline

    files, names = hostile_corpus()
    root = tmp_path_factory.mktemp("hostile")
    model = ruler_pipeline(root / "model", names)
    dest = project(root / "project", model, files)
    done = build(dest)
    assert done.returncode == 0, done.stderr[-3000:]
    return dest, done.stderr
