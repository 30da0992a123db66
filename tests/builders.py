"""Hand-built articles and extractions for stage tests (no spaCy model needed)."""

from __future__ import annotations

from generator.models import Article, ArticleExtraction, Mention, Sentence


def make(
    article_id: str, sentences: list[str], mentions: list[tuple[int, str, str]], date: str | None = None
) -> tuple[Article, ArticleExtraction]:
    """An article of ``sentences`` (published on ``date``) and its extraction; mentions are
    (sentence index, surface, NER label)."""
    body = " ".join(sentences)
    spans: list[Sentence] = []
    pos = 0
    for s in sentences:
        start = body.find(s, pos)
        spans.append(Sentence(start, start + len(s)))
        pos = start + len(s)
    found: list[Mention] = []
    after: dict[tuple[int, str], int] = {}
    for i, surface, label in mentions:
        start = body.find(surface, after.get((i, surface), spans[i].start))
        assert spans[i].start <= start and start + len(surface) <= spans[i].end, (surface, i)
        after[(i, surface)] = start + len(surface)
        found.append(Mention(surface, label, start, start + len(surface), i))
    article = Article(id=article_id, path=f"{article_id}.txt", title=article_id, body=body, date=date)
    return article, ArticleExtraction(tuple(spans), tuple(found))
