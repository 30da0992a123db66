"""Aid packages: money figures written in the context of aid, funding or a bill.

A figure such as "a $60-billion package" or "$61bn in proposed aid" becomes
an aid-package entity with its amount normalized (value, ISO currency), a
donor and a recipient when the sentence names them, and a status from the
verbs around it. Cumulative totals ("has provided more than $40bn since
2022") are not packages and are left out.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .models import Article, ArticleExtraction, Entity, EntityMention, Figure
from .slugs import SlugRegistry

CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD", "A$": "AUD"}
CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "rubles": "RUB", "hryvnias": "UAH"}
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_MONEY = re.compile(
    r"(?P<sym>US\$|C\$|A\$|[$€£¥])\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s*-?\s*(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?"
    r"|(?P<num2>\d[\d,]*(?:\.\d+)?)\s*(?P<scale2>thousand|million|billion|trillion)?\s+(?P<word>dollars|euros|pounds|yen|rubles|hryvnias)\b",
    re.IGNORECASE,
)
AID_WORDS = ("aid", "assistance", "package", "funding", "bill", "support", "grant", "loan", "loans", "supplemental")
_HEAD = re.compile(r"\b(package|bill|aid|assistance|funding|grant|loan|supplemental)\b", re.IGNORECASE)
_NOUN_PHRASE = re.compile(r"[,.;:]|\s(?:of|in|from|to|for|that|which|is|has|was|would|will)\s")
_CUMULATIVE = re.compile(r"\b(since|so far|to date|in total|altogether|in the years)\b", re.IGNORECASE)
STATUS_WORDS = [
    ("blocked", r"\bblock(?:ed|ing)?\b|\bveto(?:ed)?\b"),
    ("stalled", r"\bstall(?:ed|ing)?\b|\bheld up\b|\bstruggl\w+ to pass\b|\bdelay(?:ed)?\b"),
    ("approved", r"\bapprov(?:ed|es)\b|\bpass(?:ed|es)\b(?! into)|\bsigned\b"),
    ("delivered", r"\bdeliver(?:ed|s)\b|\barrived\b"),
    ("proposed", r"\bpropos(?:ed|al)\b|\bplans?\b|\brequest(?:ed)?\b"),
]


def parse_money(text: str) -> tuple[float, str] | None:
    m = _MONEY.search(text)
    if m is None:
        return None
    if m["num"]:
        value = float(m["num"].replace(",", ""))
        scale = (m["scale"] or "").lower()
        currency = CURRENCY_SYMBOLS[m["sym"].upper() if m["sym"][0] != "$" else m["sym"]]
    else:
        value = float(m["num2"].replace(",", ""))
        scale = (m["scale2"] or "").lower()
        currency = CURRENCY_WORDS[m["word"].lower()]
    return value * SCALES.get(scale, 1.0), currency


def format_money(value: float, currency: str) -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(currency, currency + " ")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            number = f"{value / scale:.1f}".rstrip("0").rstrip(".")
            return f"{symbol}{number} {word}"
    return f"{symbol}{value:,.0f}"


def status_of(sentence: str) -> str | None:
    for status, pattern in STATUS_WORDS:
        if re.search(pattern, sentence, re.IGNORECASE):
            return status
    return None


def find_aid(
    entities: list[Entity],
    articles: dict[str, Article],
    extractions: dict[str, ArticleExtraction],
    ids: SlugRegistry,
) -> list[Entity]:
    """Aid-package entities, one per amount and currency."""
    by_sentence: dict[tuple[str, int], list[tuple[int, Entity]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            by_sentence[(m.article, m.sentence)].append((m.start, e))
    groups: dict[tuple[float, str], list[tuple[EntityMention, str, str]]] = defaultdict(list)
    for article_id, extraction in sorted(extractions.items()):
        body = articles[article_id].body
        for m in extraction.mentions:
            start = m.start - 1 if m.start > 0 and body[m.start - 1] in "$€£¥" else m.start
            text = body[start : m.end]
            if m.label != "MONEY" or (money := parse_money(text)) is None:
                continue
            s = extraction.sentences[m.sentence]
            sentence = body[s.start : s.end]
            around = body[max(s.start, m.start - 80) : min(s.end, m.end + 60)].lower()
            if not any(re.search(rf"\b{w}\b", around) for w in AID_WORDS) or _CUMULATIVE.search(sentence):
                continue
            heads = _HEAD.findall(_NOUN_PHRASE.split(body[m.end : min(s.end, m.end + 60)], 1)[0])
            head = heads[-1] if heads else (h.group(1) if (h := _HEAD.search(around)) else "aid")
            mention = EntityMention(article_id, m.sentence, start, m.end, text)
            groups[money].append((mention, sentence, head.lower()))
    packages: list[Entity] = []
    for (value, currency), found in sorted(groups.items()):
        heads = [h for _, _, h in found]
        head = max(sorted(set(heads)), key=heads.count)
        name = f"{format_money(value, currency)} {head}"
        figure = Figure(value, currency, format_money(value, currency), sorted({m.article for m, _, _ in found}))
        package = Entity(
            id=ids.claim(name, "aid"),
            type="aid_package",
            name=name,
            aliases=sorted({m.text for m, _, _ in found} - {name}),
            mentions=[m for m, _, _ in found],
            amount=figure,
            figures=[figure],
        )
        statuses = [st for _, sentence, _ in found if (st := status_of(sentence))]
        package.status = statuses[0] if statuses else None
        package.donor, package.recipient = _parties(found, by_sentence)
        packages.append(package)
    return packages


def _parties(
    found: list[tuple[EntityMention, str, str]], by_sentence: dict[tuple[str, int], list[tuple[int, Entity]]]
) -> tuple[str | None, str | None]:
    """Donor: who gives ("from the EU", "U.S. aid"); recipient: the place it goes "to"/"for"."""
    donor = recipient = None
    for mention, sentence, _ in found:
        named = sorted(by_sentence.get((mention.article, mention.sentence), []), key=lambda x: x[0])
        for start, entity in named:
            if entity.type not in ("place", "organization"):
                continue
            offset = start - mention.start
            gap = sentence.lower()
            if (
                recipient is None
                and entity.type == "place"
                and re.search(
                    rf"\b(to|for)\s+(the\s+)?{re.escape(entity_surface(entity, mention.article, start))}", gap
                )
            ):
                recipient = entity.id
            elif (
                donor is None
                and 0 < offset < 80
                and re.search(rf"\bfrom\s+(the\s+)?{re.escape(entity_surface(entity, mention.article, start))}", gap)
            ):
                donor = entity.id
            elif donor is None and 0 < offset < 40 and entity.type == "place":
                donor = entity.id  # "$61bn in proposed U.S. aid"
    return donor, recipient


def entity_surface(entity: Entity, article: str, start: int) -> str:
    for m in entity.mentions:
        if m.article == article and m.start == start:
            return m.text.lower()
    return entity.name.lower()
