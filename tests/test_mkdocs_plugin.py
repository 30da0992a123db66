"""Tests of generator.mkdocs_plugin: the kb plugin's settings, the build it runs and the lock it holds."""

from __future__ import annotations

import errno
import logging
import os
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import get_files

from generator import mkdocs_plugin, pipeline
from generator.errors import ConfigError
from generator.locking import LOCK_NAME, BuildLocked, project_lock
from generator.serve import preview
from generator.settings import Settings

FULL = """site_name: Ferry news
site_url: https://news.example/kb/
docs_dir: pages
site_dir: out/site
plugins:
  - kb:
      corpus: articles
      templates: tpl
      cache_dir: var/cache
      curation: edits.yml
      topics: subjects.yml
      model: /models/small
      batch_size: 8
      workers: 2
      max_article_bytes: 1000
      max_article_seconds: 3
      max_article_tokens: 500
      max_extract_seconds: 7
      page_min_mentions: 4
"""


MINIMAL = "site_name: Ferry news\ntheme:\n  name: material\nplugins:\n  - kb\n"


def load(folder: Path, text: str = MINIMAL, docs: str = "docs") -> MkDocsConfig:
    """The MkDocs configuration of a mkdocs.yml of ``text`` in ``folder``, with its docs folder."""
    (folder / docs).mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return load_config(str(folder / "mkdocs.yml"))


class Loaded(NamedTuple):
    plugin: Any  # KnowledgeBasePlugin
    config: MkDocsConfig


@pytest.fixture
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Loaded]:
    """The kb plugin of a small project in ``tmp_path``, and its MkDocs configuration. MkDocs
    keeps one instance of the plugin a process: what a test sets on it is undone, and the lock
    it took is released."""
    config = load(tmp_path)
    plugin = config.plugins["kb"]
    assert isinstance(plugin, mkdocs_plugin.KnowledgeBasePlugin)
    for name, value in (("given", None), ("generated", False), ("serving", False), ("settings", None)):
        monkeypatch.setattr(plugin, name, value)
    monkeypatch.setattr(plugin, "_lock", None)
    monkeypatch.setattr(plugin, "expected", None)
    yield Loaded(plugin, config)
    plugin._unlock()


def given(tmp_path: Path) -> Settings:
    return Settings(root=tmp_path / "elsewhere", cache_dir=Path("c"), workers=1, site_name="Given")


def free(cache: Path) -> bool:
    """Whether a build in another thread could take the project's lock now."""
    taken: list[bool] = []

    def take() -> None:
        try:
            with project_lock(cache, wait=0):
                taken.append(True)
        except BuildLocked:
            taken.append(False)

    thread = threading.Thread(target=take)
    thread.start()
    thread.join(5)
    return taken == [True]


def test_settings_from_maps_every_plugin_option_and_mkdocs_folders(tmp_path: Path) -> None:
    config = load(tmp_path, FULL, docs="pages")
    settings = mkdocs_plugin.settings_from(config.plugins["kb"].config, config)
    assert settings == Settings(
        root=tmp_path,
        corpus=Path("articles"),
        templates=Path("tpl"),
        docs_dir=tmp_path / "pages",
        site_dir=tmp_path / "out" / "site",
        cache_dir=Path("var/cache"),
        curation=Path("edits.yml"),
        topics=Path("subjects.yml"),
        model="/models/small",
        batch_size=8,
        workers=2,
        max_article_bytes=1000,
        max_article_seconds=3.0,
        max_article_tokens=500,
        max_extract_seconds=7.0,
        page_min_mentions=4,
        site_name="Ferry news",
        site_url="https://news.example/kb/",
    )
    assert type(settings.max_article_seconds) is float and type(settings.max_extract_seconds) is float
    assert settings.corpus_path == tmp_path / "articles"
    assert settings.cache_path == tmp_path / "var" / "cache"


def test_the_plugin_defaults_are_the_settings_defaults(tmp_path: Path) -> None:
    config = load(tmp_path)
    settings = mkdocs_plugin.settings_from(config.plugins["kb"].config, config)
    expected = Settings(root=tmp_path, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", site_name="Ferry news")
    assert settings == expected
    assert settings.site_url == ""  # MkDocs' site_url is None when not set


def test_the_root_is_the_folder_of_mkdocs_yml_whatever_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "project").mkdir()
    config = load(tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    settings = mkdocs_plugin.settings_from(config.plugins["kb"].config, config)
    assert settings.root == tmp_path / "project"
    assert settings.corpus_path == tmp_path / "project" / "corpus"


def test_a_plugin_option_of_the_wrong_type_is_refused_by_mkdocs(tmp_path: Path) -> None:
    with pytest.raises(Abort):
        load(tmp_path, "site_name: x\nplugins:\n  - kb:\n      workers: many\n")


def test_the_plugin_takes_the_settings_it_is_given_and_locks_their_project(
    tmp_path: Path, kb: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = kb.plugin

    def not_again(*args: object) -> Settings:
        raise AssertionError("settings made again from mkdocs.yml")

    built: list[Settings] = []
    monkeypatch.setattr(mkdocs_plugin, "settings_from", not_again)
    monkeypatch.setattr(pipeline, "generate", lambda settings, report: built.append(settings))
    settings = given(tmp_path)
    plugin.given = settings
    config = kb.config
    assert plugin.on_config(config) is config
    assert plugin.settings is settings
    assert built == [settings]
    cache = tmp_path / "elsewhere" / "c"
    assert (cache / LOCK_NAME).read_text(encoding="utf-8") == f"{os.getpid()}\n"
    assert not free(cache)  # held until the site is written
    plugin.on_build_error(error=RuntimeError("MkDocs failed"))
    assert free(cache)


def test_the_plugin_makes_its_settings_from_mkdocs_yml_when_given_none(
    tmp_path: Path, kb: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = kb.plugin
    built: list[Settings] = []
    monkeypatch.setattr(pipeline, "generate", lambda settings, report: built.append(settings))
    plugin.on_config(kb.config)
    assert plugin.settings == mkdocs_plugin.settings_from(plugin.config, kb.config)
    assert plugin.settings.root == tmp_path
    assert built == [plugin.settings]
    assert not free(tmp_path / ".cache")
    plugin.on_shutdown()
    assert free(tmp_path / ".cache")


def test_the_plugin_does_not_generate_again_what_the_command_line_generated(
    tmp_path: Path, kb: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = kb.plugin

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("generated twice")

    monkeypatch.setattr(pipeline, "generate", fail)
    plugin.given, plugin.generated = given(tmp_path), True
    plugin.on_config(kb.config)
    assert not free(tmp_path / "elsewhere" / "c")


def test_a_failed_generation_is_a_plugin_error_of_one_line(
    tmp_path: Path, kb: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = kb.plugin

    def missing(settings: Settings, report: object) -> None:
        raise ConfigError(f"corpus folder not found: {settings.corpus_path}")

    monkeypatch.setattr(pipeline, "generate", missing)
    plugin.given = given(tmp_path)
    with pytest.raises(PluginError) as caught:
        plugin.on_config(kb.config)
    assert str(caught.value) == f"corpus folder not found: {tmp_path / 'elsewhere' / 'corpus'}"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    plugin.on_build_error(error=caught.value)  # as MkDocs does next: the lock is released
    assert free(tmp_path / "elsewhere" / "c")


def test_a_failed_write_is_a_plugin_error_naming_the_file(
    tmp_path: Path, kb: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = kb.plugin

    def full(settings: Settings, report: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/p/build/docs/kb.json")

    monkeypatch.setattr(pipeline, "generate", full)
    plugin.given = given(tmp_path)
    with pytest.raises(PluginError, match=r"^/p/build/docs/kb\.json: No space left on device$"):
        plugin.on_config(kb.config)


def test_under_serve_the_preview_generates_and_no_lock_is_held(
    tmp_path: Path, kb: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = kb.plugin

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the full build ran in front of the preview")

    previewed: list[Settings] = []
    monkeypatch.setattr(pipeline, "generate", fail)
    monkeypatch.setattr(preview, "generate", lambda settings, report: previewed.append(settings))
    plugin.given, plugin.serving = given(tmp_path), True
    plugin.on_config(kb.config)
    assert previewed == [plugin.given]
    assert plugin._lock is None
    assert free(tmp_path / "elsewhere" / "c")


def test_a_page_is_held_compressed_between_conversion_and_its_template(kb: Loaded) -> None:
    plugin = kb.plugin
    page = SimpleNamespace(file=SimpleNamespace(src_uri="people/dara.md"), markdown="# Dara", content=None)
    html = "<h1>Dara Whitlock</h1><p>Councillor.</p>"
    plugin.on_pre_build(config=kb.config)
    assert plugin.on_page_content(html, page=page) == ""
    assert page.markdown == ""  # the source is dropped
    assert zlib.decompress(plugin.held["people/dara.md"]).decode("utf-8") == html
    assert plugin.on_page_context({"k": 1}, page=page) == {"k": 1}
    assert page.content == html
    assert plugin.held == {}
    assert plugin.on_post_page("<html>whole</html>", page=page) == "<html>whole</html>"
    assert page.content == ""


def test_a_section_whose_heading_is_excluded_from_search_is_wrapped_when_held(kb: Loaded) -> None:
    plugin = kb.plugin
    page = SimpleNamespace(file=SimpleNamespace(src_uri="a.md"), markdown="", content=None)
    html = '<h2 id="s">Summary</h2><p>kept</p><h2 data-search-exclude id="m">Mentions</h2><p>long</p>'
    plugin.on_pre_build(config=kb.config)
    plugin.on_page_content(html, page=page)
    plugin.on_page_context({}, page=page)
    assert page.content == (
        '<h2 id="s">Summary</h2><p>kept</p><div class="kb-section" data-search-exclude>'
        '<h2 data-search-exclude id="m">Mentions</h2><p>long</p></div>\n'
    )


def test_front_matter_is_made_inert_before_the_theme_prints_it(kb: Loaded) -> None:
    plugin = kb.plugin
    page = SimpleNamespace(meta={"title": "<script>alert(1)</script>"})
    assert plugin.on_page_markdown("# Text", page=page) == "# Text"
    assert page.meta == {"title": "&lt;script&gt;alert(1)&lt;/script&gt;"}


def test_a_docs_file_linking_outside_the_docs_is_dropped_with_a_warning(
    tmp_path: Path, kb: Loaded, caplog: pytest.LogCaptureFixture
) -> None:
    plugin = kb.plugin
    (tmp_path / "secret.txt").write_text("secret\n", encoding="utf-8")
    (tmp_path / "docs" / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "docs" / "evil.md").symlink_to(tmp_path / "secret.txt")
    config = kb.config
    with caplog.at_level(logging.WARNING):
        files = plugin.on_files(get_files(config), config=config)
    assert [f.src_uri for f in files] == ["a.md"]
    assert plugin.expected == ["a/index.html"]
    assert f"skipped {tmp_path / 'docs' / 'evil.md'}: a symbolic link pointing outside docs/ (not followed)" in (
        caplog.text
    )
