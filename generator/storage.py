"""Files the build writes and the files it is made of.

:func:`atomic_write_text` writes a file so that readers see the old or the new one, never half of
it (temporary file, then rename). :func:`code_version` hashes the package's own files, its modules
at any depth and its data: the ingest cache and the publish step key on it, so that what older code
made is not reused. The development tools live outside the package and change no key.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

# the format of a cache entry (ingest and extraction): entries of another format are recomputed
FORMAT = 1

PACKAGE = Path(__file__).parent


def package_files() -> list[Path]:
    """The files of the installed package that decide its output: its modules, at any depth, and
    its data (word tables, the kb.json schema); not compiled caches. The development tools live
    outside the package: editing them changes no key."""
    return sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@cache
def code_version() -> str:
    """A hash of the generator's own files: cleaned articles cached by older code are not used."""
    h = hashlib.sha256()
    for path in package_files():
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.filename is None:  # a failed write names no file: name the one being written
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
