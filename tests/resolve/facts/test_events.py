"""Tests of generator.resolve.facts.events: event phrases, their dates, places and participants,
clustered across articles."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

import pytest

from generator.models import Article, ArticleExtraction, Entity, EntityMention
from generator.resolve.facts.events import EventMention, cluster_mentions, find_events, find_mentions
from generator.slugs import SlugRegistry, slug
from tests.builders import make

TYPES = {"ORG": "organization", "PERSON": "person", "GPE": "place"}

# (article id, article date, sentences, mentions as (sentence index, surface, NER label))
Doc = tuple[str, str | None, list[str], list[tuple[int, str, str]]]


def corpus(*docs: Doc) -> tuple[list[Entity], dict[str, Article], dict[str, ArticleExtraction]]:
    """Articles, extractions, and one entity per distinct surface (id: its slug) with every mention of it."""
    entities: dict[str, Entity] = {}
    articles: dict[str, Article] = {}
    extractions: dict[str, ArticleExtraction] = {}
    for article_id, when, sentences, mentions in docs:
        article, extraction = make(article_id, sentences, mentions)
        articles[article_id] = replace(article, date=when)
        extractions[article_id] = extraction
        for m in extraction.mentions:
            entity = entities.setdefault(slug(m.text), Entity(slug(m.text), TYPES[m.label], m.text))  # type: ignore[arg-type]
            entity.mentions.append(EntityMention(article_id, m.sentence, m.start, m.end, m.text))
    return list(entities.values()), articles, extractions


def events(*docs: Doc) -> list[Entity]:
    entities, articles, extractions = corpus(*docs)
    before = [replace(e, mentions=list(e.mentions)) for e in entities]
    out = find_events(entities, articles, extractions, SlugRegistry())
    assert entities == before  # the entities given are read, not changed
    assert all(e.type == "event" for e in out)
    return out


def mentions_of(*docs: Doc) -> list[EventMention]:
    entities, articles, extractions = corpus(*docs)
    named: dict[tuple[str, int], list[tuple[int, int, Entity]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            named[(m.article, m.sentence)].append((m.start, m.end, e))
    return [
        m
        for article_id in sorted(articles)
        for m in find_mentions(articles[article_id], extractions[article_id], named)
    ]


def where(event: Entity) -> list[tuple[str, int, str]]:
    return [(m.article, m.sentence, m.text) for m in event.mentions]


NATO_MEETING: Doc = (
    "a1",
    "2023-11-30",  # a Thursday
    ["Blinken attended a meeting of NATO foreign ministers on Wednesday in Brussels."],
    [(0, "Blinken", "PERSON"), (0, "NATO", "ORG"), (0, "Brussels", "GPE")],
)


# find_mentions


def test_find_mentions_meeting_of_org_with_weekday() -> None:
    [m] = mentions_of(NATO_MEETING)
    assert (m.kind, m.text, m.proper) == ("meeting", "meeting of NATO foreign ministers", False)
    assert m.orgs == {"nato"}
    assert m.people == set()
    assert m.descriptors == {"foreign", "minister"}
    assert m.date is not None and m.date.iso == ("2023-11-29", "2023-11-29")
    assert m.specific
    assert m.context == {"nato"}


def test_find_mentions_phrase_stops_before_verb() -> None:
    doc: Doc = ("a1", "2023-11-30", ["The meeting of NATO foreign ministers focused on Ukraine."], [(0, "NATO", "ORG")])
    [m] = mentions_of(doc)
    assert m.text == "meeting of NATO foreign ministers"


def test_an_event_name_is_no_clause_and_no_body_name() -> None:
    docs: list[Doc] = [
        ("a1", "2024-05-02", ["Ada Marlow said the Unity Party called elections for 3 May 2024."], []),
        (
            "b1",
            "2024-05-02",
            ["The National Conference of State Legislatures met on Monday."],
            [(0, "National Conference of State Legislatures", "ORG")],
        ),
        ("c1", "2024-05-02", ["Leaders may call for calm on Monday, and it summit talks ended."], []),
    ]
    texts = [m.text for m in mentions_of(*docs)]
    assert not any("called" in t for t in texts)  # a verb ends the name: "elections", not "Party called elections"
    assert not any("Conference" in t for t in texts)  # a body named so is no conference
    assert not any(t.startswith(("call", "it")) for t in texts)  # "may call for": a verb; "it" opens no name


def test_no_event_in_a_modifier_a_pronoun_a_plain_adjective_or_an_either() -> None:
    docs: list[Doc] = [
        ("a1", "2020-11-02", ["He skipped the Free and Equal Election debates on 8 October 2020."], []),
        ("b1", "2020-06-30", ["He asked what to do if I'd call on 3 May 2020."], []),
        ("c1", "2020-11-02", ["He needs one Electoral Vote on 3 November 2020."], []),
    ]
    found = mentions_of(*docs)
    assert [m.text for m in found if m.kind == "election"] == []  # the event is the debate
    assert not any(m.text.startswith("I'd") for m in found)
    assert not any(m.proper for m in found)  # "Electoral Vote" names no one vote
    doc: Doc = (
        "d1",
        "2020-02-14",
        ["The next primary election for either the Democratic or Republican Party is on March 3."],
        [(0, "Republican Party", "ORG")],
    )
    assert [m.text for m in mentions_of(doc) if m.kind == "election"] == ["next primary election"]


def test_plain_elections_are_named_by_their_place_and_lose_their_number() -> None:
    doc: Doc = (
        "a1",
        "2020-03-06",
        ["The party continues with three primary elections in Idaho on March 10."],
        [(0, "Idaho", "GPE")],
    )
    assert [(e.name, e.event.date_start) for e in events(doc)] == [("Primary elections in Idaho", "2020-03-10")]


def test_a_bare_event_word_never_joins_another_articles_event_on_its_own() -> None:
    docs: list[Doc] = [
        ("a1", "2020-02-14", ["The Unity Party election in Ruritania was on February 11."],
         [(0, "Unity Party", "ORG"), (0, "Ruritania", "GPE")]),
        ("b1", "2020-02-20", ["Many talked about the election."], []),
    ]  # fmt: skip
    [event] = events(*docs)
    assert {m.article for m in event.mentions} == {"a1"}


def test_caucuses_primaries_and_rallies_with_their_place_and_day() -> None:
    doc: Doc = (
        "a1",
        "2020-07-25",
        [
            "He won the first round of caucuses in Iowa on February 3.",
            "Trump held a campaign rally in Tulsa on June 20.",
            "The Congressional Black Caucus met on June 21.",
        ],
        [(0, "Iowa", "GPE"), (1, "Tulsa", "GPE")],
    )
    assert sorted((e.name, e.event.date_start) for e in events(doc)) == [
        ("Campaign rally in Tulsa", "2020-06-20"),
        ("Caucuses in Iowa", "2020-02-03"),
    ]


def test_a_date_held_on_after_an_event_is_that_events() -> None:
    doc: Doc = (
        "a1",
        "2020-08-03",
        ["On Thursday, a candidate for the Belarusian presidential election to be held on August 9, held a rally."],
        [],
    )
    assert [(e.name, e.event.date_start) for e in events(doc)] == [("Belarusian presidential election", "2020-08-09")]


def test_an_event_held_on_a_day_takes_the_one_place_its_sentence_names() -> None:
    doc: Doc = (
        "a1",
        "2020-07-12",
        [
            "Critics within Serbavia said the president eased measures to win elections which were held on June 21.",
            "Critics within Serbavia and Montavia said the vote was held on June 22.",  # two places: which?
            "Observers in Serbavia demanded fair elections on June 23.",  # not told as held
        ],
        [(0, "Serbavia", "GPE"), (1, "Serbavia", "GPE"), (1, "Montavia", "GPE"), (2, "Serbavia", "GPE")],
    )
    assert [(e.name, e.event.date_start, e.event.location) for e in events(doc)] == [
        ("Elections in Serbavia", "2020-06-21", "serbavia")
    ]


def test_a_phrase_joins_another_articles_event_only_through_a_participant_or_its_place() -> None:
    docs: list[Doc] = [
        ("a1", "2020-02-14", ["The Unity Party presidential election in Ruritania was on February 11."],
         [(0, "Unity Party", "ORG"), (0, "Ruritania", "GPE")]),
        ("b1", "2020-02-20", ["Many talked about the presidential election."], []),
        ("c1", "2020-02-21", ["The Unity Party election was close."], [(0, "Unity Party", "ORG")]),
        ("d1", "2020-02-21", ["The 1972 presidential election was not."], []),
    ]  # fmt: skip
    [event] = events(*docs)
    assert ({m.article for m in event.mentions}, event.event.date_start) == ({"a1", "c1"}, "2020-02-11")


def test_an_event_that_names_no_body_person_or_place_gets_no_page() -> None:
    docs: list[Doc] = [
        ("a1", "2024-05-02", ["Observers demanded fair elections on 3 May 2024."], []),
        (
            "b1",
            "2024-05-02",
            ["Voters backed the Unity Party leadership elections on 3 May 2024."],
            [(0, "Unity Party", "ORG")],
        ),
    ]
    assert [e.name for e in events(*docs)] == ["Unity Party leadership elections"]


def test_a_year_in_the_name_is_dated_more_finely_only_by_a_date_next_to_it() -> None:
    sentence = "On December 12, Ada Marlow again questioned the result of the 2020 Portvale election."
    far: Doc = ("a1", "2020-12-14", [sentence], [(0, "Ada Marlow", "PERSON"), (0, "Portvale", "GPE")])
    near: Doc = ("b1", "2020-11-05", ["Voters cast ballots in the 2020 Portvale election on November 3."],
                 [(0, "Portvale", "GPE")])  # fmt: skip
    [m_far] = [m for m in mentions_of(far) if not m.headline]  # "Ada Marlow questions ...": the clause's own event
    [m_near] = mentions_of(near)
    assert m_far.date is not None and m_far.date.precision == "year"
    assert m_near.date is not None and m_near.date.iso == ("2020-11-03", "2020-11-03")


def test_a_poll_or_convention_named_by_its_day_is_an_event_and_keeps_the_day_in_its_name() -> None:
    doc: Doc = (
        "a1",
        "2020-07-25",
        [
            "Biden secured the nomination with victories in the June 2 primaries, polls said.",
            "At its August 15 convention with around 20 virtual attendees, the party chose a ticket.",
            "Critics dismissed yesterday's vote.",
            "They met on August 15.",
        ],
        [(0, "Biden", "PERSON")],
    )
    assert sorted((e.name, e.event.date_start) for e in events(doc)) == [
        ("August 15 convention", "2020-08-15"),
        ("June 2 primaries", "2020-06-02"),
    ]


def test_a_party_national_convention_is_an_event_and_a_treaty_convention_is_not() -> None:
    doc: Doc = (
        "a1",
        "2020-07-25",
        [
            "At the virtual 2020 Reform National Convention on June 20, the party chose its ticket.",
            "Due to the pandemic, the planned Republican National Convention moved to Jacksonville.",
            "The country signed the Convention on the Rights of the Child on June 21.",
        ],
        [(1, "Jacksonville", "GPE"), (2, "the Convention on the Rights of the Child", "ORG")],
    )
    assert sorted((e.name, e.event.date_start) for e in events(doc)) == [
        ("2020 Reform National Convention", "2020-06-20"),
        ("Republican National Convention", None),
    ]  # two named conventions of one article stay two, each with its own name


def test_two_events_of_one_name_a_year_apart_are_told_apart_by_their_year() -> None:
    docs: list[Doc] = [
        ("a1", "2020-08-12", ["Steinem spoke at the 1972 Democratic National Convention."], [(0, "Steinem", "PERSON")]),
        ("b1", "2020-09-30", ["Biden spoke at the 2020 Democratic National Convention."], [(0, "Biden", "PERSON")]),
    ]  # fmt: skip
    assert sorted(e.name for e in events(*docs)) == [
        "Democratic National Convention (1972)",
        "Democratic National Convention (2020)",
    ]


def test_the_scene_of_a_crash_is_no_crash() -> None:
    doc: Doc = ("a1", "2020-06-04", ["The board said yesterday it was not traveling to the crash scene."], [])
    assert mentions_of(doc) == []


def test_an_event_noun_inside_a_longer_capitalized_name_is_no_event() -> None:
    doc: Doc = ("a1", "2020-12-14", ["He read up on Texas Election Law on Monday."], [(0, "Texas", "GPE")])
    assert mentions_of(doc) == []


def test_call_as_verb_is_not_an_event_but_phone_call_is() -> None:
    doc: Doc = (
        "a1",
        "2023-11-30",
        ["Biden wants to call on Congress to act.", "Biden held a phone call with Zelenskyy."],
        [(0, "Biden", "PERSON"), (0, "Congress", "ORG"), (1, "Biden", "PERSON"), (1, "Zelenskyy", "PERSON")],
    )
    [m] = mentions_of(doc)
    assert (m.kind, m.sentence, m.text) == ("call", 1, "phone call with Zelenskyy")
    assert m.people == {"zelenskyy"}
    assert m.specific


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He spoke at a press conference on Tuesday.", []),
        ("The summit was long.", [("summit", "summit", False)]),
        ("Russian strikes hit the city on Tuesday.", [("strike", "Russian strikes", True)]),
        (
            "The ministerial meetings of NATO, held in Brussels, ended.",
            [("meeting", "ministerial meetings of NATO", False)],
        ),
    ],
)
def test_find_mentions_kinds(sentence: str, expected: list[tuple[str, str, bool]]) -> None:
    named = [(0, "NATO", "ORG")] if "NATO" in sentence else []
    found = mentions_of(("a1", "2023-11-30", [sentence], named))
    assert [(m.kind, m.text, m.specific) for m in found] == expected


def test_date_goes_to_nearest_event_phrase_in_sentence() -> None:
    doc: Doc = (
        "a1",
        "2023-11-30",
        [
            "Kuleba spoke on Wednesday during the Foreign Ministers Meeting – "
            "from our expectations at the Washington Summit next year."
        ],
        [(0, "Kuleba", "PERSON"), (0, "Washington", "GPE")],
    )
    meeting, summit = mentions_of(doc)
    assert (meeting.text, meeting.proper) == ("Foreign Ministers Meeting", True)
    assert meeting.date is not None and meeting.date.iso == ("2023-11-29", "2023-11-29")
    assert (summit.text, summit.proper, summit.location) == ("Washington Summit", True, "washington")
    assert summit.date is not None and summit.date.iso == ("2024-01-01", "2024-12-31")


# cluster_mentions


def test_cluster_mentions_vague_phrase_joins_its_articles_event() -> None:
    doc: Doc = (
        "a1",
        "2023-11-30",
        ["NATO foreign ministers held a meeting of NATO on Wednesday.", "The meeting ended late."],
        [(0, "NATO", "ORG")],
    )
    found = mentions_of(doc)
    assert [m.specific for m in found] == [True, False]
    [cluster] = cluster_mentions(found, {"a1": date(2023, 11, 30)})
    assert cluster.kind == "meeting"
    assert [m.sentence for m in cluster.mentions] == [0, 1]
    assert cluster.span() == (date(2023, 11, 29), date(2023, 11, 29))


def test_cluster_mentions_vague_phrase_alone_makes_nothing() -> None:
    found = mentions_of(("a1", "2023-11-30", ["Leaders discussed the summit."], []))
    assert cluster_mentions(found, {"a1": date(2023, 11, 30)}) == []


# find_events


def test_meeting_on_weekday_dated_from_article_with_org_participant() -> None:
    [event] = events(NATO_MEETING)
    assert event.name == "Meeting of NATO foreign ministers"
    assert event.id == "meeting-of-nato-foreign-ministers"
    assert (event.event.date_start, event.event.date_end) == ("2023-11-29", "2023-11-29")
    assert event.event.location == "brussels"
    assert event.event.participants == ["blinken", "nato"]
    # the phrase holds other links, so only the event noun links to the event
    assert where(event) == [("a1", 0, "meeting")]


def test_two_articles_on_the_same_meeting_give_one_event() -> None:
    other: Doc = (
        "a2",
        "2023-12-01",
        [
            "NATO foreign ministers met in Brussels on November 29, 2023.",
            "The meeting of NATO foreign ministers ended.",
        ],
        [(0, "NATO", "ORG"), (0, "Brussels", "GPE"), (1, "NATO", "ORG")],
    )
    [event] = events(NATO_MEETING, other)
    assert (event.event.date_start, event.event.date_end) == ("2023-11-29", "2023-11-29")
    assert where(event) == [("a1", 0, "meeting"), ("a2", 1, "meeting")]
    assert event.articles == ["a1", "a2"]
    assert "nato" in event.event.participants


def test_same_meeting_a_year_apart_gives_two_events() -> None:
    a_year_later: Doc = ("a2", "2024-11-30", *NATO_MEETING[2:])  # 30 November 2024 is a Saturday
    first, second = events(NATO_MEETING, a_year_later)
    assert (first.name, first.event.date_start) == ("Meeting of NATO foreign ministers (November 2023)", "2023-11-29")
    assert (second.name, second.event.date_start) == ("Meeting of NATO foreign ministers (November 2024)", "2024-11-27")
    assert (first.articles, second.articles) == (["a1"], ["a2"])
    assert first.id != second.id


def test_the_summit_alone_makes_no_event() -> None:
    assert events(("a1", "2023-11-30", ["Leaders discussed the summit."], [])) == []


def test_call_verb_makes_no_event_but_phone_call_does() -> None:
    verb: Doc = (
        "a1",
        "2023-11-30",
        ["Biden wants to call on Congress to act."],
        [(0, "Biden", "PERSON"), (0, "Congress", "ORG")],
    )
    assert events(verb) == []
    call: Doc = (
        "a2",
        "2023-11-30",
        ["Biden held a phone call with Zelenskyy on Tuesday."],
        [(0, "Biden", "PERSON"), (0, "Zelenskyy", "PERSON")],
    )
    [event] = events(call)
    assert event.name == "Phone call with Zelenskyy"
    assert (event.event.date_start, event.event.date_end) == ("2023-11-28", "2023-11-28")
    assert event.event.participants == ["biden", "zelenskyy"]


def test_summit_in_city_gets_location() -> None:
    doc: Doc = (
        "a1",
        "2023-11-30",
        ["Leaders met at the NATO Summit in Vilnius on July 12."],
        [(0, "NATO", "ORG"), (0, "Vilnius", "GPE")],
    )
    [event] = events(doc)
    assert event.name == "NATO Summit"
    assert event.event.location == "vilnius"
    assert (event.event.date_start, event.event.date_end) == ("2023-07-12", "2023-07-12")
    assert event.event.participants == ["nato"]


def test_two_events_in_one_sentence_get_their_own_dates() -> None:
    doc: Doc = (
        "a1",
        "2023-11-30",
        [
            "Kuleba spoke on Wednesday during the Foreign Ministers Meeting – "
            "from our expectations at the Washington Summit next year."
        ],
        [(0, "Kuleba", "PERSON"), (0, "Washington", "GPE")],
    )
    by_name = {e.name: e for e in events(doc)}
    assert set(by_name) == {"Foreign Ministers Meeting", "Washington Summit"}
    meeting, summit = by_name["Foreign Ministers Meeting"], by_name["Washington Summit"]
    assert (meeting.event.date_start, meeting.event.date_end) == ("2023-11-29", "2023-11-29")
    assert (summit.event.date_start, summit.event.date_end) == ("2024-01-01", "2024-12-31")
    assert summit.event.location == "washington"
    assert meeting.event.location is None


def test_events_in_the_entities_given_are_not_the_finders() -> None:
    entities, articles, extractions = corpus(NATO_MEETING)
    stale = Entity("old-event", "event", "Old event", mentions=[EntityMention("a1", 0, 0, 7, "Blinken")])
    out = find_events([*entities, stale], articles, extractions, SlugRegistry())
    assert out == find_events(entities, articles, extractions, SlugRegistry())
    assert [e.id for e in out] == ["meeting-of-nato-foreign-ministers"]


def test_the_first_and_the_second_of_a_series_are_two_events() -> None:
    docs: list[Doc] = [
        ("a1", "2022-05-13", ["Leaders met at the second Global Health Summit on May 12."], []),
        ("b1", "2022-05-20", ["The first Global Health Summit was held in 2022."], []),
    ]
    assert sorted((e.event.date_start, [m.article for m in e.mentions]) for e in events(*docs)) == [
        ("2022-01-01", ["b1"]),
        ("2022-05-12", ["a1"]),
    ]
