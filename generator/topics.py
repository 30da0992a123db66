"""Topics: themes that group articles and entities.

Derived topics are key phrases (two content words in a row, like "military
aid") that several articles share but not all, chosen greedily so that two
topics do not cover the same articles. A user can declare topics with
keywords in ``topics.yml`` next to the corpus::

    - name: Border security
      keywords: [border, frontier, asylum seekers]
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

import yaml

from .errors import ConfigError
from .models import KnowledgeBase, Topic
from .slugs import SlugRegistry

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
MAX_TOPICS = 40
MAX_SHARE = 0.6  # a phrase in more than this share of articles is too common to be a topic


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = {"said", "says", "told", "according", "would", "also", "year", "years", "week", "day", "time"}
    return frozenset(STOP_WORDS | extra)


def phrases(text: str, stop: frozenset[str]) -> dict[str, set[str]]:
    """Pairs of adjacent content words written in lower case ("military aid"),
    or after an acronym ("NATO membership"), each with the sentences it is in."""
    out: dict[str, set[str]] = defaultdict(set)
    for sentence in re.split(r"(?<=[.!?])\s+|[;:()\"“”]+|\n", text):
        words = _WORD.findall(sentence)
        context = " ".join(w.lower() for w in words)
        for a, b in pairwise(words):
            la, lb = a.lower(), b.lower()
            if la in stop or lb in stop or len(la) < 3 or len(lb) < 3 or not b.islower():
                continue
            if a.islower() or (a.isupper() and len(a) <= 6):
                out[f"{a} {lb}"].add(context)
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


def _verb(word: str, verbs: set[str]) -> bool:
    return word in verbs or word.endswith("ed") or (word.endswith("s") and word[:-1] in verbs)


def declared(path: Path) -> list[tuple[str, list[str]]]:
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of topics with a name and keywords")
    out = []
    for item in data:
        if not isinstance(item, dict) or "name" not in item or not isinstance(item.get("keywords"), list):
            raise ConfigError(f"{path}: each topic needs a name and a list of keywords")
        out.append((str(item["name"]), [str(k).lower() for k in item["keywords"]]))
    return out


def find_topics(kb: KnowledgeBase, topics_file: Path | None = None) -> list[Topic]:
    articles = kb.articles
    if not articles:
        return []
    stop = _stop_words()
    per_article = {a.id: phrases(a.body, stop) for a in articles}
    df: Counter[str] = Counter()
    contexts: dict[str, set[str]] = defaultdict(set)
    for ps in per_article.values():
        df.update(ps.keys())
        for p, sentences in ps.items():
            contexts[p] |= sentences
    n = len(articles)
    verbs = verb_like(a.body for a in articles)
    # a phrase that is only an entity's name ("tel aviv") is that entity, not a topic
    names = {" ".join(n.split()) for e in kb.entities for n in [e.name, *e.aliases]}
    candidates = [
        (p, c)
        for p, c in df.items()
        # in several articles, in different sentences (not one quote that outlets repeat)
        if 2 <= c <= max(2, MAX_SHARE * n)
        and len(contexts[p]) >= 2
        and p not in names
        and not _verb(p.split()[1], verbs)
    ]
    candidates.sort(key=lambda pc: (-pc[1] * math.log(1 + n / pc[1]), pc[0]))
    chosen: list[tuple[str, list[str]]] = []
    covered: list[set[str]] = []
    for phrase, _ in candidates:
        members = {a for a, ps in per_article.items() if phrase in ps}
        if any(len(members & other) >= 0.8 * min(len(members), len(other)) for other in covered):
            continue
        chosen.append((phrase[:1].upper() + phrase[1:], [phrase]))
        covered.append(members)
        if len(chosen) >= MAX_TOPICS:
            break
    if topics_file is not None:
        chosen = declared(topics_file) + chosen
    return _build(kb, chosen)


def _contains(text: str, keyword: str) -> bool:
    return re.search(rf"\b{re.escape(keyword)}\b", text) is not None


def _build(kb: KnowledgeBase, chosen: list[tuple[str, list[str]]]) -> list[Topic]:
    ids = SlugRegistry()
    mentions_by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for e in kb.entities:
        for m in e.mentions:
            mentions_by_sentence[(m.article, m.sentence)].add(e.id)
    topics: list[Topic] = []
    for name, keywords in chosen:
        members: list[str] = []
        weight: Counter[str] = Counter()
        for a in kb.articles:
            body = a.body if any(k != k.lower() for k in keywords) else a.body.lower()
            if not any(_contains(body, k) for k in keywords):
                continue
            members.append(a.id)
            extraction = kb.extractions.get(a.id)
            if extraction is None:
                continue
            for i, s in enumerate(extraction.sentences):
                if any(_contains(body[s.start : s.end], k) for k in keywords):
                    weight.update(mentions_by_sentence.get((a.id, i), ()))
        if not members:
            continue
        entities = [e for e, _ in sorted(weight.items(), key=lambda x: (-x[1], x[0]))[:20]]
        topics.append(Topic(ids.claim(name, "topic"), name, sorted(members), entities, keywords))
    return topics
