"""Tests of generator.ingest.metadata on invented plain-text articles."""

from __future__ import annotations

import pytest

from generator.ingest.metadata import Detected, date_from_file_name, derive_title, detect, is_headline, parse_date

HEADLINE = "Harbor Council Approves New Ferry Route"
P1 = "The council of Portvale voted on Tuesday to approve a ferry line to the northern islands."
P2 = "Tickets will cost four crowns, and the first boat leaves at dawn, officials said."


def run(*lines: str, find_title: bool = True) -> tuple[list[str], Detected]:
    return detect(list(lines), find_title=find_title)


def test_headline_on_first_line() -> None:
    kept, found = run(HEADLINE, "", P1, P2)
    assert found.title == HEADLINE
    assert not found.title_derived
    assert kept == ["", P1, P2]


def test_title_derived_when_first_line_is_a_long_paragraph() -> None:
    long = (
        "The council of Portvale voted late on Tuesday to approve a new ferry line linking the old harbor "
        "with the northern islands after a debate. Work starts soon."
    )
    kept, found = run(long, P2)
    assert found.title_derived
    assert found.title == "The council of Portvale voted late on Tuesday to approve a new…"
    assert kept == [long, P2]


def test_known_title_keeps_first_line_as_body() -> None:
    kept, found = run(HEADLINE, P1, find_title=False)
    assert found.title is None
    assert kept == [HEADLINE, P1]


def test_publication_line() -> None:
    kept, found = run(HEADLINE, "Reuters Published 12 Mar, 2021 10:02am", P1)
    assert (found.date, found.date_source, found.outlet) == ("2021-03-12", "metadata", "Reuters")
    assert kept == [P1]
    assert found.removed == ["Reuters Published 12 Mar, 2021 10:02am"]


def test_byline_gives_author_and_is_removed() -> None:
    kept, found = run(HEADLINE, "By Jane Roe", P1, P2)
    assert found.author == "Jane Roe"
    assert found.outlet is None
    assert "By Jane Roe" not in kept and kept == [P1, P2]


def test_byline_with_outlet() -> None:
    _, found = run(HEADLINE, "By Jane Roe and Ola de Vries, Portvale Post", P1)
    assert (found.author, found.outlet) == ("Jane Roe and Ola de Vries", "Portvale Post")


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    line = "By noon, the crowd had left the square."
    kept, found = run(HEADLINE, line, P1)
    assert found.author is None
    assert line in kept


def test_sentence_with_published_is_not_a_publication_line() -> None:
    line = "The study was published on 4 May 2020."
    kept, found = run(HEADLINE, P1, line)
    assert (found.outlet, found.date) == (None, None)
    assert line in kept


@pytest.mark.parametrize("line", ["Source: example.com", "Via: example.com.", "Courtesy of: example.com"])
def test_source_line_gives_outlet(line: str) -> None:
    kept, found = run(HEADLINE, P1, line)
    assert found.outlet == "example.com"
    assert kept == [P1]


def test_dateline_wire_gives_outlet() -> None:
    dateline = "PARIS (Wirename) - The council voted on Tuesday to approve a new ferry line."
    kept, found = run(HEADLINE, dateline, P2)
    assert found.outlet == "Wirename"
    assert kept == [dateline, P2]


def test_reports_via_gives_outlet() -> None:
    para = "The council approved a new ferry line on Tuesday, Example.Org reports via local media."
    _, found = run(HEADLINE, para, P2)
    assert found.outlet == "Example.Org"


@pytest.mark.parametrize("opening", ["By reports", "According to reports", "Early reports", "Media reports"])
def test_reports_that_name_no_one_give_no_outlet(opening: str) -> None:
    _, found = run(HEADLINE, f"The vote was held on Tuesday. {opening}, the mayor won.", P2)
    assert found.outlet is None


def test_no_outlet_in_plain_text() -> None:
    _, found = run(HEADLINE, P1, "The council reports a deficit of four crowns.")
    assert found.outlet is None


def test_a_date_in_the_body_is_not_the_publication_date() -> None:
    """A date the article reports (a vote, a birth in an obituary) says nothing of when it was written."""
    for para in (
        "On March 3, 2022, the council voted to approve a new ferry line.",
        "Born on December 11, 1935, in Portvale, she led the harbor board for thirty years.",
    ):
        _, found = run(HEADLINE, P1, para)
        assert (found.date, found.date_source) == (None, None)
    _, found = run(HEADLINE, "On March 3, 2022, the council voted to approve a new ferry line.", P1)
    assert found.date is None


@pytest.mark.parametrize(
    "opening",
    [
        "PORTVALE, March 3, 2022 — The council voted to approve a new ferry line.",
        "March 3, 2022 - The council voted to approve a new ferry line.",
        "Portvale, 3 March 2022: The council voted to approve a new ferry line.",
        "PORTVALE, March 3, 2022 (Reuters) - The council voted to approve a new ferry line.",
    ],
)
def test_a_dateline_opening_the_text_dates_it(opening: str) -> None:
    _, found = run(HEADLINE, opening, P1)
    assert (found.date, found.date_source) == ("2022-03-03", "metadata")


def test_metadata_date_wins_over_a_dateline() -> None:
    _, found = run(HEADLINE, "Published 12 Mar, 2021", "March 3, 2022 - The council voted.", P1)
    assert (found.date, found.date_source, found.outlet) == ("2021-03-12", "metadata", None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2020-03-11-Joe_Biden_wins.txt", "2020-03-11"),
        ("2020-03-11_title.md", "2020-03-11"),
        ("2020-03-11.txt", "2020-03-11"),
        ("2020-02-30-impossible.txt", None),
        ("20200311-title.txt", None),
        ("title-2020-03-11.txt", None),
        ("9999-01-01-far.txt", None),
    ],
)
def test_date_from_file_name(name: str, expected: str | None) -> None:
    assert date_from_file_name(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar, 2021 10:02am", "2021-03-12"),
        ("2021-03-12T10:02:00Z", "2021-03-12"),
        ("March 2021", "2021-03-01"),
        ("March 12", None),
        ("3 hours ago", None),
        ("Feb 30, 2021", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_is_headline_and_derive_title() -> None:
    assert is_headline(HEADLINE)
    assert not is_headline("Portvale")
    assert not is_headline("The ferry starts soon. Tickets cost four crowns.")
    assert derive_title("Ferry starts soon. Tickets cost four crowns.") == "Ferry starts soon"


@pytest.mark.parametrize(
    "headline",
    [
        "U.S. Senate passes the ferry bill",
        "Mathematician Richard K. Guy dies aged 103",
        "Supreme Court rules in Kelly v. United States",
        "Dr. Jane Roe wins the harbor prize",
        "Protest in Washington, D.C. draws thousands",
        "Wikinews interviews Jo Jorgensen, U.S. Libertarian Party nominee",
    ],
)
def test_a_headline_is_not_cut_at_an_abbreviation_or_an_initial(headline: str) -> None:
    _, found = detect([headline, "", "The body opens here. It goes on."])
    assert found.title == headline
    assert derive_title(f"{headline} today. The body goes on.") == f"{headline} today"


def test_a_short_headline_of_two_sentences_is_one_headline() -> None:
    _, found = detect(["Ferry sinks. Crew rescued", "", "The body opens here. It goes on."])
    assert found.title == "Ferry sinks. Crew rescued"
