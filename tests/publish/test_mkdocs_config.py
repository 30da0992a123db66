"""Tests of generator.publish.mkdocs_config: a project needs only ``plugins: [kb]`` and Material;
the plugin supplies the theme overrides, assets, Markdown extensions and navigation it lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator.errors import ConfigError
from generator.publish import mkdocs_config
from generator.settings import PACKAGED_TEMPLATES, Settings


def _config(folder: Path, text: str) -> MkDocsConfig:
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return load_config(str(folder / "mkdocs.yml"))


def test_a_minimal_project_gets_the_overrides_assets_extensions_and_navigation(tmp_path: Path) -> None:
    config = _config(tmp_path, "site_name: Mine\ntheme:\n  name: material\nplugins:\n  - kb\n")
    assert "attr_list" not in config.markdown_extensions and config.nav is None
    added = mkdocs_config.complete(config, Settings(root=tmp_path).template_dirs)
    assert config.theme.dirs[0] == str(PACKAGED_TEMPLATES / "theme")  # before Material's own templates
    assert config.theme.dirs[1].endswith("material/templates")
    assert "assets/kb.css" in config.extra_css and "assets/kb.js" in [str(x) for x in config.extra_javascript]
    assert "attr_list" in config.markdown_extensions
    assert config.nav == mkdocs_config.NAV
    assert config.not_in_nav is not None and config.not_in_nav.match_file("people/ada-lind.md")
    assert len(added) == 5  # each addition is reported
    assert mkdocs_config.complete(config, Settings(root=tmp_path).template_dirs) == []  # and made once


def test_the_projects_own_settings_and_templates_come_first(tmp_path: Path) -> None:
    (tmp_path / "overrides").mkdir()
    (tmp_path / "templates" / "theme").mkdir(parents=True)
    config = _config(
        tmp_path,
        "site_name: Mine\ntheme:\n  name: material\n  custom_dir: overrides\nplugins:\n  - kb\n"
        "nav:\n  - Home: index.md\nextra_javascript:\n  - assets/kb.js\n",
    )
    mkdocs_config.complete(config, Settings(root=tmp_path).template_dirs)
    assert config.theme.dirs[:3] == [
        str(tmp_path / "overrides"),  # the project's custom_dir first
        str((tmp_path / "templates" / "theme").resolve()),  # then its templates folder's overrides
        str(PACKAGED_TEMPLATES / "theme"),  # then the package's
    ]
    assert config.nav == [{"Home": "index.md"}]  # a navigation given is kept
    assert [str(x) for x in config.extra_javascript].count("assets/kb.js") == 1


def test_another_theme_is_an_error_naming_the_setting(tmp_path: Path) -> None:
    config = _config(tmp_path, "site_name: Mine\ntheme:\n  name: readthedocs\nplugins:\n  - kb\n")
    with pytest.raises(ConfigError, match=r"^theme\.name is 'readthedocs': .*Material"):
        mkdocs_config.complete(config, Settings(root=tmp_path).template_dirs)
    plugin = config.plugins["kb"]
    with pytest.raises(PluginError, match=r"theme\.name"):  # under mkdocs build: one line, no traceback
        plugin.on_config(config)
    plugin._unlock()
