"""Under ``mkdocs serve``, an edited article's page is built into the served site with the last
MkDocs build's files, navigation and theme: the same HTML a full build gives for that Markdown,
and rebuilt by the next dirty build."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.serve import preview
from generator.serve.page_preview import LastBuild, quick_builder, render_into_site
from tests.hostile.sites import FILLER, project
from tests.serve.test_preview import touch_later
from tools import serve_probe

ARTICLES = {f"{i}.txt": f"Report {i}\n\n{FILLER}\n" for i in range(3)}
PAGE = Path("articles") / "1" / "index.html"


@pytest.fixture
def mkdocs_build(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    """One in-process MkDocs build, as ``serve`` (keeping what a preview needs) or not; returns
    the kb plugin. MkDocs keeps one plugin instance a process: what is set on it is undone."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def run(config_file: Path, site: Path, *, serving: bool, generated: bool, dirty: bool = False) -> Any:
        config = load_config(str(config_file), site_dir=str(site))
        plugin = config.plugins["kb"]
        monkeypatch.setattr(plugin, "serving", serving)
        monkeypatch.setattr(plugin, "generated", generated)
        monkeypatch.setattr(plugin, "_index_quietly", lambda site_dir: None)  # no search index while "serving"
        build(config, dirty=dirty)
        return plugin

    return run


@pytest.mark.slow
def test_a_previewed_page_is_what_a_full_build_makes_of_it(
    tmp_path: Path, ruler_model: Path, mkdocs_build: Callable[..., Any]
) -> None:
    dest = project(tmp_path / "project", ruler_model, ARTICLES)
    config = dest / "mkdocs.yml"
    served = tmp_path / "served"
    pipeline.forget()
    plugin = mkdocs_build(config, served, serving=True, generated=False)
    last = plugin.last_build
    assert isinstance(last, LastBuild) and last.current()
    before = (served / PAGE).read_text(encoding="utf-8")

    touch_later(dest / "corpus" / "1.txt", f"Report 1\n\n{FILLER}\n\nIlse Brandt met Dara Whitlock at the quay.\n")
    pages = preview.preview_pages(plugin.settings, report=lambda m: None)
    assert pages is not None and list(pages) == ["articles/1.md"]
    assert preview.preview_pages(plugin.settings, report=lambda m: None) is None  # shown once
    docs_before = (dest / "build" / "docs" / "articles" / "1.md").read_text(encoding="utf-8")
    render_into_site(last, pages)
    quick = (served / PAGE).read_text(encoding="utf-8")
    assert "at the quay" in quick and "at the quay" not in before
    assert (served / PAGE).stat().st_mtime == 0  # so that the next dirty build rebuilds it
    assert (dest / "build" / "docs" / "articles" / "1.md").read_text(encoding="utf-8") == docs_before

    # the same Markdown through a whole MkDocs build gives the same page
    reference = tmp_path / "reference"
    (dest / "build" / "docs" / "articles" / "1.md").write_text(pages["articles/1.md"], encoding="utf-8")
    mkdocs_build(config, reference, serving=False, generated=True)
    assert quick == (reference / PAGE).read_text(encoding="utf-8")
    (dest / "build" / "docs" / "articles" / "1.md").write_text(docs_before, encoding="utf-8")

    with pytest.raises(LookupError, match=r"articles/9\.md"):
        render_into_site(last, {"articles/9.md": "# A page the build did not have\n"})

    # the rebuild behind the preview writes the docs; the next dirty build is MkDocs' own
    preview.behind.go()
    preview.behind.wait(120)
    assert not preview.behind.running()
    full = (dest / "build" / "docs" / "articles" / "1.md").read_text(encoding="utf-8")
    assert "at the quay" in full
    mkdocs_build(config, served, serving=True, generated=False, dirty=True)
    mkdocs_build(config, reference, serving=False, generated=True)
    assert (served / PAGE).read_text(encoding="utf-8") == (reference / PAGE).read_text(encoding="utf-8")
    assert (served / PAGE).stat().st_mtime > 0


@pytest.mark.slow
def test_an_unchanged_save_is_shown_then_rebuilt_by_the_server(
    tmp_path: Path, ruler_model: Path, mkdocs_build: Callable[..., Any]
) -> None:
    dest = project(tmp_path / "project", ruler_model, ARTICLES)
    config, served = dest / "mkdocs.yml", tmp_path / "served"
    pipeline.forget()
    plugin = mkdocs_build(config, served, serving=True, generated=False)
    full_builds: list[object] = []
    messages: list[str] = []
    builder = quick_builder(full_builds.append, lambda: plugin.last_build, lambda: plugin.settings, messages.append)

    article = dest / "corpus" / "1.txt"
    touch_later(article, article.read_text(encoding="utf-8"))  # saved again, unchanged
    builder()
    assert full_builds == [] and "preview: articles/1.md shown" in messages
    assert (served / PAGE).stat().st_mtime == 0
    docs_page = dest / "build" / "docs" / "articles" / "1.md"
    markdown, dated = docs_page.read_bytes(), docs_page.stat().st_mtime_ns
    preview.behind.wait(120)
    assert any(m.startswith("preview: knowledge base rebuilt") for m in messages)
    # the full build's Markdown is what the docs held, yet the file is dated now, so that
    # the server rebuilds the page the preview wrote
    assert docs_page.read_bytes() == markdown and docs_page.stat().st_mtime_ns > dated
    builder()  # the server's build once the rebuild is done is MkDocs' own
    assert full_builds == [None]
    mkdocs_build(config, served, serving=True, generated=False, dirty=True)
    assert (served / PAGE).stat().st_mtime > 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_mkdocs_serve_shows_an_edit_then_the_rebuilt_knowledge_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.hostile.sites import ruler_pipeline

    # the test pipeline knows the people the probe may introduce, by full name and surname
    people = {f"{g} {f}": "PERSON" for g in serve_probe.GIVEN for f in serve_probe.FAMILY}
    model = ruler_pipeline(tmp_path / "model", people | {f: "PERSON" for f in serve_probe.FAMILY})
    dest = project(tmp_path / "project", model, ARTICLES)
    assert serve_probe.main([str(dest), "--port", str(free_port()), "--timeout", "300"]) == 0
    result = json.loads(capsys.readouterr().out)
    log = (dest / "serve-probe.log").read_text(encoding="utf-8")
    assert result["edited article page shown (s)"] is not None, log
    assert result["new person's page served (s)"] is not None, log
    assert result["whole knowledge base caught up (s)"] is not None, log
    assert "preview: articles/0.md shown" in log  # without MkDocs' pass over every file
    assert "preview: knowledge base rebuilt" in log
    assert "Traceback" not in log and "ERROR" not in log


def test_the_package_uses_no_private_name_of_mkdocs() -> None:
    """MkDocs' private functions change without notice between versions; the page preview goes
    through its public page, plugin-event and template interfaces."""
    import ast

    package = Path(__file__).resolve().parents[2] / "generator"
    private = [
        f"{path.relative_to(package)}: {node.module}.{alias.name}"
        for path in sorted(package.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "mkdocs"
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []
