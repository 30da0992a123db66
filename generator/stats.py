"""A build's figures as JSON, for the benchmark: seconds per stage, counts, peak memory."""

from __future__ import annotations

import json
import resource
from collections import Counter
from pathlib import Path
from typing import Any

from generator.pipeline import Result
from generator.storage import atomic_write_text


def peak_memory_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child (extraction workers), in MB.

    Their sum bounds the build's peak from above: the two peaks need not coincide.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"process": round(own, 1), "largest_child": round(children, 1)}


def build_stats(result: Result) -> dict[str, Any]:
    kb, stats = result.kb, result.stats
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
