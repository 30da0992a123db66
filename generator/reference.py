"""The settings reference of the user documentation, made from the plugin's configuration class
(:class:`generator.mkdocs_plugin.KnowledgeBaseConfig`) and its :data:`OPTION_HELP`, so that the
page lists every option with its type and default as the code has them."""

from __future__ import annotations

from typing import Any

from generator.mkdocs_plugin import OPTION_HELP, KnowledgeBaseConfig


def _type_name(option: Any) -> str:
    kind = getattr(option, "_type", None)
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {int: "integer", float: "number", str: "text"}
    return " or ".join(dict.fromkeys(names.get(k, getattr(k, "__name__", "value")) for k in kinds))


def settings_markdown() -> str:
    """The reference page: an example block with every default, then a section per option
    (sections rather than a table, so that the page reads on a phone too)."""
    rows = []
    example = []
    for name, option in KnowledgeBaseConfig._schema:
        default = option.default
        kind = _type_name(option).capitalize()
        rows += [f"## `{name}`", "", f"{kind}, default `{default}`.", "", OPTION_HELP[name], ""]
        example.append(f"      {name}: {default}")
    return "\n".join(
        [
            "# Settings reference",
            "",
            "The `kb` plugin's options, under `plugins` in `mkdocs.yml`; every one is optional. This page is",
            "made from the plugin's configuration class when the documentation is built.",
            "",
            "```yaml",
            "plugins:",
            "  - kb:",
            *example,
            "```",
            "",
            "Relative paths are taken from the folder that holds `mkdocs.yml`. MkDocs' own settings apply as",
            "usual: `site_name` titles the site and its feeds, `site_url` gives the feeds absolute links",
            "(`kb build` warns when it is empty), `docs_dir` is where the generated pages are written (keep it",
            "apart from pages of your own, as `kb new` does with `build/docs`), and `site_dir` is where the site",
            "goes.",
            "",
            *rows,
        ]
    )
