"""``mkdocs serve`` watches through the operating system's notifications, not by polling."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from generator.serve.watching import native_observer


@pytest.mark.skipif(Observer is PollingObserver, reason="no native observer on this system")
def test_watches_move_to_the_native_observer(tmp_path: Path) -> None:
    docs, other, unwatched = tmp_path / "docs", tmp_path / "other", tmp_path / "unwatched"
    for folder in (docs, other, unwatched):
        folder.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs))
    server.watch(str(other))
    server.watch(str(other))  # twice: still watched after one unwatch
    assert native_observer(server, [str(docs), str(other), str(unwatched)])
    observer = server.observer
    assert not isinstance(observer, PollingObserver)
    assert sorted(e.watch.path for e in observer.emitters) == [str(docs), str(other)]
    server.unwatch(str(other))
    assert sorted(e.watch.path for e in observer.emitters) == [str(docs), str(other)]
    assert not native_observer(server, [str(docs)])  # already native

    (docs / "page.md").write_text("# Page\n", encoding="utf-8")
    observer.start()
    try:
        # a build reads the docs: were that an event, every build would ask for the next
        for _ in range(3):
            (docs / "page.md").read_text(encoding="utf-8")
        time.sleep(1.0)
        assert not server._want_rebuild
        (docs / "page.md").write_text("# Page, edited\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server._want_rebuild  # the edit asks for a rebuild, as it did under polling
    finally:
        observer.stop()
        observer.join()
        server.server_close()
