"""Score the facts of a ``kb.json`` (quotes, events, aid) against per-article gold written from the texts.

The gold (``tests/gold/wikinews-facts.yml``, and a held-out file scored once) gives, for each
article keyed by its file name without extension:

* ``quotes``: the speaker the text names (``null`` when it names none) and the opening words of
  each direct quote;
* ``events``: a short name, a few words any title of the event holds, and the date the text gives
  (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only that is given);
* ``aid``: every figure of money given, lent, pledged, withheld or moved for someone, and
  ``not_aid``: every other figure (prices, fines, salaries, valuations, ...).

Figures:

* quotes: ``found`` (a kb quote of that article holds the opening words), ``right`` (found, with
  the gold speaker: its entity's name or an alias is the gold name, or both have none; and every
  article of the gold that carries it among its sources), ``wrong`` (found with a speaker that is
  not the gold's, a speaker given where the gold has none included), ``unattributed`` (found with
  no speaker where the gold names one);
* events: ``dated`` (an event of the kb with a mention in the article whose start date is the gold
  date, to the gold's precision, and whose page holds every gold word: in its name or aliases, or
  in the name or an alias of its place or of one of its participants, which its page shows beside
  the name: "WHO" is the World Health Organization of "World Health Organization declares COVID-19
  pandemic"); only events dated to the day are counted unless ``--coarse``;
* aid: ``on a package`` (an aid package of the kb has a figure of the gold value, within 1%, from
  that article); ``not aid`` (kb packages with a figure from a gold article equal to one of its
  ``not_aid`` figures, or to no gold figure at all).

``python -m tools.eval_facts KB_JSON GOLD_YML [--verbose]``
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .eval_wikinews import norm


def quote_key(text: str) -> str:
    """The words of a quote, for finding its opening in a kb quote: lower case, straight quotes,
    letters and digits only."""
    s = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").casefold()
    return " ".join(re.findall(r"[\w']+", s))


@dataclass
class FactsReport:
    quotes: int = 0
    quotes_found: int = 0
    quotes_right: int = 0
    quotes_wrong: int = 0
    quotes_unattributed: int = 0
    events: int = 0
    events_dated: int = 0
    aid: int = 0
    aid_found: int = 0
    packages_in_gold_articles: int = 0
    packages_not_aid: int = 0
    misses: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"

        return [
            f"quotes: right speaker and sources {pct(self.quotes_right, self.quotes)}, "
            f"wrong speaker {pct(self.quotes_wrong, self.quotes)}, "
            f"found {pct(self.quotes_found, self.quotes)}, unattributed {self.quotes_unattributed}",
            f"events found with the right date: {pct(self.events_dated, self.events)}",
            f"aid figures on a package: {pct(self.aid_found, self.aid)}; "
            f"packages from these articles that are not aid: {self.packages_not_aid} "
            f"of {self.packages_in_gold_articles}",
        ]


def _stem(path: str) -> str:
    return Path(path).stem


def _names(entity: dict[str, Any]) -> set[str]:
    return {norm(entity["name"]), *(norm(a) for a in entity.get("aliases") or [])}


def _shown(event: dict[str, Any], entities: dict[str, dict[str, Any]]) -> set[str]:
    """The names an event's page shows: its own, its place's and its participants'."""
    shown = _names(event)
    for other in [event.get("location"), *(event.get("participants") or [])]:
        if other in entities:
            shown |= _names(entities[other])
    return shown


def _stems(text: str) -> str:
    """Words without their plural ending (or a verb's "-s"), to match "primary" in "primaries",
    "caucus" in "caucuses" and "crash" in "crashes", and one "-ize" family ("hospitalized",
    "hospitalization"): each word's stem between spaces."""
    out = []
    for w in re.findall(r"[\w'-]+", text):
        if re.search(r"i[sz](?:ation|ed|es|e|ing)$", w):
            w = re.sub(r"i[sz](?:ation|ed|es|e|ing)$", "iz", w)  # "hospitalized", "hospitalization"
        elif w.endswith(("uses", "shes", "ches", "xes", "sses")):
            w = w[:-2]  # "caucuses", "crashes", "matches", "boxes", "passes"
        elif w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith("s") and not w.endswith(("ss", "us")) and len(w) > 3:
            w = w[:-1]
        out.append(w)
    return f" {' '.join(out)} "


def _date_matches(gold: str, start: str | None) -> bool:
    return bool(start) and str(start).startswith(gold)


def _value_matches(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(abs(a), abs(b))


def evaluate(kb: dict[str, Any], gold: dict[str, Any], coarse: bool = False) -> FactsReport:
    report = FactsReport()
    article_of = {_stem(a["path"]): a["id"] for a in kb["articles"]}
    entities = {e["id"]: e for e in kb["entities"]}
    quotes_by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in kb["quotes"]:
        for src in q["sources"]:
            quotes_by_article[src["article"]].append(q)
    events_by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    packages_by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in kb["entities"]:
        if e["type"] == "event":
            for article in {m["article"] for m in e["mentions"]}:
                events_by_article[article].append(e)
        elif e["type"] == "aid_package":
            for figure in e.get("figures") or []:
                for article in figure["articles"]:
                    packages_by_article[article].append(e)

    # which articles carry each gold quote (the same speaker and opening words)
    carriers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for stem, facts in gold.items():
        for gq in facts.get("quotes") or []:
            carriers[(norm(gq["speaker"] or ""), quote_key(gq["text"]))].add(stem)

    for stem, facts in sorted(gold.items()):
        article = article_of.get(stem)
        for gq in facts.get("quotes") or []:
            report.quotes += 1
            key = quote_key(gq["text"])
            found = [
                q
                for q in quotes_by_article.get(article, [])
                if any(key in quote_key(t) for t in [q["text"], *q.get("variants", [])])
            ]
            speaker = norm(gq["speaker"] or "")
            if not found:
                report.misses.append(f"{stem}: quote not found: {gq['speaker']}: {gq['text']}")
                continue
            report.quotes_found += 1
            q = found[0]
            said = entities.get(q["speaker"]) if q["speaker"] else None
            if said is None:
                right = not speaker
                report.quotes_unattributed += bool(speaker)
            else:
                right = speaker in _names(said)
                report.quotes_wrong += not right
            sources = {s["article"] for s in q["sources"]}
            every = all(article_of.get(s) in sources for s in carriers[(speaker, key)])
            if right and every:
                report.quotes_right += 1
            else:
                who = said["name"] if said else None
                report.misses.append(f"{stem}: quote of {gq['speaker']} given to {who}: {gq['text']}")

        for ge in facts.get("events") or []:
            date = str(ge["date"])
            if not coarse and len(date) < 10:
                continue
            report.events += 1
            words = [_stems(norm(w)) for w in ge.get("words") or []]
            hit = [
                e
                for e in events_by_article.get(article, [])
                if all(any(w in _stems(name) for name in _shown(e, entities)) for w in words)
                and _date_matches(date, (e.get("date") or {}).get("start"))
            ]
            if hit:
                report.events_dated += 1
            else:
                near = [
                    f"{e['name']} ({(e.get('date') or {}).get('start')})" for e in events_by_article.get(article, [])
                ]
                report.misses.append(f"{stem}: event {ge['name']} {date} {words}: kb has {near}")

        values = [float(a["value"]) for a in facts.get("aid") or [] if a.get("value") is not None]
        not_aid = facts.get("not_aid") or []
        for value in values:
            report.aid += 1
            figures = [f for p in packages_by_article.get(article, []) for f in p.get("figures") or []]
            if any(_value_matches(value, f["value"]) and article in f["articles"] for f in figures):
                report.aid_found += 1
            else:
                report.misses.append(f"{stem}: aid figure {value:,.0f} on no package")
        for p in {p["id"]: p for p in packages_by_article.get(article, [])}.values():
            report.packages_in_gold_articles += 1
            mine = [f for f in p.get("figures") or [] if article in f["articles"]]
            if not any(_value_matches(v, f["value"]) for v in values for f in mine):
                report.packages_not_aid += 1
                report.misses.append(f"{stem}: package {p['name']} is not aid (not-aid figures: {len(not_aid)})")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("kb_json", type=Path)
    p.add_argument("gold", type=Path)
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--coarse", action="store_true", help="also score events dated only to the month or year")
    args = p.parse_args(argv)
    kb = json.loads(args.kb_json.read_text(encoding="utf-8"))
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    report = evaluate(kb, gold, args.coarse)
    print(f"facts on {args.gold.name}: {len(gold)} articles")
    for line in report.lines():
        print("  " + line)
    if args.verbose:
        print()
        for miss in report.misses:
            print(miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
