"""Tests of generator.render.summary: the sentences quoted on an entity's page."""

from __future__ import annotations

from generator.models import Entity, EntityMention
from generator.render.summary import excerpts
from tests.builders import make


def test_excerpts_prefer_the_full_name_early_readable_sentences_from_different_articles() -> None:
    long_a = "Ada Marlow, the harbour master of Portvale, opened the new ferry terminal on Monday morning."
    short = "Marlow spoke."
    a1, x1 = make("a1", [long_a, short, "Marlow said the ferries would run again from the quay by summer."],
                  [(0, "Ada Marlow", "PERSON"), (1, "Marlow", "PERSON"), (2, "Marlow", "PERSON")])  # fmt: skip
    b_text = "Ada Marlow later told the council that the ferry terminal had cost less than planned."
    b1, y1 = make("b1", [b_text, "Is Marlow right about the terminal costs this year, asked the council?"],
                  [(0, "Ada Marlow", "PERSON"), (1, "Marlow", "PERSON")])  # fmt: skip
    entity = Entity("ada-marlow", "person", "Ada Marlow", aliases=["Marlow"])
    for article, extraction in ((a1, x1), (b1, y1)):
        for m in extraction.mentions:
            entity.mentions.append(EntityMention(article.id, m.sentence, m.start, m.end, m.text))
    chosen = excerpts(entity, {"a1": a1, "b1": b1}, {"a1": x1, "b1": y1})
    # one per article, the full name first; too short and questions left out
    assert [(e.article, e.sentence, e.text) for e in chosen] == [("a1", 0, long_a), ("b1", 0, b_text)]
    assert excerpts(entity, {"a1": a1, "b1": b1}, {"a1": x1, "b1": y1}, picks=1) == chosen[:1]
