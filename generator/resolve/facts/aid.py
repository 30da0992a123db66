"""Aid packages: money figures written in the context of aid, funding or a bill.

A figure such as "a $60-billion package" or "$61bn in proposed aid" becomes
an aid-package entity with its amount normalized (value, ISO currency), a
donor and a recipient when the sentence names them, and a status from the
verbs around it. Cumulative totals ("has provided more than $40bn since
2022") are not packages and are left out.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from generator.models import (
    AidInfo,
    Article,
    ArticleExtraction,
    Entity,
    EntityMention,
    Figure,
    Mention,
    SentenceIndex,
    mentions_by_sentence,
)
from generator.slugs import SlugRegistry

CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD", "A$": "AUD", "₹": "INR", "RS.": "INR",
    "RS": "INR",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "rubles": "RUB", "hryvnias": "UAH",
    "rupees": "INR", "yuan": "CNY", "renminbi": "CNY", "shekels": "ILS", "naira": "NGN",
}  # fmt: skip
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
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_SCALE_WORDS = r"thousand|million|billion|trillion|lakhs?|crores?"
_MONEY = re.compile(
    rf"(?P<sym>US\$|C\$|A\$|\bRs\.?|[$€£¥₹])\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s*-?\s*(?P<scale>{_SCALE_WORDS}|bn|mn|tn|[kmb])\b)?"
    # a range is read as its low end: "20 thousand to 50 thousand rupees"
    rf"|(?:(?P<low>\d[\d,]*(?:\.\d+)?)\s*(?P<low_scale>{_SCALE_WORDS})?\s*(?:to|-|–)\s*)?"
    rf"(?P<num2>\d[\d,]*(?:\.\d+)?)\s*(?P<scale2>{_SCALE_WORDS})?\s+(?P<word>{'|'.join(CURRENCY_WORDS)})\b",
    re.IGNORECASE,
)
# money someone gets from someone: "they get 20,000 rupees from the ministry"
_RECEIVED = re.compile(r"\b(?:get|gets|got|receive|receives|received)\b[^.;:]{0,25}$", re.IGNORECASE)
_FROM = re.compile(r"^\s+from\b", re.IGNORECASE)
AID_WORDS = ("aid", "assistance", "package", "funding", "bill", "support", "grant", "loan", "loans", "supplemental")
_HEAD = re.compile(r"\b(package|bill|aid|assistance|funding|grant|loan|supplemental)\b", re.IGNORECASE)
_NOUN_PHRASE = re.compile(r"[,.;:]|\s(?:of|in|from|to|for|that|which|is|has|was|would|will)\s")
# a debt owed, a fine, bail, a salary, a valuation or taxes: money, but no aid ("he owed on loans in
# excess of $300 million")
_NOT_AID = re.compile(
    r"\b(?:owe[ds]?|owing|debts?|fine[ds]?|bail|salary|salaries|valuation|valued\s+at|ransom|"
    r"damages|taxes|tax\s+returns?|net\s+worth)\b",
    re.IGNORECASE,
)
_WEIGHT = re.compile(r"^[\d,.]+\s+pounds$", re.IGNORECASE)  # "40,000 pounds" of something: no money
_CLAUSE_END = re.compile(r"[,;]|\s(?:and|but|while|whereas)\s")
_CUMULATIVE = re.compile(r"\b(since|so far|to date|in total|altogether|in the years)\b", re.IGNORECASE)
SAME_NEWS_DAYS = 14  # reports of one amount this close together are taken to be about one package
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
        currency = CURRENCY_SYMBOLS[m["sym"].upper() if m["sym"][0] != "$" else m["sym"]]  # "Rs." is "RS."
    else:
        value = float(m["num2"].replace(",", ""))
        scale = (m["scale2"] or "").lower()
        currency = CURRENCY_WORDS[m["word"].lower()]
        if m["low"]:
            value, scale = float(m["low"].replace(",", "")), (m["low_scale"] or scale).lower()
    return value * SCALES.get(scale, 1.0), currency


def format_money(value: float, currency: str) -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(currency, currency + " ")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            number = f"{value / scale:.2f}".rstrip("0").rstrip(".")
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
    """Aid-package entities: one per amount and currency in each article, then merged across
    articles when they name the same donor or recipient."""
    by_sentence = mentions_by_sentence(entities, ("place", "organization"))
    groups: dict[tuple[str, float, str, bool], list[tuple[EntityMention, str, str]]] = defaultdict(list)
    for article_id, extraction in sorted(extractions.items()):
        body = articles[article_id].body
        for m in _money_mentions(body, extraction):
            start = m.start - 1 if m.start > 0 and body[m.start - 1] in "$€£¥₹" else m.start
            text = body[start : m.end]
            if (money := parse_money(text)) is None:
                continue
            s = extraction.sentences[m.sentence]
            sentence = body[s.start : s.end]
            before, after = body[max(s.start, m.start - 80) : m.start], body[m.end : min(s.end, m.end + 60)]
            around = f"{before}{text}{after}".lower()
            aid = any(re.search(rf"\b{w}\b", around) for w in AID_WORDS) or (
                _RECEIVED.search(before) is not None and _FROM.match(after) is not None
            )
            if _WEIGHT.match(text) and re.match(r"\s+of\b", after):
                continue  # "40,000 pounds of relief cargo"
            # a fine or a debt of the figure's own clause ("... and offered to pay fines" is another's)
            clause = f"{before}{text}{_CLAUSE_END.split(after, 1)[0]}"
            if not aid or _NOT_AID.search(clause):
                continue
            cumulative = bool(_CUMULATIVE.search(sentence))
            heads = _HEAD.findall(_NOUN_PHRASE.split(body[m.end : min(s.end, m.end + 60)], 1)[0])
            head = heads[-1] if heads else (h.group(1) if (h := _HEAD.search(around)) else "aid")
            mention = EntityMention(article_id, m.sentence, start, m.end, text)
            groups[(article_id, *money, cumulative)].append((mention, sentence, head.lower()))
    packages: list[Package] = []
    for (_, value, currency, cumulative), found in sorted(groups.items()):
        figure = Figure(value, currency, format_money(value, currency), sorted({m.article for m, _, _ in found}))
        statuses = [st for _, sentence, _ in found if (st := status_of(sentence))]
        donor, recipient = _parties(found, by_sentence)
        status = "cumulative" if cumulative else (statuses[0] if statuses else None)
        dates = sorted({d for m, _, _ in found if (d := articles[m.article].date)})
        packages.append(Package(found, [figure], donor, recipient, status, dates))
    names = {e.id: e.name for e in entities}
    return [_entity(p, ids, names) for p in merge_packages(packages)]


def _money_mentions(body: str, extraction: ArticleExtraction) -> list[Mention]:
    """The model's MONEY mentions, and the amounts with a currency it tagged otherwise or not at
    all ("Rs.2000", "20 thousand rupees" are often a CARDINAL)."""
    found = [m for m in extraction.mentions if m.label == "MONEY"]
    taken = [(m.start, m.end) for m in found]
    for index, s in enumerate(extraction.sentences):
        for match in _MONEY.finditer(body, s.start, s.end):
            a, b = match.span()
            if not any(a < y and x < b for x, y in taken):
                found.append(Mention(match.group(), "MONEY", a, b, index))
    return found


@dataclass
class Package:
    """Figures that stand for one package, before it becomes an entity."""

    found: list[tuple[EntityMention, str, str]]
    figures: list[Figure]
    donor: str | None
    recipient: str | None
    status: str | None
    dates: list[str] = field(default_factory=list)  # of the articles that report it

    @property
    def main(self) -> Figure:
        """The figure most sources give (then the larger)."""
        return max(self.figures, key=lambda f: (len(f.articles), f.value))


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _related(p: Package, q: Package) -> bool:
    """Two figures can be one package when one article gives both, both name the same donor or
    recipient, or they were reported within days of each other: "$100 million" in two statements
    a year apart that name no one is two packages."""
    if {(m.article, m.sentence) for m, _, _ in p.found} & {(m.article, m.sentence) for m, _, _ in q.found}:
        return False  # "$1.25 billion for arms and a $1.22 billion package" in one sentence: two packages
    articles = {m.article for m, _, _ in p.found} & {m.article for m, _, _ in q.found}
    same_donor = p.donor is not None and p.donor == q.donor
    same_recipient = p.recipient is not None and p.recipient == q.recipient
    return bool(articles) or same_donor or same_recipient or _days_apart(p.dates, q.dates) <= SAME_NEWS_DAYS


def _days_apart(a: list[str], b: list[str]) -> float:
    return min((abs((date.fromisoformat(x) - date.fromisoformat(y)).days) for x in a for y in b), default=math.inf)


def merge_packages(packages: list[Package], tolerance: float = 0.1) -> list[Package]:
    """Figures within ``tolerance`` of each other for the same donor, recipient and status are one
    package that outlets report differently ($60bn and $61bn); a cumulative total never joins a package."""
    merged: list[Package] = []
    mains: list[Figure] = []  # merged[i].main, kept as packages grow
    for p in sorted(packages, key=lambda p: (-len(p.main.articles), p.main.value)):
        pm = p.main
        for i, q in enumerate(merged):
            qm = mains[i]
            if (
                abs(pm.value - qm.value) <= tolerance * max(pm.value, qm.value)
                and pm.currency == qm.currency
                and (p.status == "cumulative") == (q.status == "cumulative")
                and _agree(p.donor, q.donor)
                and _agree(p.recipient, q.recipient)
                and _agree(p.status, q.status)
                and _related(p, q)
            ):
                q.found += p.found
                q.figures = _combine(q.figures + p.figures)
                q.dates = sorted({*q.dates, *p.dates})
                q.donor, q.recipient, q.status = q.donor or p.donor, q.recipient or p.recipient, q.status or p.status
                mains[i] = q.main
                break
        else:
            merged.append(p)
            mains.append(pm)
    return merged


def _combine(figures: list[Figure]) -> list[Figure]:
    """One figure per amount, with every article that gives it."""
    by_amount: dict[tuple[float, str], Figure] = {}
    for f in figures:
        if (same := by_amount.get((f.value, f.currency))) is None:
            by_amount[(f.value, f.currency)] = Figure(f.value, f.currency, f.text, list(f.articles))
        else:
            same.articles = sorted({*same.articles, *f.articles})
    return list(by_amount.values())


def _entity(p: Package, ids: SlugRegistry, names: dict[str, str]) -> Entity:
    main = p.main
    heads = [h for _, _, h in p.found]
    head = max(sorted(set(heads)), key=heads.count)
    name = f"{format_money(main.value, main.currency)} {head}"
    if p.recipient in names:
        name += f" for {names[p.recipient]}"
    elif p.donor in names:
        name += f" from {names[p.donor]}"
    else:  # no party named: the month tells unrelated figures of the same amount apart
        name += f" ({_month(p.dates[0])})" if p.dates else ""
    name += " (cumulative)" if p.status == "cumulative" else ""
    figures = sorted(p.figures, key=lambda f: (-len(f.articles), f.value))
    return Entity(
        id=ids.claim(name, "aid"),
        type="aid_package",
        name=name,
        aliases=sorted({m.text for m, _, _ in p.found} - {name}),
        mentions=sorted((m for m, _, _ in p.found), key=lambda m: (m.article, m.start)),
        aid=AidInfo(
            amount=Figure(main.value, main.currency, main.text, list(main.articles)),
            figures=figures,
            donor=p.donor,
            recipient=p.recipient,
            status=p.status,
        ),
    )


def _month(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%B %Y")


def _parties(found: list[tuple[EntityMention, str, str]], by_sentence: SentenceIndex) -> tuple[str | None, str | None]:
    """Donor: who gives ("from the EU", "U.S. aid"); recipient: the place it goes "to"/"for"."""
    donor = recipient = None
    for mention, sentence, _ in found:
        for start, _, entity in sorted(by_sentence.get((mention.article, mention.sentence), []), key=lambda x: x.start):
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
