"""Deaths, arrests and resignations told with a verb: events of one person, dated to the day."""

from __future__ import annotations

from tests.resolve.facts.test_events import events


def _summary(docs: list) -> list[tuple[str, str | None, list[str]]]:
    return [(e.name, e.event.date_start, sorted({m.article for m in e.mentions})) for e in events(*docs)]


def test_a_death_is_dated_by_its_sentence_and_joins_across_articles() -> None:
    a = ("a1", "2020-02-27", ["Hosni Tallowmere died on Tuesday in Cairo."], [(0, "Hosni Tallowmere", "PERSON")])
    b = ("b1", "2020-02-26", ["Hosni Tallowmere died on February 25, aged 91."], [(0, "Hosni Tallowmere", "PERSON")])
    assert _summary([a, b]) == [("Death of Hosni Tallowmere", "2020-02-25", ["a1", "b1"])]


def test_an_arrest_either_way_round_and_a_resignation() -> None:
    doc = (
        "a1",
        "2020-05-25",
        ["Nika Kelmscott was arrested on Friday.", "On Sunday, Ada Marlow resigned."],
        [(0, "Nika Kelmscott", "PERSON"), (1, "Ada Marlow", "PERSON")],
    )
    other = ("b1", "2020-06-23", ["Police arrested Khairi Blankmoor on Saturday."], [(0, "Khairi Blankmoor", "PERSON")])
    assert _summary([doc, other]) == [
        ("Arrest of Khairi Blankmoor", "2020-06-20", ["b1"]),
        ("Arrest of Nika Kelmscott", "2020-05-22", ["a1"]),
        ("Resignation of Ada Marlow", "2020-05-24", ["a1"]),
    ]


def test_no_event_without_a_day_a_named_subject_or_a_dated_article() -> None:
    docs = [
        ("a1", "2020-02-27", ["Hosni Tallowmere died last year."], [(0, "Hosni Tallowmere", "PERSON")]),
        ("b1", "2020-02-27", ["The son of Ada Marlow died on Tuesday."], [(0, "Ada Marlow", "PERSON")]),
        ("c1", None, ["Nika Kelmscott died on Tuesday."], [(0, "Nika Kelmscott", "PERSON")]),
        (
            "d1",
            "2021-01-05",
            ["Ada Marlow, to be judge, vice Nika Kelmscott, resigned on 1 May 2020."],
            [(0, "Ada Marlow", "PERSON"), (0, "Nika Kelmscott", "PERSON")],
        ),
    ]
    assert _summary(docs) == []


def test_two_people_dying_the_same_day_are_two_events() -> None:
    doc = (
        "a1",
        "2020-06-10",
        ["Ada Marlow died on Monday.", "Nika Kelmscott died on Monday too."],
        [(0, "Ada Marlow", "PERSON"), (1, "Nika Kelmscott", "PERSON")],
    )
    assert [name for name, _, _ in _summary([doc])] == ["Death of Ada Marlow", "Death of Nika Kelmscott"]


def test_a_birth_a_stay_in_hospital_a_cremation_and_a_funeral() -> None:
    doc = (
        "a1",
        "2020-09-03",
        [
            "Pran Kelmscott was born on December 11, 1935 in Mirati.",
            "Kelmscott was hospitalized on August 10 after a fall.",
            "Kelmscott was cremated on Tuesday.",
            "A military funeral was held for Hosni Tallowmere on Wednesday.",
        ],
        [(0, "Pran Kelmscott", "PERSON"), (1, "Kelmscott", "PERSON"), (2, "Kelmscott", "PERSON"),
         (3, "Hosni Tallowmere", "PERSON")],
    )  # fmt: skip
    assert sorted((name, when) for name, when, _ in _summary([doc])) == [
        ("Birth of Pran Kelmscott", "1935-12-11"),
        ("Cremation of Kelmscott", "2020-09-01"),
        ("Funeral of Hosni Tallowmere", "2020-09-02"),
        ("Hospitalization of Kelmscott", "2020-08-10"),
    ]


def test_a_person_who_tells_of_an_arrest_is_not_the_one_arrested() -> None:
    doc = (
        "a1",
        "2020-07-12",
        ["Police director Vladimir Rebwick said at least 71 people were arrested Friday night."],
        [(0, "Vladimir Rebwick", "PERSON")],
    )
    assert _summary([doc]) == []


def test_an_opening_born_is_the_birth_of_the_main_clauses_subject() -> None:
    doc = (
        "a1",
        "2020-09-03",
        [
            "Born on December 11, 1935, in Mirati, Pran Kelmscott began his career in Bengal.",
            "Born in 1940, Ada Marlow studied law.",  # a year is no day
            "Born on March 3, 1950 to Ada Marlow, the boy grew up in Mirati.",  # the mother is not born
        ],
        [(0, "Mirati", "GPE"), (0, "Pran Kelmscott", "PERSON"), (0, "Bengal", "GPE"), (1, "Ada Marlow", "PERSON"),
         (2, "Ada Marlow", "PERSON"), (2, "Mirati", "GPE")],
    )  # fmt: skip
    assert _summary([doc]) == [("Birth of Pran Kelmscott", "1935-12-11", ["a1"])]
