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
import re
from collections import defaultdict
from collections.abc import Callable, Mapping

from generator.lexicons import gazetteer
from generator.lexicons.names import TITLE_WORDS, given_names, is_speaker_label
from generator.models import ArticleExtraction, Entity, EntityMention
from generator.resolve.short_forms import usable

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


def add_untagged(
    entities: list[Entity],
    bodies: dict[str, str],
    extractions: dict[str, ArticleExtraction],
    is_common: Callable[[str], bool] | None = None,
    short_forms: dict[str, dict[str, Entity]] | None = None,
) -> None:
    """Add the mentions the tagger missed, in place: in each article, the forms it resolved, the
    first name of a person it names in full, and the short forms of its organizations' names (``short_forms``, from
    :func:`short_forms.article_short_forms`); then, in every article, the distinctive names the
    corpus tags often (:func:`corpus_forms`). ``is_common(word)`` tells a word the corpus writes in
    lower case too (see there)."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    forms: dict[str, dict[str, Entity | None]] = defaultdict(dict)
    firsts: dict[str, dict[str, Entity | None]] = defaultdict(dict)  # "Edith" for Edith Marlow
    named_at: dict[tuple[str, str], int] = {}  # (article, given name): where the full name first stands
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
                first = words[0]
                given = first[:1].isupper() and first.lower() in given_names() and first.lower() not in TITLE_WORDS
                if given and gazetteer.lookup(first) is None:  # not "Tweet" of "Tweet Thread", not "Charlotte"
                    seen = firsts[m.article].get(first, e)
                    firsts[m.article][first] = e if seen is e else None
                    at = named_at.get((m.article, first), m.start)
                    named_at[(m.article, first)] = min(at, m.start)
            for surface in surfaces:
                if len(surface) < 3 or not surface[:1].isupper() or surface.lower() in TITLE_WORDS:
                    continue
                seen = forms[m.article].get(surface, e)
                forms[m.article][surface] = e if seen is e else None  # two entities share it: ambiguous
    for article in taken:
        taken[article].sort()
    for article, table in forms.items():
        _add_forms(article, table, bodies, extractions, taken[article])
    if is_common is not None:
        # a given name alone stands for the one person of the article who has it, unless it is
        # another entity's form or a word the corpus writes in lower case ("Will", "Mark")
        for article, table in firsts.items():
            mine = {f: e for f, e in table.items() if f not in forms[article] and not is_common(f.lower())}
            after = {f: named_at[(article, f)] for f in mine}  # only once the article has named them in full
            _add_forms(article, mine, bodies, extractions, taken[article], is_common, short=True, after=after)
    # the corpus's forms are the tagger's and the articles' own: an article's short form ("IRA" for
    # the one account it spells out) does not make another body's acronym ambiguous everywhere
    known = corpus_forms(entities, is_common) if is_common is not None else {}
    for article, shorts in (short_forms or {}).items():
        _add_forms(article, dict(shorts), bodies, extractions, taken[article], is_common, short=True)
    if known:
        openings = first_words(known)
        for article, body in bodies.items():
            extraction = extractions.get(article)
            if extraction is None:
                continue
            starts = [s.start for s in extraction.sentences]
            # bodies the article names in full: "Supreme Court" in an article about the Wisconsin
            # Supreme Court is not the Supreme Court another article means
            ends: dict[str, set[str]] = defaultdict(set)  # a closing run of words -> the bodies ending so
            for f, owner in forms.get(article, {}).items():
                if owner is not None and owner.type == "organization" and " " in f:
                    words = f.split()
                    for i in range(1, len(words)):
                        ends[" ".join(words[i:])].add(owner.id)
            for a, b, surface in find_forms(body, known, openings):
                entity = known[surface]
                if entity.type == "organization" and ends.get(surface, set()) - {entity.id}:
                    continue
                _add(entity, article, a, b, surface, taken[article], starts, body)
    for e in entities:
        e.mentions.sort(key=lambda m: (m.article, m.start))


def _add_forms(
    article: str,
    table: dict[str, Entity | None],
    bodies: dict[str, str],
    extractions: dict[str, ArticleExtraction],
    spans: list[tuple[int, int]],
    is_common: Callable[[str], bool] | None = None,
    short: bool = False,
    after: dict[str, int] | None = None,
) -> None:
    """Every occurrence in ``article`` of each form of ``table`` (longest first) becomes a mention
    of its entity; a form whose entity is None is ambiguous and skipped. ``short``: the forms are
    short forms, used only where :func:`short_forms.usable` allows; ``after``: where each form's
    occurrences may begin."""
    body = bodies.get(article)
    extraction = extractions.get(article)
    if body is None or extraction is None:
        return
    starts = [s.start for s in extraction.sentences]
    for surface, entity in sorted(table.items(), key=lambda x: -len(x[0])):
        if entity is None:
            continue
        for a, b in occurrences(body, surface):
            if after is not None and a < after.get(surface, 0):
                continue
            if not short or usable(body, a, b, is_common):
                _add(entity, article, a, b, surface, spans, starts, body)


def _add(
    entity: Entity,
    article: str,
    a: int,
    b: int,
    surface: str,
    spans: list[tuple[int, int]],
    starts: list[int],
    body: str,
) -> None:
    """A mention of ``entity`` at ``body[a:b]``, unless it overlaps one already taken or is a label."""
    if is_speaker_label(body, a, b):
        return
    i = bisect.bisect_left(spans, (a, b))
    neighbours = spans[max(0, i - 1) : i + 1]
    if any(x < b and a < y for x, y in neighbours) or any(x <= a < y for x, y in spans[max(0, i - 3) : i]):
        return
    entity.mentions.append(EntityMention(article, _sentence_index(starts, a), a, b, surface))
    bisect.insort(spans, (a, b))


MIN_TAGGED = 2  # times the tagger must have found a form for it to be looked for everywhere


def corpus_forms(entities: list[Entity], is_common: Callable[[str], bool]) -> dict[str, Entity]:
    """Forms worth finding in every article, with their entity: a name the tagger found at least
    twice, that no other entity carries, of an organization or a place, or a person's full name;
    a one-word form only if it is an acronym of three letters or more or a word the corpus never
    writes in lower case ("Twitter", not "Reform")."""
    owners: dict[str, set[str]] = defaultdict(set)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    by_id = {e.id: e for e in entities}
    for e in entities:
        if e.type not in ("person", "organization", "place"):
            continue
        for m in e.mentions:
            owners[m.text].add(e.id)
            counts[(m.text, e.id)] += 1
    out: dict[str, Entity] = {}
    for (surface, entity_id), n in counts.items():
        entity = by_id[entity_id]
        words = surface.split()
        if n < MIN_TAGGED or len(owners[surface]) > 1 or not surface[:1].isupper():
            continue
        if entity.type == "person" and len(words) < 2:
            continue  # a surname alone may be anyone's in another article
        if len(words) == 1:
            bare = surface.replace(".", "")
            acronym = bare.isupper() and bare.isalpha() and len(bare) >= 3
            if not acronym and (len(surface) < 4 or is_common(surface.lower()) or surface.lower() in TITLE_WORDS):
                continue
        out[surface] = entity
    return out


_TOKEN = re.compile(r"[^\s]+")
_PUNCT = "'’.,;:!?\"”)]"
_TRAIL = re.compile(r"(?:['’]s|['’]|[.,;:!?\"”)\]])+$")


def find_forms(
    body: str, known: Mapping[str, object], firsts: dict[str, int] | None = None
) -> list[tuple[int, int, str]]:
    """Where the forms of ``known`` stand in ``body`` as whole words (longest first, no overlap),
    trailing punctuation and possessives aside. ``firsts``: :func:`first_words` of ``known``,
    when the caller has it."""
    if firsts is None:
        firsts = first_words(known)
    found: list[tuple[int, int, str]] = []
    words = {w.rstrip(_PUNCT) for w in set(body.split())}  # a quick look first: most forms are not there
    words |= {w[:-2] for w in words if w.endswith(("'s", "’s"))}
    here = words & firsts.keys()
    if not here:
        return found
    starts = sorted((a, firsts[word]) for word in here for a in _word_starts(body, word))
    after = 0  # where the last form found ends: forms do not overlap
    for a, longest in starts:
        if a < after:
            continue
        ends = [t.end() for _, t in zip(range(longest), _TOKEN.finditer(body, a), strict=False)]
        for end in reversed(ends):
            text = body[a:end]
            if text in known:
                found.append((a, end, text))
                after = end
                break
            if text[-1].isalnum() and not text.endswith(("'s", "’s")):
                continue  # nothing to strip
            trail = _TRAIL.search(text)
            if trail and text[: trail.start()] in known:
                found.append((a, a + trail.start(), text[: trail.start()]))
                after = end
                break
    return found


def first_words(known: Mapping[str, object]) -> dict[str, int]:
    """The first word of each form of ``known``, with the most words a form that opens so has."""
    out: dict[str, int] = {}
    for form in known:
        words = form.split()
        out[words[0]] = max(out.get(words[0], 0), len(words))
    return out


def _word_starts(body: str, word: str) -> list[int]:
    """Where ``word`` begins a whitespace-separated word of ``body`` (it may be followed by
    punctuation or a possessive: the caller checks the forms)."""
    out = []
    at = body.find(word)
    while at != -1:
        if at == 0 or body[at - 1].isspace():
            end = at + len(word)
            if end == len(body) or not (body[end].isalnum() or body[end] in "-_"):
                out.append(at)
        at = body.find(word, at + 1)
    return out
