"""Plain progress lines for a long stage: one every :data:`EVERY` seconds while it runs, so that a
build without a terminal (CI, a log file) shows it is alive, and nothing for a stage that ends
sooner. On a terminal, extraction draws a progress bar instead (:mod:`generator.extract.batch`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

EVERY = 30.0  # seconds between two lines


class Ticker:
    """Counts the items of a stage of ``total`` and reports ``what: done of total (percent), seconds``."""

    def __init__(
        self,
        what: str,
        total: int,
        report: Callable[[str], None],
        every: float = EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what, self.total, self.report, self.every, self.clock = what, total, report, every, clock
        self.done = 0
        self.started = self.last = clock()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            share = f" of {self.total:,} ({100 * self.done // self.total}%)" if self.total else ""
            self.report(f"{self.what}: {self.done:,}{share}, {now - self.started:.0f} s")
