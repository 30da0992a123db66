"""Publication dates for articles that do not state one.

Two kinds of evidence, both marked ``date_source="inferred"``:

* the article's own dates: an article that reports strikes "on November
  27-28" and a meeting "on December 3-4, 2024" that is still to come was
  written between the two; the latest past date it reports is taken;
* other articles: an undated article that carries the same quotes as a
  dated one reports the same news and is given the earliest such date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from generator.lexicons.dates import find_dates
from generator.models import Article, ArticleExtraction

# case matters: "may" is a modal, "May" the month
_FUTURE = re.compile(
    r"\b(?:[Ww]ill|would|shall|[Uu]pcoming|set\s+for|scheduled|due\s+to|to\s+be\s+held|plans?\s+to|expected\s+to|"
    r"[Nn]ext|[Aa]head\s+of|urge[sd]?|could|should|may|might)\b"
)


def from_text(article: Article, extraction: ArticleExtraction) -> date | None:
    """The latest day the article reports as past, with the year from a date that states one."""
    body = article.body
    sentences = [body[s.start : s.end] for s in extraction.sentences] or [body]
    explicit = [d.end for text in sentences for d in find_dates(text) if d.precision == "day"]
    if not explicit:
        return None
    provisional = max(explicit)
    past: list[date] = []
    future: list[date] = []
    for text in sentences:
        days = [d for d in find_dates(text, provisional) if d.precision == "day" and "day" not in d.text.lower()]
        days = [
            d for d in days if not re.search(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday", d.text)
        ]
        (future if _FUTURE.search(text) else past).extend(d.end for d in days)
    if future:
        past = [d for d in past if d <= min(future)]
    return max(past) if past else None


def infer_from_text(articles: list[Article], extractions: Mapping[str, ArticleExtraction]) -> list[Article]:
    out: list[Article] = []
    for article in articles:
        if article.date is None and article.id in extractions:
            found = from_text(article, extractions[article.id])
            if found is not None:
                article = replace(article, date=found.isoformat(), date_source="inferred")
        out.append(article)
    return out


def infer_from_shared(articles: list[Article], shared: Mapping[str, set[str]]) -> list[Article]:
    """Undated articles take the earliest date of the dated articles they share quotes with."""
    by_id = {a.id: a for a in articles}
    out: list[Article] = []
    for article in articles:
        if article.date is None:
            dates = sorted(d for other in shared.get(article.id, ()) if (d := by_id[other].date))
            if dates:
                article = replace(article, date=dates[0], date_source="inferred")
        out.append(article)
    return out
