"""The user documentation (docs/): built with MkDocs Material, strictly, without a warning, with a
settings reference that lists every option of the plugin as the code has it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.mkdocs_plugin import OPTION_HELP, KnowledgeBaseConfig
from generator.reference import settings_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_every_option_of_the_plugin_has_its_line_in_the_reference() -> None:
    options = [name for name, _ in KnowledgeBaseConfig._schema]
    assert set(OPTION_HELP) == set(options)
    page = settings_markdown()
    for name, option in KnowledgeBaseConfig._schema:
        assert f"\n## `{name}`\n\n" in page and f", default `{option.default}`.\n\n{OPTION_HELP[name]}\n" in page
        assert f"      {name}: {option.default}\n" in page


@pytest.mark.slow
def test_the_documentation_builds_strictly_without_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "docs-site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "docs/mkdocs.yml", "-d", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert not re.search(r"^WARNING\b", done.stderr, re.M), done.stderr[-3000:]  # MkDocs' log has no warning
    pages = {p.parent.name for p in out.rglob("index.html")}
    assert {"getting-started", "corpus", "curation", "publishing", "scaling", "settings"} <= pages
    settings = (out / "settings" / "index.html").read_text(encoding="utf-8")
    assert "page_min_mentions" in settings and "max_extract_seconds" in settings
