"""Quotes as the site shows them: who said it, when, and which outlets carry it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.models import Article, Entity, Quote

NO_OUTLET = "Outlet not given"


def outlet_of(article: Article) -> str:
    """The outlet of ``article`` as a link to it is labelled; its label when it names none."""
    return article.outlet or NO_OUTLET


@dataclass
class QuoteRow:
    """A quote as the ledger shows it: who, when, which outlets carry it."""

    quote: Quote
    speaker: Entity | None
    date: str | None
    sources: list[tuple[Article, int]]  # (article, sentence), oldest first
    outlets: list[str]  # distinct, in order of first report; an article that names none is no outlet
    no_outlet: int  # of the articles that carry it, those that name no outlet

    @property
    def articles(self) -> int:
        """How many articles carry it."""
        return len({a.id for a, _ in self.sources})


def quote_row(q: Quote, articles: dict[str, Article], entities: dict[str, Entity]) -> QuoteRow:
    sources = sorted(
        ((articles[s.article], s.sentence) for s in q.sources if s.article in articles),
        key=lambda x: (x[0].date or "9999", x[0].id, x[1]),
    )
    outlets = list(dict.fromkeys(a.outlet for a, _ in sources if a.outlet))
    no_outlet = len({a.id for a, _ in sources if not a.outlet})
    dates = [a.date for a, _ in sources if a.date]
    speaker = entities.get(q.speaker) if q.speaker else None
    return QuoteRow(q, speaker, min(dates) if dates else None, sources, outlets, no_outlet)


def best_carried(rows: list[QuoteRow], limit: int) -> list[QuoteRow]:
    """At most ``limit`` of ``rows``: those carried by the most outlets and articles, in their
    first order (oldest first)."""
    if len(rows) <= limit:
        return rows
    keep = sorted(range(len(rows)), key=lambda i: (-len(rows[i].outlets), -rows[i].articles, i))[:limit]
    return [rows[i] for i in sorted(keep)]
