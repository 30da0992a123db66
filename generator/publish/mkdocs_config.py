"""What the generated pages need of a project's MkDocs configuration, supplied when it is missing.

A project needs only ``plugins: [kb]`` and the Material theme: the theme overrides (the search
box of the Pagefind index, the pages' JSON-LD), the site script and style sheet, and the Markdown
extensions the pages are written for come from the first templates folder that has them (the
project's, then the package's). A setting that cannot work is a :class:`ConfigError` naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pathspec
from mkdocs.config.defaults import MkDocsConfig

from generator.errors import ConfigError

ASSETS_CSS = "assets/kb.css"
ASSETS_JS = "assets/kb.js"
# attr_list: "{ data-search-exclude }" on headings; tables and toc: the pages' tables and anchors
EXTENSIONS = ("attr_list", "tables", "toc")
# The generated pages' navigation, when the project gives none: the indexes and the pages about the
# corpus as a whole. Entity and article pages stay out of it: with thousands of pages a full
# navigation makes every page embed every other page.
NAV: list[Any] = [
    {"Home": "index.md"},
    {"Articles": "articles/index.md"},
    {
        "Entities": [
            {"People": "people/index.md"},
            {"Organizations": "organizations/index.md"},
            {"Places": "places/index.md"},
            {"Events": "events/index.md"},
            {"Aid packages": "aid/index.md"},
        ]
    },
    {"Topics": "topics/index.md"},
    {
        "Explore": [
            {"Timeline": "timeline.md"},
            {"Graph": "graph.md"},
            {"Quotes": "quotes.md"},
            {"Disagreements": "disagreements.md"},
            {"Outlets": "outlets.md"},
        ]
    },
]
NOT_IN_NAV = [
    "/articles/*.md",
    *(f"/{folder}/{pattern}" for folder in ("people", "organizations", "places", "events", "aid")
      for pattern in ("*.md", "*/mentions-*.md")),
    "/topics/*.md",
    "/disagreements/*.md",
]  # fmt: skip


def complete(config: MkDocsConfig, template_dirs: Sequence[Path]) -> list[str]:
    """Add to ``config`` the theme overrides, assets and Markdown extensions it lacks; returns
    what was added, one line each, for the log."""
    theme = config.theme
    if theme.name != "material":
        raise ConfigError(f"theme.name is {theme.name!r}: the kb plugin's pages need the Material theme (material)")
    added: list[str] = []
    present = {Path(d).resolve() for d in theme.dirs}
    at = 1 if theme.custom_dir else 0  # after the project's own overrides, before Material's templates
    for folder in template_dirs:
        overrides = (folder / "theme").resolve()
        if overrides.is_dir() and overrides not in present:
            theme.dirs.insert(at, str(overrides))
            present.add(overrides)
            at += 1
            added.append(f"theme overrides from {overrides}")
    if ASSETS_CSS not in [str(x) for x in config.extra_css]:
        config.extra_css.append(ASSETS_CSS)
        added.append(f"extra_css: {ASSETS_CSS}")
    if ASSETS_JS not in [str(x) for x in config.extra_javascript]:
        config.extra_javascript.append(ASSETS_JS)
        added.append(f"extra_javascript: {ASSETS_JS}")
    if config.nav is None:
        config.nav = NAV
        added.append("nav: the indexes and the pages about the corpus")
        if config.not_in_nav is None:
            config.not_in_nav = pathspec.gitignore.GitIgnoreSpec.from_lines(NOT_IN_NAV)
    for name in EXTENSIONS:
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
            added.append(f"markdown_extensions: {name}")
    return added
