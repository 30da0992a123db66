"""Tests of generator.locking: one build at a time per project, re-entrant in a process, and `alive`."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.locking import LOCK_NAME, BuildLocked, alive, project_lock


@contextmanager
def held_elsewhere(cache: Path, content: str) -> Iterator[None]:
    """The lock file of ``cache`` locked through a descriptor of its own, as another process
    holds it (flock locks of two opens conflict even in one process), saying ``content``."""
    cache.mkdir(parents=True, exist_ok=True)
    fd = os.open(cache / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        os.write(fd, content.encode())
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)


def test_the_lock_file_is_made_in_a_new_cache_folder_and_names_its_holder_while_held(tmp_path: Path) -> None:
    cache = tmp_path / "a" / ".cache"
    with project_lock(cache):
        assert (cache / LOCK_NAME).read_text(encoding="utf-8") == f"{os.getpid()}\n"
    assert (cache / LOCK_NAME).read_text(encoding="utf-8") == ""  # released: no holder named


def test_a_build_that_finds_the_project_free_says_nothing(tmp_path: Path) -> None:
    said: list[str] = []
    with project_lock(tmp_path, report=said.append, wait=0):
        pass
    assert said == []


def test_the_lock_is_re_entrant_in_one_thread_and_released_by_the_outermost(tmp_path: Path) -> None:
    with project_lock(tmp_path, wait=0):
        with project_lock(tmp_path, wait=0):
            pass
        assert (tmp_path / LOCK_NAME).read_text(encoding="utf-8") == f"{os.getpid()}\n"  # still held
    assert (tmp_path / LOCK_NAME).read_text(encoding="utf-8") == ""


def test_the_lock_is_released_when_the_build_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="build failed"), project_lock(tmp_path):
        raise RuntimeError("build failed")
    with held_elsewhere(tmp_path, "4242\n"):  # could be taken: it was released
        pass


def test_another_holder_is_reported_once_and_the_wait_ends_with_build_locked(tmp_path: Path) -> None:
    said: list[str] = []
    with held_elsewhere(tmp_path, "4242\n"):
        t = time.perf_counter()
        with pytest.raises(BuildLocked) as caught, project_lock(tmp_path, report=said.append, wait=0.3):
            pytest.fail("the lock was taken while another held it")
        waited = time.perf_counter() - t
    assert str(caught.value) == (
        f"{tmp_path / LOCK_NAME}: another build of this project (process 4242) "
        "is still running after 0.3 s; try again when it has finished"
    )
    assert said == ["waiting for another build of this project to finish (process 4242)"]
    assert 0.3 <= waited < 1.5
    assert (tmp_path / LOCK_NAME).read_text(encoding="utf-8") == "4242\n"  # the holder's record is left alone
    with project_lock(tmp_path, wait=0):  # free again once the other let go
        pass


def test_a_holder_that_wrote_no_process_is_unknown(tmp_path: Path) -> None:
    unknown = r"\(process unknown\) is still running"
    with held_elsewhere(tmp_path, ""), pytest.raises(BuildLocked, match=unknown), project_lock(tmp_path, wait=0):
        pass


def test_a_waiting_build_takes_the_lock_when_the_holder_lets_go(tmp_path: Path) -> None:
    said: list[str] = []
    fd = os.open(tmp_path / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    release = threading.Timer(0.3, os.close, args=(fd,))
    release.start()
    try:
        with project_lock(tmp_path, report=said.append, wait=10):
            assert (tmp_path / LOCK_NAME).read_text(encoding="utf-8") == f"{os.getpid()}\n"
    finally:
        release.join()
    assert said == ["waiting for another build of this project to finish (process unknown)"]


def test_another_thread_waits_its_turn_or_gives_up(tmp_path: Path) -> None:
    outcome: list[object] = []

    def second() -> None:
        try:
            with project_lock(tmp_path, wait=0.1):
                outcome.append("taken")
        except BuildLocked as exc:
            outcome.append(str(exc))

    with project_lock(tmp_path):
        thread = threading.Thread(target=second)
        thread.start()
        thread.join(5)
    assert outcome == [f"{tmp_path / LOCK_NAME}: another build in this process held the lock for over 0.1 s"]
    thread = threading.Thread(target=second)
    thread.start()
    thread.join(5)
    assert outcome[-1] == "taken"


CHILD = """
import sys
from pathlib import Path
from generator.locking import BuildLocked, project_lock
said = []
try:
    with project_lock(Path(sys.argv[1]), report=said.append, wait=0):
        print("taken")
except BuildLocked as exc:
    print(said[0])
    print(exc)
"""


def test_another_process_is_refused_with_this_process_named(tmp_path: Path) -> None:
    with project_lock(tmp_path):
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True, text=True, timeout=60, check=True
        )
    assert done.stdout.splitlines() == [
        f"waiting for another build of this project to finish (process {os.getpid()})",
        f"{tmp_path / LOCK_NAME}: another build of this project (process {os.getpid()}) "
        "is still running after 0 s; try again when it has finished",
    ]


def test_alive_knows_this_process_and_not_an_ended_one() -> None:
    assert alive(os.getpid())
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    assert not alive(ended.pid)


def test_alive_refuses_ids_that_name_no_single_process() -> None:
    # os.kill(0, ...) and os.kill(-1, ...) would signal a whole process group, or every process
    assert not alive(0)
    assert not alive(-1)


def test_a_process_this_one_may_not_signal_is_alive(monkeypatch: pytest.MonkeyPatch) -> None:
    def kill(pid: int, sig: int) -> None:
        assert (pid, sig) == (4242, 0)  # only asked whether it exists
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "kill", kill)  # as for another user's process
    assert alive(4242)
