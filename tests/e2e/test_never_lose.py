"""Never lose the site or the corpus: builds killed at many points leave the last good site whole,
and no build writes to the corpus or the overrides file."""

from __future__ import annotations

import hashlib
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from generator.publish import site as publish
from tests.hostile.sites import FILLER, build, manifest, project, start_build

pytestmark = pytest.mark.hostile

CURATION = "rename:\n  Dara Whitlock: Dara Whitlock-Reyes\nhide:\n  - Marrow Island\n"
# seconds after the start of a build at which it is killed; the list runs until a build ends on its own
KILL_AFTER = [0.05] + [0.25 * k for k in range(1, 121)]


def corpus(n: int) -> dict[str, str | bytes]:
    return {
        f"{i:03d}.txt": f"Ferry report {i}\n\n{FILLER}\n\nThe crossing number {i} was delayed by {i % 7} hours.\n"
        for i in range(n)
    }


def inputs(dest: Path) -> dict[str, str]:
    """Hashes of what a build reads and must never write: the corpus and the overrides file."""
    hashes = {f"corpus/{k}": v for k, v in manifest(dest / "corpus").items()}
    hashes["curation.yml"] = hashlib.sha256((dest / "curation.yml").read_bytes()).hexdigest()
    return hashes


def test_killed_builds_never_lose_the_site_or_touch_the_inputs(ruler_model: Path, tmp_path: Path) -> None:
    dest = project(tmp_path / "p", ruler_model, corpus(120))
    (dest / "curation.yml").write_text(CURATION, encoding="utf-8")
    assert build(dest).returncode == 0
    first = manifest(dest / "site")
    assert "kb.json" in first

    changed = dest / "corpus" / "005.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "A late correction was issued.\n", encoding="utf-8")
    before_inputs = inputs(dest)

    seen: list[tuple[float, str]] = []
    sites: list[dict[str, str]] = []
    for delay in KILL_AFTER:
        process = start_build(dest, start_new_session=True)
        time.sleep(delay)
        finished = process.poll() is not None
        if not finished:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        assert process.stderr is not None
        messages = process.stderr.read().strip().splitlines()
        process.stderr.close()
        sites.append(manifest(dest / "site"))
        seen.append((delay, "finished" if finished else (messages[-1][:60] if messages else "at start")))
        assert inputs(dest) == before_inputs
        if finished:
            break
    print("kill points:", seen)
    assert len(seen) >= 8 and seen[-1][1] == "finished", seen  # several kill points, then a build that ended

    done = build(dest)
    assert done.returncode == 0, done.stderr[-2000:]
    last = manifest(dest / "site")
    assert last["kb.json"] != first["kb.json"]  # the correction is published
    for (delay, stage), site in zip(seen, sites, strict=True):
        # each kill left the last good site or the whole new one, never a mix or nothing
        assert site in (first, last), f"killed after {delay} s ({stage}): a broken site"
    assert inputs(dest) == before_inputs
    time.sleep(1)  # the old site is deleted in the background
    assert not [p for p in os.listdir(dest) if p.startswith(".site.new")]


def test_a_swap_cut_between_its_two_renames_is_repaired(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where folders cannot be exchanged atomically, a build killed between moving the old
    site aside and moving the new one in gets the old site back at the next build."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    new = tmp_path / ".site.new-x"
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    real = Path.rename

    def killed_before_second(self: Path, target: Path) -> Path:
        if self == new:
            raise KeyboardInterrupt("killed")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", killed_before_second)
    with pytest.raises(KeyboardInterrupt):
        publish.swap(new, site)
    monkeypatch.undo()
    assert not site.exists()
    publish.recover(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert not new.exists()  # the unfinished new site is gone


def test_folders_are_exchanged_in_one_step_on_linux(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux's")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a", encoding="utf-8")
    (b / "x").write_text("b", encoding="utf-8")
    assert publish._exchange(a, b)
    assert (a / "x").read_text(encoding="utf-8") == "b" and (b / "x").read_text(encoding="utf-8") == "a"
