"""Occurrences of known names that the model did not tag.

A statistical tagger misses some occurrences of a name it tags elsewhere in
the same article ("Lind stated." after "President Ada
Lind"). Within one article a name keeps its sense, so every further
occurrence of a surface form the article already resolved, and of the
surname of a person it names in full, becomes a mention too: whole words,
same case, never inside another mention.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from .models import ArticleExtraction, Entity, EntityMention
from .names import TITLE_WORDS, is_speaker_label

TYPES = ("person", "organization")


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \\w matches


def occurrences(body: str, surface: str) -> list[tuple[int, int]]:
    """Where ``surface`` stands alone in ``body``: no word character, dot or hyphen before it,
    no word character or hyphen after it (``str.find`` instead of a regex per surface, whose
    compilation dominated on large corpora)."""
    found: list[tuple[int, int]] = []
    at = body.find(surface)
    while at != -1:
        end = at + len(surface)
        before = body[at - 1] if at else ""
        after = body[end] if end < len(body) else ""
        if not (before and (_word(before) or before in ".-")) and not (after and (_word(after) or after == "-")):
            found.append((at, end))
            at = body.find(surface, end)
        else:
            at = body.find(surface, at + 1)
    return found


def add_untagged(entities: list[Entity], bodies: dict[str, str], extractions: dict[str, ArticleExtraction]) -> None:
    """Add the mentions the tagger missed, in place."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    forms: dict[str, dict[str, Entity | None]] = defaultdict(dict)
    for e in entities:
        if e.type not in ("person", "organization", "place"):
            continue
        for m in e.mentions:
            taken[m.article].append((m.start, m.end))
            if e.type not in TYPES:
                continue
            surfaces = {m.text}
            words = m.text.split()
            if e.type == "person" and len(words) >= 2:
                surfaces.add(words[-1])
            for surface in surfaces:
                if len(surface) < 3 or not surface[:1].isupper() or surface.lower() in TITLE_WORDS:
                    continue
                seen = forms[m.article].get(surface, e)
                forms[m.article][surface] = e if seen is e else None  # two entities share it: ambiguous
    for article, table in forms.items():
        body = bodies.get(article)
        extraction = extractions.get(article)
        if body is None or extraction is None:
            continue
        spans = sorted(taken[article])
        starts = [s.start for s in extraction.sentences]
        for surface, entity in sorted(table.items(), key=lambda x: -len(x[0])):
            if entity is None:
                continue
            for a, b in occurrences(body, surface):
                if is_speaker_label(body, a, b):
                    continue
                i = bisect.bisect_left(spans, (a, b))
                neighbours = spans[max(0, i - 1) : i + 1]
                if any(x < b and a < y for x, y in neighbours) or any(x <= a < y for x, y in spans[max(0, i - 3) : i]):
                    continue
                entity.mentions.append(EntityMention(article, _sentence_index(starts, a), a, b, surface))
                bisect.insort(spans, (a, b))
    for e in entities:
        e.mentions.sort(key=lambda m: (m.article, m.start))
