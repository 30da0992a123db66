"""``mkdocs serve`` keeps its site to the docs and leaves nothing behind: the page of a deleted
article leaves the served site and its search index, and SIGINT or SIGTERM end the server's
child processes and delete its temporary site."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.mkdocs_plugin import KnowledgeBasePlugin
from generator.publish.search import BUNDLE, indexed_pages
from tests.hostile.sites import FILLER, ROOT, project, ruler_pipeline
from tests.serve.test_page_preview import free_port

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="processes are looked up in /proc"),
    pytest.mark.slow,
]

ARTICLES = {f"{i}.txt": f"Report {i}\n\n{FILLER}\n" for i in range(3)}
ARTICLES["3.txt"] = f"Report 3\n\n{FILLER}\n\nTomas Veld spoke at the quay.\n"  # the only one naming him
GONE = ["/articles/3/", "/people/tomas-veld/"]
STARTUP = 120.0  # seconds for a server's first build and search index


@pytest.fixture(scope="module")
def veld_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ruler_pipeline(tmp_path_factory.mktemp("model") / "kb_test_ruler", {"Tomas Veld": "PERSON"})


def wait_for(check: Callable[[], object], timeout: float, every: float = 0.05) -> object:
    """``check()`` once it is true; None after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(every)
    return None


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (or is stopped), not ended or a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(child) for child in (task / "children").read_text().split()]
    return found


def processes_naming(text: str) -> list[int]:
    """The live processes whose command line holds ``text``."""
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and text in command_line(int(p.name))]


@dataclass
class Server:
    """``mkdocs serve --dirty`` on 127.0.0.1, whose temporary folders go into ``tmp``."""

    process: subprocess.Popen[bytes]
    project: Path
    tmp: Path
    base: str
    log: Path

    def messages(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def indexed(self) -> int:
        """How many search indexes the server has written."""
        return self.messages().count("search index written")

    def site(self) -> Path:
        sites = [p for p in self.tmp.iterdir() if p.name.startswith("mkdocs_")]
        assert len(sites) == 1, sites
        return sites[0]

    def status(self, path: str) -> int | None:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None


@contextlib.contextmanager
def serving(root: Path, model: Path) -> Iterator[Server]:
    dest = project(root / "project", model, ARTICLES)
    tmp = root / "tmp"
    tmp.mkdir()
    log = root / "serve.log"
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(dest / "mkdocs.yml")]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{port}"],
            cwd=dest,
            env={**os.environ, "TMPDIR": str(tmp), "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield Server(process, dest, tmp, f"http://127.0.0.1:{port}", log)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(30)
            for pid in processes_naming(str(tmp)):  # whatever the server left running
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGCONT)
                    os.kill(pid, signal.SIGKILL)


def test_a_deleted_article_leaves_the_served_site_and_its_search_index(tmp_path: Path, veld_model: Path) -> None:
    with serving(tmp_path, veld_model) as server:
        assert wait_for(server.indexed, STARTUP), server.messages()
        site = server.site()
        assert [server.status(path) for path in GONE] == [200, 200]
        assert set(GONE) <= set(indexed_pages(site))

        done = server.indexed()
        (server.project / "corpus" / "3.txt").unlink()
        assert wait_for(lambda: server.indexed() > done, STARTUP), server.messages()

        assert [server.status(path) for path in GONE] == [404, 404], server.messages()
        assert not (site / "articles" / "3").exists() and not (site / "people" / "tomas-veld").exists()
        pages = indexed_pages(site)  # every page the bundle holds, read from its files
        assert not set(GONE) & set(pages)
        assert "/articles/0/" in pages and "/people/dara-whitlock/" in pages
        entry = json.loads((site / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["en"]["page_count"] == len(pages)
        served = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
        docs = server.project / "build" / "docs"
        sources = {
            "." if p.name == "index.md" and p.parent == docs else p.relative_to(docs).with_suffix("").as_posix()
            for p in docs.rglob("*.md")
        }
        sources = {s.removesuffix("/index") for s in sources}
        assert served == sources  # no page is served without its docs file


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_stopped_server_leaves_no_process_and_no_site(tmp_path: Path, veld_model: Path, sig: signal.Signals) -> None:
    with serving(tmp_path, veld_model) as server:

        def pagefind() -> int | None:
            found = [pid for pid in children(server.process.pid) if "pagefind" in command_line(pid)]
            return found[0] if found else None

        for attempt in range(3):  # caught while it runs, then held there
            pid = wait_for(pagefind, STARTUP, every=0.002)
            assert isinstance(pid, int), server.messages()
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)
            if alive(pid):
                break
            # done already: another article, another index
            (server.project / "corpus" / f"new-{attempt}.txt").write_text(f"New {attempt}\n\n{FILLER}\n", "utf-8")
        else:
            pytest.fail("Pagefind was never caught running")
        site = server.site()
        assert (site / "index.html").is_file()

        server.process.send_signal(sig)
        server.process.wait(30)
        time.sleep(0.5)  # what an orphan would write meanwhile
        assert not alive(pid), f"Pagefind ({pid}) outlived the server"
        assert processes_naming(str(server.tmp)) == []
        assert list(server.tmp.iterdir()) == [], server.messages()


def test_shutdown_ends_the_worker_processes() -> None:
    """spaCy's workers for a rebuild behind a preview: those multiprocessing registered, and
    a copy of the server forked as an interrupt arrived, which it never registered."""
    previous = signal.getsignal(signal.SIGTERM)
    plugin = KnowledgeBasePlugin()
    plugin.on_startup(command="serve", dirty=True)
    registered = multiprocessing.get_context("fork").Process(target=time.sleep, args=(30,))
    registered.start()
    unregistered = os.fork()
    if unregistered == 0:  # pragma: no cover - the forked copy
        time.sleep(30)
        os._exit(0)
    try:
        assert alive(registered.pid or 0) and alive(unregistered)
        plugin.on_shutdown()
        assert not registered.is_alive()
        assert not alive(unregistered)
        assert signal.getsignal(signal.SIGTERM) is previous
    finally:
        with contextlib.suppress(OSError):
            os.kill(unregistered, signal.SIGKILL)
            os.waitpid(unregistered, 0)
        registered.kill()
        registered.join()
        signal.signal(signal.SIGTERM, previous)


INTERRUPTED_AT_FORK = """
import os, signal, sys, time
from generator.serve.serve_shutdown import interrupt_on_sigterm

interrupt_on_sigterm(lambda: False)
# SIGTERM arrives while the server forks a worker: Python drops what is raised in this callback
os.register_at_fork(after_in_parent=lambda: (os.kill(os.getpid(), signal.SIGTERM), time.sleep(1)))
try:
    child = os.fork()
    if child == 0:
        os._exit(0)
    os.waitpid(child, 0)
    time.sleep(10)
except KeyboardInterrupt:
    print("interrupted")
    sys.exit(0)
print("not interrupted")
sys.exit(1)
"""


def test_sigterm_during_a_fork_still_stops_the_server() -> None:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(INTERRUPTED_AT_FORK)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout.strip() == "interrupted", (done.returncode, done.stdout, done.stderr)
