"""Publishing: an incremental rebuild gives the same site as a full build, and a failed
build keeps the last good site."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator.cli import main
from generator.errors import PublishError
from tests.conftest import make_project

pytestmark = pytest.mark.e2e


def manifest(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def build(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--strict"]) == 0
    return capsys.readouterr().err


def edit(project: Path) -> Path:
    """Change one sentence of one article, as a reader's correction would."""
    article = sorted((project / "corpus").iterdir())[1]
    text = article.read_text(encoding="utf-8")
    changed = text.replace(" said ", " told reporters ", 1)
    assert changed != text
    time.sleep(0.01)  # a later mtime than the pages built from it
    article.write_text(changed, encoding="utf-8")
    return article


def test_incremental_rebuild_equals_a_full_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = make_project(tmp_path / "a")
    assert "(all pages built)" in build(first, capsys)
    before = manifest(first / "site")
    edit(first)
    assert "(changed pages rebuilt)" in build(first, capsys)
    after = manifest(first / "site")
    changed = {p for p in after if before.get(p) != after[p]}
    assert any(p.startswith("articles/") for p in changed)
    assert len(changed) < len(after) / 2  # most pages were left as they were

    second = make_project(tmp_path / "b", corpus=first / "corpus")
    assert "(all pages built)" in build(second, capsys)
    full = manifest(second / "site")
    assert after.keys() == full.keys()
    differ = sorted(p for p in full if after[p] != full[p])
    assert differ == [], differ[:10]


def test_a_changed_page_set_or_configuration_means_a_full_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path)
    build(project, capsys)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: ", "site_name: My "), encoding="utf-8")
    assert "(all pages built)" in build(project, capsys)
    assert "My News knowledge base" in (project / "site" / "index.html").read_text(encoding="utf-8")
    (project / "corpus" / "new-article.txt").write_text(
        "Title: A new article\n\nThe mayor of Springfield, Jane Holloway, opened a bridge on Monday.\n",
        encoding="utf-8",
    )
    assert "(all pages built)" in build(project, capsys)  # a new article is a new page


def test_kb_build_makes_its_settings_once_and_the_plugin_takes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.mkdocs_plugin as plugin

    made: list[object] = []
    real = plugin.settings_from

    def counted(*args: object) -> object:
        made.append(real(*args))  # type: ignore[arg-type]
        return made[-1]

    monkeypatch.setattr(plugin, "settings_from", counted)
    project = make_project(tmp_path)
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--workers", "1"]) == 0
    assert len(made) == 1  # by the command line, with --workers over mkdocs.yml; not again by the plugin
    kept = load_config(str(project / "mkdocs.yml")).plugins["kb"]  # MkDocs keeps one plugin a process
    assert (kept.given, kept.generated) == (None, False)  # not left for the next build in this process


def test_a_failed_incremental_build_keeps_the_last_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path)
    build(project, capsys)
    before = manifest(project / "site")
    edit(project)

    def fail(site_dir: Path, timeout: float = 0, **kwargs: object) -> float:
        raise PublishError("search index: Pagefind failed (1): injected")

    monkeypatch.setattr("generator.publish.search.index_site", fail)
    assert main(["build", "--config", str(project / "mkdocs.yml")]) == 1
    assert "injected" in capsys.readouterr().err
    assert manifest(project / "site") == before  # not one byte of the last site changed
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".site")]  # no staging folder left
