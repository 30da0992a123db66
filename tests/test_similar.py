"""Tests of generator.similar: near-copies by shared text, related articles by rare shared entities."""

from __future__ import annotations

from generator.models import Article, Entity, EntityMention
from generator.similar import related_articles, text_overlaps

WIRE = (
    "The alliance agreed on Tuesday to send more air defence systems to the region before winter, "
    "officials said after a long meeting that ended late in the evening with a joint statement. "
)


def art(article_id: str, body: str) -> Article:
    return Article(article_id, f"{article_id}.txt", article_id, body)


def ent(entity_id: str, articles: list[str]) -> Entity:
    return Entity(entity_id, "person", entity_id, mentions=[EntityMention(a, 0, 0, 1, "x") for a in articles])


def test_a_trimmed_copy_is_a_near_copy_and_unrelated_text_is_not() -> None:
    articles = [
        art("a", WIRE * 2 + "Extra local colour about the weather in the capital city today."),
        art("b", WIRE * 2),
        art("c", "A completely different story about farming subsidies and grain prices in the south."),
    ]
    overlaps = text_overlaps(articles)
    assert overlaps["a"]["b"] == overlaps["b"]["a"] >= 0.6
    assert "c" not in overlaps


def test_related_articles_rank_copies_first_then_rare_shared_entities() -> None:
    filler = [art(f"f{i}", f"Filler story number {i} about nothing in particular at all today.") for i in range(8)]
    articles = [
        art("a", WIRE * 2),
        art("b", WIRE * 2 + " And more."),
        art("c", "Story c mentions the minister and the country."),
        art("d", "Story d mentions the country only."),
        *filler,
    ]
    everyone = ["a", "b", "c", "d"] + [f.id for f in filler]
    entities = [ent("minister", ["a", "c"]), ent("country", everyone)]
    related = related_articles(articles, entities)
    first, second = related["a"][:2]
    assert (first.article, first.near_copy) == ("b", True)
    assert (second.article, second.shared, second.near_copy) == ("c", 1, False)
    # an entity named by every article relates nothing
    assert related["d"] == []
