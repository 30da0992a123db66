"""Topics: themes that group articles and entities.

Derived topics are key phrases that several articles share but not all: two
content words in a row ("military aid"), or a noun tied to a name the corpus
knows, in whichever order the text puts them ("NATO membership", "membership
in NATO", "NATO's membership" are one topic). They are chosen greedily so that
two topics on the same words do not cover the same articles. A user can declare topics with
keywords in ``topics.yml`` next to the corpus::

    - name: Border security
      keywords: [border, frontier, asylum seekers]
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from generator.errors import ConfigError
from generator.ingest.screen import load_config_yaml
from generator.lexicons.names import TITLE_WORDS, reading_order
from generator.models import Article, ArticleExtraction, Entity, Sentence, Topic, mentions_by_sentence
from generator.slugs import SlugRegistry

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
MAX_TOPICS = 40
MIN_TOPICS = 8
ARTICLES_PER_TOPIC = 5  # a corpus of 100 articles gets up to 20 derived topics
MAX_SHARE = 0.6  # a phrase in more than this share of articles is too common to be a topic


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = {"said", "says", "told", "according", "would", "also", "year", "years", "week", "day", "time"}
    extra |= {"thousand", "million", "billion", "trillion", "percent"}
    extra |= {"despite", "amid", "among", "toward", "towards", "within", "without", "upon", "via", "including"}
    extra |= TIME_WORDS | QUANTITY_WORDS
    return frozenset(STOP_WORDS | extra)


# time phrases are no themes ("previous month", "yesterday morning", "monthly series")
TIME_WORDS = frozenset(
    ["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "weekend", "weekday",
     "month", "months", "monthly", "weekly", "daily", "annual", "annually", "yearly", "hour", "hours", "minute",
     "minutes", "previous", "recent", "recently", "current", "currently", "upcoming", "earlier", "later", "past",
     "future", "ago", "spotlight", "ahead"]
)  # fmt: skip
# quantifiers, filler nouns and adverbs ("little bit", "large number", "fascinating aspect", "far away")
QUANTITY_WORDS = frozenset(
    ["bit", "bits", "lot", "lots", "number", "numbers", "amount", "amounts", "couple", "plenty", "dozen", "dozens",
     "hundreds", "thousands", "majority", "minority", "part", "parts", "kind", "kinds", "sort", "sorts", "type",
     "types", "way", "ways", "thing", "things", "place", "series", "total", "aspect", "aspects", "feeling",
     "feelings", "fact", "facts", "idea", "ideas", "point", "points", "sense", "moment", "moments", "reason",
     "reasons", "example", "examples", "far", "away"]
)  # fmt: skip
# the past of irregular verbs, which the "-ed" test misses ("took place", "Wikinews spoke"), and their base form
IRREGULAR_PAST: dict[str, str] = {
    "took": "take", "spoke": "speak", "came": "come", "went": "go", "made": "make", "gave": "give", "got": "get",
    "began": "begin", "saw": "see", "left": "leave", "held": "hold", "led": "lead", "won": "win", "lost": "lose",
    "ran": "run", "wrote": "write", "became": "become", "found": "find", "brought": "bring", "thought": "think",
    "kept": "keep", "felt": "feel", "meant": "mean", "met": "meet", "paid": "pay", "put": "put", "sat": "sit",
    "set": "set", "sent": "send", "spent": "spend", "stood": "stand", "understood": "understand", "bought": "buy",
    "caught": "catch", "fought": "fight", "taught": "teach", "sold": "sell", "told": "tell", "heard": "hear",
    "read": "read", "rose": "rise", "fell": "fall", "grew": "grow", "knew": "know", "threw": "throw",
    "drew": "draw", "drove": "drive", "flew": "fly", "broke": "break", "chose": "choose", "froze": "freeze",
    "woke": "wake", "wore": "wear", "tore": "tear", "swore": "swear", "shot": "shoot", "struck": "strike",
    "fled": "flee", "sought": "seek", "withdrew": "withdraw", "hung": "hang", "stole": "steal", "shook": "shake",
    "swept": "sweep", "dealt": "deal", "forbade": "forbid", "overtook": "overtake", "undertook": "undertake",
    "arose": "arise", "slid": "slide",
}  # fmt: skip
# a theme is not a bare job title ("vice president", "running mate", "presidential nominee")
ROLE_HEADS = TITLE_WORDS | {"mate", "nominee", "nominees", "candidate", "candidates", "chairman", "member", "members"}


_LOWER_WORD = re.compile(r"[a-z]+")
_CLAUSE_BREAK = re.compile(r"(?<=[.!?])\s+|[;:()\"“”]+|\n")
_NAME = r"[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,3}"
_NOUN_OF_NAME = re.compile(rf"\b(?P<noun>[a-z]{{3,}})\s+(?P<prep>of|in|for|to|into)\s+(?:the\s+)?(?P<name>{_NAME})")
_NAMES_NOUN = re.compile(rf"(?P<name>{_NAME})(?:'s|’s|')\s+(?P<noun>[a-z]{{3,}})\b")


def phrases(
    text: str,
    stop: frozenset[str],
    names: frozenset[str] = frozenset(),
    variants: dict[str, set[str]] | None = None,
    places: frozenset[str] = frozenset(),
) -> dict[str, set[str]]:
    """Key phrases, each with the sentences it is in: pairs of adjacent content words written
    in lower case ("military aid") or after an acronym ("NATO membership"), and a noun tied to
    one of ``names`` ("membership in NATO" and "NATO's membership" give "NATO membership", but
    "headquarters in Brussels" nothing, as Brussels is one of ``places``).
    ``variants`` collects how the text writes each phrase."""
    out: dict[str, set[str]] = defaultdict(set)
    for sentence in _CLAUSE_BREAK.split(text):
        words = _WORD.findall(sentence)
        lowered = [w.lower() for w in words]
        context = " ".join(lowered)
        if names:
            for pattern in (_NOUN_OF_NAME, _NAMES_NOUN):
                for m in pattern.finditer(sentence):
                    noun, name = m["noun"], m["name"].removeprefix("The ")
                    if m.groupdict().get("prep") == "in" and name in places:
                        continue  # "headquarters in Brussels" says where, not what
                    following = _LOWER_WORD.match(sentence[m.end() :].lstrip())
                    if pattern is _NAMES_NOUN and following and following.group(0) not in stop:
                        continue  # "Ukraine's potential membership": "potential" is not the noun
                    if name in names and noun not in stop:
                        out[f"{name} {noun}"].add(context)
                        if variants is not None:
                            variants[f"{name} {noun}"].add(m.group(0).removeprefix("The "))
        for a, b, la, lb in zip(words, words[1:], lowered, lowered[1:], strict=False):
            if lb != b or len(lb) < 3 or len(la) < 3 or la in stop or lb in stop:  # lb != b: not lower case
                continue
            if a.islower() or (a.isupper() and len(a) <= 6):
                out[f"{a} {lb}"].add(context)
                if variants is not None:
                    variants[f"{a} {lb}"].add(f"{a} {b}")
    return out


_MODAL = re.compile(r"\b(?:to|will|would|must|can|could|should|may|might|not)\s+([a-z]+)\b")
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|its|their|our|his|her|of)\s+([a-z]+)\b")


def verb_like(texts: Iterable[str]) -> set[str]:
    """Words the corpus uses more often after "to"/"will" than after "the"/"a": verbs."""
    after_modal: Counter[str] = Counter()
    after_det: Counter[str] = Counter()
    for text in texts:
        after_modal.update(_MODAL.findall(text))
        after_det.update(_DETERMINER.findall(text))
    return {w for w, c in after_modal.items() if c > after_det[w]}


def is_past(word: str) -> bool:
    """A past tense or participle: "called", "took" (lower case)."""
    return word in IRREGULAR_PAST or (word.endswith("ed") and len(word) > 3)


def is_verb(word: str, verbs: set[str] | frozenset[str]) -> bool:
    """A word the corpus uses as a verb (``verbs``, from :func:`verb_like`; "uses" for "use"), or
    a past tense ("called", "took")."""
    word = word.lower()
    return word in verbs or is_past(word) or (word.endswith("s") and word[:-1] in verbs)


@cache
def english_verbs() -> frozenset[str]:
    """English verbs in their base form, from ``data/verbs.txt`` (WordNet's verb index; see
    :mod:`tools.verbs_table`)."""
    from importlib import resources

    return frozenset(resources.files("generator").joinpath("data/verbs.txt").read_text(encoding="utf-8").split())


def verb_form(word: str) -> bool:
    """A word that is an English verb's third person ("names", "crashes", "tries") or past
    ("called", "took"). A plural noun of a verb's spelling ("strikes", "talks") is one too:
    which it is, the words around it tell."""
    w = word.lower()
    verbs = english_verbs()
    if is_past(w):
        return True
    if not w.endswith("s") or w.endswith("ss"):
        return False
    return w[:-1] in verbs or (w.endswith("es") and w[:-2] in verbs) or (w.endswith("ies") and w[:-3] + "y" in verbs)


def _filler(phrase: str, stop: frozenset[str]) -> bool:
    """A phrase that is no theme: a bare job title, or a possessive time word ("month's")."""
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in phrase.split()]
    return words[-1] in ROLE_HEADS or any(w in stop for w in words)


def declared(path: Path) -> list[tuple[str, list[str]]]:
    if not (path.exists() or path.is_symlink()):
        return []
    data = load_config_yaml(path) or []
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of topics with a name and keywords")
    out = []
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict) or "name" not in item or not isinstance(item.get("keywords"), list):
            raise ConfigError(f"{path}: topic {number}: each topic needs a name and a list of keywords")
        if isinstance(item["name"], (dict, list)) or any(isinstance(k, (dict, list)) for k in item["keywords"]):
            raise ConfigError(f"{path}: topic {number}: the name and each keyword must be text")
        out.append((str(item["name"]), [str(k).lower() for k in item["keywords"]]))
    return out


def find_topics(
    articles: list[Article],
    extractions: dict[str, ArticleExtraction],
    entities: list[Entity],
    topics_file: Path | None = None,
) -> list[Topic]:
    """The corpus's topics: phrases that several articles share (not names, verbs or filler),
    with the articles and entities of each; and the topics ``topics_file`` declares."""
    if not articles:
        return []
    stop = _stop_words()
    known = frozenset(
        n for e in entities if e.type in ("person", "organization", "place") for n in [e.name, *e.aliases]
    )
    places = frozenset(n for e in entities if e.type == "place" for n in [e.name, *e.aliases])
    variants: dict[str, set[str]] = defaultdict(set)
    per_article = {a.id: phrases(f"{a.title}\n{a.body}", stop, known, variants, places) for a in articles}
    df: Counter[str] = Counter()
    contexts: dict[str, set[str]] = defaultdict(set)
    for ps in per_article.values():
        df.update(ps.keys())
        for p, sentences in ps.items():
            contexts[p] |= sentences
    n = len(articles)
    verbs = verb_like(a.body for a in articles)
    # a phrase that is only an entity's name ("tel aviv") is that entity, not a topic
    names = {" ".join(n.split()) for e in entities for n in [e.name, *e.aliases]}
    candidates = [
        (p, c)
        for p, c in df.items()
        # in several articles, in different sentences (not one quote that outlets repeat)
        if 2 <= c <= max(2, MAX_SHARE * n)
        and len(contexts[p]) >= 2
        and p not in names
        and not is_verb(p.split()[1], verbs)
        and not is_verb(p.split()[0], verbs)  # "remained steadfast", "took place", "Wikinews spoke"
        and not _filler(p, stop)
    ]
    uses: Counter[str] = Counter()
    holders: dict[str, set[str]] = defaultdict(set)  # phrase -> the articles that use it
    for article_id, ps in per_article.items():
        for p, sentences in ps.items():
            uses[p] += len(sentences)
            holders[p].add(article_id)
    candidates.sort(key=lambda pc: (-pc[1] * math.log(1 + n / pc[1]), -uses[pc[0]], pc[0]))
    chosen: list[tuple[str, list[str]]] = []
    covered: list[tuple[set[str], set[str]]] = []
    for phrase, _ in candidates:
        members = set(holders[phrase])
        words = set(phrase.lower().split())
        keywords = sorted(variants[phrase] | {phrase}, key=reading_order)
        same_head = [
            i for i, (other, _) in enumerate(covered) if members & other and _same_head(phrase, chosen[i][0], known)
        ]
        if same_head:  # "Ukraine membership" joins "NATO membership", "supply chains" "supply chain"
            i = same_head[0]
            chosen[i] = (chosen[i][0], sorted({*chosen[i][1], *keywords}, key=reading_order))
            covered[i][0].update(members)
            continue
        if any(
            words & other_words and len(members & other) >= 0.8 * min(len(members), len(other))
            for other, other_words in covered
        ):
            continue
        chosen.append((phrase[:1].upper() + phrase[1:], keywords))
        covered.append((members, words))
        if len(chosen) >= max(MIN_TOPICS, min(MAX_TOPICS, n // ARTICLES_PER_TOPIC)):
            break
    if topics_file is not None:
        chosen = declared(topics_file) + chosen
    return _build(articles, extractions, entities, chosen)


def _same_head(a: str, b: str, names: frozenset[str]) -> bool:
    """Two phrases on one noun: its singular and plural with the same modifier, or tied to two names."""
    (a_mod, a_head), (b_mod, b_head) = a.rsplit(" ", 1), b.rsplit(" ", 1)
    if _singular(a_head.lower()) != _singular(b_head.lower()):
        return False
    return a_mod.lower() == b_mod.lower() or (a_mod in names and b_mod in names)


def _singular(word: str) -> str:
    if word.endswith(("ss", "us", "is")):  # "business", "census", "crisis"
        return word
    for plural, singular in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[: -len(plural)] + singular
    return word


def _sentences_matching(pattern: re.Pattern[str], body: str, sentences: tuple[Sentence, ...]) -> list[int]:
    """Indexes of the sentences whose own text matches ``pattern``.

    Only sentences where a match in the whole body starts or ends are tried, each on its
    own text, so that the result is that of trying every sentence.
    """
    starts = [s.start for s in sentences]
    tried: set[int] = set()
    for m in pattern.finditer(body):
        for at in (m.start(), max(m.start(), m.end() - 1)):
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0:
                tried.add(i)
    return [i for i in sorted(tried) if pattern.search(body[sentences[i].start : sentences[i].end])]


def _build(
    articles: list[Article],
    extractions: dict[str, ArticleExtraction],
    entities: list[Entity],
    chosen: list[tuple[str, list[str]]],
) -> list[Topic]:
    ids = SlugRegistry()
    located = mentions_by_sentence(entities)
    topics: list[Topic] = []
    texts = [f"{a.title}\n{a.body}" for a in articles]
    lowered = [t.lower() for t in texts]
    for name, keywords in chosen:
        members: list[str] = []
        weight: Counter[str] = Counter()
        # one pattern for all the keywords: a match of any of them, as a whole word
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keywords) + r")\b") if keywords else None
        cased = any(k != k.lower() for k in keywords)
        for a, text, low in zip(articles, texts, lowered, strict=True):
            haystack = text if cased else low
            # a substring test first: far faster than the pattern, and most articles fail it
            if pattern is None or not any(k in haystack for k in keywords) or not pattern.search(haystack):
                continue
            members.append(a.id)
            extraction = extractions.get(a.id)
            if extraction is None:
                continue
            for i in _sentences_matching(pattern, a.body, extraction.sentences):
                weight.update({e.id for _, _, e in located.get((a.id, i), ())})
        if not members:
            continue
        most = [e for e, _ in sorted(weight.items(), key=lambda x: (-x[1], x[0]))[:20]]
        topics.append(Topic(ids.claim(name, "topic"), name, sorted(members), most, keywords))
    return topics
