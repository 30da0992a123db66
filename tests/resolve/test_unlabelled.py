"""Tests of generator.resolve.unlabelled: further occurrences of names the tagger missed."""

from __future__ import annotations

from generator.models import ArticleExtraction, Entity, EntityMention
from generator.resolve.unlabelled import add_untagged
from tests.builders import make


def article(sentences: list[str]) -> tuple[str, ArticleExtraction]:
    doc, extraction = make("a", sentences, [])
    return doc.body, extraction


def mention(article_id: str, body: str, extraction: ArticleExtraction, surface: str, nth: int = 0) -> EntityMention:
    """A mention of the ``nth`` (0-based) occurrence of ``surface`` in ``body``."""
    start = -1
    for _ in range(nth + 1):
        start = body.index(surface, start + 1)
    sentence = next(i for i, s in enumerate(extraction.sentences) if s.start <= start < s.end)
    return EntityMention(article_id, sentence, start, start + len(surface), surface)


def found(entity: Entity) -> list[tuple[str, int, str]]:
    return [(m.article, m.sentence, m.text) for m in entity.mentions]


def test_surname_of_person_named_in_full_becomes_mention() -> None:
    body, ext = article(["President Volodymyr Zelenskyy met Joe Biden.", "Zelenskyy stated it.", "Biden agreed."])
    zelenskyy = Entity("volodymyr-zelenskyy", "person", "Volodymyr Zelenskyy")
    zelenskyy.mentions.append(mention("a1", body, ext, "Volodymyr Zelenskyy"))
    biden = Entity("joe-biden", "person", "Joe Biden", mentions=[mention("a1", body, ext, "Joe Biden")])
    add_untagged([zelenskyy, biden], {"a1": body}, {"a1": ext})
    assert found(zelenskyy) == [("a1", 0, "Volodymyr Zelenskyy"), ("a1", 1, "Zelenskyy")]
    assert found(biden) == [("a1", 0, "Joe Biden"), ("a1", 2, "Biden")]
    added = zelenskyy.mentions[1]
    assert body[added.start : added.end] == "Zelenskyy"
    assert added.start == body.index("Zelenskyy stated")


def test_further_occurrence_of_resolved_surface_becomes_mention() -> None:
    body, ext = article(["NATO ministers met.", "The meeting ended.", "NATO said so."])
    nato = Entity("nato", "organization", "NATO", mentions=[mention("a1", body, ext, "NATO")])
    add_untagged([nato], {"a1": body}, {"a1": ext})
    assert found(nato) == [("a1", 0, "NATO"), ("a1", 2, "NATO")]


def test_no_mention_inside_an_existing_mention() -> None:
    body, ext = article(["Volodymyr Zelenskyy spoke.", "The Zelenskyy Plan was debated."])
    zelenskyy = Entity("volodymyr-zelenskyy", "person", "Volodymyr Zelenskyy")
    zelenskyy.mentions.append(mention("a1", body, ext, "Volodymyr Zelenskyy"))
    plan = Entity("zelenskyy-plan", "organization", "Zelenskyy Plan")
    plan.mentions.append(mention("a1", body, ext, "Zelenskyy Plan"))
    add_untagged([zelenskyy, plan], {"a1": body}, {"a1": ext})
    assert found(zelenskyy) == [("a1", 0, "Volodymyr Zelenskyy")]
    assert found(plan) == [("a1", 1, "Zelenskyy Plan")]


def test_surface_shared_by_two_entities_is_not_added() -> None:
    body, ext = article(["Joe Biden and Hunter Biden arrived.", "Biden spoke first."])
    joe = Entity("joe-biden", "person", "Joe Biden", mentions=[mention("a1", body, ext, "Joe Biden")])
    hunter = Entity("hunter-biden", "person", "Hunter Biden", mentions=[mention("a1", body, ext, "Hunter Biden")])
    add_untagged([joe, hunter], {"a1": body}, {"a1": ext})
    assert found(joe) == [("a1", 0, "Joe Biden")]
    assert found(hunter) == [("a1", 0, "Hunter Biden")]


def test_only_whole_words_in_the_same_case() -> None:
    body, ext = article(
        ["Joe Biden spoke.", "Bidenomics, Biden-era rules and biden are not him.", "But Biden's plan is."]
    )
    biden = Entity("joe-biden", "person", "Joe Biden", mentions=[mention("a1", body, ext, "Joe Biden")])
    add_untagged([biden], {"a1": body}, {"a1": ext})
    assert found(biden) == [("a1", 0, "Joe Biden"), ("a1", 2, "Biden")]


def test_title_word_is_not_a_surname() -> None:
    body, ext = article(["Foreign Minister Dmytro Kuleba met the Foreign Minister of Poland.", "Kuleba left."])
    kuleba = Entity("dmytro-kuleba", "person", "Dmytro Kuleba")
    kuleba.mentions.append(mention("a1", body, ext, "Foreign Minister"))  # a tagging error: a title alone
    kuleba.mentions.append(mention("a1", body, ext, "Dmytro Kuleba"))
    add_untagged([kuleba], {"a1": body}, {"a1": ext})
    assert found(kuleba) == [
        ("a1", 0, "Foreign Minister"),
        ("a1", 0, "Dmytro Kuleba"),
        ("a1", 0, "Foreign Minister"),  # the full surface recurs, the surname "Minister" does not
        ("a1", 1, "Kuleba"),
    ]


def test_other_articles_are_not_touched() -> None:
    body1, ext1 = article(["Joe Biden spoke.", "Biden left."])
    body2, ext2 = article(["Biden was not tagged here.", "Biden again."])
    biden = Entity("joe-biden", "person", "Joe Biden", mentions=[mention("a1", body1, ext1, "Joe Biden")])
    add_untagged([biden], {"a1": body1, "a2": body2}, {"a1": ext1, "a2": ext2})
    assert found(biden) == [("a1", 0, "Joe Biden"), ("a1", 1, "Biden")]


def test_mentions_sorted_by_article_then_offset() -> None:
    body1, ext1 = article(["Talks with NATO.", "Leaders met.", "NATO hosted."])
    body0, ext0 = article(["NATO is far."])
    nato = Entity(
        "nato",
        "organization",
        "NATO",
        mentions=[mention("b1", body1, ext1, "NATO", 1), mention("a0", body0, ext0, "NATO")],
    )
    add_untagged([nato], {"b1": body1, "a0": body0}, {"b1": ext1, "a0": ext0})
    assert found(nato) == [("a0", 0, "NATO"), ("b1", 0, "NATO"), ("b1", 2, "NATO")]


def test_place_mentions_block_but_are_not_extended() -> None:
    body, ext = article(["Leaders met in Paris.", "Paris hosted.", "Paris Hilton was not there."])
    paris = Entity("paris", "place", "Paris", mentions=[mention("a1", body, ext, "Paris")])
    hilton = Entity("paris-hilton", "person", "Paris Hilton", mentions=[mention("a1", body, ext, "Paris Hilton")])
    add_untagged([paris, hilton], {"a1": body}, {"a1": ext})
    assert found(paris) == [("a1", 0, "Paris")]
    assert found(hilton) == [("a1", 2, "Paris Hilton")]


def test_a_distinctive_name_the_tagger_found_elsewhere_is_found_in_every_article() -> None:
    from generator.models import Sentence

    def article(aid: str, body: str) -> tuple[str, ArticleExtraction]:
        return aid, ArticleExtraction((Sentence(0, len(body)),), ())

    harbor = Entity("harbor", "organization", "Harbor Authority")
    harbor.mentions = [
        EntityMention("a1", 0, 0, 16, "Harbor Authority"),
        EntityMention("a2", 0, 0, 16, "Harbor Authority"),
    ]
    reform = Entity("reform", "organization", "Reform")
    reform.mentions = [EntityMention("a1", 0, 21, 27, "Reform"), EntityMention("a2", 0, 21, 27, "Reform")]
    roe = Entity("roe", "person", "Roe")
    roe.mentions = [EntityMention("a1", 0, 32, 35, "Roe"), EntityMention("a2", 0, 32, 35, "Roe")]
    bodies = {
        "a1": "Harbor Authority and Reform and Roe.",
        "a2": "Harbor Authority and Reform and Roe.",
        "a3": "Then the Harbor Authority's chief, Reform and Roe spoke; reform came.",
    }
    extractions = dict(article(k, v) for k, v in bodies.items())
    add_untagged([harbor, reform, roe], bodies, extractions, lambda word: word == "reform")
    assert [(m.article, m.text) for m in harbor.mentions if m.article == "a3"] == [("a3", "Harbor Authority")]
    assert not any(m.article == "a3" for m in reform.mentions + roe.mentions)  # a common word, a surname
    (m,) = [m for m in harbor.mentions if m.article == "a3"]
    assert bodies["a3"][m.start : m.end] == "Harbor Authority"


def test_a_given_name_alone_is_a_mention_of_the_one_person_who_has_it() -> None:
    body, ext = article(
        ["Edith Kestrel and Charlotte Marrow met in Charlotte.", "Later, Edith spoke.", "Will it rain? Edith left."]
    )
    edith = Entity("edith-kestrel", "person", "Edith Kestrel", mentions=[mention("a", body, ext, "Edith Kestrel")])
    marrow = Entity(
        "charlotte-marrow", "person", "Charlotte Marrow", mentions=[mention("a", body, ext, "Charlotte Marrow")]
    )
    add_untagged([edith, marrow], {"a": body}, {"a": ext}, is_common=lambda w: w == "will")
    assert found(edith) == [("a", 0, "Edith Kestrel"), ("a", 1, "Edith"), ("a", 2, "Edith")]
    assert found(marrow) == [("a", 0, "Charlotte Marrow")]  # "Charlotte" is also a city's name


def test_a_corpus_form_is_not_added_where_the_article_names_a_longer_body_ending_so() -> None:
    from generator.models import Sentence

    bodies = {
        "a1": "The Supreme Court ruled.",
        "a2": "The Supreme Court agreed.",
        "a3": "The Portvale Supreme Court ruled; the Supreme Court was split.",
    }
    extractions = {k: ArticleExtraction((Sentence(0, len(v)),), ()) for k, v in bodies.items()}
    court = Entity("court", "organization", "Supreme Court")
    court.mentions = [EntityMention("a1", 0, 4, 17, "Supreme Court"), EntityMention("a2", 0, 4, 17, "Supreme Court")]
    local = Entity("local", "organization", "Portvale Supreme Court")
    local.mentions = [EntityMention("a3", 0, 4, 26, "Portvale Supreme Court")]
    add_untagged([court, local], bodies, extractions, lambda word: False)
    assert not any(m.article == "a3" for m in court.mentions)
