"""Tests of generator.lexicons.dates: date expressions in news text, resolved against the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from generator.lexicons.dates import DateSpan, find_dates, parse_iso

THURSDAY = date(2023, 11, 30)  # the anchor of most tests: Thursday 30 November 2023


def only(text: str, anchor: date | None = THURSDAY) -> DateSpan:
    """The single date expression in ``text``."""
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0]


def days(text: str, anchor: date | None = THURSDAY) -> tuple[str, str]:
    return only(text, anchor).iso


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("They met on Wednesday.", ("2023-11-29", "2023-11-29"), "day"),
        ("On Tuesday, the minister arrived.", ("2023-11-28", "2023-11-28"), "day"),
        ("on Thursday", ("2023-11-30", "2023-11-30"), "day"),
        ("last Thursday", ("2023-11-23", "2023-11-23"), "day"),
        ("next Thursday", ("2023-12-07", "2023-12-07"), "day"),
        ("The ministers will meet on Wednesday.", ("2023-12-06", "2023-12-06"), "day"),
        ("The talks ended yesterday.", ("2023-11-29", "2023-11-29"), "day"),
        ("today", ("2023-11-30", "2023-11-30"), "day"),
        ("tomorrow", ("2023-12-01", "2023-12-01"), "day"),
        ("It happened last week.", ("2023-11-20", "2023-11-26"), "week"),
        ("It happens next week.", ("2023-12-04", "2023-12-10"), "week"),
        ("earlier this week", ("2023-11-27", "2023-11-30"), "week"),
        ("last month", ("2023-10-01", "2023-10-31"), "month"),
        ("next year", ("2024-01-01", "2024-12-31"), "year"),
        ("this summer", ("2023-06-01", "2023-08-31"), "season"),
        ("this winter", ("2023-12-01", "2024-02-29"), "season"),
    ],
)
def test_relative_expressions_resolve_against_anchor(text: str, expected: tuple[str, str], precision: str) -> None:
    span = only(text)
    assert span.iso == expected
    assert span.precision == precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in early July", ("2023-07-01", "2023-07-10")),
        ("in mid-July", ("2023-07-11", "2023-07-20")),
        ("in late July", ("2023-07-21", "2023-07-31")),
    ],
)
def test_part_of_month(text: str, expected: tuple[str, str]) -> None:
    span = only(text)
    assert span.iso == expected
    assert span.precision == "month"


def test_late_month_text_and_offsets_exclude_preposition() -> None:
    span = only("in late July")
    assert (span.text, span.offset, span.end_offset) == ("late July", 3, 12)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # no year: the one nearest to the anchor
        ("July 12", THURSDAY, ("2023-07-12", "2023-07-12")),
        ("December 3", date(2024, 11, 28), ("2024-12-03", "2024-12-03")),
        ("November 27-28", date(2024, 11, 28), ("2024-11-27", "2024-11-28")),
        ("Dec. 31 to Jan. 2", THURSDAY, ("2023-12-31", "2024-01-02")),
        # with a year
        ("July 9 to 11, 2024", THURSDAY, ("2024-07-09", "2024-07-11")),
        ("December 3-4, 2024", THURSDAY, ("2024-12-03", "2024-12-04")),
        ("July 30 to August 2, 2024", THURSDAY, ("2024-07-30", "2024-08-02")),
        ("29 November 2023", THURSDAY, ("2023-11-29", "2023-11-29")),
        ("9 to 11 July 2024", THURSDAY, ("2024-07-09", "2024-07-11")),
        ("Nov. 29, 2023", THURSDAY, ("2023-11-29", "2023-11-29")),
        ("Sept. 5, 2022", THURSDAY, ("2022-09-05", "2022-09-05")),
    ],
)
def test_calendar_dates(text: str, anchor: date, expected: tuple[str, str]) -> None:
    span = only(text, anchor)
    assert span.iso == expected
    assert span.precision == "day"
    assert span.text == text


def test_month_with_year() -> None:
    span = only("Russia invaded in February 2022.")
    assert span.iso == ("2022-02-01", "2022-02-28")
    assert span.precision == "month"
    assert span.text == "in February 2022"


@pytest.mark.parametrize("text", ["It may rain tomorrow evening.", "May I ask a question?", "Theresa May spoke."])
def test_may_as_a_word_is_not_a_month(text: str) -> None:
    assert [d for d in find_dates(text, THURSDAY) if "May" in d.text] == []


def test_in_may_is_a_month() -> None:
    span = only("Elections are held in May.")
    assert span.text == "in May"
    assert span.precision == "month"
    # May 2024 is nearer to 30 November 2023 than May 2023
    assert span.iso == ("2024-05-01", "2024-05-31")


def test_modal_and_month_in_one_sentence() -> None:
    assert [d.text for d in find_dates("It may rain in May.", THURSDAY)] == ["in May"]


@pytest.mark.parametrize(
    "text",
    ["They met on Wednesday.", "The talks ended yesterday.", "next year", "this summer", "July 12", "in late July"],
)
def test_without_anchor_expressions_without_year_give_nothing(text: str) -> None:
    assert find_dates(text, None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 29, 2023", ("2023-11-29", "2023-11-29")),
        ("in February 2022", ("2022-02-01", "2022-02-28")),
        ("since 2022", ("2022-01-01", "2022-12-31")),
    ],
)
def test_without_anchor_expressions_with_year_resolve(text: str, expected: tuple[str, str]) -> None:
    assert days(text, None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Congress approved $60 billion in aid.",
        "The front moved 5 km in a day.",
        "Inflation rose 12% in 2 of 3 regions.",
        "About 30 soldiers and 14 tanks.",
    ],
)
def test_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text, THURSDAY) == []


def test_overlapping_matches_keep_most_specific() -> None:
    found = find_dates("The summit runs July 9 to 11, 2024 in Washington.", THURSDAY)
    assert [(d.text, d.iso, d.precision) for d in found] == [
        ("July 9 to 11, 2024", ("2024-07-09", "2024-07-11"), "day")
    ]


def test_several_dates_sorted_by_offset_with_offsets() -> None:
    text = "Strikes hit on November 27-28; ministers meet next week and again on December 3-4, 2024."
    found = find_dates(text, date(2024, 11, 28))
    assert [d.text for d in found] == ["November 27-28", "next week", "December 3-4, 2024"]
    assert [text[d.offset : d.end_offset] for d in found] == [d.text for d in found]
    assert found[1].iso == ("2024-12-02", "2024-12-08")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-30", date(2023, 11, 30)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2023-02-29", None),
        ("30/11/2023", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_iso(value: str | None, expected: date | None) -> None:
    assert parse_iso(value) == expected


@pytest.mark.parametrize(
    "text",
    ["Tomorrow, a Tuesday, is busy.", "The shop shuts every Friday.", "They met on Tuesdays.", "Super Tuesday votes."],
)
def test_a_weekday_that_is_no_one_day_is_no_date(text: str) -> None:
    assert [d.text for d in find_dates(text, THURSDAY) if "day" in d.text and d.text != "Tomorrow"] == []
