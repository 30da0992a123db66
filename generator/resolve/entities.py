"""Resolve: the whole corpus at once, from mentions to entities.

1. candidates: NER spans cleaned into names; spans that are part of a title
   ("Secretary of State") or not names at all are dropped;
2. keys: spellings of one name meet under one key (punctuation, alias
   tables, acronyms defined in the text, gazetteer spellings);
3. people: a surname or partial name joins the full name it stands for, in
   its own article first, then across the corpus when only one fits;
4. types: each cluster's type is voted over all its mentions, with title,
   gazetteer and organization-word cues;
5. junk: single first names, common words ("Nominee", which the corpus also
   writes in lower case) and one-word fragments that joined nothing go.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import cast

from rapidfuzz import fuzz

from generator.lexicons import gazetteer
from generator.lexicons.names import (
    ADMIN_WORDS,
    COUNTRY_ALIASES,
    DOCUMENT_WORDS,
    EVENT_WORDS,
    FORMER_STATES,
    GROUP_WORDS,
    HONORIFICS,
    ORG_ALIASES,
    ORG_WORDS,
    PLACE_WORDS,
    SHIP_PREFIXES,
    TITLE_WORDS,
    clean_surface,
    given_names,
    is_acronym,
    is_degree,
    is_speaker_label,
    is_time_zone,
    looks_like_name,
    match_key,
    reading_order,
    same_first_name,
)
from generator.models import Article, ArticleExtraction, Entity, EntityMention, EntityType
from generator.resolve.short_forms import article_short_forms, shortenings
from generator.resolve.unlabelled import add_untagged
from generator.slugs import SlugRegistry

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
}
_TITLE_PART = re.compile(
    r"\b(?:secretary|minister|ministers|commissioner|secretary-general|undersecretary)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'-]*)(?:\s+(?:[A-Z][\w'-]*|of|for|and|the|in|on|de|des|du|la|et)){1,9})\s+\(([A-Z][A-Za-z.&]{1,9})\)"
)
_WORD = re.compile(r"[\w'’.-]+")
_TITLE_AFTER = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}?(?P<word>[A-Za-z-]+)")
_OUTLET_BEFORE = re.compile(
    r"\b(?:outlet|newspaper|daily|weekly|magazine|broadcaster|agency|website|channel|tabloid|news\s+site)\s+$",
    re.IGNORECASE,
)
# "wrote on Twitter", "a statement on Facebook", "trended on Twitter", "posted to YouTube": a platform
# or a channel, not a person ("pressure on Roe" has no word of publishing before it)
_PLATFORM_BEFORE = re.compile(
    r"(?:\b(?:post\w*|tweet\w*|wr[io]te|writes|said|says|statement|message|announc\w*|endors\w*|video|photos?|"
    r"footage|report\w*|viral|trend\w*|users?|respon\w*|hail\w*|confirm\w*|shar\w*|publish\w*|live|appear\w*|"
    r"account|pages?)\b[^.!?\"“”]{0,50}\bon|\bpost\w*\b[^.!?\"“”]{0,30}\bto)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REPORTED_AFTER = re.compile(r"^\s+(?:reported|reports)\b")
_DOMAIN_TAIL = re.compile(r"\.[A-Za-z]{2,6}\b")
_BREAK = re.compile(r":|\n")
_INNER_POSSESSIVE = re.compile(r"\w['’]s\s")
_EDGE_PUNCT = "\"'“”‘’()[]{},.;:!?*"


@dataclass(frozen=True)
class WordCase:
    """How often the corpus writes each word in lower case and capitalized, in running text
    (tokens of URLs, e-mail addresses and hyphenated slugs are not counted)."""

    lower: Counter[str]
    capitalized: Counter[str]

    def is_common(self, word: str, share: float) -> bool:
        """``word`` (lower case) is written in lower case at least ``share`` times as often as
        capitalized: a common word ("nominee", "children") that is not a name when alone."""
        lower = self.lower[word]
        return lower >= 2 and lower >= share * self.capitalized[word]


def word_case(articles: list[Article]) -> WordCase:
    tokens: Counter[str] = Counter()
    for article in articles:
        tokens.update(article.body.split())  # counted in C; each distinct token is looked at once below
    lower: Counter[str] = Counter()
    capitalized: Counter[str] = Counter()
    for token, count in tokens.items():
        word = token.strip(_EDGE_PUNCT)
        if not word.isalpha():
            continue
        if word.islower():
            lower[word] += count
        else:
            capitalized[word.lower()] += count
    return WordCase(lower, capitalized)


# A lone word is a person's name only if the corpus hardly ever writes it in lower case;
# for other types, only if it writes it capitalized more often than not.
PERSON_COMMON_SHARE = 0.05
OTHER_COMMON_SHARE = 1.0


@dataclass
class Span:
    article: str
    start: int
    end: int
    sentence: int
    text: str
    label: EntityType
    title_cue: bool = False
    outlet_cue: bool = False
    group_cue: bool = False  # "the Roe family", "the Al Example tribe": a group of people
    person_cue: bool = False  # "Roe, who", "Roe (born 1960)", "Roe, 45,", "Roe's wife": someone's
    sentence_initial: bool = False
    the_before: bool = False  # "the Pirates": a body's or a thing's name more than a place's
    key: str = ""


@dataclass
class Cluster:
    key: str
    spans: list[Span] = field(default_factory=list)
    type: EntityType | None = "organization"
    name: str = ""
    bare: str = ""  # the key of the name without its country, when country-qualified forms were merged


# ---------------------------------------------------------------- candidates


def acronym_definitions(articles: list[Article], local: dict[str, dict[str, str]] | None = None) -> dict[str, str]:
    """Acronyms the corpus spells out ("Long Form (LF)", "LF (Long Form)"), each with the one long
    form every article that defines it agrees on: acronym key -> long form. An acronym two
    articles spell out differently is left out (each keeps its own, :func:`local_acronyms`).
    ``local``: :func:`local_definitions` of ``articles``, when the caller has it."""
    forms: dict[str, set[str]] = defaultdict(set)
    for defined in (local_definitions(articles) if local is None else local).values():
        for key, long_form in defined.items():
            forms[key].add(long_form)
    return {k: next(iter(v)) for k, v in forms.items() if len(v) == 1}


def local_definitions(articles: list[Article]) -> dict[str, dict[str, str]]:
    """The acronyms each article spells out: article id -> acronym key -> long form (Schwartz and
    Hearst's pairs: the long form's words, trimmed from the left, give the acronym's letters)."""
    out: dict[str, dict[str, str]] = {}
    for article in articles:
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        for m in _ACRONYM_DEF.finditer(article.body):
            long_form = _trim_to_initials(m.group(1), m.group(2))
            if long_form:
                seen[match_key(m.group(2))][long_form] += 1
        for m in _ACRONYM_FIRST.finditer(article.body):
            long_form = m.group(2)
            if _initials(long_form) == _letters_of(m.group(1)):
                seen[match_key(m.group(1))][long_form] += 1
        if seen:
            out[article.id] = {k: c.most_common(1)[0][0] for k, c in seen.items()}
    return out


_ACRONYM_FIRST = re.compile(
    r"\b([A-Z][A-Z.&]{1,9})\s+\(((?:[A-Z][\w'-]*)(?:\s+(?:[A-Z][\w'-]*|of|for|and|the|in|on)){1,9})\)"
)
_SMALL_WORDS = frozenset(["of", "for", "and", "the", "in", "on", "de", "des", "du", "la", "et", "to", "at", "&"])


def _letters_of(acronym: str) -> str:
    return acronym.replace(".", "").replace("&", "").upper()


def _initials(long_form: str) -> str:
    return "".join(w[0] for w in long_form.split() if w[:1].isupper() and w.lower() not in _SMALL_WORDS).upper()


def _trim_to_initials(long_form: str, acronym: str) -> str:
    """The end of ``long_form`` whose capitalized words give ``acronym``'s letters, or ""."""
    letters = _letters_of(acronym)
    words = [w for w in long_form.split() if w[:1].isupper()]
    # trim leading words until the initials match the acronym
    while words and len(words) > len(letters):
        long_form = long_form.split(" ", 1)[1]
        words = words[1:]
    while long_form[:1].islower() and " " in long_form:  # "of the Council ..." -> "Council ..."
        long_form = long_form.split(" ", 1)[1]
    return long_form if "".join(w[0] for w in words).upper() == letters else ""


def local_acronyms(spans: list[Span], defined: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Per article, the acronyms that stand for a longer name of the same article: those it spells
    out, and those of three letters or more whose letters are the initials of exactly one longer
    name it uses ("NTSB" after "National Transportation Safety Board"). Article id -> acronym
    key -> key of the long form."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    by_article: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        by_article[span.article].append(span)
    for article, these in by_article.items():
        mapping = {k: match_key(v) for k, v in defined.get(article, {}).items()}
        long_forms: dict[str, set[str]] = defaultdict(set)
        for span in these:
            if span.label in ("organization", "place") and len(span.text.split()) >= 2:
                long_forms[_initials(span.text)].add(match_key(span.text))
        for span in these:
            if not is_acronym(span.text):
                continue
            key = match_key(span.text)
            letters = _letters_of(span.text)
            if key not in mapping and len(letters) >= 3 and len(long_forms.get(letters, ())) == 1:
                mapping[key] = next(iter(long_forms[letters]))
        if mapping:
            out[article] = mapping
    return out


def long_forms_by_first_word(long_forms: dict[str, str]) -> dict[str, list[str]]:
    by_first_word: dict[str, list[str]] = defaultdict(list)
    for long_form in sorted(set(long_forms.values())):
        by_first_word[long_form.split(" ", 1)[0]].append(long_form)
    return by_first_word


def candidates(
    article: Article,
    extraction: ArticleExtraction,
    long_forms: dict[str, str],
    by_first_word: dict[str, list[str]] | None = None,
) -> list[Span]:
    """The name spans of one article; ``by_first_word`` is :func:`long_forms_by_first_word`
    of ``long_forms``, computed once for the corpus."""
    body = article.body
    spans: list[Span] = []
    if by_first_word is None:
        by_first_word = long_forms_by_first_word(long_forms)
    for m in extraction.mentions:
        label = LABEL_TYPES.get(m.label)
        if label is None:
            continue
        start, end = m.start, m.end
        if tail := _DOMAIN_TAIL.match(body, end):
            end = tail.end()  # "Example.Az" cut at the dot
        if _BREAK.search(body, start, end):  # "Jane Roe: Nominee", a heading run into a name: keep the longer part
            start, end = max(_parts(body, start, end), key=lambda p: (_letters(body[p[0] : p[1]]), -p[0]))
        if is_speaker_label(body, start, end):
            continue  # "((WN))", "Q:": who speaks in an interview, not a name in the news
        for a, b in (run for piece in _pieces(body, start, end) for run in _runs(body, *piece)):
            for c, d, kind in _unglue(body, a, b, label):
                span = _candidate(article, extraction, m.sentence, kind, c, d, by_first_word)
                if span is not None:
                    spans.append(span)
    for index, start, end in speaker_names(body, extraction):
        span = _candidate(article, extraction, index, "person", start, end, by_first_word)
        if span is not None:
            spans.append(span)
    return spans


# "Alexis Boon, the head of ...", "Alexis Boon said": a given name and a capitalized word before an
# appositive or a speech verb name a person the tagger may have missed
_SPEAKER = re.compile(
    r"(?<![\w.'’-])(?P<given>[A-Z][a-z]+)\s+(?P<rest>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"(?=,\s+(?:the|a|an|who)\s+[a-z]|\s+(?:said|says|told|tells|added|wrote|stated|explained)\b)"
)


def speaker_names(body: str, extraction: ArticleExtraction) -> list[tuple[int, int, int]]:
    """(sentence, start, end) of the people a speech verb or an appositive marks ("Alexis Boon, the
    head of the unit, said") where the tagger tagged no name: the first word is a given name (not a
    place's or a title's), no word is a title, and no tagged mention overlaps."""
    tagged = [(m.start, m.end) for m in extraction.mentions]
    found: list[tuple[int, int, int]] = []
    for index, sentence in enumerate(extraction.sentences):
        for m in _SPEAKER.finditer(body, sentence.start, sentence.end):
            a, b = m.span()
            if any(a < y and x < b for x, y in tagged):
                continue
            given = m["given"].lower() in given_names() and m["given"].lower() not in TITLE_WORDS
            if (
                given
                and gazetteer.lookup(m["given"]) is None
                and not any(w.lower() in TITLE_WORDS for w in m["rest"].split())
            ):
                found.append((index, a, b))
    return found


def _candidate(
    article: Article,
    extraction: ArticleExtraction,
    sentence: int,
    label: EntityType,
    start: int,
    end: int,
    by_first_word: dict[str, list[str]],
) -> Span | None:
    """The cleaned name span of ``body[start:end]``, or None when it is no name."""
    body = article.body
    # extend a span that stops inside a spelled-out acronym
    surface = clean_surface(body[start:end])
    for long_form in by_first_word.get(surface.split(" ", 1)[0], ()):
        if long_form.startswith(surface) and body.startswith(long_form, _strip_article(body, start)):
            end = _strip_article(body, start) + len(long_form)
            break
    raw = body[start:end]
    text = clean_surface(raw)
    if not looks_like_name(text) or len(text) < 2:
        return None
    before = body[max(0, start - 40) : start]
    if len(text.split()) == 1 and _TITLE_PART.search(before):
        return None  # "State" in "Secretary of State"
    title_cue = False
    if (title := _leading_title(text, label)) and (at := body.find(title, start, end)) >= 0:
        start = at + len(title)  # "Lady Jane Roe", "Governors Roe", "Dr Roe": the title is not the name
        while start < end and (body[start].isspace() or body[start] == "."):
            start += 1
        raw = body[start:end]
        text = clean_surface(raw)
        before = body[max(0, start - 40) : start]
        label, title_cue = "person", True
        if not looks_like_name(text) or len(text) < 2:
            return None
    if text.split()[0] in SHIP_PREFIXES:
        return None  # a ship
    group_cue = label == "person" and _group_word(text, body[end : end + 20])
    if group_cue:
        label = "organization"  # "the Al Example tribe", "the Roe family"
    lead = len(raw) - len(raw.lstrip())
    offset = raw.find(text[:1], lead) if text else lead
    the_opening = _THE_OPENING.match(raw, lead) is not None
    if label == "organization" and the_opening:
        offset = lead  # "the United Nations": the article belongs to many organizations' names
    after = body[end : end + 60]
    sentence_start = extraction.sentences[sentence].start if extraction.sentences else 0
    opening = not body[sentence_start:start].strip(" \"“‘'’")
    return Span(
        article=article.id,
        start=start + max(0, offset),
        end=end,
        sentence=sentence,
        text=text,
        label=label,
        title_cue=title_cue or _has_title_before(before) or _has_title_after(after),
        person_cue=_PERSON_AFTER.match(after) is not None or (opening and _he_or_she_next(body, extraction, sentence)),
        outlet_cue=bool(
            _OUTLET_BEFORE.search(before)
            or _REPORTED_AFTER.match(after)
            or (_on_or_to(before) and _PLATFORM_BEFORE.search(before))
        ),
        group_cue=group_cue,
        sentence_initial=opening,
        the_before=the_opening or before.rstrip()[-4:].lower() in (" the", "the"),
    )


# last words of the names of products and software, never of a person ("Rocky Linux", "Zorin OS")
PRODUCT_WORDS = frozenset(["linux", "os", "browser", "app", "phone", "tablet", "console", "telescope", "rover"])
# last words of places' names that end no one's name (unlike "Hall", "Hill", "Street", "Castle",
# "Bay" or "Lake", which are surnames too)
PLACE_ENDINGS = frozenset(
    ["cemetery", "station", "shelf", "glacier", "strait", "straits", "gulf", "canal", "peninsula", "airport",
     "stadium", "arena", "plaza", "avenue", "boulevard", "harbour", "harbor", "province", "county", "mountains",
     "islands", "river", "valley", "canyon", "desert", "ocean", "sea", "square", "memorial", "cathedral",
     "monument", "palace", "temple", "mosque", "reservoir", "dam", "coast", "volcano", "crater", "basin",
     "plateau", "falls", "springs", "heights", "prefecture", "oblast", "governorate", "junction"]
)  # fmt: skip
# last words of events' names that, unlike EVENT_WORDS, may end a person's name too ("Doris Day",
# "Cup"): they count only against a body's or a place's reading. ("Caucus" is left out: the
# Congressional Black Caucus is a body.)
EVENT_ENDINGS = frozenset(
    ["championship", "championships", "cup", "tournament", "festival", "olympiad", "marathon", "primary", "primaries",
     "referendum", "ceremony", "day", "open", "rapid", "blitz"]
)  # fmt: skip
# a one-word name ending in a domain: a website ("News.com.au", "Politics1.com")
_WEBSITE = re.compile(r"^[\w.-]*\w\.(?:com|org|net|gov|edu|info|io|ai|[a-z]{2})$")
# what follows only a person's name: "who" (a body is "which"), a birth year or age, a relative
_PERSON_AFTER = re.compile(
    r"(?:,\s+(?:who|whose)\b|\s+\((?:born|b\.|aged?)\s|,\s+(?:aged\s+)?\d{1,3},"
    r"|['’]s\s+(?:wife|husband|son|daughter|father|mother|brother|sister|widow|widower|parents|children|girlfriend|boyfriend)\b)"
)


def _he_or_she_next(body: str, extraction: ArticleExtraction, sentence: int) -> bool:
    """Whether the sentence after this one opens with "He" or "She": the subject of this one, the
    name opening it, is a person ("Brock Pierce launched a bid. He said ...")."""
    sentences = extraction.sentences
    return sentence + 1 < len(sentences) and _HE_SHE.match(body, sentences[sentence + 1].start) is not None


_HE_SHE = re.compile(r"[\"“‘']?(?:He|She)\s")
_THE_OPENING = re.compile(r"(?i)the\s")


def _on_or_to(before: str) -> bool:
    """A quick look before :data:`_PLATFORM_BEFORE`: the text ends with "on", "to" or "the"."""
    last = before.rstrip()[-4:].lower()
    return last.endswith((" on", " to", " the")) or last in ("on", "to", "the")


# brackets; a full stop glued to the next sentence ("Afghanistan.Trump"), not a domain ("Caliber.Az")
_WORD_SPAN = re.compile(r"\S+")


def _unglue(body: str, start: int, end: int, label: EntityType) -> list[tuple[int, int, EntityType]]:
    """A person's name with words glued before it by the tagger, split off: a title run
    ("Indian Prime Minister Narendra Modi", "Speaker of the House Nancy Pelosi" cut to its
    name), or a country or region ("India Narendra Modi": the place is a mention of its own).
    At least two words stay with the name."""
    if body.count(" ", start, end) < 2 and not any(c in body[start:end] for c in "\t\n"):
        return [(start, end, label)]  # fewer than three words
    words = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(body, start, end)]
    if len(words) < 3:
        return [(start, end, label)]
    lead = [body[a:b].strip(".,'’").lower() for a, b in words]
    first = body[words[0][0] : words[0][1]]
    place = gazetteer.lookup(first) if first[:1].isupper() else None
    glued_place = place is not None and place.kind in ("country", "region")
    if label == "person":
        cut = _after_titles(lead, also=("house",))  # "Speaker of the House"
        if cut:
            return [(words[cut][0], end, label)]
        if glued_place and body[words[1][0]].isupper():
            return [(words[0][0], words[0][1], "place"), (words[1][0], end, label)]
        return [(start, end, label)]
    # read as a body: "Vermont Bernie Sanders", a place, then a given name opening a person's name
    if glued_place and _given_name_first([match_key(body[a:b]) for a, b in words[1:]]):
        return [(words[0][0], words[0][1], "place"), (words[1][0], end, "person")]
    # "Presidential Spokesperson Harry Roque", "House of Representatives Darin LaHood": a title or
    # a body, then a person's name; the body is a mention of its own, the title is not
    cut = _after_titles(lead)
    if cut and _given_name_first([match_key(body[a:b]) for a, b in words[cut:]]):
        person: tuple[int, int, EntityType] = (words[cut][0], end, "person")
        body_part = any(w in ORG_WORDS for w in lead[:cut])
        return [(start, words[cut - 1][1], label), person] if body_part else [person]
    # "Eli Beckerman of Open the Debates", "Aaron Hamlin of The Center for Election Science": a
    # person's name, "of", the body they speak for; each is a mention of its own
    of = next((i for i, w in enumerate(lead) if w == "of"), 0)
    named = 2 <= of <= 3 and of + 1 < len(words) and body[words[of + 1][0]].isupper()
    if named and _given_name_first([match_key(body[a:b]) for a, b in words[:of]]):
        tail = body[words[of + 1][0] : end]
        kind: EntityType = "place" if gazetteer.lookup(tail) is not None else label
        return [(start, words[of - 1][1], "person"), (words[of + 1][0], end, kind)]
    return [(start, end, label)]


def _after_titles(lead: list[str], also: tuple[str, ...] = ()) -> int:
    """How many opening words of a name (lower case, edge punctuation off) end with its last
    title or body word, keeping two words for the name; 0 if none."""
    return max((i + 1 for i, w in enumerate(lead[:-2]) if w in TITLE_WORDS or w in ORG_WORDS or w in also), default=0)


_CUT = re.compile(r"[(){}]|(?<=[a-z])\.(?=[A-Z][a-z]{3,})")
_CUT_QUOTE = re.compile(r"[(){}\"“”]|(?<=[a-z])\.(?=[A-Z][a-z]{3,})")


def _pieces(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """``body[start:end]`` cut where a name cannot go on: a round bracket, a full stop glued to
    the next sentence, or a double quote that opens or closes a quotation around it (``Twitter
    "Youtube-dl``; a nickname quoted inside a name, ``Dwayne "The Rock" Johnson``, stays); each
    piece with letters is a span of its own. (Square brackets are an editor's insertion into the
    name itself: :func:`clean_surface` drops them.)"""
    quotes = sum(body.count(q, start, end) for q in '"“”')
    cut = _CUT_QUOTE if quotes % 2 else _CUT
    if cut.search(body, start, end) is None:
        return _items(body, start, end)
    cuts = [start]
    for m in cut.finditer(body, start, end):
        cuts += [m.start(), m.end()]
    cuts.append(end)
    out = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        text = body[a:b]
        if _letters(text):
            out += _items(body, a + len(text) - len(text.lstrip()), b - len(text) + len(text.rstrip()))
    return out


# lower-case words a name may hold ("Jules et Jim", "Frankfurt am Main", "Kelly v. United States",
# "the Labour party")
_INNER_LOWER = frozenset(
    ["of", "for", "and", "the", "in", "on", "at", "to", "a", "an", "am", "upon", "sur", "en", "et", "y", "e", "i",
     "de", "del", "della", "des", "der", "den", "di", "da", "do", "dos", "das", "du", "la", "le", "les", "van", "von",
     "ter", "ten", "zu", "bin", "bint", "ibn", "abu", "al", "el", "es", "ul", "ur", "ud",
     "v", "v.", "vs.", "vs", "&", "party",
     "against", "with", "without", "from", "by", "under", "over", "between", "among", "within", "across", "beyond"]
)  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s?$")
# honours and degrees written after a person's name
POSTNOMINALS = frozenset(
    ["FRS", "FRSE", "FBA", "FRSA", "FREng", "DBE", "CBE", "OBE", "MBE", "KBE", "GBE", "KCB", "GCB", "KCMG", "GCMG",
     "KCVO", "GCVO", "CVO", "LVO", "KG", "KT", "CH", "OM", "RA", "QC", "KC", "MP", "MEP", "MSP", "PhD", "Ph.D",
     "MD", "DDS", "Esq", "FACS", "FRCP", "FRCS"]
)  # fmt: skip
# words a name does not end with: "Grand Lodge of", "Teen Choice Awards for", "Theodore the"
_NO_LAST = frozenset(
    ["of", "for", "and", "the", "in", "on", "at", "to", "a", "an", "&", "et", "y", "v", "v.", "vs.", "vs", "against",
     "with", "without", "from", "by", "under", "over", "between", "among", "within", "across", "beyond"]
)  # fmt: skip


def _runs(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """``body[start:end]`` cut at the lower-case words no name holds ("Byron composed Thyrza",
    "House of Wax as Wade"), each run without the connecting words it ends with ("Grand Lodge
    of")."""
    text = body[start:end]
    words = text.split()
    if not words:
        return []
    if all(not w[:1].islower() for w in words) and words[-1].rstrip(",;:.") not in POSTNOMINALS:
        return [(start, end)]  # no lower-case word, nothing after the name: most names
    if gazetteer.lookup(text) is not None:
        return [(start, end)]  # "Dar es Salaam"
    tokens = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(body, start, end)]
    runs: list[list[tuple[int, int]]] = [[]]
    for a, b in tokens:
        word = body[a:b]
        if word[:1].islower() and word.islower() and _POSSESSIVE.sub("", word.rstrip(",;:.")) not in _INNER_LOWER:
            runs.append([])  # "composed", "as": no name's word
        else:
            runs[-1].append((a, b))
    out: list[tuple[int, int]] = []
    for run in runs:
        while run and body[run[-1][0] : run[-1][1]].rstrip(",;:") in _NO_LAST:
            run.pop()
        while len(run) >= 3 and body[run[-1][0] : run[-1][1]].rstrip(",;:.") in POSTNOMINALS:
            run.pop()  # "Daniel Bernoulli FRS", "Zaha Hadid DBE RA": honours after a name are not the name
        while run and body[run[0][0] : run[0][1]] in _NO_LAST and body[run[0][0] : run[0][1]] != "the":
            run.pop(0)
        if run:
            out.append((run[0][0], run[-1][1]))
    return out


_SLASH = re.compile(r"(?<=[A-Za-z])/(?=[A-Z])")
_AND = re.compile(r"(?:and|or|&)\s+")


def _items(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """``body[start:end]`` cut into the items of a list the tagger took for one name: "Alliance,
    Reform, Natural Law" (two commas or more), "Prohibition Party, Reform Party" (each item an
    organization's name). One comma alone stays: "Washington, D.C.", "Acme, Inc."; so do a firm's
    partners and a list inside a body's name ("Wachtell, Lipton, Rosen & Katz", "Bureau of
    Alcohol, Tobacco, Firearms and Explosives")."""
    text = body[start:end]
    for slash in _SLASH.finditer(text):
        # "Blankenship/Mohr", "Red Hat/IBM": two names, not one; "AC/DC" and "TCP/IP" are one
        left, right = text[: slash.start()].split()[-1], text[slash.end() :].split()[0]
        if any(c.islower() for c in left + right):
            return [*_items(body, start, start + slash.start()), *_items(body, start + slash.end(), end)]
    if ", " not in text:
        return [(start, end)]
    items = text.split(", ")
    bodies = [len(i.split()) >= 2 and any(w.lower() in ORG_WORDS for w in i.split()[1:]) for i in items]
    if len(items) < 3 and not all(bodies):
        return [(start, end)]
    if "&" in text or (re.search(r"\s(?:of|for)\s", items[0]) and any(len(i.split()) == 1 for i in items[1:])):
        return [(start, end)]  # "Wachtell, Lipton, Rosen & Katz", "Bureau of Alcohol, Tobacco, Firearms"
    out: list[tuple[int, int]] = []
    at = start
    for item in items:
        a = at
        m = _AND.match(item)
        if m is not None:
            a += m.end()
        if item[m.end() if m else 0 :][:1].isupper():
            out.append((a, at + len(item)))
        at += len(item) + 2
    return out


def _parts(body: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start, *(m.start() for m in _BREAK.finditer(body, start, end)), end]
    return [(a + (a > start), b) for a, b in pairwise(cuts)]


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _group_word(text: str, after: str) -> bool:
    words = [text.split()[-1], *after.split()[:1]]
    return any(w.lower().strip(".,;:") in GROUP_WORDS for w in words)


def _leading_title(text: str, label: str = "person") -> str:
    """A title word the tagger took into a person's name: "Lady" in "Lady Jane Roe", "Governors",
    or an honorific before any name ("Dr Roe", "Mrs. Roe"), whatever the tagger called it."""
    words = text.split()
    first = words[0].lower()
    if len(words) >= 2 and first.rstrip(".") in HONORIFICS and words[1][:1].isupper():
        return words[0]
    if label != "person":
        return ""
    if len(words) >= 3 and first in TITLE_WORDS:
        return words[0]
    if len(words) >= 2 and first.endswith("s") and first[:-1] in TITLE_WORDS:
        return words[0]
    return ""


def _has_title_after(after: str) -> bool:
    m = _TITLE_AFTER.match(after)
    return m is not None and m["word"].lower() in TITLE_WORDS


def _strip_article(body: str, start: int) -> int:
    return start + 4 if body[start : start + 4].lower() == "the " else start


def _has_title_before(before: str) -> bool:
    words = [w.strip(".,'’").lower() for w in _WORD.findall(before)[-3:]]
    return bool(words) and words[-1] in TITLE_WORDS


# ---------------------------------------------------------------- keys


def assign_keys(spans: list[Span], long_forms: dict[str, str], local: dict[str, dict[str, str]] | None = None) -> None:
    """Give each span its key: its article's own reading of an acronym first (``local``, from
    :func:`local_acronyms`), then the corpus's, then the general alias tables."""
    aliases = {match_key(k): match_key(v) for k, v in {**COUNTRY_ALIASES, **ORG_ALIASES}.items()}
    aliases.update({k: match_key(v) for k, v in long_forms.items()})
    local = local or {}
    for span in spans:
        key = match_key(span.text)
        mine = local.get(span.article)
        span.key = mine[key] if mine and key in mine else aliases.get(key, key)
    _merge_place_spellings(spans)
    merge_place_forms(spans)


FORMAL_STATE = re.compile(r"^(?:(?:islamic|people's|democratic|federal|socialist)\s+)*(?:republic|kingdom)\s+of\s+")


def _short_place(key: str) -> str | None:
    """The common name inside a place's administrative or formal name: "hubei" in "hubei
    province", "artsakh" in "republic of artsakh"."""
    words = key.split()
    if len(words) >= 2 and words[-1] in ADMIN_WORDS:
        return " ".join(words[:-1])
    m = FORMAL_STATE.match(key)
    return key[m.end() :] if m is not None and m.end() < len(key) else None


def merge_place_forms(spans: list[Span]) -> None:
    """A place's administrative or formal name meets its common name when the corpus also uses
    that name for a place or the gazetteer knows it ("Islamic Republic of Iran" and "Iran",
    "Westchester County" and "Westchester", "Qom Province" and "Qom")."""
    places = {s.key for s in spans if s.label == "place"}
    for s in spans:
        short = _short_place(s.key)
        if short is None or s.label == "person":
            continue
        if short in places or (s.label == "place" and gazetteer.lookup(short) is not None):
            s.key = short  # "Qom Province" and a "Qom" the tagger took for a person


SPELLING_SIMILARITY = 60  # rapidfuzz ratio of a variant spelling to the place's name ("kiev"/"kyiv": 75)


def split_place_pairs(spans: list[Span], bodies: dict[str, str]) -> list[Span]:
    """ "Karipur, Kerala" read as one place is a town and its region, two mentions, when the
    part after the comma is a place of its own: the gazetteer's, or one the corpus names alone.
    An abbreviation after the comma is part of the name ("Washington, D.C.")."""
    alone = {match_key(s.text) for s in spans if s.label == "place" and ", " not in s.text}
    out: list[Span] = []
    for s in spans:
        head, _, region = s.text.partition(", ")
        if (
            s.label != "place"
            or not region
            or ", " in region
            or "." in region
            or is_acronym(region)
            or not head[:1].isupper()
            or not region[:1].isupper()
            or (match_key(region) not in alone and gazetteer.lookup(region) is None)
        ):
            out.append(s)
            continue
        raw = bodies[s.article][s.start : s.end]
        if not (raw.startswith(head + ", ") and raw.endswith(region)):
            out.append(s)  # the name was cleaned of a line break or a bracket: left whole
            continue
        out.append(replace(s, end=s.start + len(head), text=head))
        out.append(replace(s, start=s.end - len(region), text=region, sentence_initial=False, the_before=False))
    return out


def _merge_place_spellings(spans: list[Span]) -> None:
    """Kiev and Kyiv meet under Kyiv when the corpus also has another spelling of it. GeoNames'
    alternate names also hold other words ("Homo" for Qom): a variant must be spelled like the
    name, be an abbreviation, or be read as a place by the tagger most of the time."""
    keys = {s.key for s in spans if s.label in ("place", "person", "organization")}
    as_place: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for s in spans:
        seen[s.key] += 1
        as_place[s.key] += s.label == "place"
    by_place: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        place = gazetteer.variant_of(key)
        if place is None or " " in key:
            continue
        primary = match_key(place.name)
        # spelled like the name, an abbreviation ("DC"), or another name the tagger reads as a
        # place ("Bombay"); not a word GeoNames also lists ("Homo", tagged as something else)
        if (
            key == primary
            or fuzz.ratio(key, primary) >= SPELLING_SIMILARITY
            or (len(key) <= 3 and key.isalpha())
            or as_place[key] * 2 > seen[key]
        ):
            by_place[primary].add(key)
    remap: dict[str, str] = {}
    for primary, group in by_place.items():
        if (primary in keys and len(group) > 1) or (len(group) > 1 and primary in group):
            for key in group:
                remap[key] = primary
    for span in spans:
        span.key = remap.get(span.key, span.key)


# ---------------------------------------------------------------- people


def _is_full_name(key: str, votes: Counter[str]) -> bool:
    words = key.split()
    if not 2 <= len(words) <= 4 or any(w in ORG_WORDS or w in EVENT_WORDS for w in words) or words[-1] in PRODUCT_WORDS:
        return False
    return votes["person"] > 0 and votes["person"] >= votes["organization"] + votes["place"] - 1


@lru_cache(maxsize=4096)
def _headline_pattern(surname: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+)\s+" + re.escape(surname) + r"(?![\w-])")


def headline_name(title: str, surname: str) -> str | None:
    """The full name a headline gives to ``surname`` (as written in the text), as a key: "Jared
    Padalecki" for "Padalecki". Only a first name directly before it counts, not a title ("US
    President Trump"), a place or a body's word."""
    if surname not in title:
        return None  # most headlines do not name the person: no pattern to build
    m = _headline_pattern(surname).search(title)
    if m is None:
        return None
    first = m.group(1).casefold()
    if first in TITLE_WORDS or first.rstrip(".") in HONORIFICS or first in ORG_WORDS or first in PLACE_WORDS:
        return None
    if gazetteer.lookup(first) is not None or first.endswith(("'s", "’s")):
        return None
    return match_key(f"{m.group(1)} {surname}")


def link_people(spans: list[Span], case: WordCase | None = None, titles: dict[str, str] | None = None) -> None:
    """Point surnames and partial names at the full name they stand for. ``titles``: each article's
    headline, whose full name of a person decides whom that article's bare surname means (a
    biography's subject, named in full only where the tagger missed it, is not their mother)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s in spans:
        votes[s.key]["person" if s.title_cue else s.label] += 1
    # "Marlow, the foreign minister," makes "Edith Marlow" a person too
    cued_surnames = {s.key for s in spans if s.title_cue and " " not in s.key}
    for key in [k for k in votes if " " in k and k.split()[-1] in cued_surnames]:
        votes[key]["person"] += 2
    grouped = {s.key for s in spans if _no_given_name(s)}
    for key in [k for k in votes if " " in k and k not in grouped and _given_name_first(k.split())]:
        votes[key]["person"] += 2  # "Siméon Poisson" opens with a given name, whatever the tagger read
    full = sorted(k for k, v in votes.items() if _is_full_name(k, v))
    full_set = set(full)
    surnames: dict[str, set[str]] = defaultdict(set)
    by_prefix: dict[str, list[str]] = defaultdict(list)  # surnames by their first two letters
    for key in full:
        surname = key.split()[-1]
        if surname not in surnames:
            by_prefix[surname[:2]].append(surname)
        surnames[surname].add(key)

    @cache
    def fuzzy_surname(token: str) -> frozenset[str]:
        if token in surnames:
            return frozenset(surnames[token])
        if len(token) < 6:
            return frozenset()
        found: set[str] = set()
        for other in by_prefix.get(token[:2], ()):
            if fuzz.ratio(token, other) >= 88:
                found |= surnames[other]
        return frozenset(found)

    canonical = _same_people(full, fuzzy_surname, votes)
    by_article: dict[str, set[str]] = defaultdict(set)
    first_seen: dict[tuple[str, str], int] = {}  # (article, full name): where the article first names them
    for s in spans:
        s.key = canonical.get(s.key, s.key)
        if s.key in full_set:
            by_article[s.article].add(s.key)
            at = first_seen.get((s.article, s.key))
            first_seen[(s.article, s.key)] = s.start if at is None else min(at, s.start)

    for s in spans:
        words = s.key.split()
        if len(words) > 1 and s.label == "person":
            # "De La Fuente" for Rocky De La Fuente, "John Luk" for John Luk Jok, "Otto Jespersen"
            # for Jens Otto Harry Jespersen: part of exactly one longer name the article gave before
            longer = [
                k
                for k in by_article[s.article]
                if len(k.split()) > len(words)
                and (k.endswith(" " + s.key) or k.startswith(s.key + " ") or _within(words, k.split()))
                and first_seen[(s.article, k)] < s.start
            ]
            if len(longer) == 1:
                s.key = longer[0]
            continue
        if len(words) != 1 or s.key in surnames.get(s.key, ()):
            continue
        token = words[0]
        if is_acronym(s.text):
            continue  # "ASEAN" in "U.S.-ASEAN" is no one's surname
        if token.endswith("s") and token[:-1] in surnames:
            continue  # "the Olsens", "the Trumps": a family, not one of them
        matches = {canonical.get(k, k) for k in fuzzy_surname(token)}
        local = matches & by_article[s.article]
        headline = (
            headline_name(titles.get(s.article, ""), s.text) if titles and matches and s.label == "person" else None
        )
        if headline is not None and not (case is not None and case.is_common(headline.split()[0], PERSON_COMMON_SHARE)):
            # a surname of the corpus's people, after a first name ("Hurricane Helene" is no one's)
            first = headline.split()[0]
            same = [k for k in local if _within(headline.split(), k.split())]
            same = same or [k for k in matches if same_first_name(first, k.split()[0])]
            longest = max(same, key=lambda k: (len(k.split()), k), default=headline)
            # "Otto Jespersen" and "Jens Otto Harry Jespersen" in one article are one man
            fits = all(k == longest or _within(k.split(), longest.split()) for k in same)
            s.key = longest if same and fits else canonical.get(headline, headline)
            continue
        is_place = gazetteer.lookup(token) is not None
        # a common word ("Nominee") joins a full name only in an article that names that person
        common = case is not None and case.is_common(token, PERSON_COMMON_SHARE)
        if len(local) > 1:
            # news names its subject in full first: "Mukherjee" after "Pranab Mukherjee" and later
            # "Abhijit Mukherjee" is the first of them, when the article named them before
            earlier = sorted((first_seen[(s.article, k)], k) for k in local if first_seen[(s.article, k)] < s.start)
            local = {earlier[0][1]} if earlier else local
        if len(local) == 1 and not (is_place and s.label != "person"):
            s.key = next(iter(local))  # "Indiana" tagged as a place is not the surname of "Central Indiana"
        elif not local and len(matches) == 1 and not is_place and s.label != "place" and not common:
            s.key = next(iter(matches))
        elif not local and s.label == "person" and not common:
            # a first name alone after the full name: "Hosni" for Hosni Mubarak, when the article
            # names one person of that first name
            named = [k for k in by_article[s.article] if k.split()[0] == token and first_seen[(s.article, k)] < s.start]
            if len(named) == 1:
                s.key = named[0]


def _within(short: list[str], long: list[str]) -> bool:
    """Whether the two-word name ``short`` is ``long`` with names left out ("otto jespersen" in
    "jens otto harry jespersen"): a name of ``long`` and the same surname."""
    if len(short) != 2 or short[-1] != long[-1]:
        return False  # "George W. Bush" is not George H. W. Bush
    rest = iter(long[:-1])
    return all(word in rest for word in short[:-1])


def _same_people(
    full: list[str], fuzzy_surname: Callable[[str], frozenset[str]], votes: dict[str, Counter[str]]
) -> dict[str, str]:
    """Full names of one person, each pointed at the most used: a transliterated surname
    ("Zelensky"/"Zelenskyy"), a familiar first name ("Joe"/"Joseph"), a middle initial or not."""
    parent = {k: k for k in full}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for key in full:
        words = key.split()
        for other in fuzzy_surname(words[-1]):
            theirs = other.split()
            if other > key and same_first_name(words[0], theirs[0]) and _middles_agree(words[1:-1], theirs[1:-1]):
                parent[root(other)] = root(key)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in full:
        groups[root(key)].append(key)
    canonical: dict[str, str] = {}
    for members in groups.values():
        middles = {_middle(k) for k in members} - {""}
        # "Jo A. Roe" and "Jo B. Roe" are two people; a bare "Jo Roe" then joins neither
        parts = [[k for k in members if _middle(k) == m] for m in middles] if len(middles) > 1 else [members]
        for part in parts:
            best = max(part, key=lambda k: (sum(votes[k].values()), len(k.split()), k))
            canonical.update({k: best for k in part if k != best})
    return canonical


def _middle(key: str) -> str:
    return "".join(w[0] for w in key.split()[1:-1])


def _middles_agree(a: list[str], b: list[str]) -> bool:
    return not a or not b or [w[0] for w in a] == [w[0] for w in b]


def link_short_forms(spans: list[Span]) -> None:
    """Within one article, the short form of an organization's name joins the full name it stands
    for, when exactly one name of the article fits: "Reform" for "Reform Party", "Unity Party"
    for "Unity Party of America", "Supreme Court" for "Wisconsin Supreme Court". People's names
    are :func:`link_people`'s; across articles short forms stay apart (another article's
    "Supreme Court" may be another court)."""
    by_article: dict[str, list[Span]] = defaultdict(list)
    for s in spans:
        by_article[s.article].append(s)
    for these in by_article.values():
        names = {s.key for s in these if s.label != "person" and len(s.key.split()) >= 2}
        heads: dict[str, set[str]] = defaultdict(set)  # the names each run of opening words begins
        tails: dict[str, set[str]] = defaultdict(set)  # the names each run of closing words ends
        for name in names:
            words = name.split()
            for i in range(1, len(words)):
                heads[" ".join(words[:i])].add(name)
                tails[" ".join(words[i:])].add(name)
        for s in these:
            if s.label == "person" or (s.key not in heads and s.key not in tails):
                continue
            if gazetteer.lookup(s.key) is not None:
                continue  # "New York" is not short for "New York Times"
            label = "organization" if s.the_before else s.label
            fits = {long for long in heads[s.key] | tails[s.key] if _short_form_of(s.key, long, label)}
            # "Supreme Court" in an article naming the Wisconsin and the United States Supreme Court
            rivals = tails[s.key]
            if len(fits) == 1 and rivals <= fits:
                s.key = next(iter(fits))


def _short_form_of(short: str, long: str, label: str = "organization") -> bool:
    """Whether ``short`` is how news shortens ``long``: a party without "Party" ("Reform"), or a
    body without the country or the field that qualifies it ("Unity Party" of America, "Max
    Planck Institute" for Evolutionary Anthropology, "Supreme Court" of the United States). A
    region's or a city's qualifier names another body ("Iowa Democratic Party" is not the
    Democratic Party), and so does a word added to an acronym ("NBC News"). The other short
    forms of :func:`short_forms.shortenings` ("Harvard", "the Pirates") count unless the tagger
    read the short form as a place's name (``label``) and no "the" opens it: "in Saint Louis" is
    not Saint Louis University."""
    words, full = short.split(), long.split()
    if len(full) > len(words) and short in shortenings(long) and label != "place":
        return True  # "harvard" for "harvard university", "pirates" for "pittsburgh pirates"
    if len(full) <= len(words) or is_acronym(short) or (len(words) == 1 and words[0] in ORG_WORDS):
        return False
    if full[: len(words)] == words:
        rest = full[len(words) :]
        if rest == ["party"]:
            return True
        return words[-1] in ORG_WORDS and rest[0] in ("of", "for") and _national_or_none(" ".join(rest[1:]))
    if full[-len(words) :] == words and words[-1] in ORG_WORDS:
        place = gazetteer.lookup(" ".join(full[: -len(words)]))
        return place is not None and place.kind == "country"
    return False


def _national_or_none(qualifier: str) -> bool:
    """A qualifier that names a country, or no place at all (a field: "Evolutionary Anthropology")."""
    place = gazetteer.lookup(qualifier)
    return place is None or place.kind == "country"


# ---------------------------------------------------------------- types


BIG_CITY = 100_000  # a multi-word name of a city this big is the city even if the tagger says person


def vote_type(cluster: Cluster, name_parts: set[str]) -> EntityType | None:
    """Type by vote over all mentions; ``name_parts`` are tokens of known people's full names."""
    votes: Counter[str] = Counter()
    key_words = cluster.key.split()
    # a surname alone joined this full name as a person's (link_people): when the tagger reads the
    # full name as a person's, its label of the bare surname ("West", "Blankenship" as places)
    # says nothing more
    full = [s for s in cluster.spans if len(key_words) > 1 and match_key(s.text) == cluster.key]
    given_first = _given_name_first(key_words) and not any(_no_given_name(s) for s in cluster.spans)
    read_as_person = given_first or sum(s.label == "person" for s in full) * 2 > len(full)
    for s in cluster.spans:
        surname = read_as_person and match_key(s.text) == key_words[-1] and not is_acronym(s.text)
        votes["person" if surname else s.label] += 1
        if s.title_cue or s.person_cue:
            votes["person"] += 2
        if s.outlet_cue:
            votes["organization"] += 3
    if given_first:
        votes["person"] += 2
    words = set(key_words)
    if words & ORG_WORDS:
        votes["organization"] += len(cluster.spans) + 2
    last = key_words[-1]
    if (last in EVENT_WORDS and votes["event"] + votes["organization"] > 0) or (
        last in EVENT_ENDINGS and len(key_words) > 1 and votes["event"] + votes["organization"] + votes["place"] > 0
    ):
        votes["event"] += len(cluster.spans) + 3  # "Asian Junior Championships", "International Women's Day"
    if words & DOCUMENT_WORDS and not words & ORG_WORDS:
        return None  # a charter or a treaty: a document, not an entity of ours ("Constitution Party" is one)
    if len(key_words) > 1 and last in PLACE_ENDINGS and not words & ORG_WORDS:
        votes["place"] += votes.pop("person", 0) + len(cluster.spans) + 2  # "Montmartre Cemetery", "McMurdo Station"
    if cluster.key in FORMER_STATES:
        votes["place"] += len(cluster.spans) * 3 + 3  # "Soviet Union", "Confederate States of America"
    place = gazetteer.lookup(cluster.key)
    big_place = place is not None and (place.kind == "country" or place.population >= BIG_CITY)
    if (
        place is not None
        and cluster.key not in name_parts
        and not (len(words) > 1 and votes["person"] > votes["place"] and not big_place)
    ):
        votes["place"] += len(cluster.spans) * 2 + 3
    written = Counter(s.text for s in cluster.spans).most_common(1)[0][0]  # the name is chosen after the type
    if _WEBSITE.search(written):
        return "organization"  # "Portfolio.hu", "Vote.gov": a website, whoever runs it
    no_person = any(c.isdigit() for c in cluster.key) or (len(words) == 1 and is_acronym(written))
    product = len(key_words) > 1 and key_words[-1] in PRODUCT_WORDS  # "Rocky Linux": its maker's, not a person's
    if product and votes["person"]:
        votes["organization"] += votes.pop("person")
    if cluster.key in PRODUCT_WORDS:  # "Linux" alone: software, neither a person nor a place
        votes["organization"] += votes.pop("person", 0) + votes.pop("place", 0) + 1
    if no_person or any(_INNER_POSSESSIVE.search(s.text) for s in cluster.spans):
        # "G7 Leaders", "SOTU", "Roe's Budget": people's names have no digits or possessives and are not acronyms
        votes.pop("person", None)
        if not +votes:
            return None
    if len(words) > 1 and not is_acronym(written) and votes["person"] and not words & ORG_WORDS:
        votes["person"] += 1
    # on a tie, the reading that needs no cue: an organization, then a place, then a person
    order = ("organization", "place", "person", "event")
    best = max(sorted(votes, key=lambda t: order.index(t) if t in order else 9), key=lambda t: votes[t])
    return cast("EntityType", best)  # the votes are counted by entity type


def _no_given_name(span: Span) -> bool:
    """Whether a span's first word, whatever the given-name table says, is no given name: the
    span names a group ("the Roe family") or opens with a word in capitals ("NATO Allies")."""
    first = span.text.split(" ", 1)[0]
    return span.group_cue or (sum(c.isalpha() for c in first) >= 2 and first.isupper())


def _given_name_first(words: list[str]) -> bool:
    """A two- or three-word name that opens with a given name ("Savannah Guthrie"), with no
    word of an organization, an event or a place ("Victoria Falls"), no "&", and neither it nor
    its first word a place of the gazetteer."""
    return (
        2 <= len(words) <= 3
        and words[0] in given_names()
        and not (set(words) & (ORG_WORDS | EVENT_WORDS | PLACE_WORDS))
        and not {"&", "and"} & set(words)  # "King & Spalding" ("king and spalding" as a key)
        and words[-1] not in TITLE_WORDS  # "Stanley Morrison Professor": a chair named after someone
        and gazetteer.lookup(" ".join(words)) is None
        and gazetteer.lookup(words[0]) is None  # "Florence, Alabama", "Madison Healthcare"
    )


def display_name(cluster: Cluster) -> str:
    """The fullest common form among the cluster's spellings."""
    forms = Counter(s.text for s in cluster.spans)
    place = gazetteer.lookup(cluster.key)
    if cluster.type == "place" and place is not None and place.name in forms:
        return place.name
    if cluster.type == "place" and place is not None and match_key(place.name) == cluster.key:
        return place.name

    def score(form: str) -> tuple[bool, int, int, int, str]:
        shouted = form.isupper() and not is_acronym(form)  # "JANE Q. ROE" from a heading
        return (not shouted, min(len(form.split()), 6), forms[form], -form.count("."), form)

    # a party goes by its bare name ("Democratic Party", not "United States Democratic Party") when
    # the corpus mostly writes it so; a state's bodies keep their country ("United States Senate")
    bare = [f for f in forms if cluster.bare.endswith(" party") and match_key(f) == cluster.bare]
    if bare and sum(forms[f] for f in bare) * 2 >= sum(forms.values()):
        return max(bare, key=lambda f: (not f.isupper(), f[:1].isupper() and f.istitle(), forms[f], f))
    return max(forms, key=score)


def _mostly_person(cluster: Cluster) -> bool:
    person = sum(s.label == "person" or s.title_cue for s in cluster.spans)
    return person * 2 > len(cluster.spans)


def merge_qualified_organizations(clusters: dict[str, Cluster]) -> None:
    """ "Congress" joins "US Congress" when the corpus qualifies it with one country only, however
    spelled ("US Congress", "United States Congress")."""
    by_tail: dict[str, list[str]] = defaultdict(list)  # "us congress" under "congress"
    for key in clusters:
        words = key.split()
        for i in range(1, len(words)):
            by_tail[" ".join(words[i:])].append(key)
    for key in list(clusters):
        cluster = clusters.get(key)
        if cluster is None or sum(s.label == "organization" for s in cluster.spans) * 2 <= len(cluster.spans):
            continue
        qualifiers = {k: gazetteer.lookup(k[: -len(key) - 1]) for k in by_tail.get(key, ()) if k in clusters}
        countries = {k: p.name for k, p in qualifiers.items() if p is not None and p.kind == "country"}
        longer = list(countries)
        if longer and len(set(countries.values())) == 1:
            # "US Democratic Party" and "United States Democratic Party": one country, one body
            target = max(longer, key=lambda k: (len(clusters[k].spans), k))
            for other in [*longer, key]:
                if other != target:
                    clusters[target].spans.extend(clusters.pop(other).spans)
            clusters[target].bare = key


# ---------------------------------------------------------------- junk


# letters, then a number after a hyphen: a code ("COVID-19", "SARS-CoV-2"), not a body's name
_CODE_NAME = re.compile(r"^[A-Za-z]{3,}(?:-[A-Za-z]+)*-\d+$")


def is_junk(cluster: Cluster, first_names: set[str], case: WordCase | None = None) -> bool:
    words = cluster.key.split()
    if is_degree(cluster.name):
        return True  # "B.A.", "J.D."
    if case is not None and not is_acronym(cluster.name) and not gazetteer.lookup(cluster.key):
        share = PERSON_COMMON_SHARE if cluster.type == "person" else OTHER_COMMON_SHARE
        if len(words) == 1 and case.is_common(words[0], share):
            return True  # "Nominee", "Tribes": a common word, capitalized in a heading or for emphasis
        if cluster.type == "person" and all(case.is_common(w, share) for w in words):
            return True  # "Dear Madam"
    person_votes = sum(s.label == "person" for s in cluster.spans)
    if len(words) == 1 and words[0] in first_names and person_votes * 2 >= len(cluster.spans):
        return True  # a first name alone
    if len(words) == 1 and cluster.type == "person" and len(cluster.spans) == 1 and not cluster.spans[0].title_cue:
        return True  # one word said once in the corpus, no title: too little to tell a name ("Majorly")
    if is_time_zone(cluster.name):
        return True  # "UTC", "Central European Time"
    if _CODE_NAME.match(cluster.name):
        return True  # "COVID-19", "SARS-CoV-2": a disease's, a virus's or a model's code
    opening_only = len(cluster.spans) <= 2 and all(s.sentence_initial for s in cluster.spans)
    if len(words) == 1 and opening_only and not is_acronym(cluster.name) and gazetteer.lookup(cluster.key) is None:
        return True  # a capitalized word opening a heading or sentence
    if len(words) == 1 and words[0] in ORG_WORDS and not is_acronym(cluster.name):
        return True  # "the Alliance", "the Council": a common noun standing for a body named elsewhere
    return not any(c.isalpha() for c in cluster.name)


# ---------------------------------------------------------------- main


def resolve_entities(
    articles: list[Article], extractions: dict[str, ArticleExtraction], ids: SlugRegistry | None = None
) -> list[Entity]:
    defined = local_definitions(articles)
    long_forms = acronym_definitions(articles, defined)
    spans: list[Span] = []
    every = {v for d in defined.values() for v in d.values()}
    by_first_word = long_forms_by_first_word({v: v for v in every})
    for article in articles:
        spans.extend(candidates(article, extractions[article.id], long_forms, by_first_word))
    spans = split_place_pairs(spans, {a.id: a.body for a in articles})
    assign_keys(spans, long_forms, local_acronyms(spans, defined))
    case = word_case(articles)
    link_people(spans, case, {a.id: a.title for a in articles})
    link_short_forms(spans)

    clusters: dict[str, Cluster] = {}
    for s in spans:
        clusters.setdefault(s.key, Cluster(s.key)).spans.append(s)
    merge_qualified_organizations(clusters)
    full_names = [k for k, c in clusters.items() if len(k.split()) > 1 and _mostly_person(c)]
    # first names of the people named more than once ("Twitter West", a misreading, gives none)
    first_names = {k.split()[0] for k in full_names if len(clusters[k].spans) > 1}
    name_parts = first_names | {k.split()[-1] for k in full_names}
    for c in clusters.values():
        c.type = vote_type(c, name_parts)
        c.name = display_name(c)

    kept = [c for c in clusters.values() if c.type is not None and not is_junk(c, first_names, case)]
    kept.sort(key=lambda c: (c.type, c.name.casefold(), c.key))
    ids = ids or SlugRegistry()
    entities: list[Entity] = []
    for c in kept:
        if c.type is None:
            continue  # kept only typed clusters; this tells the type checker so
        entity_id = ids.claim(c.name, fallback=c.type)
        spans_sorted = sorted(c.spans, key=lambda s: (s.article, s.start))
        aliases = sorted({s.text for s in spans_sorted} - {c.name}, key=reading_order)
        entity = Entity(
            id=entity_id,
            type=c.type,
            name=c.name,
            aliases=aliases,
            mentions=[EntityMention(s.article, s.sentence, s.start, s.end, s.text) for s in spans_sorted],
        )
        entities.append(entity)
    add_untagged(
        entities,
        {a.id: a.body for a in articles},
        extractions,
        lambda w: case.is_common(w, PERSON_COMMON_SHARE),
        article_short_forms(articles, extractions, entities, defined),
    )
    for entity in entities:
        entity.aliases = sorted({m.text for m in entity.mentions} - {entity.name}, key=reading_order)
    return entities
