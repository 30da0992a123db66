"""``mkdocs serve`` told of changes by the operating system instead of by polling.

MkDocs' server polls its watched folders: every half second it lists and stats
every file under them. At 29,000 docs pages one poll costs 0.3 s of CPU, so a
server doing nothing keeps a third of a core busy, notices an edit up to a
second late, and slows the rebuild running behind a preview in the same
process. Where watchdog has a native observer (inotify, FSEvents, Windows'
ReadDirectoryChangesW) the paths are watched through it instead.
"""

from __future__ import annotations

from typing import Any


def _changes_only() -> type:
    from watchdog.events import (
        DirCreatedEvent,
        DirDeletedEvent,
        DirModifiedEvent,
        DirMovedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
    )
    from watchdog.observers import Observer

    changes = [
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
        DirCreatedEvent,
        DirDeletedEvent,
        DirModifiedEvent,
        DirMovedEvent,
    ]

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]  # watchdog picks Observer's class per platform at run time
        """The native observer, told only of what polling would see: files created, deleted,
        modified or moved. A build opens and reads the docs; were that reported (inotify does),
        every build would ask for the next."""

        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False, **kwargs: Any) -> Any:
            kwargs["event_filter"] = changes
            return super().schedule(event_handler, path, recursive=recursive, **kwargs)

    return ChangesOnly


def native_observer(server: Any, paths: list[str]) -> bool:
    """Move the watches of ``paths`` (those the server already has) from MkDocs' polling
    observer to watchdog's native one, before the server starts; returns whether it did."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    if Observer is PollingObserver or not isinstance(server.observer, PollingObserver):
        return False  # no native observer here, or the server watches natively already
    changes_only = _changes_only()
    moved: dict[str, int] = {}
    for path in dict.fromkeys(paths):
        while True:  # as many times as it was watched
            try:
                server.unwatch(path)
            except KeyError:
                break
            moved[path] = moved.get(path, 0) + 1
    server.observer = changes_only()
    for path, times in moved.items():
        for _ in range(times):
            server.watch(path)
    return True
