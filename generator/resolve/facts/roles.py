"""Roles: the titles news gives people, with the body or country they serve.

Read from the words around a person's mention:

* before the name: "Secretary of State Ada Lind", "Norwegian Foreign
  Minister Per Holt", "Palace spokesman Ivo Marek", "the Council's
  Secretary-General, Eva Rask", "the head of the Danish Security Agency,
  Jon Berg";
* after it: "Ola Nord, the Foreign Minister of Iceland".

The body comes from an organization or place named next to the title, or
from a nationality adjective ("Ukrainian" -> Ukraine). A role keeps the
articles that state it, so a reader sees when it was held: one country's
foreign minister one year and another person in the post the next.
"""

from __future__ import annotations

import re
from collections import defaultdict

from generator.lexicons import gazetteer
from generator.lexicons.names import match_key
from generator.models import Article, Entity, NamedSpan, Role

_MODIFIERS = (
    r"(?:Deputy|Vice|Assistant|Acting|Interim|Prime|Foreign|Defen[cs]e|Interior|Finance|Economy|Justice|Health|"
    r"Trade|Energy|Majority|Minority|Senate|House|Press|Chief|Senior|Special|First|General|Attorney|National\s+Security|"
    r"Executive|Managing|Supreme|High)"
)
_HEADS = (
    r"(?:Minister|Secretary-General|Secretary\s+General|Secretary|President|Vice-President|Spokes(?:man|woman|person)|"
    r"Chief|Leader|Chancellor|Ambassador|Envoy|Governor|Senator|Commander|Director|Head|Chairman|Chairwoman|Chair|"
    r"King|Queen|Premier|Mayor|Speaker|Adviser|Advisor|Commissioner|Representative|Coordinator|Emir|Pope|Prince)"
)
_OF_OFFICE = r"(?:\s+of\s+(?:State|Defen[cs]e|the\s+Treasury|Homeland\s+Security|Energy|Commerce|the\s+Interior))?"
_TITLE = rf"(?P<title>(?:{_MODIFIERS}[\s-]+){{0,3}}{_HEADS}{_OF_OFFICE})"
_BEFORE = re.compile(rf"(?i:{_TITLE})\s*,?\s*$")
_HEAD_OF = re.compile(
    r"\b(?i:(?P<title>head|chief|director|chairman|leader|president|secretary-general))\s+of\s+(?:the\s+)?$"
)
_AFTER = re.compile(rf"^,\s+(?:the\s+|a\s+)?(?P<adj>)(?i:{_TITLE})(?P<rest>\s+of\s+(?:the\s+)?)?")
_AFTER_ADJ = re.compile(rf"^,\s+(?:the\s+|a\s+)?(?P<adj>[A-Z][a-z]+)\s+(?i:{_TITLE})(?P<rest>\s+of\s+(?:the\s+)?)?")
_LOWER_OK = re.compile(r"(?i)^(?:spokes(?:man|woman|person)|chief|envoy|ambassador|leader|head|adviser|advisor)$")

# nationality adjectives that do not begin with their country's name
DEMONYMS = {
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "french": "France",
    "dutch": "Netherlands",
    "swiss": "Switzerland",
    "greek": "Greece",
    "danish": "Denmark",
    "welsh": "United Kingdom",
    "scottish": "United Kingdom",
    "irish": "Ireland",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "filipino": "Philippines",
    "thai": "Thailand",
    "czech": "Czechia",
    "slovak": "Slovakia",
    "emirati": "United Arab Emirates",
    "saudi": "Saudi Arabia",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "norwegian": "Norway",
    "swedish": "Sweden",
    "finnish": "Finland",
    "polish": "Poland",
    "turkish": "Turkey",
    "german": "Germany",
    "lebanese": "Lebanon",
    "belgian": "Belgium",
    "peruvian": "Peru",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "moroccan": "Morocco",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "afghan": "Afghanistan",
    "tajik": "Tajikistan",
    "kyrgyz": "Kyrgyzstan",
    "turkmen": "Turkmenistan",
    "icelandic": "Iceland",
    "maltese": "Malta",
    "cypriot": "Cyprus",
    "monegasque": "Monaco",
    "ivorian": "Ivory Coast",
    "congolese": "Democratic Republic of the Congo",
    "new zealand": "New Zealand",
}
_DEMONYM_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "ic")


def country_of_adjective(word: str) -> str | None:
    """The country a nationality adjective names: "Norwegian" -> "Norway", "Danish" -> "Denmark"."""
    key = word.lower().strip("’'")
    if key in DEMONYMS:
        return DEMONYMS[key]
    for suffix in _DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            for candidate in (stem, stem + "a", stem + "e", stem + "y", stem + "ia", stem + "land", stem + "ey"):
                place = gazetteer.lookup(candidate)
                if place is not None and place.kind == "country":
                    return place.name
    return None


def _title(text: str) -> str:
    words = re.split(r"(\s+|-)", " ".join(text.split()))
    small = {"of", "the", "for", "and"}
    out = [w if w in small or not w.strip() or w == "-" else w[:1].upper() + w[1:].lower() for w in words]
    return "".join(out).replace("Secretary General", "Secretary-General")


def find_roles(entities: list[Entity], articles: dict[str, Article]) -> dict[str, list[Role]]:
    """Every person's roles (person id -> roles), from the titles written next to their mentions;
    the entities are not changed."""
    spans: dict[str, list[NamedSpan]] = defaultdict(list)
    for e in entities:
        if e.type in ("person", "organization", "place"):
            for m in e.mentions:
                spans[m.article].append(NamedSpan(m.start, m.end, e))
    keys = {match_key(n): e.id for e in entities if e.type in ("place", "organization") for n in (e.name, *e.aliases)}
    roles: dict[str, list[Role]] = {}
    for person in (e for e in entities if e.type == "person"):
        found: dict[tuple[str, str | None], set[str]] = defaultdict(set)
        for m in person.mentions:
            body = articles[m.article].body
            for title, of in _roles_at(body, m.start, m.end, spans[m.article], keys):
                found[(title, of)].add(m.article)
        roles[person.id] = [
            Role(title, of, sorted(arts)) for (title, of), arts in sorted(_merge(found).items(), key=str)
        ]
    return roles


def _merge(found: dict[tuple[str, str | None], set[str]]) -> dict[tuple[str, str | None], set[str]]:
    """A title seen without its body ("Minister Holt") joins the one fuller role it is part of."""
    out = dict(found)
    for (title, of), arts in sorted(found.items(), key=str):
        if of is not None:
            continue
        fuller = [
            (t, o)
            for t, o in found
            if (t, o) != (title, of) and o is not None and (t == title or t.endswith(" " + title))
        ]
        if len(fuller) == 1:
            out[fuller[0]] = out[fuller[0]] | arts
            del out[(title, of)]
    return out


def _roles_at(
    body: str, start: int, end: int, named: list[NamedSpan], keys: dict[str, str]
) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    before = body[max(0, start - 80) : start]
    if m := _BEFORE.search(before):
        title = m["title"]
        if title[:1].isupper() or _LOWER_OK.match(title.split()[-1]):
            title_start = start - len(before) + m.start()
            out.append((_title(title), _body_before(body, title_start, named, keys)))
    head_of = _head_of(body, start, named)
    if head_of is not None:
        out.append(head_of)
    if m := _AFTER.match(body[end : end + 120]) or _AFTER_ADJ.match(body[end : end + 120]):
        of = None
        if m["rest"]:
            after_at = end + m.end()
            of = next((e.id for a, _, e in named if a == after_at and e.type in ("organization", "place")), None)
            of = of or _named_at(body, after_at, keys)  # a name the tagger missed here but found elsewhere
        if of is None and m["adj"]:
            country = country_of_adjective(m["adj"])
            of = keys.get(match_key(country)) if country else None
        out.append((_title(m["title"]), of))
    return out


_CAPITALIZED_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'.-]*){0,5}")


def _named_at(body: str, at: int, keys: dict[str, str]) -> str | None:
    """The entity whose name (or alias) the capitalized words at ``at`` spell, longest first."""
    run = _CAPITALIZED_RUN.match(body, at)
    if run is None:
        return None
    words = run.group(0).split()
    for n in range(len(words), 0, -1):
        if (found := keys.get(match_key(" ".join(words[:n])))) is not None:
            return found
    return None


def _head_of(body: str, start: int, named: list[NamedSpan]) -> tuple[str, str | None] | None:
    """ "The head of the Danish Security Agency, Jon Berg": head of that body."""
    if not body[max(0, start - 3) : start].rstrip().endswith(","):
        return None
    for a, b, e in named:
        near = e.type == "organization" and 0 < start - b <= 3 and body[b:start].strip() == ","
        if near and (m := _HEAD_OF.search(body[max(0, a - 40) : a])):
            return _title(m["title"]), e.id
    return None


def _body_before(body: str, title_start: int, named: list[NamedSpan], keys: dict[str, str]) -> str | None:
    """The organization or country named just before a title: "the Council('s)", "Palace", "Norwegian", "US"."""
    lead = body[max(0, title_start - 40) : title_start]
    # a name ends where only whitespace, or a possessive and whitespace, is left before the title
    space = title_start
    while space > 0 and body[space - 1].isspace():
        space -= 1
    possessive = space - 2 if body[max(0, space - 2) : space] in ("'s", "’s") else -1
    for _, b, e in named:
        if (space <= b <= title_start or b == possessive) and e.type in ("organization", "place"):
            return e.id
    word = re.search(r"([A-Z][\w.’'-]*)\s+$", lead)
    if word:
        country = country_of_adjective(word.group(1))
        if country:
            return keys.get(match_key(country))
    return None
