"""Tests of generator.render.similar: near-copies by shared text, related articles by rare shared entities."""

from __future__ import annotations

from generator.models import Article, Entity, EntityMention
from generator.render.similar import related_articles, text_overlaps

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


def test_equal_scores_rank_by_article_id_and_counts_are_exact() -> None:
    filler = [art(f"f{i}", f"Filler story number {i} about nothing in particular at all today.") for i in range(8)]
    articles = [art("z", "Story z."), art("m", "Story m."), art("b", "Story b."), *filler]
    entities = [ent("minister", ["z", "m", "b"]), ent("envoy", ["z", "m", "b"])]
    related = related_articles(articles, entities)
    assert [r.article for r in related["z"]] == ["b", "m"]
    assert [r.shared for r in related["z"]] == [2, 2]
    assert related["z"][0].score == related["z"][1].score > 0


def test_text_overlaps_skip_windows_in_very_many_articles() -> None:
    boilerplate = "For immediate release from the press office of the harbor authority today. "
    articles = [
        art(f"a{i}", boilerplate + f"Story {i} differs in every word after that opening line.") for i in range(60)
    ]
    assert text_overlaps(articles) == {}
    assert text_overlaps(articles[:10])["a0"]["a1"] > 0
