"""Tests of generator.progress: a long stage says how far it is, now and then, without a terminal."""

from __future__ import annotations

from generator.progress import Ticker


def test_a_line_every_period_and_none_for_a_stage_that_ends_sooner() -> None:
    now = [0.0]
    lines: list[str] = []
    ticker = Ticker("writing pages", 2500, lines.append, every=30, clock=lambda: now[0])
    for _ in range(1000):
        now[0] += 0.02  # 20 s in all: nothing said
        ticker.advance()
    assert lines == []
    for _ in range(1000):
        now[0] += 0.02  # past 30 s: one line
        ticker.advance()
    assert lines == ["writing pages: 1,501 of 2,500 (60%), 30 s"]
    now[0] += 31
    ticker.advance(500)
    assert lines[-1] == "writing pages: 2,500 of 2,500 (100%), 71 s"


def test_an_unknown_total_gives_no_share() -> None:
    now = [0.0]
    lines: list[str] = []
    ticker = Ticker("extracting articles", 0, lines.append, every=1, clock=lambda: now[0])
    now[0] = 2
    ticker.advance(3)
    assert lines == ["extracting articles: 3, 2 s"]
