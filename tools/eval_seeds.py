"""Score a built knowledge base against hand-written gold annotations.

The gold file (YAML, see ``tests/gold/seeds.yml``) lists the entities a
reader would name, with type and surface forms; the quotes with speaker and
the articles carrying them; dated events; and aid figures. Articles are
named by the start of their id. :func:`evaluate` returns plain figures;
``python -m tools.eval_seeds`` builds the corpus with overrides off and
prints them.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.lexicons.names import match_key
from generator.models import KnowledgeBase


@dataclass
class SeedReport:
    entities_expected: int = 0
    entities_found: int = 0  # one page whose name or alias matches, of the right type
    wrong_type: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)  # more than one page for one gold entity
    missing: list[str] = field(default_factory=list)
    aliases_expected: int = 0
    aliases_found: int = 0
    junk: list[str] = field(default_factory=list)  # pages matching no gold or acceptable entity
    quotes_expected: int = 0
    quotes_speaker_right: int = 0
    quotes_all_sources: int = 0
    events_expected: int = 0
    events_dated: int = 0
    aid_expected: int = 0
    aid_found: int = 0

    def lines(self) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"

        return [
            f"entities with exactly one page of the right type: {pct(self.entities_found, self.entities_expected)}",
            f"  missing: {', '.join(self.missing) or '-'}",
            f"  wrong type: {', '.join(self.wrong_type) or '-'}",
            f"  split over several pages: {', '.join(self.split) or '-'}",
            f"surface forms resolved to their entity: {pct(self.aliases_found, self.aliases_expected)}",
            f"junk pages (person, organization, place): {len(self.junk)} {', '.join(self.junk)}".rstrip(),
            f"quotes with the right speaker: {pct(self.quotes_speaker_right, self.quotes_expected)}",
            f"quotes with every outlet that carries them: {pct(self.quotes_all_sources, self.quotes_expected)}",
            f"events found with the right dates: {pct(self.events_dated, self.events_expected)}",
            f"aid packages with every figure: {pct(self.aid_found, self.aid_expected)}",
        ]


def _article(kb: KnowledgeBase, prefix: str) -> str:
    matches = [a.id for a in kb.articles if a.id.startswith(str(prefix))]
    return matches[0] if len(matches) == 1 else f"?{prefix}"


def evaluate(kb: KnowledgeBase, gold: dict) -> SeedReport:  # type: ignore[type-arg]
    report = SeedReport()
    pages = [e for e in kb.entities if e.type in ("person", "organization", "place")]
    by_key: dict[str, list] = {}  # type: ignore[type-arg]
    for e in pages:
        for form in {e.name, *e.aliases}:
            by_key.setdefault(match_key(form), []).append(e)
    claimed: set[str] = set()
    for type_, entities in gold["entities"].items():
        for name, aliases in entities.items():
            report.entities_expected += 1
            forms = [name, *aliases]
            hits = {e.id: e for f in forms for e in by_key.get(match_key(f), [])}
            claimed |= set(hits)
            if not hits:
                report.missing.append(name)
                continue
            if len(hits) > 1:
                report.split.append(name)
            elif next(iter(hits.values())).type != type_:
                report.wrong_type.append(name)
            else:
                report.entities_found += 1
            entity = max(hits.values(), key=lambda e: len(e.mentions))
            own = {match_key(f) for f in (entity.name, *entity.aliases)}
            report.aliases_expected += len(forms)
            report.aliases_found += sum(match_key(f) in own for f in forms)
    acceptable = {match_key(n) for n in gold.get("acceptable", [])}
    report.junk = sorted(
        e.name for e in pages if e.id not in claimed and not {match_key(f) for f in (e.name, *e.aliases)} & acceptable
    )
    names = {e.id: e.name for e in kb.entities}
    for q in gold.get("quotes", []):
        report.quotes_expected += 1
        start = " ".join(q["text"].split()).casefold()
        found = [x for x in kb.quotes if any(t.casefold().startswith(start) for t in (x.text, *x.variants))]
        found = found or [x for x in kb.quotes if start in " ".join((x.text, *x.variants)).casefold()]
        if not found:
            continue
        quote = found[0]
        if names.get(quote.speaker or "") == q["speaker"]:
            report.quotes_speaker_right += 1
        wanted = {_article(kb, a) for a in q["articles"]}
        if wanted <= {s.article for s in quote.sources}:
            report.quotes_all_sources += 1
    events = [(e, e.event) for e in kb.entities if e.event]
    for ev in gold.get("events", []):
        report.events_expected += 1
        start, end = str(ev["start"]), str(ev["end"])
        for e, info in events:
            text = " ".join((e.name, *e.aliases)).lower()
            if all(w in text for w in ev["words"]) and (info.date_start, info.date_end) == (start, end):
                place = ev.get("place")
                if place is None or names.get(info.location or "") == place:
                    report.events_dated += 1
                    break
    packages = [e.aid for e in kb.entities if e.aid]
    for package in gold.get("aid", []):
        report.aid_expected += 1
        wanted = {(float(v) * 1e9, _article(kb, a)) for v, arts in package["figures"].items() for a in arts}
        for p in packages:
            have = {(f.value, a) for f in p.figures for a in f.articles}
            if wanted <= have:
                report.aid_found += 1
                break
    return report


def main(argv: list[str] | None = None) -> int:
    from generator.pipeline import knowledge_base
    from generator.settings import Settings

    parser = argparse.ArgumentParser(description="Score the knowledge base of a corpus against gold annotations.")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("gold", type=Path)
    args = parser.parse_args(argv)
    settings = Settings(corpus=args.corpus, use_curation=False, progress=False)
    kb = knowledge_base(settings)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    print(f"Seeds: {len(kb.articles)} articles of {args.corpus}, gold {args.gold}, overrides off")
    for line in evaluate(kb, gold).lines():
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
