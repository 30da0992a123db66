"""Tests of generator.render.docs_folder: only changed files written, the generator's stale files
removed, and a user's own files never touched."""

from __future__ import annotations

from pathlib import Path

from generator.render.docs_folder import sync


def test_sync_writes_only_changed_files_and_removes_stale(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    files = {"index.md": "home\n", "people/a.md": "A\n", "places/b.md": "B\n"}
    assert sync(files, docs) == (3, 0)
    assert (docs / "people/a.md").read_text(encoding="utf-8") == "A\n"
    mtime = (docs / "index.md").stat().st_mtime_ns
    assert sync(files, docs) == (0, 0)
    assert (docs / "index.md").stat().st_mtime_ns == mtime

    (docs / ".gitkeep").write_text("", encoding="utf-8")
    (docs / "about.md").write_text("mine", encoding="utf-8")  # the user's own page
    changed = {"index.md": "home v2\n", "people/a.md": "A\n"}
    assert sync(changed, docs) == (1, 1)  # places/b.md removed
    assert (docs / "index.md").read_text(encoding="utf-8") == "home v2\n"
    assert (docs / ".gitkeep").exists()
    assert (docs / "about.md").read_text(encoding="utf-8") == "mine"
    assert not (docs / "places").exists()  # emptied folder removed
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == [
        ".gitkeep",
        ".kb-generated",
        "about.md",
        "index.md",
        "people/a.md",
    ]


def test_sync_never_removes_or_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "about.md").write_text("About us", encoding="utf-8")
    (docs / "index.md").write_text("My own home page", encoding="utf-8")
    (docs / "notes" / "n.md").write_text("note", encoding="utf-8")
    said: list[str] = []
    assert sync({"index.md": "home\n", "people/a.md": "A\n"}, docs, said.append) == (1, 0)
    assert (docs / "index.md").read_text(encoding="utf-8") == "My own home page"
    assert said == [f"kept 1 file(s) of {docs} that the generator did not write, in place of its own: index.md"]
    assert sync({"people/b.md": "B\n"}, docs) == (1, 1)  # people/a.md was the generator's
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == [
        ".kb-generated",
        "about.md",
        "index.md",
        "notes/n.md",
        "people/b.md",
    ]
    # a manifest naming files outside the folder removes nothing there
    (tmp_path / "outside.md").write_text("x", encoding="utf-8")
    (docs / ".kb-generated").write_text("../outside.md\n/etc/hostname\nabout.md\n", encoding="utf-8")
    sync({}, docs)
    assert (tmp_path / "outside.md").exists()
    assert not (docs / "about.md").exists()  # listed as the generator's: removed


def test_sync_takes_a_docs_folder_of_an_earlier_version_as_generated(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "people").mkdir(parents=True)
    for rel in ("kb.json", "index.md", "people/old.md"):
        (docs / rel).write_text("old", encoding="utf-8")
    assert sync({"index.md": "home\n", "kb.json": "{}"}, docs) == (2, 1)
    assert not (docs / "people").exists()
