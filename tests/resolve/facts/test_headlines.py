"""The event a headline tells, dated by the article's lead (generator.resolve.facts.headlines)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.resolve.facts.headlines import clause, headline
from tests.builders import make
from tests.resolve.facts.test_events import events


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Water main bursts in Whitby Cross, Yorkshire", None),
        ("Power firm helicopter strikes cables, crashes near Fairmead", None),
        ("Police shoot the man dead in Eastbury", None),
        ("Caloundra defeat Wynnum in fourth round", None),
        ("Three killed, three others injured in attack in Readwell", None),
        ("2020 election: Tallow, Marlow win Hampshire primaries", "Tallow, Marlow win Hampshire primaries"),
        (
            "Serbian protesters try to storm Parliament; fourth day of protests",
            "Serbian protesters try to storm Parliament",
        ),
    ],
)
def test_a_headline_in_sentence_case_with_a_verb_is_a_clause(title: str, expected: str | None) -> None:
    told = clause(title)
    assert told is not None and told.text == (expected or title)


@pytest.mark.parametrize(
    "title",
    [
        "President Ada Marlow Signs H.R. 1234 into Law",  # title case: every word looks like a name
        "Remarks by the President at a press conference",  # no verb
        "On the campaign trail in the USA, May 2020",  # "campaign trail": a noun after "the"
        "Tesco to sell its Polish branch",  # a plan, and "Polish branch" is no subject and verb
        "Wikinews interviews Ada Marlow, presidential nominee",  # an interview is no happening
        "Astronomer tells reporters about discovery of black hole",
        "COVID-19 may spread like flu",  # a guess
        "Readout of Ada Marlow's visit to Kosovo",  # a document, and a possessive's noun
        "Second letter from Ada Marlow to the Archivist, dated October 8, 2021",
    ],
)
def test_no_clause_in_title_case_plans_guesses_and_interviews(title: str) -> None:
    assert clause(title) is None


def _article(title: str, sentences: list[str], date: str | None = "2020-08-13"):  # type: ignore[no-untyped-def]
    article, extraction = make("a1", sentences, [], date)
    return replace(article, title=title), extraction


def test_the_lead_dates_the_headline() -> None:
    article, extraction = _article(
        "Water main bursts in Whitby Cross", ["On Monday, a water main broke in the city.", "It was fixed on Tuesday."]
    )
    h = headline(article, extraction)
    assert h is not None
    assert (h.name, h.sentence, h.date.start.isoformat()) == ("Water main bursts in Whitby Cross", 0, "2020-08-10")
    assert article.body[h.start : h.end] == "On Monday"


@pytest.mark.parametrize(
    ("title", "sentences", "date"),
    [
        # the article has no date: "on Monday" is no day
        ("Water main bursts in Whitby Cross", ["On Monday, a water main broke."], None),
        # two days in the lead sentence: which one is the headline's is unsure
        ("Water main bursts in Whitby Cross", ["On Sunday and Monday, water mains broke."], "2020-08-13"),
        # the dated sentence tells a background: it shares no word of the subject or verb, and one other
        (
            "Bloomberg, Warren end US presidential campaigns following Super Tuesday",
            ["On Tuesday, the party held presidential primaries in fourteen states."],
            "2020-03-06",
        ),
        # a later paragraph is no lead
        ("Water main bursts in Whitby Cross", ["The city is dry.\n\n", "On Monday, a water main broke."], "2020-08-13"),
    ],
)
def test_no_headline_event_without_a_lead_day_of_its_own(title: str, sentences: list[str], date: str | None) -> None:
    article, extraction = _article(title, sentences, date)
    assert headline(article, extraction) is None


def test_a_headline_event_has_the_headline_as_name_and_never_joins_another_article() -> None:
    a = (
        "a1",
        "2020-08-13",
        ["On Monday, a water main broke in Yorkshire, in Whitby Cross."],
        [(0, "Yorkshire", "GPE"), (0, "Whitby Cross", "GPE")],
    )
    b = (
        "b1",
        "2020-08-12",
        ["On Monday, a US water main broke in Whitby Cross."],
        [(0, "US", "GPE"), (0, "Whitby Cross", "GPE")],
    )
    titles = {"a1": "Water main bursts in Whitby Cross, Yorkshire", "b1": "US water main bursts in Whitby Cross"}
    found = events_titled(titles, a, b)
    assert sorted((e.name, e.event.date_start, e.event.location) for e in found) == [
        ("US water main bursts in Whitby Cross", "2020-08-10", "whitby-cross"),  # the place it is "in"
        ("Water main bursts in Whitby Cross, Yorkshire", "2020-08-10", "whitby-cross"),  # the headline's first place
    ]


def test_a_headline_names_the_event_its_lead_tells_and_a_told_death_is_not_told_twice() -> None:
    primaries = (
        "a1",
        "2020-03-11",
        ["Yesterday, the Democratic Party held primary elections in Idaho.", "Ada Marlow won in Idaho."],
        [(0, "the Democratic Party", "ORG"), (0, "Idaho", "GPE"), (1, "Ada Marlow", "PERSON"), (1, "Idaho", "GPE")],
    )
    death = ("b1", "2020-02-27", ["On Tuesday, Hosni Tallowmere died in Cairo."], [(0, "Hosni Tallowmere", "PERSON")])
    found = events_titled({"a1": "Ada Marlow wins Idaho primaries", "b1": "Hosni Tallowmere dies"}, primaries, death)
    assert sorted((e.name, e.event.date_start, len(e.mentions)) for e in found) == [
        ("Ada Marlow wins Idaho primaries", "2020-03-10", 2),  # the headline and "primary elections"
        ("Death of Hosni Tallowmere", "2020-02-25", 1),
    ]


def events_titled(titles: dict[str, str], *docs):  # type: ignore[no-untyped-def]
    import tests.resolve.facts.test_events as test_events

    original = test_events.make

    def titled(article_id, sentences, mentions, date=None):  # type: ignore[no-untyped-def]
        article, extraction = original(article_id, sentences, mentions, date)
        return replace(article, title=titles.get(article_id, article.title)), extraction

    test_events.make = titled
    try:
        return events(*docs)
    finally:
        test_events.make = original
