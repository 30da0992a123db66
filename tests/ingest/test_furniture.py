"""Tests of generator.ingest.furniture: page furniture out, article text kept."""

from __future__ import annotations

import pytest

from generator.ingest import furniture

BODY = "The council of Portvale voted on Tuesday to approve a new ferry line to the islands."


@pytest.mark.parametrize(
    "line",
    [
        "ABCD 45.31 Increased By ▲ 0.51 (1.14%)",
        "XYZW 1,204.10 Decreased By ▼ 3.20 (-0.26%)",
        "Advertisement • Scroll to continue.",
        "Advertisement",
        "  Scroll to continue  ",
        "See related video:",
        "Watch the related videos",
        "Share this article",
        "Share on Facebook",
        "Share:",
        "Follow us on Twitter",
        "Click here to subscribe",
        "Copyright © 2021 Portvale Post",
        "All rights reserved.",
        "Print | Email | Comments",
        "Photo: Lena Marsh",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert furniture.is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        BODY,
        "Shares in the ferry company rose on Monday.",
        "Advertising revenue fell sharply, the mayor said.",
        "Related parties met in Portvale to discuss the timetable.",
        "The share of islanders using the port grew.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not furniture.is_furniture_line(line)


def test_sentence_with_percentage_change_is_kept() -> None:
    assert not furniture.is_furniture_line("Ferry fares increased by 4.5% last year, the harbor office said.")


def test_paragraph_starting_with_copyright_is_kept() -> None:
    assert not furniture.is_furniture_line("Copyright disputes over the ferry logo went to court in May.")


def test_masthead_brand_and_slogan_removed() -> None:
    lines = ["", "NewsToday", "Your Window On The Islands", "", "Harbor Council Approves Ferry Route", BODY]
    kept, removed = furniture.strip_masthead(lines)
    assert removed == ["NewsToday", "Your Window On The Islands"]
    assert kept == ["", "", "Harbor Council Approves Ferry Route", BODY]


def test_masthead_domain_without_slogan() -> None:
    lines = ["portvalepost.com", "Harbor council approves the ferry route after a long debate", BODY]
    kept, removed = furniture.strip_masthead(lines)
    assert removed == ["portvalepost.com"]
    assert kept == lines[1:]


@pytest.mark.parametrize("first", ["Harbor Council Approves Ferry Route", "Reuters", "Portvale Post"])
def test_no_masthead_when_first_line_is_not_a_brand(first: str) -> None:
    lines = [first, "Short Title Case Line", BODY]
    assert furniture.strip_masthead(lines) == (lines, [])


def test_section_tags_before_first_paragraph_removed() -> None:
    paragraphs = ["Europe World", BODY, "Timetable And Fares", "Tickets will cost four crowns a trip, officials said."]
    kept, removed = furniture.strip_section_tags(paragraphs)
    assert removed == ["Europe World"]
    assert kept == paragraphs[1:]


@pytest.mark.parametrize(
    "header", ["What the mayor said", "Ferry, Harbor", "Mayor\u2019s Office", "Five Big Island Ferries Sail"]
)
def test_header_lines_that_are_not_tags_are_kept(header: str) -> None:
    paragraphs = [header, BODY]
    assert furniture.strip_section_tags(paragraphs) == (paragraphs, [])


def test_repeated_standfirst_dropped_once() -> None:
    standfirst = "Ferry service to the northern islands will start in the spring."
    later = f"{standfirst} The council of Portvale approved the line on Tuesday."
    paragraphs = [standfirst, later, "Tickets will cost four crowns."]
    kept, removed = furniture.drop_repeated_standfirst(paragraphs)
    assert removed == [standfirst]
    assert kept == paragraphs[1:]
    assert sum(standfirst in p for p in kept) == 1


def test_standfirst_match_ignores_quote_style_and_spacing() -> None:
    standfirst = "The mayor\u2019s \u201cferry plan\u201d will start in the spring."
    later = 'The mayor\'s  "ferry plan" will start in the spring. Tickets will cost four crowns.'
    kept, removed = furniture.drop_repeated_standfirst([standfirst, later])
    assert removed == [standfirst]
    assert kept == [later]


def test_short_or_identical_paragraphs_not_dropped() -> None:
    paragraphs = ["Ferry starts soon.", "Ferry starts soon. Tickets cost four crowns.", BODY, BODY]
    assert furniture.drop_repeated_standfirst(paragraphs) == (paragraphs, [])
