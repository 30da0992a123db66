"""Safe files: read only regular files that really are inside the folder they were given in.

A corpus, a templates folder or an overrides file may come from anyone (a pull
request, a scraper, an unpacked archive). A symbolic link in it could point at a
machine's secrets (``/etc/passwd``, ``../.git/config``), and a FIFO or a device
would block or never end. So every file the generator reads from such a folder
goes through :func:`unsafe_reason` and :func:`read_inside`:

- a symbolic link is followed only when its target is a regular file inside the
  same folder (a link to a folder is never followed);
- anything that is not a regular file (a FIFO, a socket, a device, a folder named
  like an article) is refused;
- the file is opened by its real path with ``O_NOFOLLOW`` and checked again with
  ``fstat`` on the open descriptor, so a file swapped for a link or a FIFO between
  the check and the read is refused too.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["UnsafeFile", "read_inside", "unsafe_files", "unsafe_reason", "walk"]

_KINDS = (
    (stat.S_ISDIR, "a folder, not a file"),
    (stat.S_ISFIFO, "a FIFO (named pipe), not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
    (stat.S_ISCHR, "a character device, not a regular file"),
    (stat.S_ISBLK, "a block device, not a regular file"),
)


class UnsafeFile(Exception):
    """A file that is not read; the message says why."""


def _kind(mode: int) -> str | None:
    """Why a file of ``mode`` is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return "not a regular file"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def unsafe_reason(path: Path, root: Path) -> str | None:
    """Why ``path`` (under ``root``) must not be read, or None when it is a regular file
    whose real path is inside ``root``."""
    try:
        st = path.lstat()
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    if stat.S_ISLNK(st.st_mode):
        real = Path(os.path.realpath(path))
        if not _inside(real, Path(os.path.realpath(root))):
            return f"a symbolic link pointing outside {root.name or root}/ (not followed)"
        try:
            target = real.stat()
        except OSError:
            return "a broken symbolic link"
        if stat.S_ISDIR(target.st_mode):
            return "a symbolic link to a folder (not followed)"
        return _kind(target.st_mode)
    return _kind(st.st_mode)


def read_inside(path: Path, root: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, a regular file whose real path is inside ``root``.

    Raises :class:`UnsafeFile` otherwise. With ``limit``, at most ``limit + 1`` bytes
    are read, so that the caller can tell a file over the limit without reading it whole.
    """
    reason = unsafe_reason(path, root)
    if reason is not None:
        raise UnsafeFile(reason)
    real = os.path.realpath(path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise UnsafeFile(f"cannot be read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        kind = _kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise UnsafeFile(kind)
        try:
            return handle.read() if limit is None else handle.read(limit + 1)
        except OSError as exc:
            raise UnsafeFile(f"cannot be read: {exc.strerror}") from None


def walk(root: Path) -> Iterator[Path]:
    """Every entry under ``root`` that is not a folder to descend into, hidden ones skipped:
    regular files, links (to files or folders; links are never descended into) and other
    kinds of file, for the caller to keep or refuse with :func:`unsafe_reason`.

    Folders are listed too when their name has a suffix (``notes.md/``), so that a caller
    looking for files by suffix can say why such a folder is not read; they are still
    descended into.
    """
    for folder, dirs, files in os.walk(root, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            path = base / name
            if path.is_symlink() or Path(name).suffix:
                yield path
        for name in sorted(files):
            if not name.startswith("."):
                yield base / name


def unsafe_files(files: Iterable[Any], roots: list[Path]) -> list[tuple[Any, str]]:
    """The MkDocs files (``abs_src_path``) that are links or not regular, with why, when each
    is not a regular file whose real path is inside the root it was found under: the docs
    folder or a theme folder. MkDocs would copy a link's target into the site."""
    out = []
    for file in files:
        source = getattr(file, "abs_src_path", None)
        if not source:
            continue  # generated in memory
        path = Path(source)
        try:
            if stat.S_ISREG(path.lstat().st_mode):
                continue
        except OSError:
            pass
        root = next((r for r in roots if _inside(path, r)), None)
        reason = unsafe_reason(path, root) if root is not None else "outside the docs and theme folders"
        if reason is not None:
            out.append((file, reason))
    return out
