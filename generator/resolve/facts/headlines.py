"""The happening a news headline tells, dated by the article's lead.

A news headline is a clause ("Water main bursts in White Plains, New York", "US President Trump
grants eleven people clemency") and the lead paragraph says when it happened ("On Monday, a water
main broke in ..."). The headline is the event's name as the outlet wrote it, and the lead's one
day-precise date, resolved against the article's date, is its date. Only a headline in sentence
case is read (in a title-case headline every word looks like a name, and the verb is a guess),
only one whose verb says something happened (not "to move", "may spread", not an interview:
"X tells Wikinews about ..."), and only when the dated sentence of the lead shares a word with
the headline, so that the date is the headline's and not that of some background fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.lexicons.dates import DateSpan, find_dates, parse_iso
from generator.models import Article, ArticleExtraction, Entity
from generator.resolve.facts.roles import country_of_adjective
from generator.resolve.facts.topics import english_verbs, verb_form

# an outlet talking to someone is how the news was gathered, not what happened
_INTERVIEW = frozenset(["interviews", "discusses", "discuss", "talks", "talk", "tells", "tell", "speaks", "speak"])
# a verb after these is a plan or a guess ("to move", "may spread"), or the word is no verb ("the attack")
_NOT_BEFORE_VERB = frozenset(
    ["to", "will", "would", "may", "might", "can", "could", "should", "must", "the", "a", "an", "of", "in", "on",
     "at", "for", "with", "by", "from", "as", "and", "or", "his", "her", "its", "their", "our", "my", "your",
     "this", "that", "these", "those"]
)  # fmt: skip
_WORD = re.compile(r"[\w'’.-]+")
# words an object opens with, after a verb in its base form ("Caloundra defeat Maroochydore", "Owners sell the club")
_OBJECT_OPENERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "new", "up", "out"])
_STOP = frozenset(
    ["about", "after", "against", "amid", "amidst", "before", "from", "into", "over", "than", "that", "their",
     "there", "these", "this", "those", "under", "were", "what", "when", "which", "while", "with", "within",
     "without"]
)  # fmt: skip
_SUBORDINATE = re.compile(r"\s(?:after|following|amid|amidst|ahead of|due to|despite|before|as)\s")
_LOCATIVE = re.compile(r"\b(?:in|near|at|off|from|outside)\s+(?:the\s+)?$")
LEAD_SENTENCES = 3  # the lead: the first sentences of the first paragraph


@dataclass(frozen=True)
class Headline:
    """The event a headline tells: its name (the headline clause), the lead sentence that dates
    it, and that date (whose span in the body is where the event is mentioned)."""

    name: str
    sentence: int
    date: DateSpan
    start: int
    end: int


@dataclass(frozen=True)
class HeadlineClause:
    """A headline read as a clause: the whole of it, what stands before its verb, and the verb."""

    text: str
    subject: str
    verb: str


def clause(title: str) -> HeadlineClause | None:
    """The part of a headline that reads as a clause telling a happening, or None.

    A part is what a colon or semicolon separates ("2020 election: Trump, Sanders win New
    Hampshire primaries"). It is a clause when a lowercase word after its first is a verb's
    third person or past ("bursts", "crashes", "found": :func:`topics.verb_form`), or its base
    form after a name or a plural ("Caloundra defeat Wynnum", "protesters try"; not "Polish
    branch", "Second letter from"), and
    not after "to", a modal, a preposition, a determiner or a possessive. A headline in title case
    (no lowercase word of four letters but "with", "from" ...) is not read, nor an interview's, nor a
    document's ("Readout of ...").
    """
    if any(w in _INTERVIEW for w in _WORD.findall(title)):
        return None
    for part in re.split(r"[:;]\s+", title.strip()):
        words = list(_WORD.finditer(part))
        if len(words) > 1 and words[1].group() in ("of", "by", "from"):
            continue  # a document's title: "Readout of ...", "Letter from ..."
        if not any(w.group().islower() and len(w.group()) >= 4 and w.group() not in _STOP for w in words[1:]):
            continue  # title case: "President Trump Signs H.R. 1234 into Law"
        for i, m in enumerate(words[1:], 1):
            w, before = m.group(), words[i - 1].group()
            if not w.islower() or w == "dated" or before.lower() in _NOT_BEFORE_VERB or before.endswith(("'s", "’s")):
                continue  # "Harris's visit": a noun
            subject = (before[:1].isupper() and country_of_adjective(before) is None) or before.endswith("s")
            if i == 1 and not before.endswith("s"):  # the first word is capitalized whatever it is
                after = words[2].group() if len(words) > 2 else ""
                subject = after[:1].isupper() or after[:1].isdigit() or after in _OBJECT_OPENERS
            if verb_form(w) or (subject and w in english_verbs()):
                return HeadlineClause(part.strip(" ."), part[: m.start()], w)
    return None


def headline(article: Article, extraction: ArticleExtraction) -> Headline | None:
    """The event the article's headline tells, dated by its lead; None when the headline is no
    clause, the article has no date (a lead's "on Monday" is then no date) or no sentence of the
    lead has one day and a word of the headline's subject or its verb ("On Monday, a water main
    broke": "water"; "Three killed": "killed"), or two of its words before an "after",
    "following", "amid" ... that tells the background."""
    anchor = parse_iso(article.date)
    told = clause(article.title) if anchor is not None else None
    if told is None or anchor is None:
        return None
    subject, verb = _keys(told.subject), told.verb.lower()[:4]
    said = _keys(_SUBORDINATE.split(told.text, 1)[0])  # not "following Super Tuesday": a background
    paragraph_end = article.body.find("\n\n")
    for index, s in enumerate(extraction.sentences[:LEAD_SENTENCES]):
        if 0 <= paragraph_end < s.start:
            break
        sentence = article.body[s.start : s.end]
        days = [d for d in find_dates(sentence, anchor) if d.precision == "day" and d.start <= anchor]
        if len({d.start for d in days}) != 1:
            continue  # no day, or two: which one is the headline's is unsure
        words = _keys(sentence)
        if subject & words or any(w.startswith(verb) for w in words) or len(said & words) >= 2:
            d = days[0]
            return Headline(told.text, index, d, s.start + d.offset, s.start + d.end_offset)
    return None


def _keys(text: str) -> set[str]:
    """The content words of a text, cut to five letters ("bursts", "burst"; "crashes", "crash")."""
    return {w.lower()[:5] for w in _WORD.findall(text) if len(w) >= 4 and w.lower() not in _STOP}


def place(h: Headline, entities: list[Entity]) -> str | None:
    """The place of the lead sentence's ``entities`` that the headline puts the event in: one after
    "in", "near", "at" ... first ("US ... in Michigan": Michigan), then the one it names first ("in
    White Plains, New York": White Plains)."""
    at = {
        e.id: min(i for f in (e.name, *e.aliases) if (i := h.name.find(f)) >= 0)
        for e in entities
        if e.type == "place" and any(f in h.name for f in (e.name, *e.aliases))
    }
    return min(at, key=lambda p: (not _LOCATIVE.search(h.name, 0, at[p]), at[p])) if at else None
