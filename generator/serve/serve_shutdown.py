"""Stopping ``mkdocs serve`` cleanly: SIGTERM handled as Ctrl-C, worker processes ended.

Python's default for SIGTERM is to die at once, so MkDocs never deletes its temporary
site and child processes (Pagefind, spaCy workers) are left orphaned. The plugin turns
SIGTERM into the KeyboardInterrupt that MkDocs' own Ctrl-C path handles, and on shutdown
ends the worker processes still running.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any


def interrupt_on_sigterm(stopping: Callable[[], bool]) -> Callable[[], None] | None:
    """Make SIGTERM stop ``mkdocs serve`` as Ctrl-C does: KeyboardInterrupt in the main thread,
    after which MkDocs shuts the server, calls ``on_shutdown`` and deletes its temporary site
    (Python's default for SIGTERM is to die at once, leaving the site and the child processes
    behind), unless ``stopping()`` says that is under way. In a forked worker process SIGTERM
    ends the process as before. Returns what puts the previous handlers back; None outside the
    main thread, where no handler can be set.

    Python drops an exception raised where it cannot propagate (an at-fork callback when
    spaCy starts its workers, a ``__del__``) and reports it as "unraisable": such a
    KeyboardInterrupt, from SIGTERM or Ctrl-C, is raised again, so that the signal is not
    lost."""
    if threading.current_thread() is not threading.main_thread():
        return None
    owner = os.getpid()

    def interrupt(signum: int, frame: object) -> None:
        if os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        elif not stopping():
            raise KeyboardInterrupt

    def unraisable(report: Any) -> None:
        if issubclass(report.exc_type, KeyboardInterrupt) and os.getpid() == owner and not stopping():
            # sent again from another thread, once the main thread has left that code
            main = threading.main_thread().ident or 0
            again = threading.Timer(0.05, signal.pthread_kill, args=(main, signal.SIGTERM))
            again.daemon = True
            again.start()
        else:
            hook(report)

    previous = signal.signal(signal.SIGTERM, interrupt)
    hook, sys.unraisablehook = sys.unraisablehook, unraisable

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)
        sys.unraisablehook = hook

    return restore


def end_workers(timeout: float) -> None:
    """Kill this process's worker processes (spaCy's for a rebuild behind a preview): those
    multiprocessing started, and on Linux every forked copy of this process, including one
    forked as an interrupt arrived and never registered."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.kill()
        child.join(timeout)
    for pid in _forks():
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _forks() -> list[int]:
    """The child processes running this process's command line (Linux: read from /proc)."""
    me = os.getpid()
    try:
        command = Path(f"/proc/{me}/cmdline").read_bytes()
        entries = list(Path("/proc").iterdir())
    except OSError:
        return []
    found: list[int] = []
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8", errors="replace")
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == me and (entry / "cmdline").read_bytes() == command:
                found.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return found
