"""Surface forms of names: cleaning, matching keys, and general alias knowledge.

Nothing here is about one corpus: the tables hold general knowledge (short
and long forms of country names, title words, organization words).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from nicknames import NickNamer

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')$")
_BODY_INVERTED = re.compile(r"\b(?P<field>[A-Z][a-z]+)\s+(?P<kind>Department|Ministry|Office)$")
_COMPOUND = re.compile(r"\b[A-Z][\w]*(?:-[A-Z][\w]*)+\b")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")

# Title words that stand before a person's name or make up a role.
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "foreign",
        "defense",
        "defence",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "mayor",
        "ambassador",
        "envoy",
        "general",
        "gen",
        "lt",
        "col",
        "colonel",
        "admiral",
        "adm",
        "sgt",
        "captain",
        "commander",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "leader",
        "speaker",
        "judge",
        "justice",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sir",
        "lady",
        "lord",
        "dame",
        "sheikh",
        "emir",
        "premier",
        "deputy",
        "minister's",
        "official",
        "officer",
        "head",
        "commissioner",
        "attorney",
        "assistant",
        "undersecretary",
        "under",
        "top",
        "majority",
        "minority",
        "ceo",
        "founder",
    ]
)

# Words that make a name an organization's.
ORG_WORDS = frozenset(
    [
        "council",
        "committee",
        "ministry",
        "department",
        "agency",
        "party",
        "union",
        "organization",
        "organisation",
        "bureau",
        "group",
        "alliance",
        "army",
        "forces",
        "force",
        "navy",
        "command",
        "commission",
        "bank",
        "fund",
        "association",
        "institute",
        "university",
        "college",
        "court",
        "parliament",
        "congress",
        "senate",
        "office",
        "service",
        "services",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "news",
        "times",
        "post",
        "press",
        "network",
        "foundation",
        "federation",
        "authority",
        "administration",
        "assembly",
        "board",
        "cabinet",
        "government",
        "coalition",
        "front",
        "movement",
        "brigade",
        "battalion",
        "division",
        "police",
        "guard",
        "secretariat",
        "league",
        "society",
        "centre",
        "center",
        "school",
        "hospital",
        "club",
        "team",
        "media",
        "tribune",
        "herald",
        "journal",
        "daily",
    ]
)

# Words that make a name an event's.
EVENT_WORDS = frozenset(
    ["summit", "meeting", "conference", "talks", "election", "elections", "war", "games", "olympics", "forum", "visit"]
)

# Words that make a name a document's (not an entity page of its own).
DOCUMENT_WORDS = frozenset(["charter", "treaty", "act", "convention", "accord", "resolution", "constitution"])

# Academic degrees, which the tagger takes for places or organizations ("B.A.", "J.D.").
DEGREES = frozenset(["ba", "bs", "bsc", "ma", "ms", "msc", "mba", "mpa", "mph", "phd", "jd", "md", "llb", "llm", "edd"])

# Prefixes of ships' names ("USS Example"): a vessel, not a person or a body.
SHIP_PREFIXES = frozenset(["USS", "USNS", "HMS", "HMCS", "HMAS", "HMNZS", "FS", "INS", "ARA", "ROKS", "TCG"])

# Words after a name that make it a group of people ("the Roe family", "the Al Example tribe").
GROUP_WORDS = frozenset(["tribe", "tribes", "clan", "clans", "family", "families", "dynasty"])

# Generational suffixes that do not change whose name it is ("Jr.").
_SUFFIX = re.compile(r"\s+(?:jr|sr)$")

# Short and long forms of countries and blocs that a gazetteer does not list as aliases.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "United States",
    "usa": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "russian federation": "Russia",
    "uae": "United Arab Emirates",
    "drc": "Democratic Republic of the Congo",
    "prc": "China",
    "people's republic of china": "China",
    "dprk": "North Korea",
    "rok": "South Korea",
    "republic of korea": "South Korea",
    "czech republic": "Czechia",
    "turkiye": "Turkey",
    "holland": "Netherlands",
    "the netherlands": "Netherlands",
}

# Abbreviations of blocs and bodies that news uses without spelling them out.
ORG_ALIASES: dict[str, str] = {
    "eu": "European Union",
    "un": "United Nations",
}


def clean_surface(text: str) -> str:
    """The name as a reader would write it alone: no article, possessive or edge punctuation."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    text = text.translate(_QUOTES)
    prev = None
    while prev != text:
        prev = text
        text = _EDGE.sub("", text) if not text.endswith(".") or not _is_dotted_abbrev(text) else text
        text = _LEADING.sub("", text)
        text = _POSSESSIVE.sub("", text)
    return text.strip()


def _is_dotted_abbrev(text: str) -> bool:
    return bool(re.search(r"\b(?:[A-Z]\.){2,}$", text))


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 18)  # the same names recur across thousands of articles
def match_key(text: str) -> str:
    """Key under which spellings of one name meet: "U.S. Congress" and "US Congress"."""
    text = strip_accents(clean_surface(text))
    # "NATO-Ukraine Council" and "Ukraine-NATO Council" name one body
    text = _COMPOUND.sub(lambda m: "-".join(sorted(m.group(0).split("-"))), text)
    # "State Department" is the "Department of State"; "Defence Ministry" the "Ministry of Defence"
    text = _BODY_INVERTED.sub(lambda m: f"{m['kind']} of {m['field']}", text)
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)
    text = re.sub(r"(?<=\w)\.(?=\w)|\.(?=\s|$)", "", text)
    text = re.sub(r"[-'\"]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    return _SUFFIX.sub("", " ".join(text.split()))


def reading_order(text: str) -> tuple[str, str]:
    """Sort key: alphabetical ignoring case, then by case, so that "McCarthy" and "MCCARTHY"
    always come out in one order whatever order they went in."""
    return text.casefold(), text


def is_degree(name: str) -> bool:
    """ "B.A.", "Ph.D.": an academic degree written with dots."""
    return bool(re.fullmatch(r"(?:[A-Z][a-z]?\.){2,3}", name)) and match_key(name) in DEGREES


@cache
def _nicknames() -> NickNamer:
    return NickNamer()


def same_first_name(a: str, b: str) -> bool:
    """ "joe" and "joseph", "bill" and "william": one first name, formal or familiar."""
    if a == b:
        return True
    nn = _nicknames()
    return b in nn.canonicals_of(a) or a in nn.canonicals_of(b)


def tokens(text: str) -> list[str]:
    return match_key(text).split()


def initials(text: str) -> str:
    """Initials of the capitalized words: "Organization for Security and Co-operation in Europe" -> "OSCE"."""
    words = re.split(r"[\s]+", clean_surface(text))
    return "".join(w[0] for w in words if w[:1].isupper())


def is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isupper() and bare.isalpha()


def looks_like_name(text: str) -> bool:
    """A plausible proper name: has letters, starts with a capital or digit, is not a sentence."""
    if not text or not any(c.isalpha() for c in text):
        return False
    words = text.split()
    first = _NAME_PREFIX.sub("", words[0])  # "al-Qaida", "el-Sisi", "ad-Din"
    if len(words) > 8 or not (first[:1].isupper() or first[:1].isdigit()):
        return False
    if sum(c.isdigit() for c in text) > len(text) // 3:
        return False
    lower = [w for w in words if w[:1].islower() and w not in _PARTICLES]
    return len(lower) <= len(words) // 2


_NAME_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|de|di|da|van|von|d)[-’']", re.IGNORECASE)
_PARTICLES = frozenset(
    [
        "of",
        "for",
        "and",
        "the",
        "in",
        "on",
        "de",
        "del",
        "da",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "al",
        "el",
        "y",
    ]
)
