"""Happenings to a person that news tells with a verb: a death, an arrest, a resignation, a
birth, a stay in hospital, a funeral.

"Mubarak died on Tuesday", "Basilashvili was arrested on Friday", "police arrested
Saadallah yesterday", "Born on December 11, 1935, in Mirati, Mukherjee began": the verb names
the kind of event, the person it happens to is the sentence's subject (or, for an active
"arrested", its object; for an opening "Born", the main clause's), and the day is a
date of the same sentence, resolved against the article's date. Only a day-precise
date and a named person make one: "he died" or "died last year" tell a reader no
event they could look up. The mentions go to :mod:`generator.resolve.facts.events`, which clusters
them across articles (one death, however many outlets report it) and names them
"Death of Hosni Mubarak".
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from generator.lexicons.dates import DateSpan, find_dates, parse_iso
from generator.models import Article, ArticleExtraction, Entity, NamedSpan, SentenceIndex

# kind -> the verbs that tell it, with the person before them (died, was arrested)
SUBJECT_VERBS: dict[str, re.Pattern[str]] = {
    "death": re.compile(r"\b(?:died|dies|passed away|was killed|was found dead|was shot dead|was pronounced dead)\b"),
    "arrest": re.compile(r"\b(?:was|were|has been|had been)\s+(?:arrested|detained|taken into custody)\b"),
    # ", resigned" closes a nomination's "vice Jane Roe, resigned": a state, not the event
    "resignation": re.compile(r"(?<!,\s)\b(?:resigned|resigns|stepped down|steps down)\b"),
    "birth": re.compile(r"\bwas born\b"),
    "hospitalization": re.compile(r"\bwas\s+(?:hospitali[sz]ed|admitted to (?:a |the )?hospital)\b"),
    "cremation": re.compile(r"\bwas cremated\b"),
}
# ... and with the person after them (police arrested X)
OBJECT_VERBS: dict[str, re.Pattern[str]] = {
    "arrest": re.compile(r"\b(?:arrested|detained)\s+$"),
    "funeral": re.compile(r"\b(?:funeral|burial)\b(?:\s+\w+){0,3}?\s+(?:for|of)\s+$"),
}
# ... and in an opening participle whose person is the main clause's subject
# ("Born on December 11, 1935, in Mirati, Pranab Mukherjee began ...")
OPENING_VERBS: dict[str, re.Pattern[str]] = {
    "birth": re.compile(r"\s*Born\b"),
}
TITLES = {
    "death": "Death of {}",
    "arrest": "Arrest of {}",
    "resignation": "Resignation of {}",
    "birth": "Birth of {}",
    "hospitalization": "Hospitalization of {}",
    "cremation": "Cremation of {}",
    "funeral": "Funeral of {}",
}
_REPORTING = re.compile(r"\b(?:said|says|told|tells|announced|reported|confirmed|stated|added|claimed|that)\b")
_GOVERNED = re.compile(r"\b(?:of|from|at|in|on|with|to|for|about|against|by|than|after|before|and)\s+(?:the\s+)?$")


class Happening(NamedTuple):
    """Something that happened to a person on a day, told by a verb at ``[start, end)`` of the body."""

    sentence: int
    start: int
    end: int
    kind: str  # "death", "arrest", ...
    person: Entity
    date: DateSpan


def happenings(article: Article, extraction: ArticleExtraction, named: SentenceIndex) -> list[Happening]:
    """Each happening the article tells."""
    body = article.body
    anchor = parse_iso(article.date)
    if anchor is None:
        return []  # an undated article's "on Tuesday" is no date
    out: list[Happening] = []
    for index, s in enumerate(extraction.sentences):
        sentence = body[s.start : s.end]
        here = named.get((article.id, index), [])
        people = [NamedSpan(a - s.start, b - s.start, e) for a, b, e in here if e.type == "person"]
        if not people:
            continue
        for kind, verb in SUBJECT_VERBS.items():
            m = verb.search(sentence)
            if m is None:
                continue
            date = _day(sentence, anchor)
            subject = _subject(sentence, people, m.start())
            if date is not None and subject is not None:
                out.append(Happening(index, s.start + m.start(), s.start + m.end(), kind, subject, date))
        for kind, verb in OPENING_VERBS.items():
            m = verb.match(sentence)
            date = _day(sentence, anchor) if m else None
            subject = _opened(sentence, people) if m else None
            if m is not None and date is not None and subject is not None:
                out.append(Happening(index, s.start + m.start(), s.start + m.end(), kind, subject, date))
        for kind, verb in OBJECT_VERBS.items():
            for a, _, e in people:
                m = verb.search(sentence, 0, a)
                date = _day(sentence, anchor) if m else None
                told = kind in SUBJECT_VERBS and SUBJECT_VERBS[kind].search(sentence)
                if m is not None and date is not None and not told:
                    out.append(Happening(index, s.start + m.start(), s.start + m.end() - 1, kind, e, date))
                    break
    return out


def _day(sentence: str, anchor: date) -> DateSpan | None:
    days = [d for d in find_dates(sentence, anchor) if d.precision == "day"]
    return days[0] if len(days) == 1 else None  # two days in one sentence: which is the event's is unsure


def _opened(sentence: str, people: list[NamedSpan]) -> Entity | None:
    """The person a sentence's main clause opens with after an opening participle and its
    commas ("Born on December 11, 1935, in Mirati, Pranab Mukherjee began"), not a possessor."""
    for a, b, e in people:
        if re.search(r",\s*$", sentence[:a]) and sentence[b : b + 2] not in ("'s", "’s"):
            return e
    return None


def _subject(sentence: str, people: list[NamedSpan], verb: int) -> Entity | None:
    """The person the clause before the verb opens with, outside a prepositional phrase and not
    a possessor ("Mubarak's son died" is not Mubarak's death)."""
    start = max(sentence.rfind(c, 0, verb) for c in ";:")
    for a, b, e in people:
        if not start < a < verb:
            continue
        if _GOVERNED.search(sentence, max(0, a - 12), a) or sentence[b : b + 2] in ("'s", "’s"):
            continue
        between = sentence[b:verb]
        if _REPORTING.search(between):
            return None  # "Rebic said 71 people were arrested": the person tells, it is not theirs
        if re.search(r"\b(?:his|her|their|whose)\s+\w+", between) and "," not in between:
            return None  # "Mubarak's son", "X and her husband"
        return e
    return None
