"""Direct quotes, their speakers, and one quote per statement across outlets.

A quote is text between quotation marks with at least :data:`MIN_WORDS`
words (shorter ones are scare quotes: a "de facto" army). Its speaker is
found the way a reader finds it:

1. a speech verb next to the quote in its sentence: "..., X said", "said
   X", "X told ...: ...", "X said, ...", "according to X", "In a statement,
   X vowed to ...";
2. a pronoun or a description in that place ("he said", "the alliance
   said", "Ukraine's top diplomat said") stands for the last person (or
   organization) the article named before the quote;
3. a quote with no cue of its own continues the sentence before it: the
   speaker that sentence names with a speech verb, or the speaker of a
   quote one or two sentences earlier.

Then quotes of the same speaker whose normalized wordings match (spelling
variants such as recognised/recognized, punctuation, a shortened version
inside a longer one) become one :class:`Quote` with every source and the
other wordings as variants.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from generator.lexicons.names import TITLE_WORDS
from generator.models import Article, ArticleExtraction, Entity, Quote, QuoteSource
from generator.slugs import SlugRegistry

MIN_WORDS = 4
MIN_SHARED_RUNS = 0.25  # share of the shorter wording's four-word runs the longer must have
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|explained|stated|states|noted|continued|stressed|wrote|writes|asked|argued|"
    "warned|insisted|declared|announced|affirmed|reaffirmed|urged|vowed|appealed|emphasized|emphasised|claimed|"
    "replied|responded|commented|remarked|acknowledged|admitted|concluded|recalled|posted|tweeted|pledged|promised|"
    "assured|cautioned|predicted|suggested|observed|underlined|underscored|agreed|reported|thanked|proposed|exclaimed|"
    "called|calling|described|describing|hailed|hailing|accused|accusing|assailed|declaring|stating|urging|saying|"
    "confirming|countered|criticized|criticised|praised|dubbed|labelled|labeled|read|reads|thought|thinking|wondered|wonder|mentioned"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording\s+to\b|\bin\s+(?:a|its|his|her|their)\s+(?:joint\s+)?statement\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(he|she|they|it|we)\s*$|^\s*(he|she|they|it)\b", re.IGNORECASE)
_NOMINAL = re.compile(
    r"\b(?:the|[\w’']+['’]s)\s+(?:[\w-]+\s+){0,3}(?P<noun>diplomat|minister|official|spokesman|spokeswoman|spokesperson|"
    r"president|leader|chief|secretary|envoy|ambassador|general|commander|head|chairman|chair|senator|lawmaker|"
    r"alliance|bloc|organization|organisation|ministry|government|agency|department|office|administration|company|"
    r"group|council|committee|union|party|army|military)\b",
    re.IGNORECASE,
)
_ORG_NOUNS = frozenset(
    [
        "alliance",
        "bloc",
        "organization",
        "organisation",
        "ministry",
        "government",
        "agency",
        "department",
        "office",
        "administration",
        "company",
        "group",
        "council",
        "committee",
        "union",
        "party",
        "army",
        "military",
    ]
)
_QUOTE_PAIRS = (("“", "”"), ('"', '"'))
_OPENERS = re.compile("|".join(re.escape(o) for o, _ in _QUOTE_PAIRS))
_BRITISH = [
    (re.compile(r"is(e|ed|es|ing|ation)\b"), r"iz\1"),
    (re.compile(r"our\b"), "or"),
    (re.compile(r"([^aeiou])re\b"), r"\1er"),
    (re.compile(r"ence\b"), "ense"),
]


@dataclass
class Found:
    """One quote in one article."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    speaker: str | None


def quote_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside quotation marks; a quote left open runs to the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", body):
        text, base = para.group(0), para.start()
        i = 0
        while (found := _OPENERS.search(text, i)) is not None:
            i = found.start()
            opener = next((o, c) for o, c in _QUOTE_PAIRS if text.startswith(o, i))
            if opener[0] == '"' and i > 0 and text[i - 1].isalnum():
                i += 1
                continue
            close = text.find(opener[1], i + 1)
            end = close if close != -1 else len(text)
            spans.append((base + i + 1, base + end))
            i = end + 1
    return [(a, b) for a, b in spans if len(re.findall(r"\w+", body[a:b])) >= MIN_WORDS]


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lowercase words with American spellings and no punctuation, for matching wordings."""
    words = re.findall(r"[\w'’]+", text.casefold().replace("’", "'"))
    out = []
    for w in words:
        for pattern, repl in _BRITISH:
            w = pattern.sub(repl, w)
        out.append(w)
    return " ".join(out)


def same_statement(a: str, b: str) -> bool:
    """Two wordings of one quote: nearly equal, or one a shortened part of the other."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    # the fuzzy scores below are quadratic in the length; wordings that share few
    # runs of four words cannot reach them, so they are told apart cheaply first
    small = _shingles(short)
    if len(small) > 4 and len(small & _shingles(long_)) < MIN_SHARED_RUNS * len(small):
        return False
    if len(short.split()) >= 5 and fuzz.partial_ratio(short, long_) >= 92:
        return True
    return fuzz.ratio(na, nb) >= 90


# a relative clause after the subject, closed by a comma before the speech verb
_RELATIVE = re.compile(r",\s+(?:whose|who|which)\b[^,;.!?]*,\s*$")
# the place or the audience of a statement, never its speaker: "on Twitter", "told the BBC", "via
# Facebook", "to reporters" (but "according to X" names the source)
_VENUE = re.compile(r"(?:\b(?:on|via|told|tells|tell)|(?<!according)\s+to)\s+(?:the\s+)?$", re.IGNORECASE)


class NamedAt(NamedTuple):
    """An entity named at ``[start, end)`` of an article's body, in its sentence ``sentence``."""

    start: int
    end: int
    sentence: int
    entity: Entity


class _Article:
    """Entity mentions of one article outside quotes, in order, for finding speakers."""

    def __init__(self, article: Article, extraction: ArticleExtraction, mentions: list[NamedAt]):
        self.article = article
        self.extraction = extraction
        self.spans = quote_spans(article.body)
        self.starts = [s.start for s in extraction.sentences]
        body = article.body
        self.mentions = [
            m
            for m in mentions
            if not any(a <= m.start < b for a, b in self.spans)
            and not _VENUE.search(body, max(0, m.start - 30), m.start)
        ]

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def named_in(self, start: int, end: int, types: tuple[str, ...]) -> list[NamedAt]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.entity.type in types]

    def recent(self, before: int, types: tuple[str, ...], first: bool) -> str | None:
        """The first (or last) entity of these types in the latest sentence naming one before ``before``."""
        earlier = [m for m in self.mentions if m.end <= before and m.entity.type in types]
        if not earlier:
            return None
        last_sentence = earlier[-1].sentence
        group = [m for m in earlier if m.sentence == last_sentence]
        return (group[0] if first else group[-1]).entity.id


# speech verbs that come before their subject ("said Lind"); the others take an object after them
_INVERTING = re.compile(
    r"(?i)said|says|added|adds|asked|wrote|writes|continued|explained|noted|stated|replied|responded|recalled|"
    r"warned|insisted|argued|observed|concluded|remarked|declared|announced"
)
_ARTICLE_BEFORE = re.compile(r"(?i)\b(?:the|a|an)\s+$")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\s+(?:\w+\s+){0,2}$")
_SECOND_PERSON = re.compile(r"\byou\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_SINGULAR_I = re.compile(r"\bI\s+(?:\w+\s+){0,2}$")
# words that may open a clause before its subject
_OPENING = re.compile(r"(?i)^[\s,“\"']*(?:(?:and|but|however|meanwhile|later|then|also|so|yet|in\s+response),?\s+)*")
# words before a name that make it the object of a preposition, not the subject of a sentence
_GOVERNED = re.compile(
    r"\b(?:of|from|at|in|on|with|to|for|about|against|by|than|unlike|into|over|under|between|among|toward|towards|"
    r"whether|like|as|via|including)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# a name that modifies a noun ("the Biden campaign", "Trump's State Department") is no subject
_MODIFIER = re.compile(r"(?:['’]s?\b|\s+(?:campaign|administration|team|camp|family|government|aides?|allies)\b)")
# what a body says through: "the WHO's website said", "the ministry's statement read"
_VOICE = re.compile(
    r"['’]s?\s+(?:official\s+)?(?:website|statement|spokesperson|spokesman|spokeswoman|account|press\s+release)\b"
)


def _ungoverned(doc: _Article, mentions: list[NamedAt]) -> list[NamedAt]:
    """The mentions that could be a clause's subject: not after a preposition, not a possessor or a modifier."""
    body = doc.article.body
    return [
        m
        for m in mentions
        if not _GOVERNED.search(body, max(0, m.start - 14), m.start) and not _MODIFIER.match(body, m.end)
    ]


_TURN = re.compile(r"\(\((?P<name>[^()\n]{2,60})\)\)")


def _turn_speaker(doc: _Article, at: int) -> str | None:
    """The person whose interview turn ("((Naomi Martisius)) ...") holds ``body[at]``, if the
    label is one of the article's people."""
    body = doc.article.body
    line = body.rfind("\n", 0, at) + 1
    label = _TURN.match(body, line)
    if label is None:
        return None
    name = label["name"].strip().casefold()
    people = {m.entity.id for m in doc.mentions if m.entity.type == "person" and m.entity.name.casefold() == name}
    return people.pop() if len(people) == 1 else None


def _next_turn_speaker(doc: _Article, at: int) -> str | None:
    """In an interview, the person whose turn follows the one holding ``body[at]``: whom the
    interviewer's "you" addresses."""
    body = doc.article.body
    line = body.rfind("\n", 0, at) + 1
    if _TURN.match(body, line) is None:
        return None
    for label in _TURN.finditer(body, at):
        if body[label.start() - 1 : label.start()] in ("", "\n"):
            return _turn_speaker(doc, label.start() + 2)
    return None


def _clause_subject(doc: _Article, clause_start: int, verb_start: int) -> str | None:
    """The subject of the clause that runs from ``clause_start`` to a speech verb: its first person
    named outside a prepositional phrase ("Alexis Boon, the head of the Metropolitan Police,
    said"; "Kristian Andersen of Scripps Research said"), else its last such organization."""
    body = doc.article.body
    stop = max(body.rfind(c, clause_start, verb_start) for c in ";:")
    start = clause_start if stop < 0 else stop + 1
    candidates = _ungoverned(doc, doc.named_in(start, verb_start, ("person", "organization")))
    people = [m for m in candidates if m.entity.type == "person"]
    if people:
        return people[0].entity.id
    bodies = [m for m in candidates if m.entity.type == "organization"]
    return bodies[-1].entity.id if bodies else None


def _subject(doc: _Article, window_start: int, verb_start: int, verb_end: int, after_end: int) -> str | None:
    """Who the speech verb at body[verb_start:verb_end] belongs to."""
    body = doc.article.body
    if _SECOND_PERSON.search(body, window_start, verb_start):
        return _next_turn_speaker(doc, verb_start)  # the interviewer's "you had mentioned": the interviewee
    if _FIRST_PERSON.search(body, window_start, verb_start):
        # "I thought": an interviewee in their turn ("we can say" is anyone), else nobody named
        return _turn_speaker(doc, verb_start) if _SINGULAR_I.search(body, window_start, verb_start) else None
    before = doc.named_in(window_start, verb_start, ("person", "organization", "place"))
    voices = [m for m in before if m.entity.type == "organization" and _VOICE.match(body, m.end)]
    if voices and not re.search(r"[.;!?]\s", body[voices[-1].end : verb_start]):
        return voices[-1].entity.id  # "the WHO's website said"
    if body[verb_start:verb_end].endswith("ing") and not re.search(r"[.;!?]\s", body[window_start:verb_start]):
        # "Trump made a statement about ..., stating": the name opening the clause says it, or the one
        # name of the clause outside a prepositional phrase; several ("X, Y and Z signed a letter
        # saying") or none: no one
        opener = _opening_subject(doc, window_start, verb_start, pronouns=False)
        if opener is not None:
            return opener
        free = _ungoverned(doc, doc.named_in(window_start, verb_start, ("person", "organization")))
        return free[0].entity.id if len({m.entity.id for m in free}) == 1 else None
    subject = _clause_subject(doc, window_start, verb_start)
    if subject is not None and before and not re.search(r"[.;!?]", body[before[-1].end : verb_start]):
        last = before[-1]
        governed = _GOVERNED.search(body, max(0, last.start - 14), last.start)
        if last.entity.id != subject and (last.entity.type != "person" or governed):
            return subject  # the last name before the verb belongs to a phrase about the subject
    # "Robinson, whose Twitter bio reads ..., writes": a name inside a clause about the subject is
    # not the subject; the gap is measured from the subject, across the clause
    clause = _RELATIVE.search(body, window_start, verb_start)
    if clause is not None:
        outside = [m for m in before if m.end <= clause.start()]
        if outside and not re.search(r"[.;!?]", body[outside[-1].end : clause.start()]):
            return outside[-1].entity.id
    after = doc.named_in(verb_end, after_end, ("person", "organization"))
    before = _ungoverned(doc, before)  # "the head of the Metropolitan Police said": the police did not speak
    gap_before = body[before[-1].end : verb_start] if before else ""
    if before and len(gap_before) <= 60 and not re.search(r"[.;!?]", gap_before):
        return before[-1].entity.id
    inverted = _INVERTING.fullmatch(body[verb_start:verb_end]) is not None
    if after and inverted and _TITLE_RUN.match(body[verb_end : after[0].start].strip(" ,") + " "):
        return after[0].entity.id  # "said (Vice President) Lind" (but "described Taylor as" names whom it is about)
    lead = body[window_start:verb_start]
    pronoun = _PRONOUN.search(lead)
    nominal = _NOMINAL.search(lead)
    if nominal and _OPENING.sub("", lead[: nominal.start()]).strip(" ,“\"'"):
        nominal = None  # "Alexis Boon, the head of ...": the description follows a name the tagger missed
    if nominal and nominal["noun"].lower() in _ORG_NOUNS:
        return doc.recent(window_start, ("organization",), first=False)
    word = (pronoun.group(1) or pronoun.group(2) or "").lower() if pronoun else ""
    if word == "they":
        return None  # "They cry, saying ...": people the article need not have named
    if word == "it":
        return doc.recent(window_start, ("organization",), first=False) or doc.recent(
            window_start, ("person",), first=True
        )
    if pronoun:
        return doc.recent(window_start, ("person",), first=True)
    if nominal:
        # "the health minister said": the last person named, if the article calls them so
        person = doc.recent(window_start, ("person",), first=True)
        return person if person is not None and _described_as(doc, person, nominal.group(0)) else None
    return None


# the portfolios of ministers and officials, which tell one office from another
_PORTFOLIOS = frozenset(
    ["health", "defence", "defense", "foreign", "finance", "interior", "home", "justice", "education", "transport",
     "aviation", "labour", "labor", "trade", "agriculture", "environment", "energy", "economy", "culture", "sports",
     "tourism", "housing", "security", "intelligence", "treasury", "commerce", "information", "communications",
     "immigration", "police", "fire", "railway", "railways", "water", "mines", "petroleum", "industry"]
)  # fmt: skip


def _described_as(doc: _Article, person: str, description: str) -> bool:
    """Whether the article writes the words of ``description`` ("the local health minister")
    next to a mention of ``person`` ("Health Minister Ada Roe", "Roe, the health minister")."""
    body = doc.article.body
    # the portfolio that qualifies the office ("health" in "the local health minister"); the office
    # itself may be put another way ("the leading American diplomat" for the Secretary of State)
    words = [w for w in re.findall(r"[\w'’-]+", description.casefold())[:-1] if w in _PORTFOLIOS]
    sentences = doc.extraction.sentences
    for start, end, index, entity in doc.mentions:
        if entity.id == person:
            low, high = (sentences[index].start, sentences[index].end) if sentences else (0, len(body))
            near = body[max(low, start - 60) : min(high, end + 60)].casefold()
            if all(re.search(rf"\b{re.escape(w)}\b", near) for w in words):
                return True
    return False


class _Unknown:
    """A cue in the quote's sentence says someone spoke, but no entity of ours: the speaker is
    unknown, and is not borrowed from the sentences around."""


UNKNOWN = _Unknown()


def speaker_of(doc: _Article, start: int, end: int) -> str | _Unknown | None:
    """The speaker a cue in the quote's own sentence names; :data:`UNKNOWN` when a cue names no
    entity ("The 14th Amendment states: ..."); None when the sentence has no cue."""
    body = doc.article.body
    sentences = doc.extraction.sentences
    s_start = sentences[doc.sentence_of(start)].start if sentences else 0
    # the sentence that holds the closing mark, or the words right after it when the model split there
    s_end = sentences[doc.sentence_of(min(len(body) - 1, end + 2))].end if sentences else len(body)
    others = [(a, b) for a, b in doc.spans if (a, b) != (start, end)]
    # after the quote: "”, Lind said." / "” he explained"
    after_end = min([a - 1 for a, _ in others if a > end] + [s_end, end + 120])
    after = body[end + 1 : after_end]
    verb = _VERB.search(after[:80])
    # a quote closing its sentence ('... campaign." According to The Post, officials warned') is
    # not attributed by the next sentence's verb
    closed = body[end - 1 : end] == "." and after.lstrip(" \"”’'")[:1].isupper()
    # '... accused Trump of ignoring "truth" and said she ...': the verb after is the same subject's
    closed = closed or re.match(r"[\s\"”’',.]*(?:and|but)\s", after) is not None
    if verb and not closed and not re.search(r"[.!?]\s", after[: verb.start()]):
        return _subject(doc, end + 1, end + 1 + verb.start(), end + 1 + verb.end(), after_end) or UNKNOWN
    # before the quote: "Lind said, “..." / "According to the council's statement, ..."
    window_start = max([b + 1 for a, b in others if b < start] + [s_start])
    lead = body[window_start : start - 1]
    # "the saying": a noun, not a speech verb
    cues = [m for m in _VERB.finditer(lead) if not _ARTICLE_BEFORE.search(lead, 0, m.start())]
    cues += list(_ACCORDING.finditer(lead))
    if not lead.strip(" “\"'") and body[:window_start].rstrip().endswith(":") and doc.sentence_of(start) > 0:
        # "Seidenberg defended the payments:" or "In comments online, Robinson writes:", then the
        # quote as a paragraph of its own
        previous = sentences[doc.sentence_of(start) - 1]
        verbs = list(_VERB.finditer(body, previous.start, previous.end))
        if verbs:
            said = _subject(doc, previous.start, verbs[-1].start(), verbs[-1].end(), previous.end)
            if said is not None:
                return said
        return _opening_subject(doc, previous.start, previous.end) or UNKNOWN
    if not cues:
        if lead.rstrip(" “\"'").endswith(":"):
            # "Collins saw compromise as the best way: '...'": the sentence's subject introduces it
            return _opening_subject(doc, window_start, start) or UNKNOWN
        return None
    cue = max(cues, key=lambda m: m.start())
    if _ACCORDING.fullmatch(cue.group(0)):
        named = doc.named_in(window_start + cue.end(), start, ("person", "organization", "place"))
        if named:
            return named[0].entity.id
    return _subject(doc, window_start, window_start + cue.start(), window_start + cue.end(), start) or UNKNOWN


# a sentence's opening before its subject's name: capitalized words and title words ("AIP chairman")
_TITLE_RUN = re.compile(rf"^[\s“\"']*(?:(?:[A-Z][\w.&-]*|{'|'.join(sorted(map(re.escape, TITLE_WORDS)))}),?\s+)*$")


_TRANSCRIPT_LABEL = re.compile(r"\s*(?:[A-Z][A-Z.]*\s+)*(?P<name>[A-Z][A-Z'’-]+):\s*[“\"]?$")


def _opening_subject(doc: _Article, window_start: int, start: int, pronouns: bool = True) -> str | None:
    """The person or body a sentence opens with (after titles), or the person a "He"/"She"
    opening it stands for."""
    body = doc.article.body
    named = [
        m
        for m in _ungoverned(doc, doc.named_in(window_start, start, ("person", "organization")))
        if _TITLE_RUN.match(body[window_start : m.start])
    ]
    people = [m for m in named if m.entity.type == "person"]
    if people or named:
        return (people or named)[0].entity.id  # "Ranking Member, House Committee, Congressman Raul Grijalva:"
    label = _TRANSCRIPT_LABEL.match(body, window_start, start)
    if label is not None:
        # a transcript's "YELLEN:": the one person of the article with that surname
        surname = label["name"].casefold()
        persons = {m.entity.id: m.entity.name for m in doc.mentions if m.entity.type == "person"}
        found = {pid for pid, name in persons.items() if name.casefold().endswith(" " + surname)}
        if len(found) == 1:
            return found.pop()
    if pronouns and re.match(r"[\s“\"']*(?:He|She)\b", body[window_start:start]):
        return doc.recent(window_start, ("person",), first=True)
    return None


def find_quotes(article: Article, extraction: ArticleExtraction, mentions: list[NamedAt]) -> list[Found]:
    """Quotes in one article with their speakers, from the entities ``mentions`` name."""
    doc = _Article(article, extraction, sorted(mentions, key=lambda m: m.start))
    body = article.body
    found: list[Found] = []
    for start, end in doc.spans:
        sentence = doc.sentence_of(start)
        cue = speaker_of(doc, start, end)
        speaker = _from_context(doc, found, sentence) if cue is None else None if isinstance(cue, _Unknown) else cue
        text = body[start:end].strip().rstrip(",")
        found.append(Found(article.id, sentence, start, end, text, speaker))
    return found


def _from_context(doc: _Article, found: list[Found], sentence: int) -> str | None:
    """A quote with no cue of its own: the speaker of the sentence or quote just before it."""
    if sentence > 0 and doc.extraction.sentences:
        prev = doc.extraction.sentences[sentence - 1]
        text = doc.article.body[prev.start : prev.end]
        verb = _VERB.search(text)
        if verb and not any(prev.start <= a < prev.end for a, _ in doc.spans):
            who = _subject(doc, prev.start, prev.start + verb.start(), prev.start + verb.end(), prev.end)
            if who:
                return who
    for q in reversed(found):
        if sentence - q.sentence <= 2 and q.speaker:
            return q.speaker
    return None


@lru_cache(maxsize=65536)
def _shingles(text: str, n: int = 4) -> frozenset[str]:
    words = normalize(text).split()
    return frozenset(" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))


def merge_quotes(found: list[Found], ids: SlugRegistry, names: dict[str, str]) -> list[Quote]:
    """One :class:`Quote` per statement: same speaker (or unknown) and matching wording.

    Only quotes that share a run of four words are compared, so the work grows
    with the number of quotes, not with its square.
    """
    groups: list[list[Found]] = []
    index: dict[str, set[int]] = defaultdict(set)
    for f in sorted(found, key=lambda f: (-len(f.text), f.article, f.start)):
        shingles = _shingles(f.text)
        candidates = sorted(set().union(*(index.get(sh, set()) for sh in shingles)))
        for i in candidates:
            group = groups[i]
            said = {g.speaker for g in group if g.speaker}
            if (not f.speaker or not said or f.speaker in said) and any(same_statement(f.text, g.text) for g in group):
                group.append(f)
                break
        else:
            i = len(groups)
            groups.append([f])
        for sh in shingles:
            index[sh].add(i)
    quotes: list[Quote] = []
    for group in groups:
        speakers = Counter(g.speaker for g in group if g.speaker)
        speaker = max(sorted(speakers), key=lambda s: speakers[s]) if speakers else None
        wordings = Counter(g.text for g in group)
        text = max(wordings, key=lambda t: (wordings[t], len(t), t))
        variants = sorted(set(wordings) - {text})
        sources = sorted({(g.article, g.sentence) for g in group})
        label = f"{names.get(speaker or '', 'unattributed')} {' '.join(text.split()[:6])}"
        quotes.append(
            Quote(
                id=ids.claim(label, fallback="quote"),
                speaker=speaker,
                text=text,
                sources=[QuoteSource(a, s) for a, s in sources],
                variants=variants,
            )
        )
    return sorted(quotes, key=lambda q: (q.sources[0].article, q.sources[0].sentence, q.id))


def extract_quotes(
    entities: list[Entity], articles: dict[str, Article], extractions: dict[str, ArticleExtraction]
) -> list[Found]:
    by_article: dict[str, list[NamedAt]] = defaultdict(list)
    for e in entities:
        if e.type in ("person", "organization", "place"):
            for m in e.mentions:
                by_article[m.article].append(NamedAt(m.start, m.end, m.sentence, e))
    found: list[Found] = []
    for article_id in sorted(extractions):
        found.extend(find_quotes(articles[article_id], extractions[article_id], by_article[article_id]))
    return found


def shared_articles(quotes: list[Quote]) -> dict[str, set[str]]:
    """Article -> the other articles that carry at least one of its quotes."""
    out: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        articles = {src.article for src in q.sources}
        for a in articles:
            out[a] |= articles - {a}
    return out
