"""Happenings a sentence tells in the clause that follows its date.

News dates what happened by opening a sentence with the day: "On June 23, Trump's former
adviser John Bolton released a book", "Yesterday, Tony Evers, the governor of Wisconsin, signed
an executive order delaying the election". The clause after the date is the event: its subject
names who did it (a person, organization or place the sentence names), its verb in the past
says what happened, and it is named as a headline would name it, in the present ("Tony Evers
signs an executive order delaying the election until June").

Only a clause that opens on one day-precise date, resolved against the article's date, is read;
not one in a quote, not one whose subject is a pronoun ("Today, I am leaving the race"), and not
one whose verb reports speech ("NBC News reported ..."), since what was said is no happening of
its own, nor an ongoing state ("Navalny was flying").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.lexicons.dates import DateSpan, find_dates, parse_iso
from generator.models import Article, ArticleExtraction, NamedSpan, SentenceIndex
from generator.resolve.facts.quotes import quote_spans
from generator.resolve.facts.topics import IRREGULAR_PAST, english_verbs, is_past

# the sentence opens with its date: "On June 23,", "Yesterday,", "Last Friday,"
_OPENING = re.compile(r"^(?:On|Yesterday|Today|Last|Earlier|This|Late|Early)\b[^,;:\"“”]{0,30},\s+")
_WORD = re.compile(r"[\w'’.-]+")
# what was said is told by other means (quotes); what is going on is no happening. Narrower than
# quotes.SPEECH_VERBS: announcing, declaring or pledging something is a happening of its own
_REPORTING = frozenset(
    ["said", "told", "reported", "stated", "added", "claimed", "wrote", "tweeted", "noted", "argued", "asked",
     "explained", "suggested", "warned", "insisted", "replied", "commented", "was", "were", "had", "did"]
)  # fmt: skip
_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "this", "that", "there"])
# where the event's name ends: a clause or a reason after its object
_NAME_END = re.compile(
    r",|;|:|\s(?:citing|after|as|while|which|who|because|amid|saying)\s|\s[—–-]\s|\sby\s\w+ing\b|\s\("
)
_DAY_ONLY = re.compile(r"\s*(?:morning|afternoon|evening|night)?\s*,\s*")
_ASIDE = re.compile(r"(?:via|in|at|after|during|from|with|through)\b[^,]{0,40},\s+")
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would)\b")
MAX_NAME_WORDS = 16  # a longer one is a sentence, not a name


@dataclass(frozen=True)
class DatedClause:
    """A dated clause: its name as a headline, its sentence, the date and where the date stands."""

    name: str
    sentence: int
    date: DateSpan
    start: int
    end: int


def _base(verb: str) -> str | None:
    """The base form of a past tense ("signed" -> "sign", "released" -> "release", "held" -> "hold")."""
    base = IRREGULAR_PAST.get(verb)
    if base is None and verb.endswith("ed"):
        for stem in (verb[:-2], verb[:-1], verb[:-3] if verb[-3:-2] == verb[-4:-3] else "", verb[:-3] + "y"):
            if stem and stem in english_verbs():
                return stem
    return base


def present(verb: str) -> str | None:
    """The third person present of a past tense ("signed" -> "signs", "held" -> "holds"), or None."""
    base = _base(verb)
    if base is None:
        return None
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def clauses(article: Article, extraction: ArticleExtraction, named: SentenceIndex) -> list[DatedClause]:
    """The dated clauses of an article whose subject the sentence names as an entity."""
    anchor = parse_iso(article.date)
    if anchor is None:
        return []  # an undated article's "on Monday" is no date
    body = article.body
    out: list[DatedClause] = []
    quoted: list[tuple[int, int]] | None = None
    for index, s in enumerate(extraction.sentences):
        sentence = body[s.start : s.end]
        if not _OPENING.match(sentence):
            continue
        if quoted is None:
            quoted = quote_spans(body)  # only for articles with a dated opening
        if any(a <= s.start < b for a, b in quoted):
            continue  # "Today, I am leaving the race," in someone's words
        opening = _opening_days(sentence, anchor)
        if opening is None:
            continue  # "On Sunday in London, England,": the opening is more than its day
        begin, d = opening
        if aside := _ASIDE.match(sentence, begin):
            begin = aside.end()  # "On June 27, via Zoom, the party held ..."
        rest = sentence[begin:]
        words = list(_WORD.finditer(rest))
        first = words[0].group() if words else ""
        if not first or first.lower() in _PRONOUNS or (first[:1].islower() and first not in ("the", "a", "an")):
            continue
        verb = next(
            (w for w in words[1:] if w.group().islower() and is_past(w.group()) and not _participle(rest, w)), None
        )
        if verb is None or verb.group() in _REPORTING or re.match(r"\s+that\b", rest[verb.end() :]):
            continue  # "said", "announced that ...": what was said
        subject = rest[: verb.start()]
        at = s.start + begin
        entities = [
            NamedSpan(a - at, b - at, e)
            for a, b, e in named.get((article.id, index), [])
            if at <= a < at + verb.start()
        ]
        if not entities or _AUXILIARY.search(subject):
            continue  # no one named does it; "Navalny was flying from Tomsk": a state, not a happening
        name = _name(subject, entities, verb.group(), rest[verb.end() :])
        if name is not None:
            out.append(DatedClause(name, index, d, s.start + d.offset, s.start + d.end_offset))
    return out


def _opening_days(sentence: str, anchor: date) -> tuple[int, DateSpan] | None:
    """Where the clause after the sentence's opening date begins, and that date: "On March 23,
    2023, ...", "On Thursday, September 23rd, ...", "Yesterday morning, ..."; None unless the
    opening is one day (of the past) and nothing else."""
    dates = find_dates(sentence[:60], anchor)
    if not dates or dates[0].offset > 3 or dates[0].precision != "day" or dates[0].start > anchor:
        return None
    at, first = 0, dates[0]
    for d in dates:
        if d.offset > at + 4:
            break
        after = _DAY_ONLY.match(sentence, d.end_offset)
        if d.precision != "day" or d.start != first.start:
            return None  # "On Thursday, September 23rd," that are two days
        if after is None:
            break
        at = after.end()
    return (at, first) if at else None


def _participle(rest: str, word: re.Match[str]) -> bool:
    """A past participle before "by": an apposition ("the Administration, led by AmeriCorps,"),
    not the clause's verb."""
    return re.match(r"\s+by\b", rest[word.end() :]) is not None


def _name(subject: str, entities: list[NamedSpan], verb: str, rest: str) -> str | None:
    """The clause as a headline: the subject (without an apposition, or just the apposition when
    it names the person: "Tony Evers, the governor of Wisconsin," -> "Tony Evers"; "the
    party's nominee, Howie Hawkins," -> "Howie Hawkins"), the verb in the present ("announce"
    after two subjects), the object up to a comma, a reason or a bracket; None when that is longer
    than a name."""
    now = present(verb)
    if now is None:
        return None
    who = subject.rstrip().rstrip(",")  # from the clause's start: the entities' offsets hold
    if (apposition := re.search(r",\s*([^,]+?),?\s*$", who)) and "," in who:
        head = who[: apposition.start()]
        people = [x for x in entities if x.entity.type == "person"]
        in_head = any(x.start < len(head) for x in people)
        in_apposition = any(x.start >= apposition.start(1) for x in people)
        who = apposition.group(1) if in_apposition and not in_head else head
    names = [(x.start, x.end) for x in entities]
    if any(not any(a <= m.start() < b for a, b in names) for m in re.finditer(r"\sand\s", who)):
        now = _base(verb) or now  # "Tesco and Salling Group announce", not "Life and Liberty Party hold"
    what = _NAME_END.split(rest, 1)[0].strip().rstrip(".").replace("*", "")
    words = f"{who} {now} {what}".split()
    if len(words) > MAX_NAME_WORDS:
        return None
    name = " ".join(words)
    return name[:1].upper() + name[1:]
