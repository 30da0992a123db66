"""Benchmark: the whole build on a corpus and on a fixed sample of it, against bare spaCy.

``python -m tools.bench --corpus ../shared/corpora/whitehouse`` (what ``make bench`` runs):

1. copies the corpus, and every ``--every``-th file of it (sorted by name) as the sample, into
   fresh projects with an empty extraction cache;
2. for each, runs a cold ``kb build --stats`` in a subprocess (stage times, counts, peak memory),
   then changes one article and builds again (the incremental rebuild);
3. times bare spaCy over the same texts in another subprocess: the same model with NER only,
   ``nlp.pipe`` with the same batch size and processes;
4. prints one Markdown table and, with ``--output``, writes it with the machine's description.

A benchmark is not a test: ``make test`` only runs it on a tiny corpus to show it works.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.settings import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("ingest", "extract", "resolve", "render", "publish")
CHANGE = "\n\nOfficials said further talks were planned for the coming weeks.\n"


@dataclass
class Run:
    name: str
    cold: dict[str, Any]
    incremental: dict[str, Any]
    cold_seconds: float
    incremental_seconds: float
    spacy_seconds: float
    site_bytes: int
    search_bytes: int
    search_query: str

    @property
    def articles(self) -> int:
        return int(self.cold["articles"])

    def stage(self, name: str) -> float:
        return float(self.cold["seconds"].get(name, 0.0))


def make_project(dest: Path, source: Path, files: list[Path]) -> Path:
    """A project in ``dest`` with a copy of ``files`` (under ``source``) as its corpus, folders kept."""
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", dest / "templates")
    corpus = dest / "corpus"
    for f in files:
        target = corpus / f.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, target)
    (dest / "build" / "docs").mkdir(parents=True)
    return dest


def build(project: Path, workers: int, stats: Path, page_min_mentions: int) -> float:
    cmd = [sys.executable, "-m", "generator", "build", "--config", str(project / "mkdocs.yml")]
    cmd += ["--no-curation", "--workers", str(workers), "--stats", str(stats)]
    cmd += ["--page-min-mentions", str(page_min_mentions)]
    t = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - t
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, cmd)
    data = json.loads(stats.read_text(encoding="utf-8"))
    data["peak_tree_mb"] = round(peak / 2**20, 1)
    stats.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return seconds


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants now, read from /proc (0 elsewhere).

    Pages a forked child shares with its parent count twice, so this errs high.
    """
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        proc = Path("/proc") / str(p)
        try:
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
            for task in (proc / "task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def bare_spacy(project: Path, model: str, batch_size: int, workers: int) -> float:
    """Seconds bare spaCy takes over the project's article texts (timed in a fresh process)."""
    cmd = [sys.executable, "-m", "tools.bench", "spacy-only", str(project / "corpus")]
    cmd += ["--model", model, "--batch-size", str(batch_size), "--workers", str(workers)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return float(json.loads(out)["seconds"])


def spacy_only(corpus: Path, model: str, batch_size: int, workers: int) -> dict[str, float]:
    import spacy

    from generator.ingest.readers import corpus_files as found
    from generator.ingest.readers import ingest_files

    articles, _ = ingest_files(corpus, found(corpus), 5_000_000)
    texts = [a.body for a in articles]
    t = time.perf_counter()  # loading counts, as it does in the build's extract stage
    nlp = spacy.load(model)
    nlp.select_pipes(enable=["ner"])
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return {"seconds": time.perf_counter() - t, "texts": len(texts)}


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def search_queries(site: Path, count: int = 3) -> list[str]:
    """The names of the most-mentioned entities: the words with the largest index chunks."""
    try:
        kb = json.loads((site / "kb.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    ranked = sorted(kb.get("entities", []), key=lambda e: (-len(e.get("mentions", [])), e["name"]))
    return [e["name"] for e in ranked[:count]]


def first_search(site: Path) -> tuple[int, str]:
    """The largest first-search download over the top names, and the query that caused it.

    The browser runs in its own process, apart from whatever event loop the caller has.
    """
    command = [sys.executable, "-m", "tools.search_probe", str(site), *search_queries(site)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False, cwd=ROOT)
    try:
        sizes = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else None
    except (ValueError, IndexError):
        sizes = None
    if not sizes:
        return 0, "not measured (no Playwright or Chromium)"
    query = max(sizes, key=lambda q: sizes[q])
    return sizes[query], query


def change_one_article(project: Path) -> Path:
    from generator.ingest.readers import corpus_files

    article = corpus_files(project / "corpus")[0]
    with article.open("a", encoding="utf-8") as f:
        f.write(CHANGE)
    return article


def measure(
    name: str,
    source: Path,
    files: list[Path],
    work: Path,
    model: str,
    batch_size: int,
    workers: int,
    page_min_mentions: int = 1,
) -> Run:
    key = name.split()[0]
    project = make_project(work / key, source, files)
    cold_seconds = build(project, workers, work / f"{key}-cold.json", page_min_mentions)
    cold = json.loads((work / f"{key}-cold.json").read_text())
    change_one_article(project)
    inc_seconds = build(project, workers, work / f"{key}-inc.json", page_min_mentions)
    incremental = json.loads((work / f"{key}-inc.json").read_text())
    spacy_seconds = bare_spacy(project, model, batch_size, workers)
    site = project / "site"
    return Run(
        name,
        cold,
        incremental,
        cold_seconds,
        inc_seconds,
        spacy_seconds,
        folder_bytes(site),
        *first_search(site),
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}, {platform.system()}"


def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def rows(r: Run) -> list[tuple[str, float, str, bool]]:
    """(label, value, shown as, compared per article) for one run."""
    seconds = r.cold["seconds"]
    own = r.stage("ingest") + r.stage("resolve") + r.stage("render")
    peak = r.cold["peak_memory_mb"]
    out: list[tuple[str, float, str, bool]] = [
        ("articles", r.articles, f"{r.articles:,}", False),
        ("words", r.cold["words"], f"{r.cold['words']:,}", False),
    ]
    out += [(f"{s} (s)", seconds.get(s, 0.0), f"{seconds.get(s, 0.0):,.1f}", True) for s in STAGES]
    out += [
        ("cold build, wall (s)", r.cold_seconds, f"{r.cold_seconds:,.1f}", True),
        ("words per second, cold build", 0, f"{r.cold['words'] / r.cold_seconds:,.0f}", False),
        ("bare spaCy NER (s)", r.spacy_seconds, f"{r.spacy_seconds:,.1f}", True),
        ("extract / bare spaCy", 0, f"{r.stage('extract') / r.spacy_seconds:.2f}", False),
        ("ingest + resolve + render / cold build", 0, f"{own / r.cold_seconds:.0%}", False),
        ("incremental rebuild (s)", r.incremental_seconds, f"{r.incremental_seconds:,.1f}", False),
        ("incremental / cold", 0, f"{r.incremental_seconds / r.cold_seconds:.0%}", False),
        ("articles re-extracted", 0, f"{r.incremental['extracted']:,}", False),
    ]
    for t in ("person", "organization", "place", "event", "aid_package"):
        n = r.cold["entities"].get(t, 0)
        out.append((f"entities: {t}", n, f"{n:,}", False))
    out += [
        ("pages", r.cold["pages"], f"{r.cold['pages']:,}", True),
        ("site size", r.site_bytes, _mb(r.site_bytes), True),
        (
            "first search download, the largest of the top 3 names",
            r.search_bytes,
            f"{_mb(r.search_bytes)} ({r.search_query})",
            False,
        ),
        ("peak memory, all processes of the build (sampled)", 0, f"{r.cold.get('peak_tree_mb', 0):,.0f} MB", False),
        (
            "peak memory, build process / largest child",
            0,
            f"{peak['process']:,.0f} / {peak['largest_child']:,.0f} MB",
            False,
        ),
    ]
    return out


def table(runs: list[Run]) -> str:
    """One Markdown table; with two runs (full, sample) a column of per-article cost ratios."""
    ratio = len(runs) == 2
    lines = ["| | " + " | ".join(r.name for r in runs) + (" | per article, full / sample |" if ratio else " |")]
    lines.append("|---" * (len(runs) + 1 + ratio) + "|")
    for cells in zip(*(rows(r) for r in runs), strict=True):
        label = cells[0][0]
        line = f"| {label} | " + " | ".join(c[2] for c in cells) + " |"
        if ratio:
            (_, full, _, per), (_, part, _, _) = cells
            if per and part and runs[0].articles and runs[1].articles:
                line += f" {(full / runs[0].articles) / (part / runs[1].articles):.2f} |"
            else:
                line += " |"
        lines.append(line)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command")
    only = sub.add_parser("spacy-only", help="time bare spaCy over a corpus (used by the benchmark)")
    only.add_argument("corpus")
    for q in (p, only):
        q.add_argument("--model", default=DEFAULT_MODEL)
        q.add_argument("--batch-size", type=int, default=64)
        q.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--corpus", default="../shared/corpora/whitehouse")
    p.add_argument("--every", type=int, default=10, help="the sample is every N-th file (default: 10)")
    p.add_argument("--sample-only", action="store_true", help="skip the full corpus")
    p.add_argument("--full-only", action="store_true", help="skip the sample")
    p.add_argument("--output", help="write the results here (Markdown)")
    p.add_argument("--page-min-mentions", type=int, default=2, help="entities with fewer mentions get no page")
    p.add_argument("--keep", help="build in this folder and keep it (default: a temporary folder)")
    args = p.parse_args(argv)
    if args.command == "spacy-only":
        print(json.dumps(spacy_only(Path(args.corpus), args.model, args.batch_size, args.workers)))
        return 0
    from generator.ingest.readers import corpus_files

    source = Path(args.corpus)
    files = corpus_files(source)
    sample = files[:: args.every]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    try:
        options = (work, args.model, args.batch_size, args.workers, args.page_min_mentions)
        if not args.sample_only:
            runs.append(measure("full", source, files, *options))
        if not args.full_only:
            runs.append(measure(f"sample (1/{args.every})", source, sample, *options))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    command = "python -m tools.bench " + " ".join(argv if argv is not None else sys.argv[1:])
    report = (
        f"Corpus: `{args.corpus}`, {len(files):,} files; sample: one file in {args.every}, {len(sample):,} files.\n"
        f"Machine: {machine()}. Workers: {args.workers}, batch size {args.batch_size}, model {args.model}, "
        f"pages for entities with at least {args.page_min_mentions} mentions.\n"
        f"Command: `{command.strip()}`\n\n" + table(runs)
    )
    print(report)
    if args.output:
        Path(args.output).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
