"""Happenings a sentence tells in the clause after its opening date (generator.resolve.facts.clauses)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from generator.models import Entity
from generator.resolve.facts.clauses import _opening_days, clauses, present
from tests.resolve.facts.test_events import corpus, events


def _clauses(doc):  # type: ignore[no-untyped-def]
    entities, articles, extractions = corpus(doc)
    named: dict[tuple[str, int], list[tuple[int, int, Entity]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            named[(m.article, m.sentence)].append((m.start, m.end, e))
    (article_id,) = articles
    return [(c.name, c.date.start.isoformat()) for c in clauses(articles[article_id], extractions[article_id], named)]


@pytest.mark.parametrize(
    ("past", "now"),
    [("signed", "signs"), ("released", "releases"), ("held", "holds"), ("carried", "carries"),
     ("stopped", "stops"), ("launched", "launches"), ("went", "goes")],
)  # fmt: skip
def test_a_past_tense_in_the_present(past: str, now: str) -> None:
    assert present(past) == now


def test_the_clause_after_the_opening_date_named_as_a_headline() -> None:
    doc = (
        "a1",
        "2020-04-07",
        [
            "Yesterday, Ada Marlow, the governor of Wessex, signed an executive order delaying the election until "
            "June, citing the health risks.",
            "On March 23, 2020, the Unity Party and the Harbor Council launched a fund.",
            "On April 2, via Zoom, the Life and Liberty Party held its first national convention.",
            "On March 5, the party's nominee, Edith Tallow, announced her running mate.",
        ],
        [(0, "Ada Marlow", "PERSON"), (0, "Wessex", "GPE"), (1, "Unity Party", "ORG"), (1, "Harbor Council", "ORG"),
         (2, "Life and Liberty Party", "ORG"), (3, "Edith Tallow", "PERSON")],
    )  # fmt: skip
    assert _clauses(doc) == [
        ("Ada Marlow signs an executive order delaying the election until June", "2020-04-06"),
        ("The Unity Party and the Harbor Council launch a fund", "2020-03-23"),
        ("The Life and Liberty Party holds its first national convention", "2020-04-02"),
        ("Edith Tallow announces her running mate", "2020-03-05"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Today, I am leaving the race for the same reason.",  # a pronoun
        "Yesterday, NBC News reported that Ada Marlow would leave.",  # what was said
        "On Tuesday, Ada Marlow announced that she would leave.",
        "On Thursday, Ada Marlow was flying from Tomsk when she fell ill.",  # a state
        "On Sunday in London, Ada Marlow entered a store.",  # more than a day opens it
        "On Thursday, the storm flooded the harbor.",  # no one named does it
        "Ada Marlow signed the order on Monday.",  # the date does not open the sentence
    ],
)
def test_no_clause_event_without_a_named_doer_and_a_happening(sentence: str) -> None:
    doc = ("a1", "2020-04-07", [sentence], [(0, "Ada Marlow", "PERSON")] if "Ada Marlow" in sentence else [])
    assert _clauses(doc) == []


def test_an_opening_of_two_days_that_disagree_is_no_date() -> None:
    assert _opening_days("On Thursday, September 23rd, the President met them.", date(2023, 9, 25)) is None


def test_a_clause_event_is_one_articles_and_names_the_event_phrase_of_its_sentence() -> None:
    doc = (
        "a1",
        "2020-03-06",
        ["On Tuesday, the Unity Party held elections in fourteen states.", "The elections went well."],
        [(0, "Unity Party", "ORG")],
    )
    [event] = events(doc)
    assert (event.name, event.event.date_start, len(event.mentions)) == (
        "The Unity Party holds elections in fourteen states",
        "2020-03-03",
        3,
    )
