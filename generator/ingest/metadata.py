"""Detect an article's headline, date, outlet and byline in plain text.

Works on the lines of a text with no front matter, the way a careful reader
would: a publication line ("AFP Published 30 Nov, 2023 04:53am"), a byline
("By Jane Doe"), a source line ("Source: example.com"), a wire in a dateline
("PARIS (Reuters) -"), an attribution ("..., Example.com reports via ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from dateutil import parser as dateparser

from generator.models import DateSource

_PUBLISHED = re.compile(
    r"^(?P<outlet>[^\n]{0,40}?)\s*\b(?:published|updated|posted|last\s+updated)(?:\s+on)?\s*:?\s+(?P<date>[^\n]{6,40})$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|da|di|la|le))*"
_BYLINE = re.compile(
    rf"^(?i:by)\s+(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?)\s*(?:[,|–—-]\s*(?P<outlet>[^\n]{{2,40}}))?$"
)
_SOURCE = re.compile(r"^(?:source|via|courtesy(?:\s+of)?)\s*:\s*(?P<outlet>\S[^\n]{0,60}?)\.?$", re.IGNORECASE)
_DATELINE_WIRE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\((?P<wire>[A-Z][\w .&-]{1,30})\)\s*[-–—:]"
)
_REPORTS = re.compile(
    r"(?:^|[,;]\s+|\.\s+)(?P<outlet>[A-Z][\w&-]*(?:\.[A-Z][\w-]*)*(?:\s+[A-Z][\w.&-]*){0,3})\s+reports(?=\s+via\b|\s*[.,;]|\s*$)"
)
# words that make "... reports" a plural noun, not an outlet that reports: "By reports, ...",
# "According to reports", "Early reports"
_NOT_OUTLETS = frozenset(
    [
        "by",
        "to",
        "according",
        "early",
        "initial",
        "first",
        "later",
        "latest",
        "recent",
        "local",
        "media",
        "news",
        "press",
        "official",
        "unofficial",
        "some",
        "other",
        "several",
        "many",
        "multiple",
        "conflicting",
        "unconfirmed",
        "further",
        "such",
        "these",
        "those",
    ]
)
# a dateline: the first paragraph opens with a place (optional) and a full date, then a dash or colon
_DATELINE_DATE = re.compile(
    r"^(?:[A-Z][A-Za-z .'’-]{1,40},?\s+)?"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})|\d{4}-\d{2}-\d{2})"
    r"\s*(?:\([^)]{1,30}\)\s*)?[-–—:]"
)
# a file name that starts with its date, as Jekyll posts and many archives name them
_FILE_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[-_. T]|$)")
_NO_DEFAULT = datetime(1, 1, 1)  # a parsed year of 1 means "no year given"
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


@dataclass
class Detected:
    title: str | None = None
    title_derived: bool = False
    date: str | None = None
    date_source: DateSource | None = None
    outlet: str | None = None
    author: str | None = None
    removed: list[str] = field(default_factory=list)


def parse_date(text: str) -> str | None:
    """A calendar date with a year in ``text``, as YYYY-MM-DD, or None."""
    if not _YEAR.search(text):
        return None
    try:
        parsed = dateparser.parse(text, fuzzy=True, default=_NO_DEFAULT)
    except (ValueError, OverflowError):
        return None
    if parsed is None or parsed.year == _NO_DEFAULT.year or not 1800 <= parsed.year <= 2200:
        return None
    return parsed.date().isoformat()


def _looks_like_outlet(text: str) -> bool:
    """Words before "Published" name an outlet only if none is lower case."""
    return not any(w[:1].islower() for w in text.split())


# what ends with a full stop without ending a sentence: an initial ("Richard K. Guy"), a dotted
# abbreviation ("U.S.", "D.C."), a title or another short form ("Dr.", "St.", "v.", "No.")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"“‘])(?:[A-Za-z](?:\.[A-Za-z])*|Mr|Mrs|Ms|Dr|St|Ste|Jr|Sr|Mt|Ft|No|Nos|Inc|Ltd|Co|Corp|Gen|Gov|"
    r"Sen|Rep|Lt|Col|Capt|Sgt|Cpl|Adm|Prof|Rev|Hon|Pres|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|vs?|etc|"
    r"Ave|Blvd|Rd|Dept|Univ|Bros|Gov't)\.$"
)


def sentences(text: str, maxsplit: int = 0) -> list[str]:
    """``text`` cut into sentences, not after an abbreviation or an initial."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_SPLIT.finditer(text):
        if _ABBREVIATION.search(text, max(start, m.start() - 12), m.start()) and text[m.start() - 1] == ".":
            continue
        out.append(text[start : m.start()])
        start = m.end()
        if maxsplit and len(out) == maxsplit:
            break
    out.append(text[start:])
    return out


def is_headline(line: str) -> bool:
    """A short line that is one sentence, or several without a closing full stop ("Man dies.
    Police investigate")."""
    words = line.split()
    if not 2 <= len(words) <= 25:
        return False
    text = line.strip()
    return len(sentences(text)) == 1 or (len(words) <= 15 and not text.endswith("."))


def derive_title(text: str, max_words: int = 12) -> str:
    """A title from the first sentence, cut at a word boundary."""
    first = sentences(text.strip(), maxsplit=1)[0].strip()
    words = first.split()
    if len(words) <= max_words + 3:
        return first.rstrip(".")
    return " ".join(words[:max_words]).rstrip(",;:") + "…"


def detect(lines: list[str], find_title: bool = True) -> tuple[list[str], Detected]:
    """Find metadata in ``lines``; return the lines left and what was found.

    With ``find_title`` false (the title is known) the first line stays body.
    """
    found = Detected()
    kept: list[str] = []
    for line in lines:
        text = line.strip()
        short = len(text.split()) <= 12
        if short and (m := _PUBLISHED.match(text)) and _looks_like_outlet(m["outlet"]) and (d := parse_date(m["date"])):
            found.date, found.date_source = found.date or d, found.date_source or "metadata"
            found.outlet = found.outlet or (m["outlet"].strip(" -|,") or None)
            found.removed.append(text)
            continue
        if len(text.split()) <= 9 and (m := _BYLINE.match(text)):
            found.author = found.author or m["name"].strip()
            if m["outlet"]:
                found.outlet = found.outlet or m["outlet"].strip()
            found.removed.append(text)
            continue
        if short and (m := _SOURCE.match(text)):
            found.outlet = found.outlet or m["outlet"].strip()
            found.removed.append(text)
            continue
        kept.append(line)

    content = [line.strip() for line in kept if line.strip()]
    if not find_title or not content:
        pass
    elif is_headline(content[0]) and len(content) > 1:
        found.title = content[0].rstrip(".")
        first = next(i for i, line in enumerate(kept) if line.strip())
        kept = kept[:first] + kept[first + 1 :]
        content = content[1:]
    else:
        found.title = derive_title(content[0])
        found.title_derived = True

    head = content[:3]
    if found.outlet is None and head and (m := _DATELINE_WIRE.match(head[0])):
        found.outlet = m["wire"].strip()
    if found.outlet is None:
        for para in head:
            m = _REPORTS.search(para)
            if m and m["outlet"].split()[-1].casefold() not in _NOT_OUTLETS:
                found.outlet = m["outlet"].strip()
                break
    # only a dateline opening the text: a date elsewhere in the body is what the article reports
    # (a birth in an obituary, a vote last week), not when it was published
    if found.date is None and head and (m := _DATELINE_DATE.match(head[0])) and (d := parse_date(m["date"])):
        found.date, found.date_source = d, "metadata"
    return kept, found


def date_from_file_name(name: str) -> str | None:
    """The date a file name starts with (``2020-03-11-title.txt``), as YYYY-MM-DD, or None."""
    m = _FILE_DATE.match(name)
    if not m:
        return None
    try:
        value = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return value.date().isoformat() if 1800 <= value.year <= 2200 else None
