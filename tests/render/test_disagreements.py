"""Tests of generator.render.disagreements: aid figures and event dates on which the sources differ."""

from __future__ import annotations

from generator.models import AidInfo, Entity, EntityMention, EventInfo, Figure
from generator.render.disagreements import (
    SAME_EVENT_DAYS,
    DateDispute,
    date_disputes,
    figure_disputes,
    figure_sources,
    sentences_of,
)
from tests.builders import make


def _mentions(*articles: str) -> list[EntityMention]:
    return [EntityMention(a, 0, 0, 1, "x") for a in articles]


def _package(
    package_id: str,
    figures: list[tuple[float, str]],
    donor: str | None = "usa",
    recipient: str | None = None,
    articles: tuple[str, ...] = ("a1",),
    name: str | None = None,
) -> Entity:
    found = [Figure(value, currency, f"{currency} {value:,.0f}", list(articles)) for value, currency in figures]
    aid = AidInfo(amount=found[0] if found else None, figures=found, donor=donor, recipient=recipient)
    return Entity(package_id, "aid_package", name or package_id, mentions=_mentions(*articles), aid=aid)


def _event(event_id: str, name: str, start: str | None, end: str | None = None, *articles: str) -> Entity:
    return Entity(event_id, "event", name, mentions=_mentions(*articles), event=EventInfo(start, end or start))


def _shown(disputes: list[DateDispute]) -> list[tuple[str, list[str]]]:
    return [(d.name, [e.id for e in d.events]) for d in disputes]


# ---------------------------------------------------------------- figures


def test_an_aid_package_whose_sources_give_two_amounts_is_a_figure_dispute() -> None:
    package = _package("ukraine-aid", [(60e9, "USD"), (61e9, "USD")])
    assert figure_disputes([package]) == [package]


def test_a_figure_dispute_needs_a_donor_or_a_recipient() -> None:
    anonymous = _package("anonymous", [(60e9, "USD"), (61e9, "USD")], donor=None, recipient=None)
    to_kyiv = _package("to-kyiv", [(60e9, "USD"), (61e9, "USD")], donor=None, recipient="ukraine")
    assert figure_disputes([anonymous]) == []
    assert figure_disputes([anonymous, to_kyiv]) == [to_kyiv]


def test_one_amount_written_two_ways_is_no_dispute() -> None:
    package = _package("ukraine-aid", [])
    package.aid = AidInfo(
        figures=[Figure(60e9, "USD", "$60 billion", ["a1"]), Figure(60e9, "USD", "$60bn", ["b1"])], donor="usa"
    )
    assert figure_disputes([package]) == []


def test_one_figure_alone_is_no_dispute() -> None:
    assert figure_disputes([_package("ukraine-aid", [(60e9, "USD")])]) == []


def test_one_value_in_two_currencies_is_a_dispute() -> None:
    package = _package("eu-aid", [(50e9, "EUR"), (50e9, "USD")])
    assert figure_disputes([package]) == [package]


def test_figure_disputes_come_most_reported_first_then_by_name_ignoring_case() -> None:
    two = [(1e9, "USD"), (2e9, "USD")]
    little = _package("little", two, articles=("a1",), name="Zebra fund")
    widely = _package("widely", two, articles=("a1", "b1", "c1"), name="Yak fund")
    alpha = _package("alpha", two, articles=("a1", "b1"), name="alpha fund")
    beta = _package("beta", two, articles=("c1", "d1"), name="Beta fund")
    assert [e.id for e in figure_disputes([little, beta, widely, alpha])] == ["widely", "alpha", "beta", "little"]


def test_only_aid_packages_have_figure_disputes() -> None:
    entities = [Entity("ada", "person", "Ada"), _event("summit", "Summit", "2024-02-10"), Entity("x", "place", "X")]
    assert figure_disputes(entities) == []


# ---------------------------------------------------------------- dates


def test_two_events_of_one_name_dated_a_few_days_apart_are_one_date_dispute() -> None:
    later = _event("summit-b", "Harbor Summit", "2024-03-06", None, "b1")
    earlier = _event("summit-a", "Harbor Summit", "2024-03-04", None, "a1")
    (dispute,) = date_disputes([later, earlier])
    assert dispute.name == "Harbor Summit"
    assert [e.id for e in dispute.events] == ["summit-a", "summit-b"]  # in date order


def test_events_a_week_apart_may_be_one_event_but_not_eight_days_apart() -> None:
    assert SAME_EVENT_DAYS == 7
    week = [_event("a", "Summit", "2024-03-01", None, "a1"), _event("b", "Summit", "2024-03-08", None, "b1")]
    assert _shown(date_disputes(week)) == [("Summit", ["a", "b"])]
    eight = [_event("a", "Summit", "2024-03-01", None, "a1"), _event("b", "Summit", "2024-03-09", None, "b1")]
    assert date_disputes(eight) == []


def test_events_of_one_day_or_overlapping_spans_are_no_dispute() -> None:
    same_day = [_event("a", "Summit", "2024-03-04", None, "a1"), _event("b", "Summit", "2024-03-04", None, "b1")]
    assert date_disputes(same_day) == []
    overlap = [
        _event("a", "Summit", "2024-03-04", "2024-03-06", "a1"),
        _event("b", "Summit", "2024-03-06", None, "b1"),
    ]
    assert date_disputes(overlap) == []
    touching = [
        _event("a", "Summit", "2024-03-04", "2024-03-05", "a1"),
        _event("b", "Summit", "2024-03-06", None, "b1"),
    ]
    assert _shown(date_disputes(touching)) == [("Summit", ["a", "b"])]


def test_only_events_dated_to_a_short_span_are_compared() -> None:
    two_days = _event("a", "Summit", "2024-03-01", "2024-03-03", "a1")
    three_days = _event("a", "Summit", "2024-03-01", "2024-03-04", "a1")
    other = _event("b", "Summit", "2024-03-06", None, "b1")
    assert _shown(date_disputes([two_days, other])) == [("Summit", ["a", "b"])]
    assert date_disputes([three_days, other]) == []


def test_an_article_that_gives_both_dates_is_not_a_disagreement() -> None:
    events = [_event("a", "Summit", "2024-03-04", None, "a1"), _event("b", "Summit", "2024-03-05", None, "b1", "a1")]
    assert date_disputes(events) == []


def test_undated_events_are_never_in_a_date_dispute() -> None:
    events = [_event("a", "Summit", "2024-03-04", None, "a1"), _event("b", "Summit", None, None, "b1")]
    assert date_disputes(events) == []


def test_events_of_different_names_are_not_compared() -> None:
    events = [
        _event("a", "Harbor Summit", "2024-03-04", None, "a1"),
        _event("b", "Harbor talks", "2024-03-05", None, "b1"),
    ]
    assert date_disputes(events) == []


def test_names_meet_whatever_their_case_and_the_month_that_tells_them_apart_is_dropped() -> None:
    events = [
        _event("a", "Harbor Summit (March 2024)", "2024-03-04", None, "a1"),
        _event("b", "harbor summit", "2024-03-05", None, "b1"),
        _event("c", "U.S.-Ukraine summit", "2024-04-01", None, "a1"),
        _event("d", "Ukraine-US Summit", "2024-04-03", None, "b1"),
    ]
    assert _shown(date_disputes(events)) == [
        ("Harbor Summit", ["a", "b"]),
        ("U.S.-Ukraine summit", ["c", "d"]),
    ]


def test_date_disputes_are_ordered_by_their_first_date() -> None:
    events = [
        _event("v2", "Vote", "2024-05-02", None, "b1"),
        _event("s1", "Summit", "2024-03-04", None, "a1"),
        _event("v1", "Vote", "2024-05-01", None, "a1"),
        _event("s2", "Summit", "2024-03-05", None, "b1"),
    ]
    assert _shown(date_disputes(events)) == [("Summit", ["s1", "s2"]), ("Vote", ["v1", "v2"])]


def test_one_name_can_hold_two_separate_disputes_months_apart() -> None:
    events = [
        _event("m1", "Summit", "2024-03-04", None, "a1"),
        _event("m2", "Summit", "2024-03-05", None, "b1"),
        _event("j1", "Summit", "2024-06-10", None, "a1"),
        _event("j2", "Summit", "2024-06-12", None, "b1"),
    ]
    assert _shown(date_disputes(events)) == [("Summit", ["m1", "m2"]), ("Summit", ["j1", "j2"])]


def test_weekly_meetings_of_one_name_are_not_one_event_dated_three_ways() -> None:
    first = _event("m1", "Cabinet meeting", "2024-03-01", None, "a1")
    second = _event("m2", "Cabinet meeting", "2024-03-08", None, "b1")
    third = _event("m3", "Cabinet meeting", "2024-03-15", None, "c1")
    # every date of a dispute starts within a week of the others: the third is a week after the second only
    assert _shown(date_disputes([first, second, third])) == [("Cabinet meeting", ["m1", "m2"])]
    close = _event("m4", "Cabinet meeting", "2024-03-05", None, "d1")
    assert _shown(date_disputes([first, close, second])) == [("Cabinet meeting", ["m1", "m4", "m2"])]


# ---------------------------------------------------------------- the sentences behind them


def test_each_figure_comes_with_the_sentences_that_give_that_amount_oldest_first() -> None:
    a1, x1 = make("a1", ["Leaders met.", "They pledged $60 billion in aid."], [], date="2024-03-02")
    b1, y1 = make("b1", ["The $61bn package stalled.", "The $61bn package is big."], [], date="2024-03-01")
    c1, z1 = make("c1", ["A $60bn package was agreed."], [], date="2024-03-03")
    articles, extractions = {"a1": a1, "b1": b1, "c1": c1}, {"a1": x1, "b1": y1, "c1": z1}

    def mention(article: str, sentence: int, text: str) -> EntityMention:
        start = articles[article].body.index(text)
        return EntityMention(article, sentence, start, start + len(text), text)

    sixty, sixty_one = Figure(60e9, "USD", "$60 billion", ["a1", "c1"]), Figure(61e9, "USD", "$61 billion", ["b1"])
    package = Entity(
        "aid",
        "aid_package",
        "$60 billion aid",
        mentions=[mention("a1", 1, "$60 billion"), mention("b1", 0, "$61bn"), mention("c1", 0, "$60bn")],
        aid=AidInfo(sixty, [sixty, sixty_one], donor="usa"),
    )
    reported = figure_sources(package, articles, extractions)
    assert [(f.text, [(s.article.id, s.sentence, s.text) for s in sources]) for f, sources in reported] == [
        ("$60 billion", [("a1", 1, "They pledged $60 billion in aid."), ("c1", 0, "A $60bn package was agreed.")]),
        ("$61 billion", [("b1", 0, "The $61bn package stalled.")]),
    ]
    assert [s.article.id for s in sentences_of(package, articles, extractions)] == ["b1", "a1", "c1"]  # by date
