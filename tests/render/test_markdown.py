"""Tests of generator.render.markdown: corpus text as inert Markdown and YAML, and dates as a reader says them."""

from __future__ import annotations

import pytest

from generator.render.markdown import date_span, md_escape, yaml_str


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ("[x](javascript:alert(1))", "[x]("),
        ("**bold** and `code`", "**"),
        ("![img](http://example.org/x.png)", "!["),
    ],
)
def test_md_escape_neutralizes_markup(text: str, forbidden: str) -> None:
    assert forbidden not in md_escape(text)


def test_md_escape_exact_forms() -> None:
    assert md_escape("<script>") == "&lt;script&gt;"
    assert md_escape("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Not a heading", "\\# Not a heading"),
        ("1. Not a list", "1\\. Not a list"),
        ("- Not a bullet", "\\- Not a bullet"),
        ("+ Not a bullet", "\\+ Not a bullet"),
        ("> Not a quote", "&gt; Not a quote"),
        ("plain words", "plain words"),
    ],
)
def test_md_escape_line_starts(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_md_escape_collapses_newlines_so_no_new_blocks() -> None:
    out = md_escape("first line\n\n# heading\n- item")
    assert "\n" not in out


def test_yaml_str_is_quoted_and_escaped() -> None:
    assert yaml_str('He said "hi" \\ bye') == '"He said \\"hi\\" \\\\ bye"'
    assert yaml_str("a\nb") == '"a b"'


# ---------------------------------------------------------------- a small knowledge base


def test_an_events_dates_read_as_a_reader_says_them() -> None:
    assert date_span("2020-06-20", "2020-06-20") == date_span("2020-06-20") == "2020-06-20"
    assert date_span("2020-01-01", "2020-12-31") == "2020"
    assert date_span("2020-02-01", "2020-02-29") == "2020-02"  # a leap year's February
    assert date_span("2020-06-20", "2020-06-23") == "2020-06-20 to 2020-06-23"
    assert date_span("2020-01-01", "2021-12-31") == "2020-01-01 to 2021-12-31"
    assert date_span(None) == "undated"
