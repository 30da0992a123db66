"""Tests of generator.resolve.facts.roles: titles written next to people become roles with their body."""

from __future__ import annotations

import pytest

from generator.models import Article, Entity, EntityMention, Role
from generator.resolve.facts.roles import country_of_adjective, find_roles


def article(article_id: str, body: str) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", title=article_id, body=body)


def entity(entity_id: str, type_: str, name: str, *found: tuple[Article, str], aliases: tuple[str, ...] = ()) -> Entity:
    """An entity with a mention at the first occurrence of each (article, surface)."""
    mentions = []
    for a, surface in found:
        start = a.body.index(surface)
        mentions.append(EntityMention(a.id, 0, start, start + len(surface), surface))
    return Entity(entity_id, type_, name, aliases=list(aliases), mentions=mentions)  # type: ignore[arg-type]


def roles_of(found: dict[str, list[Role]], person: Entity) -> list[tuple[str, str | None, list[str]]]:
    return [(r.title, r.of, r.articles) for r in found[person.id]]


@pytest.mark.parametrize(
    ("word", "country"),
    [("Norwegian", "Norway"), ("Danish", "Denmark"), ("Ukrainian", "Ukraine"), ("French", "France"), ("Blue", None)],
)
def test_country_of_adjective(word: str, country: str | None) -> None:
    assert country_of_adjective(word) == country


def test_title_before_name_with_nationality_adjective() -> None:
    a = article("a1", "Norwegian Foreign Minister Per Holt arrived in the port.")
    norway = entity("norway", "place", "Norway")
    holt = entity("per-holt", "person", "Per Holt", (a, "Per Holt"))
    found = find_roles([norway, holt], {"a1": a})
    assert roles_of(found, holt) == [("Foreign Minister", "norway", ["a1"])]


def test_title_after_name_with_of_and_a_body_the_tagger_missed_there() -> None:
    """ "Ola Nord, the Foreign Minister of Westland": Westland is not tagged in this sentence,
    but the corpus knows it, so the role still has its country."""
    a = article("a1", "Ola Nord, the Foreign Minister of Westland, met reporters.")
    westland = Entity("westland", "place", "Westland")  # named in other articles only
    nord = entity("ola-nord", "person", "Ola Nord", (a, "Ola Nord"))
    found = find_roles([westland, nord], {"a1": a})
    assert roles_of(found, nord) == [("Foreign Minister", "westland", ["a1"])]


def test_head_of_an_organization_before_the_name() -> None:
    a = article("a1", "The head of the Harbor Security Bureau, Jon Berg, said the port was safe.")
    bureau = entity("hsb", "organization", "Harbor Security Bureau", (a, "Harbor Security Bureau"))
    berg = entity("jon-berg", "person", "Jon Berg", (a, "Jon Berg"))
    found = find_roles([bureau, berg], {"a1": a})
    assert roles_of(found, berg) == [("Head", "hsb", ["a1"])]


def test_one_role_keeps_every_article_that_states_it_and_a_bare_title_joins_it() -> None:
    a = article("a1", "Norwegian Foreign Minister Per Holt spoke.")
    b = article("b1", "Later, Foreign Minister Per Holt left.")
    norway = entity("norway", "place", "Norway")
    holt = entity("per-holt", "person", "Per Holt", (a, "Per Holt"), (b, "Per Holt"))
    found = find_roles([norway, holt], {"a1": a, "b1": b})
    assert roles_of(found, holt) == [("Foreign Minister", "norway", ["a1", "b1"])]


def test_lower_case_words_before_a_name_are_no_title_unless_they_are_one() -> None:
    a = article("a1", "The president Ada Lind left. Palace spokesman Ivo Marek stayed.")
    lind = entity("ada-lind", "person", "Ada Lind", (a, "Ada Lind"))
    marek = entity("ivo-marek", "person", "Ivo Marek", (a, "Ivo Marek"))
    palace = entity("palace", "organization", "Palace", (a, "Palace"))
    found = find_roles([lind, marek, palace], {"a1": a})
    assert roles_of(found, lind) == []
    assert roles_of(found, marek) == [("Spokesman", "palace", ["a1"])]


def test_finding_roles_changes_no_entity() -> None:
    a = article("a1", "Norwegian Foreign Minister Per Holt arrived in the port.")
    norway = entity("norway", "place", "Norway")
    holt = entity("per-holt", "person", "Per Holt", (a, "Per Holt"))
    found = find_roles([norway, holt], {"a1": a})
    assert found["per-holt"] and holt.roles == [] and "norway" not in found
