"""Short forms an article uses for an organization it names in full.

News names a body in full once and then shortens it: "the Reform Party"
becomes "Reform", "Harvard University" "Harvard", "the Pittsburgh Pirates"
"the Pirates", "The Daily Telegraph" "the Telegraph", and "the Georgian
Tennis Federation (GFT)" "the GFT". The tagger often misses those short
forms or files them apart. Within the article that gives the full name the
short form means that body, as long as no other name of the article could
be meant.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache

from generator.lexicons import gazetteer
from generator.lexicons.names import ADMIN_WORDS, DOCUMENT_WORDS, ORG_WORDS, PLACE_WORDS, given_names, match_key
from generator.models import Article, ArticleExtraction, Entity

# "X University" is shortened to "X" ("Harvard"); "University of X" is not (X is a place).
INSTITUTION_WORDS = frozenset(["university", "college"])
# A newspaper's name opened by one of these is shortened to the rest ("the Telegraph").
PAPER_PREFIXES = frozenset(["daily", "sunday"])
# Words of a body whose name a place qualifies: "Iowa Democratic Party" is not the Democratic
# Party, nor "Texas Supreme Court" the Supreme Court. Newspapers, teams and firms are the place's
# own ("the Post", "the Pirates").
_PAPER_WORDS = frozenset(["times", "post", "press", "news", "tribune", "herald", "journal", "daily", "media", "club"])
_COMPASS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "middle",
        "upper",
        "lower",
    ]
)
LOCAL_BODY_WORDS = (ORG_WORDS - _PAPER_WORDS) | {"house", "legislature", "representatives", "delegates", "chamber"}


@cache
def shortenings(name: str) -> tuple[str, ...]:
    """The short forms of an organization's ``name``, in its own words and case: the words before
    "Party" ("Natural Law" for "Natural Law Party of Michigan"), the words before "University" or
    "College", and what follows a place or a paper's prefix ("Pirates" for "Pittsburgh Pirates",
    "Post" for "New York Post", "Telegraph" for "Daily Telegraph")."""
    words = name.split()
    low = [w.casefold() for w in words]
    out: list[str] = []
    if "party" in low[1:]:
        i = low.index("party", 1)
        j = _after_country(low[:i])  # "Constitution" for "U.S. Constitution Party"
        if i == len(low) - 1 or low[i + 1] == "of":
            out.append(" ".join(words[j:i]))
    if len(low) >= 2 and low[-1] in INSTITUTION_WORDS and all(w not in ORG_WORDS for w in low[:-1]):
        out.append(" ".join(words[:-1]))
    if len(low) >= 2 and low[-1] in ADMIN_WORDS:
        if low[0] in _COMPASS:
            return ()  # "Southern District" is not "Southern"
        return (" ".join(words[:-1]),)  # "Hubei" for "Hubei Province"
    for i in range(1, len(words)):
        if any(w in LOCAL_BODY_WORDS or not w[:1].isalnum() for w in low[i:]) or low[i] in ("of", "for", "and"):
            break
        head = " ".join(low[:i])
        if head in PAPER_PREFIXES or (gazetteer.lookup(head) is not None and head not in given_names()):
            generic = all(w in LOCAL_BODY_WORDS or w in PLACE_WORDS for w in low[i:])  # "City" of "Melbourne City"
            if low[i] not in given_names() and not generic:  # "India Narendra Modi": a person glued to a place
                out.append(" ".join(words[i:]))
            break
    return tuple(s for s in out if s and s.casefold() != name.casefold() and s.casefold() not in DOCUMENT_WORDS)


def _after_country(words: list[str]) -> int:
    """How many of ``words`` open them with a country's name ("u.s.", "united states")."""
    for i in range(min(len(words) - 1, 3), 0, -1):
        place = gazetteer.lookup(" ".join(words[:i]))
        if place is not None and place.kind == "country":
            return i
    return 0


_ACRONYM = re.compile(r"(?<![\w.&-])[A-Z][A-Za-z.&-]{1,11}(?![\w&-])")


def article_short_forms(
    articles: list[Article],
    extractions: dict[str, ArticleExtraction],
    entities: list[Entity],
    defined: dict[str, dict[str, str]],
) -> dict[str, dict[str, Entity]]:
    """Per article, the short forms it may use for the organizations it names: article id ->
    short form -> entity. ``defined``: the acronyms each article spells out (acronym key -> long
    form). A short form that fits two names of the article, that is a place's name, that the tagger
    reads as a nationality or group ("Republican"), or that the article gives another entity,
    is left out."""
    named: dict[str, dict[str, Entity | None]] = defaultdict(dict)  # article -> key -> entity
    org_texts: dict[str, dict[str, Entity]] = defaultdict(dict)  # article -> organization's form -> it
    for e in entities:
        if e.type not in ("person", "organization", "place"):
            continue
        for m in e.mentions:
            key = match_key(m.text)
            seen = named[m.article].get(key, e)
            named[m.article][key] = e if seen is e else None
            if e.type == "organization" or (e.type == "place" and key.split()[-1] in ADMIN_WORDS):
                org_texts[m.article][m.text] = e
    out: dict[str, dict[str, Entity]] = {}
    for article in articles:
        table = named.get(article.id)
        extraction = extractions.get(article.id)
        if not table or extraction is None:
            continue
        groups = {match_key(m.text) for m in extraction.mentions if m.label in ("NORP", "PERSON")}
        fits: dict[str, set[int]] = defaultdict(set)
        by_id: dict[int, Entity] = {}
        for text, entity in org_texts[article.id].items():
            if table.get(match_key(text)) is not entity:
                continue  # a form two entities of the article share
            for short in filter(lambda x: x[:1].isupper(), shortenings(text)):
                fits[short].add(id(entity))
                by_id[id(entity)] = entity
        wanted: dict[str, Entity] = {}  # acronym key -> the body it spells out
        for acronym_key, long_form in defined.get(article.id, {}).items():
            spelled = table.get(match_key(long_form))
            if spelled is not None and spelled.type == "organization":  # a place's is the gazetteer's
                wanted[acronym_key] = spelled
        for found in _ACRONYM.finditer(article.body) if wanted else ():
            written = found.group(0)
            text = written if "." in written[:-1] else written.rstrip(".")  # "RHEL." ends a sentence
            if not (text[1:2].isupper() or "." in text):
                continue  # not written as an acronym
            spelled = wanted.get(match_key(text))
            if spelled is not None:
                fits[text].add(id(spelled))
                by_id[id(spelled)] = spelled
        mine: dict[str, Entity] = {}
        for short, owners in fits.items():
            key = match_key(short)
            entity = by_id[next(iter(owners))]
            if len(owners) != 1 or key in groups or (entity.type != "place" and gazetteer.lookup(key) is not None):
                continue
            if table.get(key, entity) is not entity:
                continue  # the article gives the short form to another entity
            mine[short] = entity
        if mine:
            out[article.id] = mine
    return out


def sentence_initial(body: str, start: int) -> bool:
    """Whether ``body[start:]`` opens a sentence or a paragraph (quotes and brackets aside)."""
    i = start - 1
    while i >= 0 and body[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or body[i] in ".!?\n:"


def usable(body: str, start: int, end: int, is_common: Callable[[str], bool] | None) -> bool:
    """Whether a short form found at ``body[start:end]`` stands for the body: not part of a longer
    capitalized name ("Reform UK", "Democratic Primary"), and not a common word opening a
    sentence."""
    after = body[end : end + 2].lstrip()
    if after[:1].isupper():
        return False
    before = body[max(0, start - 30) : start].split()
    opening = sentence_initial(body, start)
    if (
        before
        and not opening
        and before[-1][:1].isupper()
        and not sentence_initial(body, body.rfind(before[-1], 0, start))
    ):
        return False  # "Democratic Primary": the end of a longer name
    common = is_common is not None and is_common(body[start:end].casefold())
    return not (common and opening)
