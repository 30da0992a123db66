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
        # religious titles
        "ayatollah", "imam", "rabbi", "pastor", "reverend", "cardinal", "bishop", "archbishop", "cleric",
        # ranks and offices
        "sergeant", "lieutenant", "corporal", "detective", "inspector", "constable", "sheriff", "superintendent",
        "councillor", "councilor", "councilman", "councilwoman", "alderman", "assemblyman", "assemblywoman",
        "comptroller", "treasurer", "professor",
        # occupations news puts before a name ("Immunologist Kristian Andersen")
        "immunologist", "virologist", "epidemiologist", "astronomer", "archaeologist", "archeologist",
        "astrophysicist", "physicist", "economist", "historian", "scientist", "researcher", "journalist",
        "activist", "lawyer", "attorney", "actor", "actress", "singer", "rapper", "author", "novelist",
        "candidate", "nominee", "coach",
    ]
)  # fmt: skip

# Honorifics: before a capitalized word they always make it a person's name ("Dr Roe", "Mrs. Roe").
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "fr", "mme", "mlle"])

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
        "llc",
        "ltd",
        "plc",
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

# Words that make a place's name its administrative form: "Hubei Province" is Hubei. ("State"
# is left out: New York State is not New York City.)
ADMIN_WORDS = frozenset(["province", "county", "prefecture", "oblast", "governorate", "region", "district"])

# Time zones, which the tagger takes for organizations ("14:00 UTC", "Central European Time").
TIME_ZONES = frozenset(
    ["utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "ast", "adt",
     "cet", "cest", "eet", "eest", "wet", "west", "bst", "ist", "pkt", "jst", "kst", "hkt", "sgt", "awst", "acst",
     "aest", "aedt", "acdt", "nzst", "nzdt", "msk", "brt", "art", "wat", "cat", "eat", "sast"]
)  # fmt: skip
_ZONE_NAME = re.compile(r"(?i)^(?:[a-z]+\s+){0,3}(?:standard|daylight|summer|mean)?\s*time$")


def is_time_zone(name: str) -> bool:
    """ "UTC", "IST", "Central European Time", "Eastern Standard Time": a time zone's name."""
    words = name.split()
    if len(words) == 1:
        return name.isupper() and name.casefold() in TIME_ZONES
    return bool(_ZONE_NAME.match(name)) and words[0][:1].isupper()


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
_OPENING_LONG = {"st": "saint", "mt": "mount", "ft": "fort"}
_OPENING_SHORT = re.compile(r"^(st|mt|ft) (?=\w)")
_CAMPUS_AT = re.compile(r"^(university of \w+(?: \w+)?) at ")

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

# Former states and empires, which the gazetteer of today's countries does not list and whose
# names often end in a body's word ("Soviet Union").
FORMER_STATES = frozenset(
    ["soviet union", "ussr", "yugoslavia", "czechoslovakia", "east germany", "west germany", "ottoman empire",
     "british empire", "roman empire", "holy roman empire", "byzantine empire", "austria hungary",
     "austro hungarian empire", "russian empire", "prussia", "confederate states of america", "confederacy",
     "rhodesia", "zaire", "ceylon", "siam", "persia", "south yemen", "north yemen", "mughal empire",
     "qing dynasty", "weimar republic", "third reich", "nazi germany"]
)  # fmt: skip

# Abbreviations of blocs and bodies that news uses without spelling them out.
ORG_ALIASES: dict[str, str] = {
    "eu": "European Union",
    "un": "United Nations",
}


def clean_surface(text: str) -> str:
    """The name as a reader would write it alone: no article, possessive or edge punctuation;
    square brackets, an editor's insertion ("[George H. W.] Bush"), are dropped."""
    text = " ".join(unicodedata.normalize("NFC", text).replace("[", " ").replace("]", " ").split())
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
    text = _SUFFIX.sub("", " ".join(text.split()))
    # "St. Petersburg" is "Saint Petersburg", "Mt. Rainier" "Mount Rainier", "Ft. Worth" "Fort Worth"
    text = _OPENING_SHORT.sub(lambda m: _OPENING_LONG[m.group(1)] + " ", text)
    # "University of California at Berkeley" is "University of California, Berkeley"
    return _CAMPUS_AT.sub(r"\1 ", text)


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


@cache
def given_names() -> frozenset[str]:
    """Given names (lower case): English ones and their familiar forms, from the ``nicknames``
    package's public table, and those of many languages in ``data/given_names.txt`` (see
    :mod:`tools.given_names_table`). "Savannah" or "Narendra" opening a two-word name
    makes it a person's."""
    import csv
    from importlib import resources

    with resources.files("nicknames").joinpath("names.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[1:]
    names = {name for row in rows for name in (row[0], row[-1]) if name.isalpha() and len(name) > 2}
    names.update(resources.files("generator").joinpath("data/given_names.txt").read_text(encoding="utf-8").split())
    return frozenset(names - _NOT_GIVEN)


# Words the table lists as names that open place and organization names far more often
# ("West Bengal", "Van Diemen", "Del Monte"); two-letter ones ("Al Jazeera") are left out too.
_NOT_GIVEN = frozenset(["west", "east", "north", "south", "van", "del", "san", "santa", "saint", "sierra", "santo"])


# Last words that make a name a place's or a thing's even after a given name ("Victoria Falls").
PLACE_WORDS = frozenset(
    [
        "river", "lake", "falls", "mountain", "mount", "hills", "hill", "valley", "bay", "island", "islands",
        "beach", "park", "street", "avenue", "road", "square", "county", "city", "town", "village", "district",
        "province", "state", "memorial", "bridge", "airport", "station", "harbor", "harbour", "port", "canyon",
        "desert", "forest", "sea", "ocean", "peninsula", "heights", "springs", "creek", "stadium", "arena", "hall",
        "garden", "gardens", "plaza", "palace", "castle", "tower", "building", "church", "center", "centre",
    ]
)  # fmt: skip


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


_LABEL_SHAPE = re.compile(r"[A-Z]{1,4}")


def is_speaker_label(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is an interview's speaker label, not a name in the news: a
    name in "((...))" opening a line, or a short capitalized tag such as "Q" or "WN" opening a
    line before a colon."""
    line_start = body.rfind("\n", 0, start) + 1
    before = body[line_start:start].strip()
    if before.startswith("(("):  # inside the "((...))" that opens the line
        close = body.find("))", line_start)
        return close >= end - 1 and "\n" not in body[line_start:close]
    after = body[end : end + 4].lstrip()
    return not before and after.startswith(":") and _LABEL_SHAPE.fullmatch(body[start:end].strip()) is not None
