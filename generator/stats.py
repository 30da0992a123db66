"""A build's figures: what each stage counted and how long it took (:class:`Stats`), and the
same as JSON for the benchmark, with peak memory."""

from __future__ import annotations

import json
import resource
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.models import KnowledgeBase
from generator.storage import atomic_write_text


@dataclass
class Stats:
    articles: int = 0
    skipped: int = 0
    extracted: int = 0
    cached: int = 0
    pages: int = 0
    written: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    steps: dict[str, float] = field(default_factory=dict)  # seconds of each step of resolve

    def step(self, name: str, since: float) -> float:
        """Record the seconds of a step that began at ``since``; returns now."""
        now = time.perf_counter()
        self.steps[name] = self.steps.get(name, 0.0) + now - since
        return now

    def summary(self, kb: KnowledgeBase) -> str:
        counts = Counter(e.type for e in kb.entities)
        types = ", ".join(
            f"{counts.get(t, 0)} {t.replace('_', ' ')}"
            for t in ("person", "organization", "place", "event", "aid_package")
        )
        total = sum(self.seconds.values())
        return (
            f"{self.articles} articles ({self.skipped} skipped), entities: {types}; "
            f"{len(kb.quotes)} quotes, {len(kb.topics)} topics, {self.pages} pages in {total:.1f} s"
        )


def peak_memory_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child (extraction workers), in MB.

    Their sum bounds the build's peak from above: the two peaks need not coincide.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"process": round(own, 1), "largest_child": round(children, 1)}


def build_stats(kb: KnowledgeBase, stats: Stats) -> dict[str, Any]:
    return {
        "seconds": {k: round(v, 3) for k, v in stats.seconds.items()},
        "resolve_steps": {k: round(v, 3) for k, v in stats.steps.items()},
        "articles": stats.articles,
        "skipped": stats.skipped,
        "extracted": stats.extracted,
        "cached": stats.cached,
        "words": sum(a.words for a in kb.articles),
        "entities": dict(sorted(Counter(e.type for e in kb.entities).items())),
        "pages": stats.pages,
        "peak_memory_mb": peak_memory_mb(),
    }


def write_stats(path: Path, stats: dict[str, Any]) -> None:
    atomic_write_text(path, json.dumps(stats, indent=1) + "\n")
