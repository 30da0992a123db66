"""Files the generator reads besides articles: templates, theme files, overrides and topics.

Each is read only when it is a regular file inside its folder, and the editor's YAML
files go through the same screen as front matter; every refusal is one line naming
the file and what is wrong, under ``kb build`` and under ``mkdocs build``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.resolve import curation
from generator.resolve.facts import topics
from tests.hostile.sites import FILLER, build, project

ALIAS_BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    + ["merge: {x: *a11}"]
)

BAD_YAML = [
    (ALIAS_BOMB, "uses a YAML anchor on line 1 (not accepted)"),
    ("merge: {a: *b}\n", "uses a YAML alias on line 1"),
    ("merge: {a: !!python/object/apply:os.system [ls]}\n", "uses the YAML tag"),
    ("merge:\n  a: [unclosed\n", "not valid YAML: expected ',' or ']', but got '<stream end>' on line 3"),
    ("merge: " + "[" * 20 + "]" * 20 + "\n", "nests over 8 deep on line 1"),
    ("merge:\n  Portvale: [a, b]\n", "merge 'Portvale': expected a name and a value, got ['a', 'b']"),
    ("hide: [{a: b}]\n", "hide: expected a name, got {'a': 'b'}"),
    (b"merge: {a: \xff}\n", "undecodable bytes at offset 11: not UTF-8 text"),
]


@pytest.mark.parametrize(("content", "reason"), BAD_YAML, ids=[r for _, r in BAD_YAML])
def test_a_bad_overrides_file_is_one_line_naming_it(tmp_path: Path, content: str | bytes, reason: str) -> None:
    path = tmp_path / "curation.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    t = time.perf_counter()
    with pytest.raises(ConfigError) as caught:
        curation.load(path)
    assert time.perf_counter() - t < 5  # an alias bomb is refused before it is expanded
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("- &t {name: A, keywords: [a]}\n- *t\n", "uses a YAML anchor on line 1"),
        ("- {name: A, keywords: [[a, b]]}\n", "topic 1: the name and each keyword must be text"),
        ("- {name: A}\n", "topic 1: each topic needs a name and a list of keywords"),
    ],
)
def test_a_bad_topics_file_is_one_line_naming_it(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "topics.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason):
        topics.declared(path)


def test_an_overrides_file_that_links_outside_or_is_not_regular_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    secret = tmp_path / "secret.yml"
    secret.write_text("describe: {Portvale: 'root:x:0:0'}\n", encoding="utf-8")
    link = tmp_path / "project" / "curation.yml"
    link.symlink_to(secret)
    with pytest.raises(ConfigError, match=r"a symbolic link pointing outside project/ \(not followed\); not read"):
        curation.load(link)
    fifo = tmp_path / "project" / "topics.yml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="a FIFO"):  # refused at once, not waited on
        topics.declared(fifo)
    inside = tmp_path / "project" / "shared.yml"
    inside.write_text("hide: [Portvale]\n", encoding="utf-8")
    link.unlink()
    link.symlink_to("shared.yml")  # a link inside the project folder is read
    assert curation.load(link).hide == ["Portvale"]


@pytest.mark.slow
def test_mkdocs_build_reports_a_broken_overrides_file_in_one_line(tmp_path: Path, ruler_model: Path) -> None:
    dest = project(tmp_path / "p", ruler_model, {"a.txt": f"Ferry news\n\n{FILLER}\n"})
    (dest / "curation.yml").write_text(ALIAS_BOMB, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(dest / "mkdocs.yml")],
        cwd=dest,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert f"{dest / 'curation.yml'}: the file uses a YAML anchor on line 1 (not accepted)" in done.stderr
    assert not (dest / "site").exists()
    done = build(dest)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("error: ") and "YAML anchor" in done.stderr


@pytest.mark.slow
def test_template_and_theme_files_that_link_outside_are_not_published(tmp_path: Path, ruler_model: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret line\n", encoding="utf-8")
    dest = project(tmp_path / "p", ruler_model, {"a.txt": f"Ferry news\n\n{FILLER}\n"})
    # a theme file MkDocs would copy into the site as it is
    (dest / "templates" / "theme" / "passwd.txt").symlink_to(secret)
    done = build(dest)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "passwd.txt: a symbolic link pointing outside theme/ (not followed)" in done.stderr
    assert not (dest / "site" / "passwd.txt").exists()
    assert not any("secret line" in p.read_text(errors="replace") for p in (dest / "site").rglob("*") if p.is_file())
    # an asset or a page template: the build stops with one line, the site is kept
    (dest / "templates" / "theme" / "passwd.txt").unlink()
    (dest / "templates" / "assets" / "leak.css").symlink_to(secret)
    before = sorted(p.relative_to(dest / "site") for p in (dest / "site").rglob("*"))
    done = build(dest)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "leak.css: a symbolic link pointing outside templates/ (not followed); not read" in done.stderr
    assert sorted(p.relative_to(dest / "site") for p in (dest / "site").rglob("*")) == before
    (dest / "templates" / "assets" / "leak.css").unlink()
    (dest / "templates" / "article.md.j2").unlink()
    (dest / "templates" / "article.md.j2").symlink_to(secret)
    done = build(dest)
    assert done.returncode == 1 and "article.md.j2: a symbolic link pointing outside templates/" in done.stderr
