"""Tests of generator.resolve.dating: publication dates inferred from an article's text and from shared quotes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from generator.models import Article, ArticleExtraction
from generator.resolve.dating import from_text, infer_from_shared, infer_from_text
from tests.builders import make


def article(article_id: str, sentences: list[str], when: str | None = None) -> tuple[Article, ArticleExtraction]:
    """An article of ``sentences`` (joined by spaces) and an extraction holding just those sentences."""
    return make(article_id, sentences, [], when)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # the year comes from the future meeting; the latest past date is the strikes' last day
        (
            ["Strikes hit the grid on November 27-28.", "The meeting on December 3-4, 2024 will decide."],
            date(2024, 11, 28),
        ),
        (["Leaders met on July 9, 2024.", "They met again on July 11, 2024."], date(2024, 7, 11)),
        (["The summit took place on July 12, 2023.", "Leaders met again on July 14."], date(2023, 7, 14)),
        # a weekday is no evidence of the publication date
        (["The summit took place on July 12, 2023.", "On Wednesday leaders met."], date(2023, 7, 12)),
        (["It happened on Monday, July 8, 2024.", "Officials counted the damage."], date(2024, 7, 8)),
    ],
)
def test_from_text_latest_past_day(sentences: list[str], expected: date) -> None:
    assert from_text(*article("a1", sentences)) == expected


@pytest.mark.parametrize(
    "sentences",
    [
        # no date with a year: nothing to anchor "November 27-28" to
        ["Strikes hit the grid on November 27-28.", "Officials counted the damage."],
        # only a month
        ["Talks were held in November 2023."],
        # only a future date
        ["The talks on March 3, 2024 will decide."],
        ["No dates here at all."],
    ],
)
def test_from_text_without_past_day_with_year(sentences: list[str]) -> None:
    assert from_text(*article("a1", sentences)) is None


def test_from_text_without_sentences_reads_whole_body() -> None:
    art = Article(id="a1", path="a1.txt", title="a1", body="Missiles struck Kyiv on June 25, 2024.")
    assert from_text(art, ArticleExtraction((), ())) == date(2024, 6, 25)


def test_from_text_past_date_in_may() -> None:
    sentences = ["Missiles struck Kyiv on May 25, 2024.", "Officials counted the damage."]
    assert from_text(*article("a1", sentences)) == date(2024, 5, 25)


def test_infer_from_text_dates_undated_and_leaves_dated_alone() -> None:
    sentences = ["Strikes hit the grid on November 27-28.", "The meeting on December 3-4, 2024 will decide."]
    undated, e1 = article("undated", sentences)
    dated, e2 = article("dated", sentences, when="2024-11-29")
    dated = replace(dated, date_source="metadata")
    nothing, e3 = article("nothing", ["No dates here at all."])
    out = infer_from_text([undated, dated, nothing], {"undated": e1, "dated": e2, "nothing": e3})
    assert [a.id for a in out] == ["undated", "dated", "nothing"]
    assert (out[0].date, out[0].date_source) == ("2024-11-28", "inferred")
    assert out[1] is dated
    assert (out[1].date, out[1].date_source) == ("2024-11-29", "metadata")
    assert out[2] is nothing
    assert out[2].date is None and out[2].date_source is None


def test_infer_from_text_skips_article_without_extraction() -> None:
    undated, _ = article("undated", ["Leaders met on July 9, 2024."])
    assert infer_from_text([undated], {}) == [undated]


def test_infer_from_shared_takes_earliest_shared_date() -> None:
    a = Article(id="a", path="a.txt", title="a", body="", date="2023-11-30", date_source="metadata")
    b = Article(id="b", path="b.txt", title="b", body="", date="2023-11-29", date_source="metadata")
    c = Article(id="c", path="c.txt", title="c", body="")  # shares quotes with a and b
    d = Article(id="d", path="d.txt", title="d", body="")  # shares with nobody
    e = Article(id="e", path="e.txt", title="e", body="")  # shares only with another undated article
    shared = {"a": {"c"}, "b": {"c"}, "c": {"a", "b"}, "e": {"d"}, "d": {"e"}}
    out = infer_from_shared([a, b, c, d, e], shared)
    assert [x.id for x in out] == ["a", "b", "c", "d", "e"]
    assert (out[2].date, out[2].date_source) == ("2023-11-29", "inferred")
    assert out[0] is a and out[1] is b
    assert out[3].date is None and out[3].date_source is None
    assert out[4].date is None and out[4].date_source is None
