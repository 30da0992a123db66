"""A configuration for engines that read ``mkdocs.yml`` but run no MkDocs plugin (Zensical).

The kb plugin supplies at build time what the generated pages need (:mod:`.mkdocs_config`):
the theme overrides, the site script and style sheet, the Markdown extensions and a navigation.
An engine that runs no plugin gets them from a file instead: the project's configuration with
all of that written in, the ``kb`` plugin left out, and the theme overrides copied beside it
(the package's, then the project's ``templates/theme``, then its ``custom_dir``: a later
folder's file wins) to ``build/theme``. Paths in it are relative to its own folder, which must
hold the docs and site folders (Zensical refuses them elsewhere): the project's folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from generator.errors import ConfigError
from generator.publish.mkdocs_config import ASSETS_CSS, ASSETS_JS, EXTENSIONS, NAV, NOT_IN_NAV

THEME = "build/theme"  # the overrides' folder, relative to the written configuration
SEARCH_CSS = "assets/kb-search.css"  # the search box's look, which Material's styles give under MkDocs


class _Lines(str):
    """A string written as a YAML literal block, one pattern a line."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Lines, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|"))


def _names(entries: list[Any]) -> set[str]:
    """The names of listed extensions or plugins: a string, or a mapping's one key."""
    return {e if isinstance(e, str) else next(iter(e)) for e in entries if isinstance(e, str | dict) and e}


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def engine_config(config_file: Path, docs: Path, template_dirs: Sequence[Path], written: Path) -> Path:
    """Write to ``written`` the configuration of ``config_file`` completed for an engine without
    the plugin, and the theme overrides to ``build/theme`` beside it; returns ``written``.
    ``docs``: the docs folder the pages were written to; ``template_dirs``: the project's
    templates folder, then the package's."""
    try:
        with config_file.open("rb") as f:
            raw = yaml_load(f) or {}
    except (OSError, yaml.YAMLError, ConfigurationError) as exc:
        raise ConfigError(f"{config_file}: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_file}: not a mapping of settings")
    if written.resolve() == config_file.resolve():
        raise ConfigError(f"{written}: the engine configuration would replace the project's own")
    base, folder = config_file.parent, written.parent
    target = folder / THEME
    if target.resolve().is_relative_to(docs.resolve()) or docs.resolve().is_relative_to(target.resolve()):
        raise ConfigError(f"{target}: the theme overrides' folder overlaps docs_dir ({docs})")
    theme = raw.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    if theme.get("name") != "material":
        raise ConfigError(f"{config_file}: theme.name is {theme.get('name')!r}: the pages need the Material theme")
    overrides = [d / "theme" for d in reversed(template_dirs)]
    if theme.get("custom_dir"):
        overrides.append(base / str(theme["custom_dir"]))

    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = target.with_name(f".{target.name}.new")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    for source in overrides:
        if source.is_dir():
            shutil.copytree(source, fresh, dirs_exist_ok=True, symlinks=False)
    shutil.rmtree(target, ignore_errors=True)
    fresh.rename(target)

    out = dict(raw)
    out["docs_dir"] = _relative(docs, folder)
    out["site_dir"] = _relative(base / str(raw.get("site_dir") or "site"), folder)
    theme["custom_dir"] = THEME
    theme.setdefault("variant", "classic")  # Zensical's look of Material, which the overrides are written for
    out["theme"] = theme
    for key, asset in (("extra_css", ASSETS_CSS), ("extra_css", SEARCH_CSS), ("extra_javascript", ASSETS_JS)):
        listed = list(out.get(key) or [])
        out[key] = listed if asset in [str(x) for x in listed] else [*listed, asset]
    listed = raw.get("markdown_extensions") or []
    extensions = [{k: v} for k, v in listed.items()] if isinstance(listed, dict) else list(listed)
    out["markdown_extensions"] = extensions + [n for n in EXTENSIONS if n not in _names(extensions)]
    if raw.get("nav") is None:
        out["nav"] = NAV
        out.setdefault("not_in_nav", _Lines("\n".join(NOT_IN_NAV) + "\n"))
    plugins = raw.get("plugins") or []
    # the engine's own search is turned off (unless the project sets it): the site searches
    # with the Pagefind index that kb index writes, and Zensical's index of every page is not used
    off = {"search": {"enabled": False}}
    if isinstance(plugins, dict):
        out["plugins"] = {k: v for k, v in plugins.items() if k != "kb"}
        if "search" not in plugins:
            out["plugins"].update(off)
    else:
        kept = [p for p in plugins if p != "kb" and not (isinstance(p, dict) and "kb" in p)]
        out["plugins"] = kept + ([off] if "search" not in _names(plugins) else [])
    header = f"# {config_file.name} completed for an engine that runs no MkDocs plugin; written by kb generate\n"
    try:
        text = yaml.dump(out, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    except yaml.YAMLError as exc:  # a value YAML cannot write back, such as a Python object's tag
        raise ConfigError(f"{config_file}: a setting cannot be written for another engine: {exc}") from None
    written.write_text(header + text, encoding="utf-8")
    return written
