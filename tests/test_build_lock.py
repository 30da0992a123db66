"""One build at a time per project, and no half-written site published.

Two builds of one project used to share the staging folders: the second removed
the first's as it started, and the first recreated it as it wrote and swapped in
a partial site with exit 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.errors import PublishError
from generator.locking import BuildLocked, project_lock
from generator.publish import site as publish
from tests.e2e.test_never_lose import corpus
from tests.hostile.sites import build, manifest, project, start_build

pytestmark = pytest.mark.hostile

HOLD = """
import sys, time
from pathlib import Path
from generator.locking import project_lock
with project_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(cache: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(cache), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_a_second_build_waits_for_the_lock_or_gives_up_with_a_message(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 60)
    try:
        said: list[str] = []
        t = time.perf_counter()
        locked = rf"another build of this project \(process {holder.pid}\)"
        with pytest.raises(BuildLocked, match=locked), project_lock(tmp_path, report=said.append, wait=0.5):
            pass
        assert 0.4 < time.perf_counter() - t < 5
        assert said == [f"waiting for another build of this project to finish (process {holder.pid})"]
    finally:
        holder.kill()
        holder.wait()
    # released when its process ended, killed or not; re-entrant within one process
    with project_lock(tmp_path, wait=5), project_lock(tmp_path, wait=0):
        pass


def test_the_lock_is_taken_in_turn_by_waiting_builds(tmp_path: Path) -> None:
    holder = _holder(tmp_path, 1.5)
    t = time.perf_counter()
    with project_lock(tmp_path, wait=30):
        waited = time.perf_counter() - t
    holder.wait()
    assert waited > 1


def test_recovery_keeps_the_staging_folder_of_a_live_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        building = tmp_path / f".site.new-{live.pid}-abc"
        abandoned = tmp_path / ".site.new-999999999-abc"
        unnamed = tmp_path / ".site.new-x"
        mine = tmp_path / f".site.new-{os.getpid()}-abc"  # left by an earlier build of this process
        for folder in (building, abandoned, unnamed, mine):
            folder.mkdir()
        publish.recover(site)
        assert building.is_dir() and not abandoned.exists() and not unnamed.exists() and not mine.exists()
    finally:
        live.kill()
        live.wait()
    publish.recover(site)
    assert not building.exists()


def test_a_staged_site_missing_files_is_not_published(
    tmp_path: Path, ruler_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = project(tmp_path / "p", ruler_model, corpus(3))
    assert build(dest).returncode == 0
    before = manifest(dest / "site")
    import mkdocs.commands.build as mkdocs_build

    from generator.cli import main

    real = mkdocs_build.build

    def loses_a_page(config: object, **kwargs: object) -> None:
        real(config, **kwargs)
        page = next(Path(config["site_dir"]).glob("articles/*/index.html"))  # type: ignore[index]
        page.unlink()  # as when another process removed the folder while this one wrote

    monkeypatch.setattr(mkdocs_build, "build", loses_a_page)
    (dest / "corpus" / "001.txt").write_text("Ferry report one\n\nA new text for the ferry.\n", encoding="utf-8")
    with pytest.raises(PublishError, match=r"the new site is incomplete \(1 of \d+ files missing: articles/"):
        publish.build_site(dest / "mkdocs.yml", dest / "site")
    assert manifest(dest / "site") == before
    assert not [p for p in os.listdir(dest) if p.startswith(".site.new")]
    monkeypatch.setattr(mkdocs_build, "build", loses_a_page)
    assert main(["build", "--config", str(dest / "mkdocs.yml")]) == 1
    assert manifest(dest / "site") == before


# ``kb build`` whose MkDocs takes 20 ms a page, so that the staged site is written for seconds
SLOW_BUILD = """
import sys, time
import mkdocs.commands.build as b
real = b._build_page
def slow(*args, **kwargs):
    time.sleep(0.02)
    return real(*args, **kwargs)
b._build_page = slow
from generator.cli import main
sys.exit(main(["build", "--config", sys.argv[1]]))
"""


def _start(dest: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, str(dest / "mkdocs.yml")],
        cwd=dest,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _pages_whole(site: Path, docs: Path) -> list[str]:
    """The Markdown pages of ``docs`` that have no page in ``site`` (directory URLs)."""
    missing = []
    for md in docs.rglob("*.md"):
        rel = md.relative_to(docs)
        folder = rel.parent if rel.stem == "index" else rel.with_suffix("")
        if not (site / folder / "index.html").is_file():
            missing.append(rel.as_posix())
    return missing


def _wait_for_staging(dest: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 300
    # until the staged site holds its first pages: MkDocs is writing them
    while not list(dest.glob(".site.new-*/*/*/index.html")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before its site was staged"


def _assert_whole(dest: Path) -> None:
    assert (dest / "site" / "kb.json").is_file()
    assert (dest / "site" / "pagefind" / "pagefind.js").is_file()
    assert _pages_whole(dest / "site", dest / "build" / "docs") == []


def _add_article(dest: Path, n: int) -> None:
    text = f"Ferry report new {n}\n\nCaptain Orla Quint{n} said the ferry was late.\n"
    (dest / "corpus" / f"new-{n}.txt").write_text(text, encoding="utf-8")


def test_recovery_run_during_a_build_does_not_break_its_site(tmp_path: Path, ruler_model: Path) -> None:
    """The overlap as it was found: while a build writes its staged site, another process runs
    the recovery (as a second build does first); the build still publishes a whole site."""
    dest = project(tmp_path / "p", ruler_model, corpus(150))
    assert build(dest).returncode == 0
    for n in range(2):
        _add_article(dest, n)  # a new page: a full build
        first = _start(dest)
        _wait_for_staging(dest, first)
        recover = (
            "import sys; from pathlib import Path; from generator.publish.site import recover; "
            "recover(Path(sys.argv[1]))"
        )
        done = subprocess.run([sys.executable, "-c", recover, str(dest / "site")], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        _, err = first.communicate(timeout=600)
        assert first.returncode == 0, err[-2000:]
        _assert_whole(dest)


def test_a_second_build_waits_for_the_first(tmp_path: Path, ruler_model: Path) -> None:
    dest = project(tmp_path / "p", ruler_model, corpus(150))
    assert build(dest).returncode == 0
    _add_article(dest, 0)
    first = _start(dest)
    _wait_for_staging(dest, first)
    second = start_build(dest)
    _, err = first.communicate(timeout=600)
    assert first.returncode == 0, err[-2000:]
    _assert_whole(dest)  # the first build's site, whole: the second is still waiting or generating
    _, err = second.communicate(timeout=600)
    assert second.returncode == 0, err[-2000:]
    assert f"waiting for another build of this project to finish (process {first.pid})" in err
    _assert_whole(dest)
