"""One build at a time per project: a lock file in the cache folder.

Two builds of one project write the same docs folder and swap sites in the same
place; run together, one could publish the other's half-written site. Every
build (``kb build``, ``mkdocs build`` and each rebuild of ``mkdocs serve``) holds
:func:`project_lock` while it writes; a second build waits for the first, saying
so once, or gives up after ``wait`` seconds with :class:`BuildLocked`.

The lock is ``fcntl.flock`` on ``<cache>/build.lock``: the kernel releases it
when its process ends, however it ends, so a killed build never leaves the
project locked. Within one process the lock is re-entrant (the command line
holds it while MkDocs, run in the same process, asks for it again), and threads
take turns.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import GeneratorError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows; the lock is then per process only
    fcntl = None  # type: ignore[assignment]  # the module's name stands for "no file locks here"

LOCK_NAME = "build.lock"
WAIT_SECONDS = 3600.0


class BuildLocked(GeneratorError):
    """Another build of the project held the lock for longer than the caller would wait."""


class _Held:
    def __init__(self) -> None:
        self.turn = threading.RLock()
        self.count = 0
        self.fd: int | None = None


_held: dict[str, _Held] = {}
_registry = threading.Lock()


def _holder_of(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def project_lock(
    cache_dir: Path, report: Callable[[str], None] | None = None, wait: float = WAIT_SECONDS
) -> Iterator[None]:
    """Hold the build lock of the project whose cache folder is ``cache_dir``."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / LOCK_NAME
    key = os.path.realpath(path)
    with _registry:
        held = _held.setdefault(key, _Held())
    if not held.turn.acquire(timeout=wait):
        raise BuildLocked(f"{path}: another build in this process held the lock for over {wait:g} s")
    try:
        if held.count == 0:
            held.fd = _lock_file(path, report, wait)
        held.count += 1
        try:
            yield
        finally:
            held.count -= 1
            if held.count == 0 and held.fd is not None:
                _unlock_file(held.fd)
                held.fd = None
    finally:
        held.turn.release()


def _lock_file(path: Path, report: Callable[[str], None] | None, wait: float) -> int | None:
    if fcntl is None:  # pragma: no cover
        return None
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        deadline = time.monotonic() + wait
        said = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not said and report is not None:
                    report(f"waiting for another build of this project to finish (process {_holder_of(path)})")
                    said = True
                if time.monotonic() > deadline:
                    raise BuildLocked(
                        f"{path}: another build of this project (process {_holder_of(path)}) "
                        f"is still running after {wait:g} s; try again when it has finished"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _unlock_file(fd: int) -> None:
    if fcntl is not None:
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
