"""The configuration written for an engine that runs no MkDocs plugin: the project's, completed with
what the kb plugin adds at build time, and the theme overrides merged beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.errors import ConfigError
from generator.publish.engine_config import engine_config
from generator.publish.mkdocs_config import NAV


def _project(tmp_path: Path, config: str) -> tuple[Path, Path, list[Path]]:
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = tmp_path / "build" / "docs"
    docs.mkdir(parents=True)
    package = tmp_path / "package-templates"
    (package / "theme" / "partials").mkdir(parents=True)
    (package / "theme" / "main.html").write_text("package main", encoding="utf-8")
    (package / "theme" / "partials" / "search.html").write_text("package search", encoding="utf-8")
    own = tmp_path / "templates"
    (own / "theme").mkdir(parents=True)
    (own / "theme" / "main.html").write_text("project main", encoding="utf-8")
    return tmp_path / "mkdocs.yml", docs, [own, package]


def test_a_minimal_project_gets_what_the_plugin_adds(tmp_path: Path) -> None:
    config, docs, templates = _project(
        tmp_path, "site_name: Ferries\ntheme:\n  name: material\nplugins:\n  - tags\n  - kb:\n      corpus: corpus\n"
    )
    written = engine_config(config, docs, templates, tmp_path / "mkdocs.engine.yml")
    out = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert out["site_name"] == "Ferries"
    assert (out["docs_dir"], out["site_dir"]) == ("build/docs", "site")
    assert out["theme"] == {"name": "material", "custom_dir": "build/theme", "variant": "classic"}
    assert out["extra_css"] == ["assets/kb.css", "assets/kb-search.css"]
    assert out["extra_javascript"] == ["assets/kb.js"]
    assert out["markdown_extensions"] == ["attr_list", "tables", "toc"]
    assert out["nav"] == NAV and "/people/*.md" in out["not_in_nav"].splitlines()
    # the kb plugin left out (nothing would run it), the engine's own search off (kb index writes the index)
    assert out["plugins"] == ["tags", {"search": {"enabled": False}}]
    theme = tmp_path / "build" / "theme"
    assert (theme / "main.html").read_text(encoding="utf-8") == "project main"  # the project's file wins
    assert (theme / "partials" / "search.html").read_text(encoding="utf-8") == "package search"


def test_the_projects_own_settings_are_kept_and_not_repeated(tmp_path: Path) -> None:
    config, docs, templates = _project(
        tmp_path,
        "site_name: Ferries\ndocs_dir: build/docs\nsite_dir: public\n"
        "theme:\n  name: material\n  custom_dir: overrides\n  variant: modern\n"
        "extra_css: [assets/kb.css, extra.css]\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - admonition\n"
        "nav:\n  - Home: index.md\nplugins: [kb, search]\n",
    )
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("custom_dir main", encoding="utf-8")
    written = engine_config(config, docs, templates, tmp_path / "mkdocs.engine.yml")
    out = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert out["site_dir"] == "public" and out["theme"]["variant"] == "modern"
    assert out["extra_css"] == ["assets/kb.css", "extra.css", "assets/kb-search.css"]
    assert out["markdown_extensions"] == [{"toc": {"permalink": True}}, "admonition", "attr_list", "tables"]
    assert out["nav"] == [{"Home": "index.md"}] and "not_in_nav" not in out
    assert out["plugins"] == ["search"]  # the project's own choice
    assert (tmp_path / "build" / "theme" / "main.html").read_text(encoding="utf-8") == "custom_dir main"


def test_a_configuration_that_cannot_serve_is_refused_in_one_line(tmp_path: Path) -> None:
    config, docs, templates = _project(tmp_path, "site_name: F\ntheme:\n  name: readthedocs\n")
    with pytest.raises(ConfigError, match=r"theme\.name is 'readthedocs'"):
        engine_config(config, docs, templates, tmp_path / "mkdocs.engine.yml")
    config.write_text("site_name: F\ntheme: material\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="would replace the project's own"):
        engine_config(config, docs, templates, config)
    with pytest.raises(ConfigError, match="overlaps docs_dir"):
        engine_config(config, tmp_path / "build", templates, tmp_path / "mkdocs.engine.yml")
    config.write_text("- not\n- a mapping\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a mapping of settings"):
        engine_config(config, docs, templates, tmp_path / "mkdocs.engine.yml")
