"""Events: meetings, summits, calls, strikes, elections, with dates, places and participants.

An event is found where a sentence uses an event noun ("meeting", "summit",
"call", "strikes", "election", "caucuses", "rally"...) with something that tells which one it
is: an organization or person in the phrase ("a meeting of the bloc's foreign
ministers", "the Arctic Council meeting", "a phone call with X"), a
descriptor ("foreign ministers", "presidential"), a date in the sentence,
or a capitalized name ("the Washington Summit", "the Reform National Convention"); a poll or a
party convention may be named by its day alone ("the June 2 primaries"). Dates are resolved against
the article's date (:mod:`generator.lexicons.dates`). Two more sources give events: a
person's death, arrest, birth ... told with a verb (:mod:`generator.resolve.facts.happenings`),
the happening an article's headline tells, dated by its lead
(:mod:`generator.resolve.facts.headlines`), and the one a sentence tells after its opening
date (:mod:`generator.resolve.facts.clauses`); these keep the outlet's words as their name.

Mentions then meet in clusters: the same kind of event, compatible
organizations, descriptors and place, and overlapping dates. A phrase that
says too little on its own ("the summit", "this meeting") only joins its
article's event, or another article's when it names one of that event's
organizations or people or its place; it never makes an event alone.
Two meetings of the same body a year apart stay two events, and two events of one kind with two
names ("the Republican National Convention", "the Reform National Convention") stay two.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from generator.lexicons.dates import DateSpan, find_dates, parse_iso
from generator.lexicons.names import match_key, reading_order
from generator.models import (
    ENTITY_TYPES,
    Article,
    ArticleExtraction,
    Entity,
    EntityMention,
    EventInfo,
    NamedSpan,
    SentenceIndex,
    mentions_by_sentence,
)
from generator.resolve.facts.clauses import clauses
from generator.resolve.facts.happenings import TITLES, happenings
from generator.resolve.facts.headlines import headline, place
from generator.resolve.facts.roles import country_of_adjective
from generator.resolve.facts.topics import is_verb, verb_like
from generator.slugs import SlugRegistry

HEADS: dict[str, str] = {
    "meeting": "meeting",
    "meetings": "meeting",
    "conference": "meeting",
    "ministerial": "meeting",
    "talks": "meeting",
    "session": "meeting",
    "forum": "meeting",
    "summit": "summit",
    "summits": "summit",
    "call": "call",
    "election": "election",
    "elections": "election",
    "referendum": "election",
    "vote": "vote",
    "strike": "strike",
    "strikes": "strike",
    "attack": "attack",
    "attacks": "attack",
    "visit": "visit",
    "ceremony": "ceremony",
    "caucus": "caucus",
    "caucuses": "caucus",
    "primary": "primary",
    "primaries": "primary",
    "rally": "rally",
    "rallies": "rally",
    "earthquake": "earthquake",
    "crash": "crash",
    "stabbing": "stabbing",
    "convention": "convention",
    "conventions": "convention",
}
# the event a headline tells: one article's, never joined with another's (:mod:`generator.resolve.facts.headlines`)
HEADLINE = "headline"
# kinds of event that happen to one person (a death, an arrest): two people's are two events
PERSON_KINDS = frozenset(TITLES)
_HEAD = re.compile(r"\b(" + "|".join(sorted(HEADS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_NOT_EVENTS = re.compile(r"\b(?:press|news)\s+(?:conference|briefing)s?$", re.IGNORECASE)
# words that may stand before the event noun in its phrase
_STOP_BEFORE = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "to",
        "and",
        "or",
        "but",
        "during",
        "after",
        "before",
        "ahead",
        "since",
        "until",
        "as",
        "is",
        "was",
        "were",
        "between",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
        "say",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "while",
        "than",
        "then",
        "there",
        "here",
        "also",
        "not",
        "no",
        "any",
        "some",
        "each",
        "every",
        "other",
        "another",
        "held",
        "hold",
        "holds",
        "hosted",
        "hosting",
        "host",
        "attended",
        "attend",
        "chaired",
        "led",
    ]
)
# generic words that neither name nor distinguish an event
_GENERIC = frozenset(
    [
        "upcoming",
        "initial",
        "recent",
        "latest",
        "previous",
        "first",
        "second",
        "third",
        "next",
        "last",
        "new",
        "two-day",
        "one-day",
        "three-day",
        "annual",
        "regular",
        "emergency",
        "extraordinary",
        "special",
        "historic",
        "planned",
        "possible",
        "potential",
        "formal",
        "informal",
        "two",
        "three",
        "four",
        "five",
        "six",
        "several",
        "many",
        "dozen",
    ]
)
# adjectives that a capitalized phrase may open with and still name no event ("Electoral Vote")
_PLAIN = frozenset(
    ["electoral", "general", "presidential", "parliamentary", "legislative", "local", "municipal", "national",
     "federal", "state", "regional", "popular", "public", "free", "fair", "equal", "snap", "early", "final",
     "primary"]
)  # fmt: skip
# nouns after an event word that make it their modifier ("election debates", "vote count")
_COMPOUND = re.compile(
    r"\s+(?:debates?|campaigns?|results?|day|laws?|commissions?|officials?|season|process|system|fraud|counts?|"
    r"rally|rallies|boards?|cycle|night|workers?|observers?|monitors?|materials?|centres?|centers?|scenes?|sites?)\b"
)
_POST = re.compile(
    r"^\s*(?P<prep>of|between|with|for|by|on)\s+(?!(?:either|both|any|all|each|every|some|around|about|nearly|almost|over|more|less|fewer|up)\b|\d)(?P<obj>(?:[\w'’.-]+(?:\s+(?:and|&)\s+|\s+)?){1,8}?)"
    r"(?=\s*\b(?:of|between|with|for|by|on|from|in|at|to|that|which|who|is|are|was|were|will|would|has|have|had|as|"
    r"after|before|during|since|and\s+(?:is|was|to)|took|met|held|said|began|gave|made|came|went|[a-z]+ed)\b|\s*[,.;:!?—–()\"“”]|\s*$)"
)
_WORD = re.compile(r"[\w'’.-]+")
_PLACE_AFTER = re.compile(r"^\s+(?:(?:in|at|on)\b[^,.;:]{0,40}\b)?(?:in|at)\s+(?:the\s+)?$")


@dataclass
class EventMention:
    article: str
    sentence: int
    start: int  # the phrase, for the event's aliases
    end: int
    head_start: int  # the event noun, for linking when the phrase holds other links
    head_end: int
    kind: str
    text: str
    proper: bool
    orgs: frozenset[str]
    people: frozenset[str]
    places: frozenset[str]  # named in the phrase as participants
    location: str | None
    descriptors: frozenset[str]
    date: DateSpan | None
    links_inside: bool
    context: frozenset[str] = frozenset()  # organizations the article names anywhere
    headline: bool = False  # the article's headline, naming the event its lead dates

    @property
    def named_by_day(self) -> bool:
        """A vote the phrase names by its day ("the June 2 primaries", "its August 15 convention"):
        the day tells which one, as a name would; a meeting's day does not say whose it was."""
        return (
            self.kind in _DAY_NAMED
            and self.date is not None
            and self.date.precision == "day"
            and self.date.text in self.text
            and any(c.isdigit() for c in self.date.text)  # "June 2", not "yesterday's"
        )

    @cached_property
    def ordinal(self) -> str | None:
        """The number of an event in its series ("second", "10th"), which tells two apart."""
        found = _ORDINAL.search(self.text)
        return found.group(0).lower() if found else None

    @cached_property
    def proper_key(self) -> str | None:
        """The name of a phrase that is one ("2020 Reform National Convention" -> "reform national
        convention"), to tell two named events of one kind apart; None for a description."""
        if not self.proper or self.headline:
            return None
        words = [re.sub(r"['’]s$", "", w.lower()) for w in _WORD.findall(self.text) if w[:1].isupper()]
        return " ".join(words) or None

    @property
    def specific(self) -> bool:
        if self.proper or self.named_by_day:
            return True
        if self.kind == "call":
            return bool(self.people)
        dated = self.date is not None and self.date.precision in ("day", "week", "month")
        return dated and bool(self.orgs or self.descriptors or self.location or self.people)


_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b", re.IGNORECASE
)
# kinds of event a day names on its own: polls and party conventions
_DAY_NAMED = frozenset(["election", "primary", "caucus", "vote", "convention"])
_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}


class Cluster:
    """Mentions of one event. What the mentions share is kept up to date as each is added,
    because every new mention is compared with every cluster of its kind."""

    __slots__ = (
        "_best", "articles", "by_day", "descriptors", "kind", "locations", "mentions", "names", "ordinals", "orgs",
        "people",
    )  # fmt: skip

    def __init__(self, kind: str, mentions: list[EventMention] | None = None) -> None:
        self.kind = kind
        self.mentions: list[EventMention] = []
        self.orgs: set[str] = set()
        self.descriptors: set[str] = set()
        self.locations: set[str] = set()
        self.articles: set[str] = set()
        self.people: set[str] = set()
        self.names: set[str] = set()  # the proper names of its mentions ("reform national convention")
        self.ordinals: set[str] = set()  # "first", "second": which of a series
        self.by_day = False  # a mention names it by its day alone ("the June 2 primaries")
        self._best: tuple[tuple[int, date], DateSpan] | None = None
        for m in mentions or []:
            self.add(m)

    def add(self, m: EventMention) -> None:
        self.mentions.append(m)
        self.orgs |= m.orgs
        self.descriptors |= m.descriptors
        if m.location:
            self.locations.add(m.location)
        self.articles.add(m.article)
        self.people |= m.people
        if m.proper_key is not None:
            self.names.add(m.proper_key)
        if m.ordinal is not None:
            self.ordinals.add(m.ordinal)
        self.by_day = self.by_day or m.named_by_day
        if m.date is not None:
            rank = (_PRECISION_ORDER[m.date.precision], m.date.start)
            if self._best is None or rank < self._best[0]:
                self._best = (rank, m.date)

    def span(self) -> tuple[date, date] | None:
        """The narrowest date the mentions agree on."""
        if self._best is None:
            return None
        best = self._best[1]
        return best.start, best.end


def _stem(word: str) -> str:
    w = word.lower().strip("'’.")
    for suffix in ("ial", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def find_mentions(
    article: Article,
    extraction: ArticleExtraction,
    named: SentenceIndex,
    verbs: frozenset[str] = frozenset(),
) -> list[EventMention]:
    """Event phrases in one article, with what each says about its event; ``verbs`` are the
    words the corpus uses as verbs (:func:`topics.verb_like`), where a phrase's name stops."""
    body = article.body
    anchor = parse_iso(article.date)
    found: list[EventMention] = []
    for index, s in enumerate(extraction.sentences):
        sentence = body[s.start : s.end]
        heads = list(_HEAD.finditer(sentence))
        if not heads:
            continue  # most sentences name no event: their dates are not needed
        entities = named.get((article.id, index), [])
        dates = find_dates(sentence, anchor)
        here: list[EventMention] = []
        for m in heads:
            if re.match(
                r"[\s-]+(?:level\s+)?(?:[\w-]+\s+){0,4}?(?:meetings?|summit|talks|session)\b", sentence[m.end() :]
            ) and (m.group(1).lower() in ("ministerial", "conference", "session", "forum")):
                continue  # "ministerial meetings", "ministerial-level ... meeting": the last noun heads the phrase
            mention = _phrase(article.id, index, s.start, sentence, m, entities, dates, verbs)
            if mention is not None:
                here.append(mention)
        found.extend(_held_where(m, s.start, sentence, entities) for m in _assign_dates(here, dates, s.start, sentence))
    told: set[date] = set()
    for index, start, end, kind, person, when in happenings(article, extraction, named):
        text = TITLES[kind].format(person.name)
        found.append(
            EventMention(article.id, index, start, end, start, end, kind, text, True, frozenset(),
                         frozenset([person.id]), frozenset(), None, frozenset(), when, False)
        )  # fmt: skip
        told.add(when.start)
    for c in clauses(article, extraction, named):
        if c.date.start in told or (c.sentence == 0 and headline(article, extraction) is not None):
            continue  # the lead's clause is the headline's event
        orgs, people, places = _named_in(named.get((article.id, c.sentence), []))
        kind = _kind_told(found, c.sentence, c.date)
        found.append(
            EventMention(article.id, c.sentence, c.start, c.end, c.start, c.end, kind, c.name, True, orgs,
                         people, places, None, frozenset(), c.date, False, headline=True)
        )  # fmt: skip
    h = headline(article, extraction)
    if h is not None and h.date.start not in told:  # "Mubarak dies": the death already told
        lead = named.get((article.id, h.sentence), [])
        orgs, people, places = _named_in(lead)
        location = place(h, [e for _, _, e in lead])
        kind = _kind_told(found, h.sentence, h.date)
        found.append(
            EventMention(article.id, h.sentence, h.start, h.end, h.start, h.end, kind, h.name, True, orgs,
                         people, places, location, frozenset(), h.date, False, headline=True)
        )  # fmt: skip
    context = frozenset(
        e.id
        for index in range(len(extraction.sentences))
        for _, _, e in named.get((article.id, index), ())
        if e.type == "organization"
    )
    for mention in found:
        mention.context = context
    return found


def _held_where(m: EventMention, offset: int, sentence: str, entities: list[NamedSpan]) -> EventMention:
    """An event word that says where only in its sentence: "criticism within Serbia has said
    Vucic eased lockdown measures to win elections which were held on June 21" are elections in
    Serbia, when the sentence says the event was held on that day and names one place alone."""
    d = m.date
    if d is None or d.precision != "day" or m.orgs or m.people or m.places or m.location:
        return m
    if m.end - offset > d.offset or not _HELD.match(sentence, m.end - offset, d.offset):
        return m
    places = {e.id for _, _, e in entities if e.type == "place"}
    if len(places) == 1:
        m.location = places.pop()
    return m


def _kind_told(found: list[EventMention], sentence: int, day: DateSpan) -> str:
    """The kind of the event phrase of ``sentence`` dated ``day`` ("primary elections"), which a
    headline or a dated clause of that sentence tells and names; else a kind of its own."""
    for m in found:
        same_day = m.date is not None and m.date.start == day.start and m.date.precision == "day"
        if m.sentence == sentence and same_day and m.kind not in PERSON_KINDS and not m.headline:
            return m.kind
    return HEADLINE


def _named_in(entities: list[NamedSpan]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The organizations, people and places of a sentence's entities."""
    return (
        frozenset(e.id for _, _, e in entities if e.type == "organization"),
        frozenset(e.id for _, _, e in entities if e.type == "person"),
        frozenset(e.id for _, _, e in entities if e.type == "place"),
    )


def _assign_dates(mentions: list[EventMention], dates: list[DateSpan], offset: int, text: str) -> list[EventMention]:
    """Each date of a sentence belongs to the event phrase nearest to it ("the Washington Summit next year")."""
    if len(mentions) < 2:
        return mentions

    def distance(m: EventMention, d: DateSpan) -> int:
        if m.end - offset <= d.offset and _HELD_ON.match(text, m.end - offset, d.offset):
            return 0  # "the election to be held on August 9"
        return max(d.offset + offset - m.end, m.start - (d.end_offset + offset), 0)

    owned: dict[int, list[DateSpan]] = defaultdict(list)
    for d in dates:
        owner = min(range(len(mentions)), key=lambda i: distance(mentions[i], d))
        owned[owner].append(d)
    for i, m in enumerate(mentions):
        if m.date is not None and m.date.offset == -1:
            continue  # a year in the phrase itself
        m.date = min(owned[i], key=lambda d: distance(m, d)) if owned[i] else None
    return mentions


def _phrase(
    article_id: str,
    index: int,
    offset: int,
    sentence: str,
    head: re.Match[str],
    entities: list[NamedSpan],
    dates: list[DateSpan],
    verbs: frozenset[str] = frozenset(),
) -> EventMention | None:
    word = head.group(1)
    kind = HEADS[word.lower()]
    before = sentence[: head.start()]
    if _COMPOUND.match(sentence, head.end()):
        return None  # "the Free and Equal Election debates": the event is the debate
    if _NOT_EVENTS.search(sentence[: head.end()]) or _MODAL_BEFORE.search(before):
        return None  # "may call for": a verb
    if word in ("Caucus", "Primary") and re.search(r"[A-Z][\w'’.-]*\s+$", before):
        return None  # "Congressional Black Caucus": a body's name
    if kind == "convention" and not (
        re.search(r"\bNational\s+$", before)
        or any(d.precision == "day" and d.end_offset <= head.start() <= d.end_offset + 20 for d in dates)
    ):
        return None  # a party's "National Convention", "its August 15 convention"; not "the Convention on ..."
    if word[:1].isupper() and re.match(r"\s+(?!(?:On|In|At|Of)\b)[A-Z][a-z]", sentence[head.end() :]):
        return None  # "Texas Election Law", "Elections Foundation": the noun is inside a longer name
    if kind != "summit" and any(a - offset <= head.start() and head.end() <= b - offset for a, b, _ in entities):
        return None  # "the National Conference of State Legislatures": a body's name, not an event
    # pre-modifiers: walk back over words until a determiner, preposition or verb
    start = head.start()
    words = list(_WORD.finditer(before))
    taken = 0
    for w in reversed(words):
        token = w.group(0)
        gap = sentence[w.end() : start]
        lower = token.islower()
        if (
            gap.strip()
            or taken >= 5
            or token.lower() in _STOP_BEFORE
            or (re.split("['’]", token.lower())[0] in _PRONOUNS and (lower or token[0] == "I" or w.start() == 0))
            or (lower and (is_verb(token, verbs) or token.endswith("ly")))
        ):
            break  # "the Democratic Party uses primaries": the name is not a clause
        start, taken = w.start(), taken + 1
    if kind == "call" and taken == 0 and not re.search(r"\b(?:a|the|their|his|her)\s+$", before):
        return None  # "to call on Congress": the verb
    if (
        kind in ("strike", "attack", "vote", "visit")
        and taken == 0
        and not re.search(r"\b(?:a|the|its|his|her|their)\s+$", before)
    ):
        return None
    end = head.end()
    post = sentence[end:]
    for _ in range(2):
        pm = _POST.match(post)
        if pm is None:
            break
        end += pm.end()
        post = sentence[end:]
    for d in dates:
        if head.end() <= d.offset < end:
            end = d.offset  # "on October 7" is the date, not part of the name
    for a, b, _ in entities:
        if start <= a - offset < end < b - offset:
            end = b - offset  # a name the phrase cuts short: "from the Organization for Security and Co-operation"
    while end > head.end() and sentence[end - 1] in " .,;:\n":
        end -= 1
    end = re.sub(r"\s+(?:on|in|at|from|for|by|of|with)$", "", sentence[:end]).__len__()
    location_after = None
    for e_start, _e_end, entity in entities:
        rel = e_start - offset
        if entity.type == "place" and end <= rel <= end + 50 and _PLACE_AFTER.match(sentence[end:rel]):
            location_after = entity.id
            break
    inside = [NamedSpan(a - offset, b - offset, e) for a, b, e in entities if start <= a - offset and b - offset <= end]
    inside = [x for x in inside if not any(y is not x and y.start <= x.start and x.end <= y.end for y in inside)]
    orgs = frozenset(e.id for _, _, e in inside if e.type == "organization")
    people = frozenset(e.id for _, _, e in inside if e.type == "person")
    location = location_after
    places: set[str] = set()
    for a, b, e in inside:
        if e.type != "place":
            continue
        if b <= head.start() and not sentence[b : head.start()].strip(" '’s"):
            location = location or e.id  # "the Washington Summit", "Vilnius summit"
        elif re.search(r"\b(?:in|at)\s+(?:the\s+)?$", sentence[max(0, a - 8) : a]):
            location = location or e.id
        else:
            places.add(e.id)
    entity_spans = [(a, b) for a, b, _ in inside]
    date_spans = [(d.offset, d.end_offset) for d in dates]
    descriptors = frozenset(
        _stem(w.group(0))
        for w in _WORD.finditer(sentence, start, end)
        if not any(a <= w.start() < b for a, b in entity_spans + date_spans)
        and w.group(0).lower() not in _STOP_BEFORE
        and w.group(0).lower() not in _GENERIC
        and w.group(0).lower() not in HEADS
        and not w.group(0)[:1].isdigit()
    )
    phrase_words = [w.group(0) for w in _WORD.finditer(sentence[start : head.end()])]
    while phrase_words and phrase_words[0][:1].islower():
        phrase_words.pop(0)  # "the virtual 2020 Reform National Convention": the name after the adjective
    proper = (
        word[:1].isupper()
        and all(w[:1].isupper() or w.isdigit() for w in phrase_words)
        and not all(w.lower() in _GENERIC | _PLAIN for w in phrase_words[:-1])  # not "Electoral Vote"
        and len(phrase_words) > 1
    )
    return EventMention(
        article=article_id,
        sentence=index,
        start=offset + start,
        end=offset + end,
        head_start=offset + head.start(),
        head_end=offset + head.end(),
        kind=kind,
        text=sentence[start:end],
        proper=proper,
        orgs=orgs,
        people=people,
        places=frozenset(places),
        location=location,
        descriptors=descriptors,
        date=_year_in(sentence[start:end], dates, start, end) or _nearest_date(dates, start, end),
        links_inside=bool(inside),
    )


_HELD = re.compile(r"\s*(?:which|that)?\s*(?:to be|was|were|is|are|will be)\s+(?:held|scheduled)\s+(?:on|for)\s*$")
_HELD_ON = re.compile(r"\s*(?:(?:to be|was|were|is|are|will be)\s+)?(?:held|scheduled|set)?\s*(?:on|for)?\s*$")
_MODAL_BEFORE = re.compile(r"(?i)\b(?:to|will|would|may|might|can|could|should|must)\s+$")
# pronouns and particles: no event's name runs back past them ("looking up Texas election")
_PRONOUNS = frozenset(["i", "it", "they", "we", "you", "them", "toward", "towards", "via", "up", "down", "out", "off"])


def _year_in(phrase: str, dates: list[DateSpan], start: int = 0, end: int = 0) -> DateSpan | None:
    """A year in the event's own name ("the 2024 election"), unless a date next to the phrase says
    more ("the 2020 election on November 3"; not "On December 12, ... the 2020 election")."""
    m = re.search(r"\b((?:19|20)\d\d)\b", phrase)
    if m is None:
        return None
    year = int(m.group(1))
    for d in dates:
        near = d.offset - end <= NEAR_DATE and start - d.end_offset <= NEAR_DATE
        if d.start.year == year and d.precision != "year" and near:
            return d
    return DateSpan(date(year, 1, 1), date(year, 12, 31), "year", m.group(1), -1, -1)


NEAR_DATE = 30  # characters between an event's phrase and a date that dates it more finely than its name


def _nearest_date(dates: list[DateSpan], start: int, end: int) -> DateSpan | None:
    if not dates:
        return None
    return min(dates, key=lambda d: max(d.offset - end, start - d.end_offset, 0))


def _compatible(m: EventMention, c: Cluster) -> bool:
    if m.kind != c.kind or m.kind == HEADLINE:
        return False
    if m.orgs and c.orgs and not (m.orgs <= c.orgs or c.orgs <= m.orgs):
        return False
    if m.location and c.locations and m.location not in c.locations:
        return False
    if m.descriptors and c.descriptors and not (m.descriptors & c.descriptors) and not (m.orgs & c.orgs):
        return False
    if (m.kind == "call" or m.kind in PERSON_KINDS) and m.people and not m.people & c.people:
        return False
    key = m.proper_key
    if key is not None and c.names and not any(key in k or k in key for k in c.names) and not m.orgs & c.orgs:
        return False  # the Republican National Convention is not the Reform National Convention
    if m.ordinal is not None and c.ordinals and m.ordinal not in c.ordinals:
        return False  # the first Global Summit is not the second
    day = m.date.start if m.date is not None and m.date.precision == "day" else None
    if c.by_day and (day is None or day != (c.span() or (None,))[0]):
        return False  # "its August 15 convention" is known by its day alone: only that day joins it

    return _overlap((m.date.start, m.date.end) if m.date else None, c.span())


def cluster_mentions(mentions: list[EventMention], article_dates: dict[str, date | None]) -> list[Cluster]:
    seeds = sorted(
        (m for m in mentions if m.specific),
        key=lambda m: (_PRECISION_ORDER[m.date.precision] if m.date else 9, m.article, m.start),
    )
    clusters: list[Cluster] = []
    of_kind: dict[str, list[Cluster]] = defaultdict(list)  # a mention only joins a cluster of its kind
    for m in seeds:
        same_kind = of_kind[m.kind]
        fits = [c for c in same_kind if _compatible(m, c) and (m.date is not None or c.span() is None)]
        if not fits and m.date is None:
            fits = _choose([c for c in same_kind if _compatible(m, c)], m, article_dates)
        if fits:
            fits[0].add(m)
        else:
            cluster = Cluster(m.kind, [m])
            clusters.append(cluster)
            same_kind.append(cluster)
    for m in mentions:
        if m.specific:
            continue
        fits = _choose([c for c in of_kind[m.kind] if _compatible(m, c)], m, article_dates)
        if fits:
            fits[0].add(m)
    return [c for c in clusters if c.mentions]


def _choose(fits: list[Cluster], m: EventMention, article_dates: dict[str, date | None]) -> list[Cluster]:
    """Where a mention with no date of its own goes: its article's event, else the one nearest in time."""
    same = [c for c in fits if m.article in c.articles]
    if same:
        nearest = min(same, key=lambda c: min(abs(x.start - m.start) for x in c.mentions if x.article == m.article))
        return [nearest]
    when = article_dates.get(m.article)
    timed = []
    for c in fits:
        span = c.span()
        if when is None or span is None:
            gap = None
        else:
            gap = 0 if span[0] <= when <= span[1] else min(abs((span[0] - when).days), abs((span[1] - when).days))
        timed.append((gap, c))
    # another article's event only when the phrase names one of its participants or its place: a
    # bare "the election", or "the presidential election", never joins an event on its own
    timed = [
        (gap, c)
        for gap, c in timed
        if m.orgs & c.orgs or m.people & c.people or (m.location is not None and m.location in c.locations)
    ]
    close = [(gap, c) for gap, c in timed if gap is not None and gap <= 45]
    if close:
        # most shared descriptors, then the event more sources report, then the nearest in time
        best = max(
            close,
            key=lambda x: (
                len(m.descriptors & x[1].descriptors),
                len(m.context & x[1].orgs),
                len(x[1].articles),
                -x[0],
            ),
        )
        return [best[1]]
    unknown = [c for gap, c in timed if gap is None]
    # a dated phrase ("the 1972 convention") never dates another article's undated event
    return unknown if len(unknown) == 1 and len(fits) == 1 and m.date is None else []


def _name(c: Cluster, entities: dict[str, Entity]) -> str:
    def score(m: EventMention) -> tuple[bool, bool, bool, bool, int, int]:
        head_final = m.end == m.head_end
        informative = bool(m.orgs or m.people or m.places or m.descriptors or m.location)
        return (m.proper, bool(m.orgs), informative, head_final, len(m.descriptors), -len(m.text))

    headlines = [m for m in c.mentions if m.headline]
    if headlines:
        text = min(headlines, key=lambda m: len(m.text)).text
        return text[:1].upper() + text[1:]  # the outlet's own words
    best = max(c.mentions, key=score)
    words = [w.group(0) for w in _WORD.finditer(best.text)]
    while best.proper and len(words) > 1 and words[0][:1].islower():
        words.pop(0)  # "virtual 2020 Reform National Convention": the name, not its adjective
    words = [w for w in words if w.lower() not in _GENERIC]
    text = " ".join(words)
    if best.date is not None and not best.named_by_day:
        text = text.replace(best.date.text, "").strip()
    text = re.sub(r"\s+(?:on|in|at)$", "", re.sub(r"\s{2,}", " ", text)).strip(" ,")
    if not text:
        text = best.kind
    orgs = sorted(c.orgs)
    if len(orgs) == 1 and orgs[0] in entities:
        org = entities[orgs[0]]
        if not any(form in text for form in (org.name, *org.aliases)) and len(org.name.split()) <= 2:
            text = f"{org.name} {text}"
    places = [entities[p] for p in sorted(c.locations) if p in entities]
    if len(places) == 1 and not any(w[:1].isupper() for w in text.split()[1:]):
        text = f"{text} in {places[0].name}"  # "primary elections in Idaho", not "primary elections"
    return text[:1].upper() + text[1:]


def _generic(c: Cluster, name: str) -> bool:
    """An event no one could look up: its phrases name no body, person or place, and its name
    holds no name of its own ("Fair elections", "Three primary elections", "Post-election")."""
    if any(m.proper or m.orgs or m.people or m.places or m.location or m.named_by_day for m in c.mentions):
        return False
    words = name.split()
    if words and country_of_adjective(words[0]) is not None:
        return False  # "Belarusian presidential election": a nationality names the place
    return not any(w[:1].isupper() for w in words[1:])


def find_events(
    entities: list[Entity],
    articles: dict[str, Article],
    extractions: dict[str, ArticleExtraction],
    ids: SlugRegistry,
) -> list[Entity]:
    """The events of the corpus, from event phrases clustered corpus-wide, with their ids claimed
    from ``ids``. ``entities`` (their events aside) give the events their participants and places;
    they are not changed."""
    named = mentions_by_sentence(entities, [t for t in ENTITY_TYPES if t != "event"])
    mentions: list[EventMention] = []
    verbs = frozenset(verb_like(a.body for a in articles.values()))
    for article_id in sorted(extractions):
        mentions.extend(find_mentions(articles[article_id], extractions[article_id], named, verbs))
    article_dates = {a: parse_iso(x.date) for a, x in articles.items()}
    clusters = cluster_mentions(mentions, article_dates)
    by_id = {e.id: e for e in entities if e.type != "event"}
    named_clusters = [(c, _name(c, by_id)) for c in clusters]
    named_clusters = [(c, name) for c, name in named_clusters if not _generic(c, name)]
    clusters, names = [c for c, _ in named_clusters], [name for _, name in named_clusters]
    counts = Counter(match_key(n) for n in names)
    events: list[Entity] = []
    for c, name in sorted(zip(clusters, names, strict=True), key=lambda x: (x[1].casefold(), x[0].span() or ())):
        span = c.span()
        if counts[match_key(name)] > 1 and span is not None:
            whole_year = (span[0].month, span[0].day, span[1].month, span[1].day) == (1, 1, 12, 31)
            name = f"{name} ({span[0].strftime('%Y' if whole_year else '%B %Y')})"
        events.append(_entity(c, name, ids, by_id, named, articles))
    return events


def _entity(
    c: Cluster,
    name: str,
    ids: SlugRegistry,
    by_id: dict[str, Entity],
    named: SentenceIndex,
    articles: dict[str, Article],
) -> Entity:
    mentions = sorted(c.mentions, key=lambda m: (m.article, m.start))
    info = EventInfo()
    span = c.span()
    if span is not None:
        info.date_start, info.date_end = span[0].isoformat(), span[1].isoformat()
    locations = Counter(m.location for m in mentions if m.location)
    if locations:
        info.location = max(sorted(locations), key=lambda k: locations[k])
    participants: set[str] = set()
    for m in mentions:
        participants |= m.orgs | m.people | m.places
        participants |= {e.id for _, _, e in named.get((m.article, m.sentence), ()) if e.type == "person"}
    info.participants = sorted(p for p in participants if p in by_id)
    event = Entity(id=ids.claim(name, fallback="event"), type="event", name=name, event=info)
    event.aliases = sorted({m.text for m in mentions if m.text != name and (m.proper or m.orgs)}, key=reading_order)
    for m in mentions:
        start, end = (m.head_start, m.head_end) if m.links_inside else (m.start, m.end)
        event.mentions.append(EntityMention(m.article, m.sentence, start, end, articles[m.article].body[start:end]))
    return event
