"""The docs folder MkDocs reads: the rendered files written into it, only those that changed,
and the files an earlier build wrote there and this one does not removed; a user's own files
in it are never touched (the files a build writes are listed in ``.kb-generated``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from generator.storage import atomic_write_text

KEEP_FILES = {".gitkeep"}


def write_changed(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` unless the file already holds it (its mtime then stays,
    so ``mkdocs serve`` sees no change); returns whether it wrote."""
    try:
        if path.read_bytes() == content.encode("utf-8", "surrogatepass"):  # bytes: no decoding
            return False
    except OSError:
        pass
    atomic_write_text(path, content)
    return True


MANIFEST = ".kb-generated"  # in the docs folder: the files the last build wrote there, one a line


def sync(
    files: dict[str, str] | Iterable[tuple[str, str]], docs: Path, report: Callable[[str], None] | None = None
) -> tuple[int, int]:
    """Write ``files`` into ``docs``, only what changed, and remove what the last build wrote
    there and this one does not; nothing else in ``docs`` is touched.

    The files a build writes are listed in ``docs/.kb-generated`` (hidden, so MkDocs does not
    publish it). A user's own page in the docs folder is never removed, and one at a path the
    generator would write keeps its place (``report`` says which). A docs folder from before
    the list existed is recognised by its ``kb.json`` and taken as wholly generated.
    ``files`` is a dict or (path, content) pairs, consumed one at a time. Returns (files
    written, files removed). Unchanged files keep their mtime, so ``mkdocs serve`` sees no
    change and does not rebuild again.
    """
    docs.mkdir(parents=True, exist_ok=True)
    ours = _generated_before(docs)
    written = removed = 0
    names: list[str] = []
    kept: list[str] = []
    for rel, content in files.items() if isinstance(files, dict) else files:
        path = docs / rel
        if rel not in ours and (path.exists() or path.is_symlink()):
            if not _holds(path, content):
                kept.append(rel)  # the user's file: published as it is
            continue
        names.append(rel)
        written += write_changed(path, content)
    wanted = set(names)
    for rel in sorted(ours - wanted, reverse=True):
        path = docs / rel
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed += 1
        _remove_empty_parents(path.parent, docs)
    write_changed(docs / MANIFEST, "".join(f"{rel}\n" for rel in sorted(wanted)))
    if kept and report is not None:
        shown = ", ".join(kept[:5]) + (", ..." if len(kept) > 5 else "")
        report(f"kept {len(kept)} file(s) of {docs} that the generator did not write, in place of its own: {shown}")
    return written, removed


def remove_generated(docs: Path, also: Iterable[str] = ()) -> int:
    """Delete every file the generator wrote into ``docs`` (its manifest, and ``also``: what a
    build that failed midway had written), leaving the user's files; returns how many."""
    removed = 0
    for rel in sorted(_generated_before(docs) | set(also) | {MANIFEST}, reverse=True):
        path = docs / rel
        if ".." in rel.split("/") or rel.startswith("/") or path.is_symlink() or not path.is_file():
            continue
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
        _remove_empty_parents(path.parent, docs)
    return removed


def _holds(path: Path, content: str) -> bool:
    try:
        return path.read_bytes() == content.encode("utf-8", "surrogatepass")
    except OSError:
        return False


def _generated_before(docs: Path) -> set[str]:
    """The docs files the last build wrote: from the manifest, or every file of a folder an
    earlier version filled (it always wrote ``kb.json``), or none."""
    try:
        listed = (docs / MANIFEST).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        listed = None
    if listed is not None:
        return {rel for rel in listed if rel and not rel.startswith("/") and ".." not in rel.split("/")}
    if (docs / "kb.json").is_file():
        return {
            p.relative_to(docs).as_posix()
            for p in docs.rglob("*")
            if p.is_file() and not p.is_symlink() and p.name not in KEEP_FILES
        }
    return set()


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_relative_to(docs):
        try:
            folder.rmdir()
        except OSError:
            return  # not empty, or not there
        folder = folder.parent
