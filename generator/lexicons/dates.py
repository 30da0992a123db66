"""Dates written in news text, resolved against the article's own date.

:func:`find_dates` finds calendar dates ("November 29, 2023", "July 9 to 11,
2024", "3-4 December"), months ("in November 2024", "late July"), weekdays
("on Wednesday"), and relative expressions ("yesterday", "last week", "next
year", "this summer"). Each becomes a :class:`DateSpan` with a start, an end
and a precision. Expressions without a year need the article's date (the
anchor): "on Wednesday" in an article of Thursday 30 November 2023 is 29
November 2023, and "July 12" in the same article is 12 July 2023, the July
12 nearest to it. Without an anchor only dates that carry a year resolve.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "week", "month", "season", "year"]

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i], "Sept" if i == 9 else calendar.month_abbr[i])
}
_FULL_MONTHS = {calendar.month_name[i].lower() for i in range(1, 13)}
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_TO = r"\s*(?:-|–|—|to|through|until|and)\s*"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # July 9 to 11, 2024 / November 27-28 / Nov. 29, 2023 / July 30 to August 2, 2024
    (
        "mdy",
        re.compile(
            rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:{_TO}(?:{_MONTH2}\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?"
            rf"(?:,?\s+{_YEAR})?\b(?!\s*(?:bn|billion|million|%|km|per))"
        ),
    ),
    # 29 November 2023 / 3-4 December / 9 to 11 July 2024
    (
        "dmy",
        re.compile(rf"\b(?P<day>\d{{1,2}})(?:{_TO}(?P<day2>\d{{1,2}}))?\s+{_MONTH}(?:,?\s+{_YEAR})?\b"),
    ),
    # early/mid/late July (2024), in November 2024, since February 2022
    (
        "month",
        re.compile(
            rf"(?:\b(?P<part>early|mid|late)[- ]|\b(?P<prep>in|since|by|until|during|of|from|last|next|this)\s+)?"
            rf"\b{_MONTH}(?:,?\s+{_YEAR})?\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            # not "on a Tuesday", "every Friday", "Tuesdays": no one day
            r"(?<!\ba\s)(?<!\bA\s)(?<!\bevery\s)(?<!\beach\s)"
            # nor a day's name: "Super Tuesday", "Good Friday"
            r"(?<!Super\s)(?<!Black\s)(?<!Good\s)(?<!Holy\s)(?<!Ash\s)(?<!Cyber\s)(?<!Bloody\s)(?<!Maundy\s)"
            r"(?<!Easter\s)(?<!Shrove\s)(?<!Palm\s)(?<!Giving\s)"
            r"\b(?:(?P<rel>(?i:last|next|this|on|late|early))\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s\b)"
        ),
    ),
    ("day_word", re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow)\b", re.IGNORECASE)),
    (
        "relative",
        re.compile(
            r"\b(?:(?P<earlier>earlier|later)\s+)?(?P<rel>last|this|next|the\s+following|the\s+previous|the\s+coming)\s+"
            r"(?P<unit>week|month|year|spring|summer|autumn|fall|winter)\b",
            re.IGNORECASE,
        ),
    ),
    ("year", re.compile(rf"\b(?P<prep>in|since|by|until|during|of|from|early|late|mid)[- ]{_YEAR}\b")),
]
_FUTURE = re.compile(
    r"\b(?:will|would|upcoming|set\s+for|scheduled|due|to\s+be\s+held|plans?\s+to|expected|next|ahead\s+of)\b", re.I
)


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date
    precision: Precision
    text: str
    offset: int  # where the expression starts in the text
    end_offset: int

    @property
    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day nearest to the anchor ("July 12" in November 2023 is 2023)."""
    best = anchor.year
    best_gap: int | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _safe_date(year, month, min(day, 28 if month == 2 else day))
        if d is None:
            continue
        gap = abs((d - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _future(context: str) -> bool:
    return bool(_FUTURE.search(context))


def _resolve(kind: str, m: re.Match[str], anchor: date | None, context: str) -> tuple[date, date, Precision] | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if kind in ("mdy", "dmy"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        month2 = MONTHS[g["month2"].lower().rstrip(".")] if g.get("month2") else month
        day = int(g["day"])
        day2 = int(g["day2"]) if g.get("day2") else day
        if year is None:
            if anchor is None:
                return None
            year = _nearest_year(month, day, anchor)
        start = _safe_date(year, month, day)
        end = _safe_date(year + (1 if month2 < month else 0), month2, day2)
        if start is None or end is None or end < start:
            return None
        return start, end, "day"
    if kind == "month":
        month = MONTHS[g["month"].lower().rstrip(".")]
        if g["month"] == "May" and not (g.get("prep") or g.get("part") or year):
            return None  # the modal verb
        full = g["month"].lower() in _FULL_MONTHS
        if not full and not year and not g.get("prep"):
            return None  # a bare abbreviation is too ambiguous
        if year is None:
            if anchor is None:
                return None
            rel = (g.get("prep") or "").lower()
            if rel == "last":
                year = anchor.year if month < anchor.month else anchor.year - 1
            elif rel == "next" or (rel not in ("since", "this") and _future(context) and month < anchor.month):
                year = anchor.year if month > anchor.month else anchor.year + 1
            else:
                year = _nearest_year(month, 15, anchor)
        first, last = 1, calendar.monthrange(year, month)[1]
        part = (g.get("part") or "").lower()
        if part == "early":
            last = 10
        elif part == "mid":
            first, last = 11, 20
        elif part == "late":
            first = 21
        return date(year, month, first), date(year, month, last), "month"
    if anchor is None:
        if kind == "year":
            y = int(g["year"])
            return date(y, 1, 1), date(y, 12, 31), "year"
        return None
    if kind == "weekday":
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        back = (anchor.weekday() - target) % 7
        soon = re.search(
            r"\b(?:will|upcoming|set\s+for|scheduled\s+for|due)\b[^.]{0,25}$", context[: context.find(m.group(0))]
        )
        if rel == "next" or (rel != "last" and back != 0 and soon):
            ahead = (target - anchor.weekday()) % 7 or 7
            d = anchor + timedelta(days=ahead)
        elif rel == "last":
            d = anchor - timedelta(days=back or 7)
        else:
            d = anchor - timedelta(days=back)
        return d, d, "day"
    if kind == "day_word":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        d = anchor + timedelta(days=shift)
        return d, d, "day"
    if kind == "relative":
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        step = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1, "the coming": 1}[rel]
        unit = g["unit"].lower()
        if unit == "week":
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
            start, end = monday, monday + timedelta(days=6)
            if g.get("earlier") and step == 0:
                end = min(end, anchor)
            return start, end, "week"
        if unit == "month":
            index = anchor.year * 12 + anchor.month - 1 + step
            y, mo = divmod(index, 12)
            return date(y, mo + 1, 1), _month_end(y, mo + 1), "month"
        if unit == "year":
            y = anchor.year + step
            return date(y, 1, 1), date(y, 12, 31), "year"
        first, last = SEASONS[unit]
        y = anchor.year + step
        if first > last:  # winter spans the new year
            return date(y, first, 1), _month_end(y + 1, last), "season"
        return date(y, first, 1), _month_end(y, last), "season"
    if kind == "year":
        y = int(g["year"])
        return date(y, 1, 1), date(y, 12, 31), "year"
    return None


def find_dates(text: str, anchor: date | None = None) -> list[DateSpan]:
    """Every date expression in ``text``, most specific first where two overlap."""
    found: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            context = text[max(0, a - 80) : b + 40]
            resolved = _resolve(kind, m, anchor, context)
            if resolved is None:
                continue
            start, end, precision = resolved
            taken.append((a, b))
            found.append(DateSpan(start, end, precision, m.group(0).strip(), a, b))
    return sorted(found, key=lambda d: d.offset)


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
