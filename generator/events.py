"""Events: dates, places and participants for the event entities resolution found.

An event's date is a full calendar date written in a sentence that names it;
its place is the city or country most often named in those sentences; its
participants are the people and organizations named with it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .metadata import parse_date
from .models import Article, ArticleExtraction, Entity

_FULL_DATE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?\s+\d{4}"
    r"|\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})\b"
)
_RANGE = re.compile(r"(\d{1,2})\s*[-–]\s*(\d{1,2})")


def date_range(text: str) -> tuple[str, str] | None:
    """("2024-07-09", "2024-07-11") for "July 9-11, 2024"; a single date gives start == end."""
    m = _RANGE.search(text)
    if m is None:
        d = parse_date(text)
        return (d, d) if d else None
    start = parse_date(text[: m.start()] + m.group(1) + text[m.end() :])
    end = parse_date(text[: m.start()] + m.group(2) + text[m.end() :])
    return (start, end) if start and end else None


def _names_place(event_name: str, after: str, place: Entity) -> bool:
    """The place is in the event's name ("Paris Summit") or right after it ("summit in Paris")."""
    forms = [place.name, *place.aliases]
    return any(
        f in event_name.split() or re.match(rf"\s+(?:in|at)\s+(?:the\s+)?{re.escape(f)}\b", after) for f in forms
    )


def enrich_events(
    entities: list[Entity], articles: dict[str, Article], extractions: dict[str, ArticleExtraction]
) -> None:
    by_sentence: dict[tuple[str, int], list[Entity]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            by_sentence[(m.article, m.sentence)].append(e)
    place_names = {n: e.id for e in entities if e.type == "place" for n in (e.name, *e.aliases)}
    for event in (e for e in entities if e.type == "event"):
        dates: Counter[tuple[str, str]] = Counter()
        places: Counter[str] = Counter()
        participants: Counter[str] = Counter()
        for m in event.mentions:
            body = articles[m.article].body
            sentence = extractions[m.article].sentence_text(body, m.sentence)
            after = body[m.end : m.end + 40]
            for found in _FULL_DATE.finditer(sentence):
                if (span := date_range(found.group(0))) is not None:
                    dates[span] += 1
            for other in by_sentence[(m.article, m.sentence)]:
                if other.type == "place" and _names_place(event.name, after, other):
                    places[other.id] += 1
                elif other.type in ("person", "organization"):
                    participants[other.id] += 1
        if dates:
            (event.date_start, event.date_end), _ = max(dates.items(), key=lambda x: (x[1], x[0]))
        in_name = [place_names[w] for w in event.name.split() if w in place_names]
        if in_name:
            event.location = in_name[0]
        elif places:
            event.location = max(places.items(), key=lambda x: (x[1], x[0]))[0]
        event.participants = sorted(participants)
