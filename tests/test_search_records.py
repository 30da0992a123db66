"""Search records: written a line each, read back, and given to Pagefind as documents of their own."""

from __future__ import annotations

import pytest

from generator import search_records
from generator.search_records import Record, Records


def test_records_are_written_a_line_each_and_read_back() -> None:
    records = Records()
    person = Record(
        "people/ada/", "Person", "Ada <b>Lark</b>", "Mayor of Portvale", "Mayor of Portvale", "Ada Lark", "A Lark", 5.6
    )
    records.add(person)
    records.add(Record("articles/a/", "Article", "Ferry plan", "AFP, 2024-03-01", "AFP 2024-03-01"))
    [(path, text)] = list(records.dumps())
    assert path == search_records.FILE and text.count("\n") == 2
    assert search_records.read(text) == records.records


def test_a_line_that_is_no_record_names_its_number() -> None:
    with pytest.raises(ValueError, match="line 2: not a search record"):
        search_records.read('{"url":"a/","type":"Topic","title":"T","summary":"","words":""}\n{"url":"b/"}\n')


def test_a_document_escapes_the_text_and_carries_pagefinds_attributes() -> None:
    doc = search_records.document(
        Record("people/ada/", "Person", 'Ada "<script>"', "One & two", "Mayor", "Ada", "A Lark, Lark", 5.6)
    )
    assert "<script>" not in doc and "&lt;script&gt;" in doc
    assert '<h1 data-pagefind-meta="name:Ada" data-pagefind-weight="5.6">' in doc
    assert '<div hidden data-pagefind-meta="type:Person"></div>' in doc
    assert '<div hidden data-pagefind-meta="summary">One &amp; two</div>' in doc
    assert '<p data-pagefind-meta="aliases:A Lark, Lark">' in doc
    plain = search_records.document(Record("topics/t/", "Topic", "Ferries", "2 articles", ""))
    assert "<h1>Ferries</h1>" in plain and "aliases" not in plain and "weight" not in plain
