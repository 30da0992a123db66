"""Tests of generator.render.summary: the sentences quoted on an entity's page."""

from __future__ import annotations

from generator.models import AidInfo, Entity, EntityMention, EventInfo, Figure, PersonInfo, Role
from generator.render.summary import excerpts, one_line
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


NAMES = {"usa": "United States", "ukraine": "Ukraine", "kyiv": "Kyiv", "nato": "NATO"}


def test_one_line_gives_a_persons_first_two_roles_then_how_widely_they_are_named() -> None:
    roles = [Role("Secretary of State", "usa"), Role("Envoy", None), Role("Chair", "nato")]
    ada = Entity("ada", "person", "Ada Lind", person=PersonInfo(roles))
    assert one_line(ada, NAMES, 3, "2024-03-01", "2024-03-09") == (
        "Secretary of State of United States; Envoy; named in 3 articles, 2024-03-01 to 2024-03-09"
    )
    assert one_line(Entity("bo", "person", "Bo"), NAMES, 1, "2024-03-01", "2024-03-01") == (
        "Named in 1 article, 2024-03-01"
    )


def test_one_line_gives_an_events_dates_and_place_and_an_aid_packages_amount_and_parties() -> None:
    summit = Entity("summit", "event", "Summit", event=EventInfo("2024-07-09", "2024-07-11", "kyiv"))
    assert (
        one_line(summit, NAMES, 2, "2024-07-10", "2024-07-12") == "2024-07-09 to 2024-07-11, Kyiv; named in 2 articles"
    )
    amount = Figure(60e9, "USD", "$60 billion")
    package = Entity(
        "aid", "aid_package", "$60 billion aid", aid=AidInfo(amount, [amount], "usa", "ukraine", "stalled")
    )
    assert one_line(package, NAMES, 4, None, None) == (
        "$60 billion from United States to Ukraine (stalled); named in 4 articles"
    )
    undated = Entity("talks", "event", "Talks")
    assert one_line(undated, NAMES, 1, None, None) == "Named in 1 article"
