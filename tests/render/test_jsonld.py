"""Tests of generator.render.jsonld: schema.org data of entity pages, and JSON that cannot leave its <script>."""

from __future__ import annotations

import json

from generator.models import (
    ENTITY_TYPES,
    AidInfo,
    Article,
    Entity,
    EntityMention,
    EventInfo,
    Figure,
    PersonInfo,
    Role,
)
from generator.render.html_safety import dangerous_nodes
from generator.render.jsonld import MAX_SOURCES, SCHEMA_TYPES, entity_data, script_json


def _mentions(*articles: str) -> list[EntityMention]:
    return [EntityMention(a, 0, 0, 1, "x") for a in articles]


def _articles(*articles: Article) -> dict[str, Article]:
    return {a.id: a for a in articles}


ARTICLES = _articles(Article("a1", "a1.md", "Ferry plan", "Text.", date="2024-03-01"))
ADA = Entity("ada", "person", "Ada Marlow", mentions=_mentions("a1"))
COUNCIL = Entity("council", "organization", "Harbor Council", mentions=_mentions("a1"))
PARIS = Entity("paris", "place", "Paris", mentions=_mentions("a1"))
BY_ID = {e.id: e for e in (ADA, COUNCIL, PARIS)}


def test_each_entity_type_has_its_schema_org_type() -> None:
    assert SCHEMA_TYPES == {
        "person": "Person",
        "organization": "Organization",
        "place": "Place",
        "event": "Event",
        "aid_package": "MonetaryGrant",
    }
    for type_ in ENTITY_TYPES:
        data = entity_data(Entity("x", type_, "X"), {}, {})
        assert (data["@context"], data["@type"], data["name"]) == ("https://schema.org", SCHEMA_TYPES[type_], "X")


def test_a_person_has_its_other_names_description_and_job_titles() -> None:
    roles = [Role("Mayor", "paris", ["a1"]), Role("Envoy", None)]
    person = Entity(
        "ada",
        "person",
        "Ada Marlow",
        aliases=["Marlow", "A. Marlow"],
        description="Mayor of Paris",
        mentions=_mentions("a1"),
        person=PersonInfo(roles),
    )
    data = entity_data(person, BY_ID, ARTICLES)
    assert data["alternateName"] == ["Marlow", "A. Marlow"]
    assert data["description"] == "Mayor of Paris"
    assert data["jobTitle"] == ["Mayor", "Envoy"]
    assert data["alternateName"] is not person.aliases  # a copy: the entity is not shared with the page


def test_an_entity_without_other_names_description_or_roles_has_none_of_those_keys() -> None:
    data = entity_data(ADA, BY_ID, ARTICLES)
    assert set(data) == {"@context", "@type", "name", "subjectOf"}


def test_an_event_has_its_dates_place_and_known_attendees() -> None:
    info = EventInfo("2024-02-10", "2024-02-12", "paris", ["ada", "nobody", "council"])
    summit = Entity("summit", "event", "Harbor Summit", event=info)
    data = entity_data(summit, BY_ID, ARTICLES)
    assert (data["startDate"], data["endDate"]) == ("2024-02-10", "2024-02-12")
    assert data["location"] == {"@type": "Place", "name": "Paris"}
    assert data["attendee"] == [
        {"@type": "Person", "name": "Ada Marlow"},
        {"@type": "Organization", "name": "Harbor Council"},
    ]


def test_a_one_day_event_ends_the_day_it_starts() -> None:
    summit = Entity("summit", "event", "Harbor Summit", event=EventInfo("2024-02-10"))
    data = entity_data(summit, BY_ID, ARTICLES)
    assert (data["startDate"], data["endDate"]) == ("2024-02-10", "2024-02-10")


def test_an_undated_event_with_an_unknown_place_and_no_known_attendee_has_none_of_them() -> None:
    talks = Entity("talks", "event", "Harbor talks", event=EventInfo(None, None, "atlantis", ["nobody"]))
    data = entity_data(talks, BY_ID, ARTICLES)
    assert set(data) == {"@context", "@type", "name", "subjectOf"}


def test_an_aid_package_is_a_monetary_grant_with_its_amount_funder_and_recipient() -> None:
    figure = Figure(20e9, "USD", "$20 billion", ["a1"])
    aid = AidInfo(amount=figure, figures=[figure], donor="council", recipient="paris", status="pledged")
    package = Entity("package", "aid_package", "$20 billion package", aid=aid)
    data = entity_data(package, BY_ID, ARTICLES)
    assert data["@type"] == "MonetaryGrant"
    assert data["amount"] == {"@type": "MonetaryAmount", "value": 20e9, "currency": "USD"}
    assert data["funder"] == {"@type": "Organization", "name": "Harbor Council"}
    assert data["recipient"] == {"@type": "Place", "name": "Paris"}


def test_an_aid_package_without_amount_or_known_parties_has_none_of_them() -> None:
    package = Entity("package", "aid_package", "Package", aid=AidInfo(donor="nobody"))
    assert set(entity_data(package, BY_ID, ARTICLES)) == {"@context", "@type", "name", "subjectOf"}


def test_subject_of_lists_the_articles_oldest_first_with_what_is_known_of_each() -> None:
    articles = _articles(
        Article("new", "new.md", "Later", "Text.", date="2024-03-02"),
        Article(
            "old",
            "old.md",
            "Ferry plan",
            "Text.",
            date="2024-03-01",
            outlet="Daily Tern",
            author="Ann Lee",
            url="https://tern.example/ferry",
        ),
    )
    entity = Entity("ada", "person", "Ada", mentions=_mentions("new", "old", "new"))
    assert entity_data(entity, {}, articles)["subjectOf"] == [
        {
            "@type": "NewsArticle",
            "headline": "Ferry plan",
            "datePublished": "2024-03-01",
            "publisher": {"@type": "Organization", "name": "Daily Tern"},
            "author": {"@type": "Person", "name": "Ann Lee"},
            "url": "https://tern.example/ferry",
        },
        {"@type": "NewsArticle", "headline": "Later", "datePublished": "2024-03-02"},
    ]


def test_subject_of_keeps_the_oldest_articles_up_to_the_limit() -> None:
    assert MAX_SOURCES == 20
    articles = _articles(
        *(Article(f"d{n:02}", "x.md", f"Day {n}", "Text.", date=f"2024-01-{n:02}") for n in range(1, 31))
    )
    entity = Entity("ada", "person", "Ada", mentions=_mentions(*reversed(list(articles))))
    shown = [a["datePublished"] for a in entity_data(entity, {}, articles)["subjectOf"]]
    assert shown == [f"2024-01-{n:02}" for n in range(1, 21)]


def test_an_undated_article_takes_no_place_of_a_dated_one() -> None:
    dated = [Article(f"d{n:02}", "x.md", f"Day {n}", "Text.", date=f"2024-01-{n:02}") for n in range(1, 21)]
    articles = _articles(Article("undated", "u.md", "Undated", "Text."), *dated)
    entity = Entity("ada", "person", "Ada", mentions=_mentions(*articles))
    shown = [a["headline"] for a in entity_data(entity, {}, articles)["subjectOf"]]
    assert shown == [f"Day {n}" for n in range(1, 21)]
    few = _articles(Article("undated", "u.md", "Undated", "Text."), dated[0])
    entity = Entity("ada", "person", "Ada", mentions=_mentions(*few))
    assert [a["headline"] for a in entity_data(entity, {}, few)["subjectOf"]] == ["Day 1", "Undated"]


def test_script_json_cannot_close_its_script_element_and_reads_back_the_same() -> None:
    data = {"name": "</script><script>alert(1)</script>", "note": "<!-- & -->", "b": ["]]>", "Київ"]}
    text = script_json(data)
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text) == data
    page = f'<script type="application/ld+json">{text}</script><p>after</p>'
    assert dangerous_nodes(page) == []  # without the escapes, the payload's <script> would be found


def test_script_json_is_compact_with_sorted_keys_and_keeps_other_characters() -> None:
    assert script_json({"name": "Київ", "@type": "Place", "a": [1, 2]}) == '{"@type":"Place","a":[1,2],"name":"Київ"}'
