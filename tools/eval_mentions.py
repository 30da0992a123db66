"""Precision and recall of person, organization and place mentions on a gold corpus.

Two systems run over the same article bodies and are scored side by side:

* ``project``: this project's extract + resolve stages; its predictions are
  the mentions of every person, organization and place :class:`Entity`;
* ``spacy``: the same spaCy model with only ``ner`` (and what ``ner``
  listens to), its labels mapped with :data:`generator.resolve.entities.LABEL_TYPES`.

A third row, ``project-ner``, is the project's raw NER (the extraction before
resolve, mapped the same way as ``spacy``): set beside the two others it tells
whether a difference comes from the pipeline setup or from resolve.

The gold corpus is a folder with ``articles/*.md`` (YAML front matter between
``---`` lines, then the body) and ``gold/*.json`` (``{"article":
"articles/<x>.md", "mentions": [{"start", "end", "text", "type"}, ...]}``),
offsets into the body; e.g. ``../shared/corpora/re3d`` next to the repository.
Gold types Person, Organisation and Location count; the others are ignored.

Run it as ``python -m tools.eval_mentions ../shared/corpora/re3d``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from generator.models import Article
from generator.resolve.entities import LABEL_TYPES
from generator.settings import DEFAULT_MODEL
from generator.slugs import SlugRegistry

if TYPE_CHECKING:
    from spacy.language import Language

TYPES: tuple[str, ...] = ("person", "organization", "place")
ALL = "all"
MODES: tuple[str, ...] = ("strict", "lenient")
SYSTEMS: tuple[str, ...] = ("project", "spacy", "project-ner")
GOLD_TYPES: dict[str, str] = {"Person": "person", "Organisation": "organization", "Location": "place"}

# (article id, start, end, type)
MentionTuple = tuple[str, int, int, str]

_CLOSING = re.compile(r"^---[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


# ---------------------------------------------------------------- gold corpus


@dataclass(frozen=True)
class GoldArticle:
    """One gold article: its exact body and its person/organization/place mentions."""

    id: str
    path: str  # relative to the corpus folder, POSIX separators
    title: str
    body: str
    mentions: tuple[tuple[int, int, str], ...]  # (start, end, type), sorted

    def article(self) -> Article:
        """The project's record of this article, with the body untouched so offsets stay aligned."""
        return Article(id=self.id, path=self.path, title=self.title, body=self.body)

    def gold(self) -> list[MentionTuple]:
        return [(self.id, start, end, kind) for start, end, kind in self.mentions]


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """The YAML front matter of ``text`` and everything after its closing ``---`` line."""
    first = text.find("\n")
    if first < 0 or text[:first].rstrip() != "---":
        return {}, text
    closing = _CLOSING.search(text, first + 1)
    if closing is None:
        raise ValueError("front matter has no closing '---' line")
    meta = yaml.safe_load(text[first + 1 : closing.start()]) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    return meta, text[closing.end() :]


def _aligned(body: str, mentions: Sequence[dict[str, object]]) -> bool:
    return all(body[int(m["start"]) : int(m["end"])] == m["text"] for m in mentions)  # type: ignore[call-overload]


def align_body(text: str, mentions: Sequence[dict[str, object]], after_front_matter: bool = True) -> str:
    """The body the gold offsets point into: ``body[start:end] == text`` for every mention.

    After the front matter, the body is tried with the one blank line that
    follows the closing ``---`` taken off (the re3d convention), then as is,
    then with all leading line breaks taken off; the first that aligns wins.
    """
    if after_front_matter:
        _, rest = split_front_matter(text)
        tries = [rest[1:] if rest.startswith("\n") else rest, rest, rest.lstrip("\r\n")]
    else:
        tries = [text]
    for body in tries:
        if _aligned(body, mentions):
            return body
    bad = next(m for m in mentions if tries[0][int(m["start"]) : int(m["end"])] != m["text"])  # type: ignore[call-overload]
    raise ValueError(f"gold offsets do not match the body: {bad}")


def load_gold(corpus_dir: Path) -> list[GoldArticle]:
    """Every ``gold/*.json`` of ``corpus_dir`` with its article, sorted by gold file name."""
    ids = SlugRegistry()
    articles: list[GoldArticle] = []
    for gold_path in sorted((corpus_dir / "gold").glob("*.json")):
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        rel = str(data["article"])
        text = (corpus_dir / rel).read_text(encoding="utf-8")
        raw_mentions: list[dict[str, object]] = list(data.get("mentions", []))
        try:
            body = align_body(text, raw_mentions, bool(data.get("body_starts_after_front_matter", True)))
        except ValueError as exc:
            raise ValueError(f"{gold_path.name}: {exc}") from None
        meta, _ = split_front_matter(text)
        stem = Path(rel).stem
        mentions = sorted(
            {
                (int(m["start"]), int(m["end"]), GOLD_TYPES[str(m["type"])])  # type: ignore[call-overload]
                for m in raw_mentions
                if m.get("type") in GOLD_TYPES
            }
        )
        articles.append(
            GoldArticle(
                id=ids.claim(stem, fallback="article"),
                path=rel,
                title=str(meta.get("title") or stem),
                body=body,
                mentions=tuple(mentions),
            )
        )
    if not articles:
        raise ValueError(f"no gold/*.json in {corpus_dir}")
    return articles


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Score:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _match_group(
    predicted: list[tuple[int, int]], gold: list[tuple[int, int]], mode: str
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """One-to-one (predicted, gold) pairs of one article and type, as many as possible."""
    if mode == "strict":
        gold_set = set(gold)
        return [(p, p) for p in predicted if p in gold_set]
    # lenient: maximum bipartite matching on "spans overlap" (Kuhn's augmenting paths). It starts
    # from the exact pairs, which augmenting paths re-route but never undo, so an exact pair is only
    # given up when that makes more pairs; a gold span tries the predictions that overlap it most first
    options = {
        g: sorted((p for p in predicted if _overlap(p, g) > 0), key=lambda p: (-_overlap(p, g), p)) for g in gold
    }
    predicted_set = set(predicted)
    owner: dict[tuple[int, int], tuple[int, int]] = {g: g for g in gold if g in predicted_set}  # predicted -> gold

    def augment(g: tuple[int, int], seen: set[tuple[int, int]]) -> bool:
        for p in options[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in sorted(gold, key=lambda g: (len(options[g]), g)):
        if g not in predicted_set:  # exactly predicted golds are matched from the start and stay matched
            augment(g, set())
    return sorted(owner.items())


def _grouped(mentions: Iterable[MentionTuple]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    groups: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for article, start, end, kind in mentions:
        if kind in TYPES:
            groups[(article, kind)].add((start, end))
    return {key: sorted(spans) for key, spans in groups.items()}


def match(
    predicted: Iterable[MentionTuple], gold: Iterable[MentionTuple], mode: str
) -> tuple[list[tuple[MentionTuple, MentionTuple]], list[MentionTuple], list[MentionTuple]]:
    """Matched (predicted, gold) pairs, unmatched gold (misses), unmatched predictions (false positives).

    ``strict``: same article, start, end and type. ``lenient``: same article
    and type, spans overlap; each gold and each predicted mention is matched at
    most once, and as many pairs are made as possible. Types other than person,
    organization and place are ignored; repeated tuples count once.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    pred_groups, gold_groups = _grouped(predicted), _grouped(gold)
    pairs: list[tuple[MentionTuple, MentionTuple]] = []
    missed: list[MentionTuple] = []
    extra: list[MentionTuple] = []
    for key in sorted(pred_groups.keys() | gold_groups.keys()):
        article, kind = key
        preds, golds = pred_groups.get(key, []), gold_groups.get(key, [])
        found = _match_group(preds, golds, mode)
        pairs.extend(((article, *p, kind), (article, *g, kind)) for p, g in found)
        used_p, used_g = {p for p, _ in found}, {g for _, g in found}
        missed.extend((article, *g, kind) for g in golds if g not in used_g)
        extra.extend((article, *p, kind) for p in preds if p not in used_p)
    return pairs, missed, extra


def score(predicted: Iterable[MentionTuple], gold: Iterable[MentionTuple], mode: str) -> dict[str, Score]:
    """Per-type scores and their micro-average (key ``"all"``); see :func:`match` for the modes."""
    predicted, gold = list(predicted), list(gold)
    pairs, missed, extra = match(predicted, gold, mode)
    tp: dict[str, int] = defaultdict(int)
    n_pred: dict[str, int] = defaultdict(int)
    n_gold: dict[str, int] = defaultdict(int)
    for (_, _, _, kind), _ in pairs:
        tp[kind] += 1
        n_pred[kind] += 1
        n_gold[kind] += 1
    for _, _, _, kind in missed:
        n_gold[kind] += 1
    for _, _, _, kind in extra:
        n_pred[kind] += 1
    scores = {kind: Score(tp[kind], n_pred[kind], n_gold[kind]) for kind in TYPES}
    scores[ALL] = Score(
        sum(s.tp for s in scores.values()),
        sum(s.predicted for s in scores.values()),
        sum(s.gold for s in scores.values()),
    )
    return scores


# ---------------------------------------------------------------- systems


def _as_article(article: Article | GoldArticle) -> Article:
    return article.article() if isinstance(article, GoldArticle) else article


def project_mentions(
    articles: Sequence[Article | GoldArticle],
    model: str = DEFAULT_MODEL,
    *,
    nlp: Language | None = None,
    batch_size: int = 64,
    workers: int = 1,
    raw: list[MentionTuple] | None = None,
) -> list[MentionTuple]:
    """The project's person/organization/place mentions: extract, then resolve over all ``articles``.

    ``nlp`` defaults to :func:`generator.extract.ner.load_pipeline` of ``model``.
    When ``raw`` is given, the extraction's own NER mentions (before resolve,
    mapped with ``LABEL_TYPES``) are appended to it.
    """
    from generator.extract.ner import extract_texts, load_pipeline
    from generator.resolve.entities import resolve_entities

    records = [_as_article(a) for a in articles]
    if nlp is None:
        nlp = load_pipeline(model)
    extractions = dict(
        zip(
            (a.id for a in records),
            extract_texts(nlp, (a.body for a in records), batch_size, workers),
            strict=True,
        )
    )
    if raw is not None:
        for article_id, extraction in extractions.items():
            for m in extraction.mentions:
                kind = LABEL_TYPES.get(m.label)
                if kind in TYPES:
                    raw.append((article_id, m.start, m.end, kind))
    entities = resolve_entities(records, extractions, SlugRegistry())
    return sorted(
        (m.article, m.start, m.end, entity.type) for entity in entities if entity.type in TYPES for m in entity.mentions
    )


def load_ner_only(model: str) -> Language:
    """``model`` with only ``ner`` and the components ``ner`` listens to (a shared tok2vec, say)."""
    import spacy

    nlp = spacy.load(model)
    if "ner" not in nlp.component_names:
        raise ValueError(f"the spaCy model {model!r} has no 'ner' component")
    from generator.extract.ner import keep_only

    keep_only(nlp, {"ner"})
    return nlp


def spacy_mentions(
    articles: Sequence[Article | GoldArticle],
    model: str = DEFAULT_MODEL,
    *,
    nlp: Language | None = None,
    batch_size: int = 64,
    workers: int = 1,
) -> list[MentionTuple]:
    """Bare spaCy: every PERSON / ORG / GPE, LOC, FAC entity of ``model``'s NER, as is."""
    records = [_as_article(a) for a in articles]
    if nlp is None:
        nlp = load_ner_only(model)
    out: list[MentionTuple] = []
    docs = nlp.pipe((a.body for a in records), batch_size=batch_size, n_process=workers)
    for article, doc in zip(records, docs, strict=True):
        for ent in doc.ents:
            kind = LABEL_TYPES.get(ent.label_)
            if kind in TYPES:
                out.append((article.id, ent.start_char, ent.end_char, kind))
    return sorted(out)


# ---------------------------------------------------------------- report


@dataclass
class Report:
    corpus: str
    model: str
    articles: list[GoldArticle]
    gold: list[MentionTuple]
    predictions: dict[str, list[MentionTuple]]  # system -> mentions
    scores: dict[str, dict[str, dict[str, Score]]] = field(default_factory=dict)  # system -> mode -> type -> Score

    def __post_init__(self) -> None:
        if not self.scores:
            self.scores = {
                system: {mode: score(predicted, self.gold, mode) for mode in MODES}
                for system, predicted in self.predictions.items()
            }

    def text(self, mention: MentionTuple) -> str:
        body = next(a.body for a in self.articles if a.id == mention[0])
        return body[mention[1] : mention[2]]

    def context(self, mention: MentionTuple, width: int = 40) -> str:
        """The mention in its text, marked ``[[...]]``, on one line."""
        article_id, start, end, _ = mention
        body = next(a.body for a in self.articles if a.id == article_id)
        left = body[max(0, start - width) : start]
        right = body[end : end + width]
        return " ".join(f"{left}[[{body[start:end]}]]{right}".split())


def compare(
    corpus_dir: Path,
    model: str = DEFAULT_MODEL,
    *,
    batch_size: int = 64,
    workers: int = 1,
) -> Report:
    """Score the project and bare spaCy on the gold corpus in ``corpus_dir``; one model load each."""
    articles = load_gold(corpus_dir)
    gold = [m for a in articles for m in a.gold()]
    raw: list[MentionTuple] = []
    project = project_mentions(articles, model, batch_size=batch_size, workers=workers, raw=raw)
    bare = spacy_mentions(articles, model, batch_size=batch_size, workers=workers)
    predictions = {"project": project, "spacy": bare, "project-ner": sorted(raw)}
    return Report(corpus=str(corpus_dir), model=model, articles=articles, gold=gold, predictions=predictions)


def format_report(report: Report) -> str:
    """A plain-text table: one row per system, type and mode; P, R, F1 and the counts."""
    head = f"{'system':<12} {'type':<13} {'mode':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}"
    lines = [
        f"Mentions on {report.corpus}: {len(report.articles)} articles, {len(report.gold)} gold mentions, "
        f"model {report.model}",
        "",
        head,
        "-" * len(head),
    ]
    for system, by_mode in report.scores.items():
        for kind in (*TYPES, ALL):
            for mode in MODES:
                s = by_mode[mode][kind]
                lines.append(
                    f"{system:<12} {kind:<13} {mode:<8} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
                    f"{s.tp:>6} {s.predicted:>6} {s.gold:>6}"
                )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _covered(mention: MentionTuple, others: Iterable[MentionTuple], mode: str) -> bool:
    """Whether ``others`` hold ``mention`` (``strict``) or a mention overlapping it, of its type (``lenient``)."""
    article, start, end, kind = mention
    if mode == "strict":
        return mention in set(others)
    return any(o[0] == article and o[3] == kind and _overlap((o[1], o[2]), (start, end)) > 0 for o in others)


def losses(
    report: Report, kind: str, mode: str = "lenient", worse: str = "project", better: str = "spacy"
) -> tuple[list[MentionTuple], list[MentionTuple]]:
    """Where ``worse`` loses to ``better`` on ``kind``, in ``mode``.

    Returns the gold mentions that ``better`` matches and ``worse`` does not
    cover at all, and the false positives of ``worse`` that ``better`` does not
    cover; "cover" is :func:`match`'s test without the one-to-one rule: same
    span and type in ``strict`` mode, an overlapping span of the same type in
    ``lenient`` mode. (Comparing which gold mentions each system leaves
    unmatched would be misleading with nested gold spans: "the United Nations"
    and "United Nations" are both gold, and each system gets one of them.)
    """
    gold = [m for m in report.gold if m[3] == kind]
    worse_pred = [m for m in report.predictions[worse] if m[3] == kind]
    better_pred = [m for m in report.predictions[better] if m[3] == kind]
    _, missed_worse, extra_worse = match(worse_pred, gold, mode)
    _, missed_better, _ = match(better_pred, gold, mode)
    by_article: dict[str, list[MentionTuple]] = defaultdict(list)
    for m in worse_pred:
        by_article[m[0]].append(m)
    better_by_article: dict[str, list[MentionTuple]] = defaultdict(list)
    for m in better_pred:
        better_by_article[m[0]].append(m)
    unmatched_by_better = set(missed_better)
    lost = [g for g in missed_worse if g not in unmatched_by_better and not _covered(g, by_article[g[0]], mode)]
    added = [m for m in extra_worse if not _covered(m, better_by_article[m[0]], mode)]
    return sorted(lost), sorted(added)


def format_losses(
    report: Report, limit: int = 15, mode: str = "lenient", worse: str = "project", better: str = "spacy"
) -> str:
    """Examples of :func:`losses` for each type, each mention shown in its text."""
    lines: list[str] = []
    for kind in TYPES:
        lost, added = losses(report, kind, mode, worse, better)
        lines.append(f"{kind}: {len(lost)} gold mentions {better} finds and {worse} misses ({mode})")
        lines.extend(f"  - {report.context(m)}" for m in lost[:limit])
        lines.append(f"{kind}: {len(added)} false positives of {worse} that {better} does not make ({mode})")
        lines.extend(f"  + {report.context(m)}" for m in added[:limit])
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="gold corpus folder, e.g. ../shared/corpora/re3d")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline (default: {DEFAULT_MODEL})")
    parser.add_argument("--examples", type=int, default=0, help="print up to N examples of each system's losses")
    parser.add_argument("--mode", choices=MODES, default="lenient", help="matching mode of the examples")
    args = parser.parse_args(argv)
    report = compare(args.corpus, args.model)
    print(format_report(report))
    if args.examples:
        print(format_losses(report, args.examples, args.mode, "project", "spacy"))
        print(format_losses(report, args.examples, args.mode, "spacy", "project"))


if __name__ == "__main__":
    main()
