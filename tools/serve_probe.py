"""How long ``mkdocs serve`` takes to show an edit: a benchmark probe, not a test.

    python -m tools.serve_probe PROJECT [--port 8765] [--page-min-mentions 2]

Starts ``mkdocs serve --dirty`` in PROJECT (a project whose corpus is built or cached),
waits for the first build, appends two sentences to the corpus's first article that name a
person the corpus has never named (twice, so that ``page_min_mentions: 2`` gives a page), and
times until the served article page holds them, until the new person's own page is served,
and until the knowledge base rebuilt behind the preview is served (``kb.json`` counts the
article's new words).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import yaml


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(check: object, timeout: float, every: float = 0.25) -> float | None:
    """Seconds until ``check()`` is true, or None after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():  # type: ignore[operator]
            return time.perf_counter() - start
        time.sleep(every)
    return None


GIVEN = ["Harriet", "Tobias", "Margarethe", "Cornelius", "Philippa", "Anselm"]
FAMILY = ["Quellmoor", "Vandergrift", "Ashcombe", "Pemberthy", "Lindqvist", "Okonkwo-Reyes"]


def new_person(kb: dict[str, object]) -> str:
    """A name no entity of the knowledge base has or is written as."""
    known = {str(e["name"]) for e in kb["entities"]}  # type: ignore[attr-defined]
    known |= {str(a) for e in kb["entities"] for a in e["aliases"]}  # type: ignore[attr-defined]
    while True:
        name = f"{random.choice(GIVEN)} {random.choice(FAMILY)}"
        if name not in known and name.split()[1] not in known:
            return name


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.serve_probe", description=__doc__.split("\n\n")[0])
    p.add_argument("project")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--page-min-mentions", type=int, default=2)
    p.add_argument("--timeout", type=float, default=3600)  # the server's messages go to PROJECT/serve-probe.log
    args = p.parse_args(argv)
    project = Path(args.project).resolve()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "page_min_mentions" not in text:
        setting = yaml.safe_dump({"page_min_mentions": args.page_min_mentions}).strip()
        config.write_text(text.replace("      corpus: corpus", f"      corpus: corpus\n      {setting}"), "utf-8")
    from generator.ingest.readers import corpus_files

    article = corpus_files(project / "corpus")[0]
    base = f"http://127.0.0.1:{args.port}"
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config), "-a", f"127.0.0.1:{args.port}"]
    log = (project / "serve-probe.log").open("w", encoding="utf-8")
    server = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT)
    result: dict[str, object] = {"project": str(project)}
    try:
        first = wait_for(lambda: fetch(f"{base}/kb.json"), args.timeout, 1.0)
        result["first build (s)"] = round(first, 1) if first is not None else None
        # a writer edits once the server is ready, its search index included
        written = wait_for(lambda: "search index written" in (project / "serve-probe.log").read_text("utf-8"), 600)
        result["first search index (s)"] = round(written, 1) if written is not None else None
        kb = json.loads(fetch(f"{base}/kb.json"))
        record = next(a for a in kb["articles"] if a["path"] == article.relative_to(project / "corpus").as_posix())
        page = f"{base}/{record['page']}"
        marker = f"Probe{uuid.uuid4().hex[:8]}"
        person = new_person(kb)
        result["new person"] = person
        with article.open("a", encoding="utf-8") as f:
            f.write(
                f'\n\n"The figures are final," said {person}, the director of the harbor office, on Monday.'
                f" {person.split()[1]} said the office filed them as {marker}.\n"
            )
        edited = time.perf_counter()
        shown = wait_for(lambda: marker in fetch(page), args.timeout)
        result["edited article page shown (s)"] = round(shown, 1) if shown is not None else None

        def person_page() -> bool:  # the new person's page, linked from the article, is served
            text = fetch(page)
            at = text.find(f">{person}</a>")
            href = text.rfind('href="', 0, at)
            if at < 0 or href < 0:
                return False
            target = urllib.parse.urljoin(page, text[href + 6 : text.index('"', href + 6)])
            return "<h1" in (served := fetch(target)) and person in served

        found = wait_for(person_page, args.timeout, 0.5)
        result["new person's page served (s)"] = round(time.perf_counter() - edited, 1) if found is not None else None

        def rebuilt() -> bool:  # kb.json counts the article's new words once the whole knowledge base is rebuilt
            try:
                after = json.loads(fetch(f"{base}/kb.json"))
            except ValueError:
                return False
            return any(a["id"] == record["id"] and a["words"] > record["words"] for a in after["articles"])

        caught_up = wait_for(rebuilt, args.timeout, 1.0)
        result["whole knowledge base caught up (s)"] = round(time.perf_counter() - edited, 1) if caught_up else None
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
