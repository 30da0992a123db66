"""Tests of generator.storage: atomic writes, and the code key that the caches and the publish key use."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import storage
from generator.storage import atomic_write_text


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "dir" / "out.txt"
    atomic_write_text(target, "first")
    atomic_write_text(target, "second ünïcode\n")
    assert target.read_text(encoding="utf-8") == "second ünïcode\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_atomic_write_failure_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write_text(target, "old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "bad \ud800 surrogate")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_the_code_key_covers_the_package_at_any_depth_and_its_data_and_not_the_tools(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "generator"
    (package / "resolve").mkdir(parents=True)
    (package / "data").mkdir()
    (package / "stage.py").write_text("A = 1\n", encoding="utf-8")
    (package / "resolve" / "facts.py").write_text("B = 1\n", encoding="utf-8")
    (package / "data" / "words.txt").write_text("alpha\n", encoding="utf-8")
    monkeypatch.setattr(storage, "PACKAGE", package)

    def version() -> str:
        storage.code_version.cache_clear()
        return storage.code_version()

    before = version()
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "bench.py").write_text("C = 1\n", encoding="utf-8")  # a development tool
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "stage.cpython-311.pyc").write_bytes(b"compiled")
    assert version() == before
    (package / "resolve" / "facts.py").write_text("B = 2\n", encoding="utf-8")
    nested = version()
    assert nested != before
    (package / "data" / "words.txt").write_text("alpha\nbeta\n", encoding="utf-8")
    assert version() not in (before, nested)
    storage.code_version.cache_clear()


def test_the_development_tools_are_not_in_the_package() -> None:
    shipped = {p.relative_to(storage.PACKAGE).as_posix() for p in storage.package_files()}
    assert "data/verbs.txt" in shipped and "kb.schema.json" in shipped
    assert not {f"{name}.py" for name in ("bench", "eval_facts", "eval_seeds", "serve_probe")} & shipped
