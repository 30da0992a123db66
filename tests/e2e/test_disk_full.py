"""Disk full (or any failed write): one ``error:`` line naming the path, exit 1, the partial
output removed, the previous site kept."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.e2e.test_never_lose import corpus
from tests.hostile.sites import FILLER, build, manifest, project

pytestmark = pytest.mark.hostile


def _full_after(writes: int, real: Callable[..., None]) -> Callable[..., None]:
    """``real``, failing as a full disk does from its ``writes``-th call on."""
    calls = [0]

    def writer(*args: object) -> None:
        calls[0] += 1
        if calls[0] >= writes:
            path = next(str(a) for a in args if isinstance(a, (str, Path)) and os.sep in str(a))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        real(*args)

    return writer


def _one_error_line(err: str) -> str:
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, err[-2000:]
    return errors[0]


def _setup(tmp_path: Path, ruler_model: Path) -> tuple[Path, dict[str, str]]:
    dest = project(tmp_path / "p", ruler_model, corpus(20))
    (dest / "build" / "docs" / "about.md").write_text("# About\n", encoding="utf-8")  # the user's page
    assert build(dest).returncode == 0
    (dest / "corpus" / "new.txt").write_text(f"Ferry report new\n\n{FILLER}\n", encoding="utf-8")
    return dest, manifest(dest / "site")


def test_disk_full_while_writing_the_docs(
    tmp_path: Path, ruler_model: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.render.docs_folder as render

    dest, before = _setup(tmp_path, ruler_model)
    monkeypatch.setattr(render, "atomic_write_text", _full_after(10, render.atomic_write_text))
    assert main(["build", "--config", str(dest / "mkdocs.yml")]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert line.startswith(f"error: {dest / 'build' / 'docs'}/") and "No space left on device" in line
    assert manifest(dest / "site") == before
    docs = dest / "build" / "docs"
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == ["about.md"]
    assert not [p for p in os.listdir(dest) if p.startswith(".site.")]


def test_disk_full_while_writing_the_site(
    tmp_path: Path, ruler_model: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import mkdocs.utils

    dest, before = _setup(tmp_path, ruler_model)
    monkeypatch.setattr(mkdocs.utils, "write_file", _full_after(5, mkdocs.utils.write_file))
    assert main(["build", "--config", str(dest / "mkdocs.yml")]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert "/.site.new-" in line and "No space left on device; the new site was removed, site/ left as it was" in line
    assert manifest(dest / "site") == before
    assert not [p for p in os.listdir(dest) if p.startswith(".site.new")]


def test_a_failed_write_names_the_file_being_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.storage import atomic_write_text

    class Full:
        """A file on a full disk: its write fails as a real one does, naming no file."""

        def __init__(self, fd: int, *args: object, **kwargs: object) -> None:
            os.close(fd)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", Full)
    with pytest.raises(OSError) as caught:
        atomic_write_text(tmp_path / "publish.json", "{}")
    monkeypatch.undo()
    assert caught.value.filename == str(tmp_path / "publish.json") and caught.value.errno == errno.ENOSPC
    assert os.listdir(tmp_path) == []  # no temporary file left
