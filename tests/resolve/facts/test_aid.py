"""Tests of generator.resolve.facts.aid: money figures in the context of aid become packages."""

from __future__ import annotations

import re

import pytest

from generator.models import Article, ArticleExtraction, Entity, EntityMention
from generator.resolve.facts.aid import find_aid, format_money, parse_money, status_of
from generator.slugs import SlugRegistry
from tests.builders import make


def entity(entity_id: str, type_: str, article: Article, extraction: ArticleExtraction, surface: str) -> Entity:
    """An entity with one mention of ``surface`` (the extraction's mention of that text)."""
    (m,) = [m for m in extraction.mentions if m.text == surface]
    return Entity(entity_id, type_, surface, mentions=[EntityMention(article.id, m.sentence, m.start, m.end, surface)])  # type: ignore[arg-type]


def aid_of(docs: list[tuple[Article, ArticleExtraction]], entities: list[Entity] | None = None) -> list[Entity]:
    return find_aid(entities or [], {a.id: a for a, _ in docs}, {a.id: e for a, e in docs}, SlugRegistry())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$60-billion", (60e9, "USD")),
        ("$61bn", (61e9, "USD")),
        ("€50 million", (50e6, "EUR")),
        ("1.5 billion dollars", (1.5e9, "USD")),
        ("£300m", (300e6, "GBP")),
        ("US$2.5 billion", (2.5e9, "USD")),
        ("C$40m", (40e6, "CAD")),
        ("$1,200", (1200.0, "USD")),
        ("a pledge of 3 million euros", (3e6, "EUR")),
        ("about 20 thousand to 50 thousand rupees", (20e3, "INR")),
        ("Rs.2000-Rs.2500", (2000.0, "INR")),
        ("₹500 crore", (5e9, "INR")),
        ("5 lakh rupees", (5e5, "INR")),
    ],
)
def test_parse_money(text: str, expected: tuple[float, str]) -> None:
    value, currency = parse_money(text) or (None, None)
    assert currency == expected[1]
    assert value == pytest.approx(expected[0])


@pytest.mark.parametrize("text", ["", "no money here", "60 billion", "in 2024"])
def test_parse_money_without_money(text: str) -> None:
    assert parse_money(text) is None


def test_format_money() -> None:
    assert format_money(20e9, "USD") == "$20 billion"
    assert format_money(1.5e9, "USD") == "$1.5 billion"
    assert format_money(1.25e9, "USD") == "$1.25 billion"
    assert format_money(50e6, "EUR") == "€50 million"
    assert format_money(1200, "UAH") == "UAH 1,200"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The package stalled in the Senate.", "stalled"),
        ("The president vetoed the bill.", "blocked"),
        ("Parliament approved the loan.", "approved"),
        ("The first tranche arrived in May.", "delivered"),
        ("The ministry proposed a grant.", "proposed"),
        ("The grant exists.", None),
    ],
)
def test_status_of(sentence: str, status: str | None) -> None:
    assert status_of(sentence) == status


def test_package_from_aid_context_with_status_and_amount() -> None:
    doc = make(
        "a1",
        ["Lawmakers said a $20bn aid package for Ukraine has stalled in the Senate."],
        [(0, "20bn", "MONEY"), (0, "Ukraine", "GPE")],
    )
    ukraine = entity("ukraine", "place", *doc, "Ukraine")
    (package,) = aid_of([doc], [ukraine])
    assert package.type == "aid_package"
    assert package.aid.status == "stalled"
    assert package.aid.amount is not None
    assert package.aid.amount.value == pytest.approx(20e9)
    assert package.aid.amount.currency == "USD"
    assert package.name == "$20 billion package for Ukraine"
    assert package.aid.recipient == "ukraine"
    # the mention is widened to take in the currency symbol before the NER span
    (m,) = package.mentions
    assert doc[0].body[m.start : m.end] == "$20bn" == m.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Reports said he owed on loans in excess of $300 million due in four years.",
        "The bank was fined $20bn over its loans to shell firms.",
        "He was freed on $50,000 bail after the loan fraud charge.",
    ],
)
def test_debts_fines_and_bail_are_no_aid_even_beside_a_loan(sentence: str) -> None:
    amount = re.search(r"\$[\d,]+(?:bn| million)?", sentence).group(0)[1:]  # type: ignore[union-attr]
    doc = make("a1", [sentence], [(0, amount, "MONEY")])
    assert aid_of([doc]) == []


def test_cumulative_total_is_kept_apart_from_packages() -> None:
    doc = make(
        "a1",
        ["Westland has provided more than $40bn in aid since 2022.", "A new $41bn aid package is stalled."],
        [(0, "more than $40bn", "MONEY"), (1, "$41bn", "MONEY")],
    )
    found = {p.name: p for p in aid_of([doc])}
    assert sorted(found) == ["$40 billion aid (cumulative)", "$41 billion package"]
    assert found["$40 billion aid (cumulative)"].aid.status == "cumulative"
    assert [f.value for f in found["$41 billion package"].aid.figures] == [41e9]


def test_outlets_disagreeing_on_a_figure_give_one_package_with_each_figure() -> None:
    docs = [
        make(
            "a1",
            ["Congress has stalled a new $60-billion package of aid."],
            [(0, "$60-billion", "MONEY")],
            "2023-11-29",
        ),
        make("a2", ["A $60bn aid package remains stalled in Congress."], [(0, "$60bn", "MONEY")], "2023-11-30"),
        make("a3", ["Some $61bn in proposed aid is being held up by Congress."], [(0, "$61bn", "MONEY")], "2023-12-02"),
        make("a4", ["Another $50bn package is stalled too."], [(0, "$50bn", "MONEY")], "2023-11-30"),
    ]
    packages = {p.name: p for p in aid_of(docs)}
    assert sorted(packages) == ["$50 billion package (November 2023)", "$60 billion package (November 2023)"]
    merged = packages["$60 billion package (November 2023)"]
    assert merged.aid.amount is not None and merged.aid.amount.value == 60e9  # the figure most sources give
    assert [(f.value, f.articles) for f in merged.aid.figures] == [(60e9, ["a1", "a2"]), (61e9, ["a3"])]
    assert merged.aid.status == "stalled"


def test_money_without_aid_words_is_not_a_package() -> None:
    doc = make(
        "a1",
        ["The shipping company reported revenue of $3bn last year."],
        [(0, "$3bn", "MONEY")],
    )
    assert aid_of([doc]) == []


def test_same_amount_in_two_articles_is_one_package() -> None:
    a = make("a1", ["A $61bn aid bill was proposed on Monday."], [(0, "$61bn", "MONEY")], "2024-02-05")
    b = make("b1", ["Critics attacked the $61 billion aid bill."], [(0, "$61 billion", "MONEY")], "2024-02-09")
    (package,) = aid_of([a, b])
    assert package.aid.amount is not None and package.aid.amount.articles == ["a1", "b1"]
    assert [m.article for m in package.mentions] == ["a1", "b1"]
    assert package.name == "$61 billion bill (February 2024)"
    assert package.aid.status == "proposed"


def test_two_close_figures_in_one_sentence_are_two_packages() -> None:
    doc = make(
        "a1",
        ["It includes an additional $1.25 billion drawdown package and a $1.22 billion assistance package."],
        [(0, "$1.25 billion", "MONEY"), (0, "$1.22 billion", "MONEY")],
    )
    assert sorted(p.name for p in aid_of([doc])) == ["$1.22 billion package", "$1.25 billion package"]


def test_same_amount_months_apart_naming_no_one_is_two_packages() -> None:
    a = make(
        "a1",
        ["The agency announced $100 million in funding for schools."],
        [(0, "$100 million", "MONEY")],
        "2021-03-01",
    )
    b = make("b1", ["A $100 million grant will repair bridges."], [(0, "$100 million", "MONEY")], "2022-09-14")
    c = make("c1", ["Another $100 million grant was announced."], [(0, "$100 million", "MONEY")])
    names = sorted(p.name for p in aid_of([a, b, c]))
    assert names == ["$100 million funding (March 2021)", "$100 million grant", "$100 million grant (September 2022)"]


def test_same_recipient_joins_reports_far_apart_in_time() -> None:
    a = make(
        "a1", ["Donors pledged $5bn in aid to Westland."], [(0, "$5bn", "MONEY"), (0, "Westland", "GPE")], "2023-01-10"
    )
    b = make(
        "b1", ["The $5bn aid for Westland was delivered."], [(0, "$5bn", "MONEY"), (0, "Westland", "GPE")], "2023-06-01"
    )
    westland = Entity(
        "westland",
        "place",
        "Westland",
        mentions=[EntityMention(d.id, m.sentence, m.start, m.end, m.text) for d, e in (a, b) for m in e.mentions[1:]],
    )
    (package,) = aid_of([a, b], [westland])
    assert package.name == "$5 billion aid for Westland"
    assert [f.articles for f in package.aid.figures] == [["a1", "b1"]]


def test_donor_from_place_before_aid_word() -> None:
    doc = make(
        "a1",
        ["Congress weighed $61bn in proposed U.S. aid to Ukraine."],
        [(0, "61bn", "MONEY"), (0, "U.S.", "GPE"), (0, "Ukraine", "GPE")],
    )
    us = entity("united-states", "place", *doc, "U.S.")
    ukraine = entity("ukraine", "place", *doc, "Ukraine")
    (package,) = aid_of([doc], [us, ukraine])
    assert package.aid.donor == "united-states"
    assert package.aid.recipient == "ukraine"


def test_donor_after_from() -> None:
    doc = make(
        "a1",
        ["Farmers received a €50 million grant from the Harbor Council."],
        [(0, "€50 million", "MONEY"), (0, "Harbor Council", "ORG")],
    )
    council = entity("harbor-council", "organization", *doc, "Harbor Council")
    (package,) = aid_of([doc], [council])
    assert package.aid.donor == "harbor-council"
    assert package.aid.amount is not None and package.aid.amount.currency == "EUR"


def test_non_money_mentions_are_ignored() -> None:
    doc = make("a1", ["The aid package was worth 20 percent more."], [(0, "20 percent", "PERCENT")])
    assert aid_of([doc]) == []


def test_money_the_model_did_not_tag_received_from_a_body_is_aid() -> None:
    doc = make(
        "a1",
        ["For example, they get about 20 thousand to 50 thousand rupees from the Women and Child ministry."],
        [(0, "20 thousand to 50 thousand", "CARDINAL"), (0, "Women and Child ministry", "ORG")],
    )
    ministry = entity("ministry", "organization", *doc, "Women and Child ministry")
    (package,) = aid_of([doc], [ministry])
    assert package.aid.amount is not None and (package.aid.amount.value, package.aid.amount.currency) == (20e3, "INR")
    assert package.aid.donor == "ministry"


def test_a_fine_in_another_clause_does_not_unmake_aid_and_a_weight_is_no_money() -> None:
    aid = make(
        "a1",
        ["Bloomberg pledged $100 million in aid to the state and offered to pay fines for former inmates."],
        [(0, "$100 million", "MONEY")],
    )
    weight = make(
        "b1", ["Airlines gave humanitarian aid: 40,000 pounds of relief cargo."], [(0, "40,000 pounds", "MONEY")]
    )
    assert [p.aid.amount.value for p in aid_of([aid, weight]) if p.aid.amount] == [100e6]
