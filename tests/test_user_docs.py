"""A user's own pages in the docs folder survive the build and are published."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.sites import FILLER, build, project

pytestmark = pytest.mark.hostile


def test_a_users_own_pages_in_docs_dir_survive_and_are_published(tmp_path: Path, ruler_model: Path) -> None:
    dest = project(tmp_path / "p", ruler_model, {"a.txt": f"Ferry news\n\n{FILLER}\n"})
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: build/docs", "docs_dir: docs")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = dest / "docs"
    (docs / "guides").mkdir(parents=True)
    (docs / "about.md").write_text("# About this site\n\nRun by the Portvale desk.\n", encoding="utf-8")
    (docs / "guides" / "style.md").write_text("# Style guide\n\nShort sentences.\n", encoding="utf-8")
    for command in (
        [sys.executable, "-m", "mkdocs", "build", "-f", str(dest / "mkdocs.yml")],
        [sys.executable, "-m", "generator", "build", "--config", str(dest / "mkdocs.yml")],
    ):
        done = subprocess.run(command, cwd=dest, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        assert (docs / "about.md").read_text(encoding="utf-8").startswith("# About this site")
        assert (docs / "guides" / "style.md").is_file()
        assert "Run by the Portvale desk." in (dest / "site" / "about" / "index.html").read_text(encoding="utf-8")
        assert (dest / "site" / "guides" / "style" / "index.html").is_file()
        assert (dest / "site" / "people" / "dara-whitlock" / "index.html").is_file()
    # an article removed: its page goes, the user's pages stay
    (dest / "corpus" / "a.txt").write_text("Ferry news\n\nThe ferry ran late on Tuesday.\n", encoding="utf-8")
    assert build(dest).returncode == 0
    assert not (docs / "people" / "dara-whitlock.md").exists()
    assert (docs / "about.md").is_file() and (docs / "guides" / "style.md").is_file()
    assert not (dest / "site" / ".kb-generated").exists()  # the list of generated files is not published
