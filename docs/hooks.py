"""MkDocs hook of the user documentation: adds the settings reference page, made from the kb
plugin's configuration class (generator.reference), so that it never drifts from the code."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from generator.reference import settings_markdown


def on_files(files: Files, config: Any) -> Files:
    files.append(File.generated(config, "settings.md", content=settings_markdown()))
    return files
