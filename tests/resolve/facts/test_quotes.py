"""Tests of generator.resolve.facts.quotes: quote spans, speakers, and one quote per statement across articles."""

from __future__ import annotations

import re

import pytest

from generator.models import Article, ArticleExtraction, Entity, Sentence
from generator.resolve.facts.quotes import (
    Found,
    NamedAt,
    find_quotes,
    merge_quotes,
    normalize,
    quote_spans,
    same_statement,
    shared_articles,
)
from generator.slugs import SlugRegistry

KULEBA = Entity(id="dmytro-kuleba", type="person", name="Dmytro Kuleba")
BLINKEN = Entity(id="antony-blinken", type="person", name="Antony Blinken")
PUTIN = Entity(id="vladimir-putin", type="person", name="Vladimir Putin")
NATO = Entity(id="nato", type="organization", name="NATO")
KYIV = Entity(id="kyiv", type="place", name="Kyiv")


def article(paragraphs: list[list[str]], named: dict[str, Entity]) -> tuple[Article, ArticleExtraction, list[NamedAt]]:
    """An article of paragraphs of sentences, its extraction, and a mention at every occurrence of each name."""
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    spans: list[Sentence] = []
    pos = 0
    for paragraph in paragraphs:
        for s in paragraph:
            start = body.index(s, pos)
            spans.append(Sentence(start, start + len(s)))
            pos = start + len(s)
    mentions = []
    for surface, entity in named.items():
        for m in re.finditer(re.escape(surface), body):
            index = next(i for i, s in enumerate(spans) if s.start <= m.start() < s.end)
            mentions.append(NamedAt(m.start(), m.end(), index, entity))
    art = Article(id="a1", path="a1.txt", title="a1", body=body)
    return art, ArticleExtraction(tuple(spans), ()), mentions


def quotes(paragraphs: list[list[str]], named: dict[str, Entity]) -> list[tuple[int, str, str | None]]:
    """(sentence, text, speaker) of every quote found."""
    return [(f.sentence, f.text, f.speaker) for f in find_quotes(*article(paragraphs, named))]


# quote_spans, normalize, same_statement


def test_quote_spans_curly_and_straight() -> None:
    body = 'He said "we will win this war" and left. “Allies remain steadfast in support,” she said.'
    assert [body[a:b] for a, b in quote_spans(body)] == ["we will win this war", "Allies remain steadfast in support,"]


def test_quote_left_open_runs_to_end_of_paragraph() -> None:
    body = "“An open quote that never closes\n\nNext paragraph here."
    assert [body[a:b] for a, b in quote_spans(body)] == ["An open quote that never closes"]


def test_inch_mark_after_digit_is_not_a_quote() -> None:
    body = 'The 5" gun was "very old and quite rusty" they said.'
    assert [body[a:b] for a, b in quote_spans(body)] == ["very old and quite rusty"]


@pytest.mark.parametrize("body", ["The “de facto” army advanced.", 'A "special military operation" began.'])
def test_short_scare_quotes_are_not_quotes(body: str) -> None:
    assert quote_spans(body) == []


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("recognised", "recognized"),
        ("organisation", "organization"),
        ("colour", "color"),
        ("centre", "center"),
        ("defence", "defense"),
        (
            "“We have recognised the centre’s defence, colour and organisation!”",
            "We have recognized the center's defense color and organization",
        ),
    ],
)
def test_normalize_spelling_case_and_punctuation(british: str, american: str) -> None:
    assert normalize(british) == normalize(american)


def test_normalize_output() -> None:
    assert normalize("“We have Recognised the centre’s defence!”") == "we have recognized the center's defense"


LONG = "We have recognised that Ukraine’s future is in NATO, and we will defend every inch of allied territory"
SHORT = "We have recognized that Ukraine's future is in NATO"
OTHER = "Russia must withdraw all of its forces from Ukraine immediately"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (LONG, SHORT, True),
        (SHORT, LONG, True),
        (LONG, LONG.replace("recognised", "recognized").replace(",", ""), True),
        (LONG, OTHER, False),
        ("We will win this war.", "We will lose this war.", False),
        ("", SHORT, False),
    ],
)
def test_same_statement(a: str, b: str, expected: bool) -> None:
    assert same_statement(a, b) is expected


# find_quotes: speakers


@pytest.mark.parametrize(
    ("sentence", "named", "expected"),
    [
        (
            "“Ukraine will not give up its territory,” Kuleba said.",
            {"Kuleba": KULEBA},
            ("Ukraine will not give up its territory", "dmytro-kuleba"),
        ),
        (
            "“Ukraine will not give up its territory,” said Kuleba.",
            {"Kuleba": KULEBA},
            ("Ukraine will not give up its territory", "dmytro-kuleba"),
        ),
        (
            "Blinken said, “We will stand with Ukraine for as long as it takes.”",
            {"Blinken": BLINKEN},
            ("We will stand with Ukraine for as long as it takes.", "antony-blinken"),
        ),
        (
            "Kuleba told reporters: “We are ready to talk about all issues.”",
            {"Kuleba": KULEBA},
            ("We are ready to talk about all issues.", "dmytro-kuleba"),
        ),
        (
            "According to the NATO statement, the allies “will continue to support Ukraine in every way possible.”",
            {"NATO": NATO},
            ("will continue to support Ukraine in every way possible.", "nato"),
        ),
        (
            "In a statement, NATO vowed to “stand with Ukraine for as long as it takes.”",
            {"NATO": NATO},
            ("stand with Ukraine for as long as it takes.", "nato"),
        ),
        (
            "“Allies remain steadfast in their support for Ukraine,” a source said.",
            {},
            ("Allies remain steadfast in their support for Ukraine", None),
        ),
    ],
)
def test_speaker_in_the_quotes_sentence(
    sentence: str, named: dict[str, Entity], expected: tuple[str, str | None]
) -> None:
    assert quotes([[sentence]], named) == [(0, *expected)]


def test_pronoun_refers_to_last_named_person() -> None:
    found = quotes(
        [
            [
                "Foreign Minister Dmytro Kuleba met reporters in Kyiv.",
                "“Ukraine will not give up its territory,” he said.",
            ]
        ],
        {"Dmytro Kuleba": KULEBA, "Kyiv": KYIV},
    )
    assert found == [(1, "Ukraine will not give up its territory", "dmytro-kuleba")]


def test_pronoun_ignores_person_named_inside_a_quote() -> None:
    found = quotes(
        [
            [
                "Foreign Minister Dmytro Kuleba met reporters in Kyiv.",
                "“Nobody trusts what Vladimir Putin promises any more,” he said.",
                "“We will fight on until the very end,” he added.",
            ]
        ],
        {"Dmytro Kuleba": KULEBA, "Kyiv": KYIV, "Vladimir Putin": PUTIN},
    )
    assert [speaker for _, _, speaker in found] == ["dmytro-kuleba", "dmytro-kuleba"]


def test_description_refers_to_last_named_person() -> None:
    found = quotes(
        [
            [
                "Dmytro Kuleba arrived in Brussels.",
                "“We are ready to talk about all issues,” Ukraine's top diplomat said.",
            ]
        ],
        {"Dmytro Kuleba": KULEBA},
    )
    assert found == [(1, "We are ready to talk about all issues", "dmytro-kuleba")]


def test_the_alliance_said_is_the_organization() -> None:
    found = quotes(
        [["NATO met in Brussels.", "“Allies remain steadfast in their support for Ukraine,” the alliance said."]],
        {"NATO": NATO},
    )
    assert found == [(1, "Allies remain steadfast in their support for Ukraine", "nato")]


def test_it_said_after_statement_is_the_organization() -> None:
    found = quotes(
        [
            [
                "Antony Blinken flew to Brussels.",
                "NATO met on Wednesday, and the alliance issued a statement.",
                "It said, in part, “Allies remain steadfast in their support for Ukraine.”",
            ]
        ],
        {"Antony Blinken": BLINKEN, "NATO": NATO},
    )
    assert found == [(2, "Allies remain steadfast in their support for Ukraine.", "nato")]


def test_quote_alone_in_next_paragraph_continues_previous_speaker() -> None:
    found = quotes(
        [["“Ukraine will not give up its territory,” Kuleba said."], ["“We will fight for every inch of our land.”"]],
        {"Kuleba": KULEBA},
    )
    assert found == [
        (0, "Ukraine will not give up its territory", "dmytro-kuleba"),
        (1, "We will fight for every inch of our land.", "dmytro-kuleba"),
    ]


def test_each_quote_keeps_its_own_speaker() -> None:
    found = quotes(
        [
            [
                "Blinken spoke in Kyiv.",
                "“Ukraine will prevail in this war,” Kuleba said.",
                "“We stand with you every step,” Blinken added.",
            ]
        ],
        {"Kuleba": KULEBA, "Blinken": BLINKEN, "Kyiv": KYIV},
    )
    assert found == [
        (1, "Ukraine will prevail in this war", "dmytro-kuleba"),
        (2, "We stand with you every step", "antony-blinken"),
    ]


def test_scare_quote_in_article_is_not_found() -> None:
    assert quotes([["The so-called “de facto” army advanced.", "Kuleba said so."]], {"Kuleba": KULEBA}) == []


# merge_quotes, shared_articles

NAMES = {"jens-stoltenberg": "Jens Stoltenberg", "antony-blinken": "Antony Blinken"}


def test_merge_same_statement_from_two_articles() -> None:
    found = [
        Found("a1", 2, 10, 20, LONG, "jens-stoltenberg"),
        Found("a2", 0, 5, 15, SHORT, "jens-stoltenberg"),
    ]
    [quote] = merge_quotes(found, SlugRegistry(), NAMES)
    assert quote.speaker == "jens-stoltenberg"
    assert quote.text == LONG
    assert quote.variants == [SHORT]
    assert [(s.article, s.sentence) for s in quote.sources] == [("a1", 2), ("a2", 0)]
    assert quote.id == "jens-stoltenberg-we-have-recognised-that-ukraines-future"


def test_merge_keeps_different_speakers_apart_and_joins_unattributed() -> None:
    found = [
        Found("a1", 2, 10, 20, LONG, "jens-stoltenberg"),
        Found("a2", 0, 5, 15, SHORT, "jens-stoltenberg"),
        Found("a2", 3, 50, 60, SHORT, "antony-blinken"),
        Found("a3", 1, 0, 9, OTHER, None),
        Found("a1", 4, 0, 9, OTHER, "jens-stoltenberg"),
    ]
    merged = merge_quotes(found, SlugRegistry(), NAMES)
    summary = [(q.speaker, q.text, [(s.article, s.sentence) for s in q.sources]) for q in merged]
    assert summary == [
        ("jens-stoltenberg", LONG, [("a1", 2), ("a2", 0)]),
        ("jens-stoltenberg", OTHER, [("a1", 4), ("a3", 1)]),
        ("antony-blinken", SHORT, [("a2", 3)]),
    ]
    assert len({q.id for q in merged}) == 3


def test_unattributed_quote_id() -> None:
    [quote] = merge_quotes([Found("a1", 0, 0, 9, OTHER, None)], SlugRegistry(), NAMES)
    assert quote.speaker is None
    assert quote.id == "unattributed-russia-must-withdraw-all-of-its"


def test_shared_articles() -> None:
    found = [
        Found("a1", 2, 10, 20, LONG, "jens-stoltenberg"),
        Found("a2", 0, 5, 15, SHORT, "jens-stoltenberg"),
        Found("a3", 1, 0, 9, OTHER, None),
        Found("a1", 4, 0, 9, OTHER, "jens-stoltenberg"),
        Found("a4", 0, 0, 9, "A statement that nobody else carried at all", "antony-blinken"),
    ]
    shared = shared_articles(merge_quotes(found, SlugRegistry(), NAMES))
    assert dict(shared) == {"a1": {"a2", "a3"}, "a2": {"a1"}, "a3": {"a1"}, "a4": set()}


def test_the_venue_or_audience_of_a_statement_is_never_its_speaker() -> None:
    chirper = Entity(id="chirper", type="organization", name="Chirper")
    art, ext, mentions = article(
        [
            ['Kuleba wrote on Chirper, "We will not give up an inch of our land."'],
            ['The government said on Chirper, "Our harbor stays open to every ship."'],
            ['Kuleba told NATO, "Our harbor stays open to every ship tonight."'],
        ],
        {"Kuleba": KULEBA, "Chirper": chirper, "NATO": NATO},
    )
    speakers = [q.speaker for q in find_quotes(art, ext, mentions)]
    assert speakers[0] == "dmytro-kuleba"
    assert speakers[1] != "chirper"
    assert speakers[2] == "dmytro-kuleba"


def test_a_name_inside_a_clause_about_the_subject_is_not_the_speaker() -> None:
    chirper = Entity(id="chirper", type="organization", name="Chirper")
    art, ext, mentions = article(
        [['NATO chief Kuleba, whose Chirper profile lists every ship, writes: "Our harbor stays open tonight."']],
        {"Kuleba": KULEBA, "Chirper": chirper},
    )
    assert [q.speaker for q in find_quotes(art, ext, mentions)] == ["dmytro-kuleba"]


SCRIPPS = Entity(id="scripps", type="organization", name="Scripps Research")
MARLOW = Entity(id="edith-marlow", type="person", name="Edith Marlow")


@pytest.mark.parametrize(
    ("paragraphs", "named", "expected"),
    [
        # a name in a phrase about the subject is not the subject
        (
            [['Kuleba, the head of Scripps Research, said about it: "Our harbor stays open every night."']],
            {"Kuleba": KULEBA, "Scripps Research": SCRIPPS},
            ["dmytro-kuleba"],
        ),
        (
            [['Immunologist Kuleba of Scripps Research said, "This virus spreads faster than any before."']],
            {"Kuleba": KULEBA, "Scripps Research": SCRIPPS},
            ["dmytro-kuleba"],
        ),
        # "called it", "accused ... of", "hailed ... as": speech verbs; the object is not the speaker
        (
            [['Kuleba called it "a truly silly argument from the start."']],
            {"Kuleba": KULEBA},
            ["dmytro-kuleba"],
        ),
        (
            [['The Blinken campaign described Kuleba as "just another arrogant swamp bro in town."']],
            {"Blinken": BLINKEN, "Kuleba": KULEBA},
            [None],
        ),
        # a colon after the sentence's subject introduces its words
        (
            [['Kuleba saw compromise as the best way for both nations: "Split the disputed area in half."']],
            {"Kuleba": KULEBA},
            ["dmytro-kuleba"],
        ),
        # a cue naming no entity of ours does not borrow the speaker of the sentence before
        (
            [["Blinken said the law was clear.", 'The 14th Amendment states: "All persons born here are citizens."']],
            {"Blinken": BLINKEN},
            [None],
        ),
        # a quote that closes its sentence is not attributed by the next sentence's verb
        (
            [['Kuleba said it was "not part of some disinformation plot." According to NATO, officials warned.']],
            {"Kuleba": KULEBA, "NATO": NATO},
            ["dmytro-kuleba"],
        ),
        # "I say", "they said", "the saying": no name before the verb speaks
        (
            [['Voters fear Kyiv-style inflation, I say, "There is a real party of smaller government."']],
            {"Kyiv": KYIV},
            [None],
        ),
        (
            [["Kuleba met the workers.", 'They cry, saying, "What is this, what can we do now?"']],
            {"Kuleba": KULEBA},
            [None],
        ),
        # a transcript's speaker label in capitals is the one person of the article with that surname
        (
            [["Edith Marlow spoke to reporters.", 'MARLOW: "Well, look, the economy is slowing down."']],
            {"Edith Marlow": MARLOW},
            ["edith-marlow"],
        ),
        # a participle belongs to the name opening its clause, or to no one
        (
            [['Kuleba made a statement about the Proud Boys, when asked, stating "stand back and stand by now"']],
            {"Kuleba": KULEBA},
            ["dmytro-kuleba"],
        ),
        (
            [['Fifty officials, including Kuleba, signed a letter saying "it has all the classic earmarks".']],
            {"Kuleba": KULEBA},
            [None],
        ),
        # a body speaks through its website or statement
        (
            [['The WHO\'s website said: "There is no evidence that these remedies work."']],
            {"WHO": Entity(id="who", type="organization", name="WHO")},
            ["who"],
        ),
        # "I thought" in an interviewee's turn is theirs
        (
            [['((Edith Marlow)) Then I thought: "Why should I do this for free every time?"']],
            {"Edith Marlow": MARLOW},
            ["edith-marlow"],
        ),
        # a colon ends the paragraph before the quote
        (
            [["Kuleba defended the payments in comments online:"], ['"The advances were to cover hotels and travel."']],
            {"Kuleba": KULEBA},
            ["dmytro-kuleba"],
        ),
        # "the health minister" is not the aviation minister named before
        (
            [
                ["Aviation Minister Edith Marlow visited the site."],
                ['The local health minister said, "The injured have been rushed to hospital."'],
            ],
            {"Edith Marlow": MARLOW},
            [None],
        ),
        # the interviewer's "you had mentioned" is the interviewee of the next turn
        (
            [
                ['((WN)) In your post, you had mentioned bones "did not become specific tools at all". Why?'],
                ['((Edith Marlow)) Yes, I was thinking, "oh I should have said more than that", but no.'],
            ],
            {"Edith Marlow": MARLOW},
            ["edith-marlow", "edith-marlow"],
        ),
        # the speech verb of the paragraph before, when it ends with a colon
        (
            [
                ["In comments online, party chairman Kuleba, whose profile lists ships, writes:"],
                ['"It is a long shot."'],
            ],
            {"Kuleba": KULEBA},
            ["dmytro-kuleba"],
        ),
    ],
)
def test_speakers_in_the_ways_news_writes_them(
    paragraphs: list[list[str]], named: dict[str, Entity], expected: list[str | None]
) -> None:
    assert [speaker for _, _, speaker in quotes(paragraphs, named)] == expected
