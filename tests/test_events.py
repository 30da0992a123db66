"""Tests of generator.events: dates, places and participants of events."""

from __future__ import annotations

import pytest

from generator.events import date_range, enrich_events
from generator.models import Article, ArticleExtraction, Entity, EntityMention, Sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 9-11, 2024", ("2024-07-09", "2024-07-11")),
        ("July 9 – 11, 2024", ("2024-07-09", "2024-07-11")),
        ("9-11 July 2024", ("2024-07-09", "2024-07-11")),
        ("March 3, 2023", ("2023-03-03", "2023-03-03")),
        ("3 March 2023", ("2023-03-03", "2023-03-03")),
    ],
)
def test_date_range(text: str, expected: tuple[str, str]) -> None:
    assert date_range(text) == expected


@pytest.mark.parametrize("text", ["nothing", "July 9", "the summit"])
def test_date_range_without_date(text: str) -> None:
    assert date_range(text) is None


SENTENCES = [
    "The Harbor Summit opened on July 9, 2024 in Paris.",
    "Edith Marlow and the Harbor Council attended the Harbor Summit in Paris.",
    "Fishermen from Lyon protested.",
]
BODY = " ".join(SENTENCES)


def _sentences() -> tuple[Sentence, ...]:
    out = []
    for s in SENTENCES:
        start = BODY.find(s)
        out.append(Sentence(start, start + len(s)))
    return tuple(out)


def _entity(entity_id: str, type_: str, name: str, occurrences: list[tuple[int, str]]) -> Entity:
    sentences = _sentences()
    mentions = []
    for i, surface in occurrences:
        start = BODY.find(surface, sentences[i].start)
        assert sentences[i].start <= start < sentences[i].end
        mentions.append(EntityMention("a1", i, start, start + len(surface), surface))
    return Entity(entity_id, type_, name, mentions=mentions)  # type: ignore[arg-type]


def _enrich(entities: list[Entity]) -> None:
    article = Article(id="a1", path="a1.txt", title="Summit", body=BODY)
    enrich_events(entities, {"a1": article}, {"a1": ArticleExtraction(_sentences(), ())})


def test_enrich_events_sets_date_location_participants() -> None:
    summit = _entity("harbor-summit", "event", "Harbor Summit", [(0, "Harbor Summit"), (1, "Harbor Summit")])
    paris = _entity("paris", "place", "Paris", [(0, "Paris"), (1, "Paris")])
    lyon = _entity("lyon", "place", "Lyon", [(2, "Lyon")])
    marlow = _entity("edith-marlow", "person", "Edith Marlow", [(1, "Edith Marlow")])
    council = _entity("harbor-council", "organization", "Harbor Council", [(1, "Harbor Council")])
    _enrich([summit, paris, lyon, marlow, council])
    assert (summit.date_start, summit.date_end) == ("2024-07-09", "2024-07-09")
    assert summit.location == "paris"
    assert summit.participants == ["edith-marlow", "harbor-council"]
    # other entities are left alone
    assert marlow.date_start is None and marlow.location is None


def test_place_in_sentence_but_not_after_event_is_no_location() -> None:
    summit = _entity("harbor-summit", "event", "Harbor Summit", [(0, "Harbor Summit")])
    # Paris is named in the sentence but only after "on July 9, 2024 in", not right after the event
    paris = _entity("paris", "place", "Paris", [(0, "Paris")])
    _enrich([summit, paris])
    assert summit.location is None
    assert summit.date_start == "2024-07-09"


def test_place_in_event_name_is_location() -> None:
    summit = _entity("paris-summit", "event", "Paris Summit", [(2, "Lyon")])
    paris = _entity("paris", "place", "Paris", [(0, "Paris")])
    _enrich([summit, paris])
    assert summit.location == "paris"
    assert summit.date_start is None
    assert summit.participants == []
