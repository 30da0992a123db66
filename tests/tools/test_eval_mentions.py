"""Tests of tools.eval_mentions: scoring, the gold loader and the report (no statistical model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from tools import eval_mentions as em
from tools.eval_mentions import GoldArticle, Report, Score, format_report, load_gold, match, score

# --------------------------------------------------------------------- Score


def test_score_properties() -> None:
    s = Score(tp=3, predicted=4, gold=6)
    assert s.precision == 0.75
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(0.6)


def test_score_zero_denominators_give_zero() -> None:
    assert (Score(0, 0, 0).precision, Score(0, 0, 0).recall, Score(0, 0, 0).f1) == (0.0, 0.0, 0.0)
    assert Score(0, 5, 0).recall == 0.0
    assert Score(0, 0, 5).precision == 0.0
    assert Score(0, 5, 5).f1 == 0.0


# --------------------------------------------------------------------- score

GOLD = [
    ("a", 0, 12, "person"),  # Edith Marlow
    ("a", 20, 35, "organization"),  # the Harbor Office
    ("a", 40, 48, "place"),  # Portvale
    ("b", 0, 8, "place"),
]


def test_score_strict_needs_same_span_and_type() -> None:
    predicted = [
        ("a", 0, 12, "person"),  # exact
        ("a", 24, 35, "organization"),  # "Harbor Office": overlaps, not exact
        ("a", 40, 48, "person"),  # right span, wrong type
        ("b", 0, 8, "place"),  # exact
    ]
    result = score(predicted, GOLD, "strict")
    assert set(result) == {"person", "organization", "place", "all"}
    assert result["person"] == Score(tp=1, predicted=2, gold=1)
    assert result["organization"] == Score(tp=0, predicted=1, gold=1)
    assert result["place"] == Score(tp=1, predicted=1, gold=2)
    assert result["all"] == Score(tp=2, predicted=4, gold=4)
    assert result["all"].precision == 0.5
    assert result["place"].recall == 0.5


def test_score_lenient_accepts_overlap_of_same_type() -> None:
    predicted = [
        ("a", 0, 5, "person"),  # "Edith" inside "Edith Marlow"
        ("a", 24, 40, "organization"),  # overlaps "the Harbor Office"
        ("a", 40, 48, "person"),  # right span, wrong type
        ("b", 8, 12, "place"),  # touches gold (0, 8) but does not overlap it
    ]
    result = score(predicted, GOLD, "lenient")
    assert result["person"] == Score(tp=1, predicted=2, gold=1)
    assert result["organization"] == Score(tp=1, predicted=1, gold=1)
    assert result["place"] == Score(tp=0, predicted=1, gold=2)
    assert result["all"] == Score(tp=2, predicted=4, gold=4)


def test_lenient_is_one_to_one() -> None:
    gold = [("a", 0, 5, "person"), ("a", 6, 12, "person")]
    # one prediction spanning both gold mentions matches only one of them
    assert score([("a", 0, 12, "person")], gold, "lenient")["person"] == Score(1, 1, 2)
    # two predictions inside one gold mention: only one is a true positive
    two = [("a", 0, 2, "organization"), ("a", 3, 5, "organization")]
    assert score(two, [("a", 0, 5, "organization")], "lenient")["organization"] == Score(1, 2, 1)


def test_lenient_finds_the_largest_matching() -> None:
    # greedy "exact pair first" would match (0, 10)-(0, 10) and leave (5, 15) alone: 1 pair; 2 are possible
    predicted = [("a", 0, 10, "place"), ("a", 0, 3, "place")]
    gold = [("a", 0, 10, "place"), ("a", 5, 15, "place")]
    assert score(predicted, gold, "lenient")["place"] == Score(2, 2, 2)
    pairs, missed, extra = match(predicted, gold, "lenient")
    assert sorted(pairs) == [
        (("a", 0, 3, "place"), ("a", 0, 10, "place")),
        (("a", 0, 10, "place"), ("a", 5, 15, "place")),
    ]
    assert (missed, extra) == ([], [])


def test_lenient_keeps_exact_pairs_when_it_costs_nothing() -> None:
    # gold "The UN commission" and "UN"; the prediction "UN" goes to the gold "UN"
    gold = [("a", 0, 17, "organization"), ("a", 4, 6, "organization")]
    pairs, missed, extra = match([("a", 4, 6, "organization")], gold, "lenient")
    assert pairs == [(("a", 4, 6, "organization"), ("a", 4, 6, "organization"))]
    assert missed == [("a", 0, 17, "organization")]
    assert extra == []


def test_matching_never_crosses_articles_or_types() -> None:
    predicted = [("b", 0, 12, "person"), ("a", 0, 12, "organization")]
    for mode in em.MODES:
        assert score(predicted, [("a", 0, 12, "person")], mode)["all"] == Score(0, 2, 1)


def test_other_types_are_ignored_and_repeats_count_once() -> None:
    predicted = [("a", 0, 5, "event"), ("a", 6, 9, "place"), ("a", 6, 9, "place")]
    gold = [("a", 0, 5, "aid_package"), ("a", 6, 9, "place")]
    result = score(predicted, gold, "strict")
    assert result["all"] == Score(1, 1, 1)
    assert result["place"].f1 == 1.0


def test_score_empty_cases() -> None:
    for mode in em.MODES:
        nothing = score([], [], mode)
        assert all(s == Score(0, 0, 0) for s in nothing.values())
        no_predictions = score([], GOLD, mode)
        assert no_predictions["all"] == Score(0, 0, 4)
        assert no_predictions["all"].recall == 0.0
        no_gold = score(GOLD, [], mode)
        assert no_gold["all"] == Score(0, 4, 0)
        assert no_gold["all"].precision == 0.0
        perfect = score(GOLD, GOLD, mode)
        assert perfect["all"] == Score(4, 4, 4)
        assert perfect["all"].f1 == 1.0


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        score([], [], "fuzzy")


# --------------------------------------------------------------------- load_gold

BODY = "Edith Marlow met the Harbor Office in Portvale.\n\nMarlow is French and left on Monday.\n"


def write_article(root: Path, stem: str, text: str, mentions: list[tuple[int, int, str, str]], **extra: object) -> None:
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "gold").mkdir(parents=True, exist_ok=True)
    (root / "articles" / f"{stem}.md").write_text(text, encoding="utf-8")
    gold = {
        "article": f"articles/{stem}.md",
        "body_starts_after_front_matter": True,
        "mentions": [{"start": s, "end": e, "text": t, "type": k} for s, e, t, k in mentions],
        "relations": [],
        **extra,
    }
    (root / "gold" / f"{stem}.json").write_text(json.dumps(gold), encoding="utf-8")


def body_mentions(body: str) -> list[tuple[int, int, str, str]]:
    out = []
    for text, kind in [
        ("Edith Marlow", "Person"),
        ("the Harbor Office", "Organisation"),
        ("Portvale", "Location"),
        ("French", "Nationality"),
        ("Monday", "Temporal"),
    ]:
        start = body.index(text)
        out.append((start, start + len(text), text, kind))
    return out


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    # the re3d layout: closing "---", one blank line, then the body the offsets point into
    front = "---\ntitle: 'Marlow: a visit'\noutlet: Gazette\n---\n\n"
    write_article(root, "Story1", front + BODY, body_mentions(BODY))
    # no blank line after the front matter
    other = "Portvale welcomed Edith Marlow.\n"
    write_article(
        root,
        "b2",
        "---\ntitle: Second\n---\n" + other,
        [(0, 8, "Portvale", "Location"), (18, 30, "Edith Marlow", "Person")],
    )
    return root


def test_load_gold_aligns_body_and_keeps_three_types(corpus: Path) -> None:
    articles = load_gold(corpus)
    assert [a.id for a in articles] == ["story1", "b2"]  # gold file order: "Story1.json" < "b2.json"
    by_id = {a.id: a for a in articles}
    story = by_id["story1"]
    assert story.body == BODY
    assert story.path == "articles/Story1.md"
    assert story.title == "Marlow: a visit"
    assert story.mentions == ((0, 12, "person"), (17, 34, "organization"), (38, 46, "place"))
    assert [story.body[s:e] for s, e, _ in story.mentions] == ["Edith Marlow", "the Harbor Office", "Portvale"]
    second = by_id["b2"]
    assert second.body == "Portvale welcomed Edith Marlow.\n"
    assert second.mentions == ((0, 8, "place"), (18, 30, "person"))
    assert second.gold() == [("b2", 0, 8, "place"), ("b2", 18, 30, "person")]
    article = story.article()
    assert (article.id, article.body, article.title) == ("story1", BODY, "Marlow: a visit")


def test_load_gold_rejects_offsets_that_match_no_body(tmp_path: Path) -> None:
    write_article(tmp_path, "bad", "---\ntitle: Bad\n---\n\nEdith Marlow spoke.\n", [(2, 14, "Edith Marlow", "Person")])
    with pytest.raises(ValueError, match=r"bad\.json: gold offsets do not match the body"):
        load_gold(tmp_path)


def test_load_gold_of_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no gold"):
        load_gold(tmp_path)


def test_split_front_matter() -> None:
    meta, rest = em.split_front_matter("---\ntitle: A\n---\n\nBody ---\n---\n")
    assert meta == {"title": "A"}
    assert rest == "\nBody ---\n---\n"
    assert em.split_front_matter("No front matter.\n") == ({}, "No front matter.\n")


# --------------------------------------------------------------------- systems, with a rule-based "model"

PATTERNS = [
    {"label": "PERSON", "pattern": "Edith Marlow"},
    {"label": "PERSON", "pattern": "Marlow"},
    {"label": "ORG", "pattern": [{"LOWER": "the"}, {"TEXT": "Harbor"}, {"TEXT": "Office"}]},
    {"label": "GPE", "pattern": "Portvale"},
    {"label": "NORP", "pattern": "French"},
    {"label": "DATE", "pattern": "Monday"},
]


def rule_nlp(with_sentences: bool) -> Language:
    nlp = spacy.blank("en")
    if with_sentences:
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns(PATTERNS)
    return nlp


def test_spacy_mentions_maps_labels_and_drops_the_rest(corpus: Path) -> None:
    articles = load_gold(corpus)
    found = em.spacy_mentions(articles, nlp=rule_nlp(False))
    story = [m for m in found if m[0] == "story1"]
    assert story == [
        ("story1", 0, 12, "person"),
        ("story1", 17, 34, "organization"),
        ("story1", 38, 46, "place"),
        ("story1", 49, 55, "person"),
    ]


def test_project_mentions_resolve_the_ner_spans(corpus: Path) -> None:
    articles = load_gold(corpus)
    raw: list[em.MentionTuple] = []
    found = em.project_mentions(articles, nlp=rule_nlp(True), raw=raw)
    story = [m for m in found if m[0] == "story1"]
    # resolve keeps the "the" the tagger put on an organization, and "Marlow" as Edith Marlow's surname
    assert story == [
        ("story1", 0, 12, "person"),
        ("story1", 17, 34, "organization"),
        ("story1", 38, 46, "place"),
        ("story1", 49, 55, "person"),
    ]
    assert ("story1", 17, 34, "organization") in raw
    assert all(kind in em.TYPES for *_, kind in raw)


def test_load_ner_only_keeps_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacy, "load", lambda name: rule_nlp(True))
    nlp = em.load_ner_only("whatever")
    assert nlp.pipe_names == ["ner"]


def test_compare_runs_both_systems(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.extract import ner as extract

    monkeypatch.setattr(extract, "load_pipeline", lambda model: rule_nlp(True))
    monkeypatch.setattr(em, "load_ner_only", lambda model: rule_nlp(False))
    report = em.compare(corpus, "rules")
    assert set(report.scores) == {"project", "spacy", "project-ner"}
    # gold: story1 has 3 (person, organization, place), b2 has 2; the surname "Marlow" is not in the gold
    assert report.scores["spacy"]["strict"]["all"] == Score(tp=5, predicted=6, gold=5)
    # the project keeps the "the" the tagger put on the organization, as the gold does
    assert report.scores["project"]["strict"]["organization"] == Score(tp=1, predicted=1, gold=1)
    assert report.scores["project"]["lenient"]["organization"] == Score(tp=1, predicted=1, gold=1)
    assert report.scores["project-ner"] == report.scores["spacy"]
    assert em.losses(report, "organization", "strict") == ([], [])
    assert report.context(("story1", 21, 34, "organization"), width=4) == "the [[Harbor Office]] in"


# --------------------------------------------------------------------- format_report


def test_format_report_has_a_row_per_system_type_and_mode() -> None:
    article = GoldArticle(
        "a", "articles/a.md", "A", "Edith Marlow in Portvale.", ((0, 12, "person"), (16, 24, "place"))
    )
    report = Report(
        corpus="../shared/corpora/re3d",
        model="some_model",
        articles=[article],
        gold=article.gold(),
        predictions={
            "project": [("a", 0, 12, "person"), ("a", 16, 24, "place")],
            "spacy": [("a", 0, 5, "person"), ("a", 16, 24, "organization")],
        },
    )
    text = format_report(report)
    lines = text.splitlines()
    assert lines[0] == "Mentions on ../shared/corpora/re3d: 1 articles, 2 gold mentions, model some_model"
    rows = [line.split() for line in lines if line.startswith(("project", "spacy"))]
    assert len(rows) == 2 * 4 * 2
    table = {(r[0], r[1], r[2]): r[3:] for r in rows}
    assert table[("project", "all", "strict")] == ["1.000", "1.000", "1.000", "2", "2", "2"]
    assert table[("spacy", "person", "strict")] == ["0.000", "0.000", "0.000", "0", "1", "1"]
    assert table[("spacy", "person", "lenient")] == ["1.000", "1.000", "1.000", "1", "1", "1"]
    assert table[("spacy", "organization", "lenient")] == ["0.000", "0.000", "0.000", "0", "1", "0"]
    assert table[("spacy", "all", "lenient")] == ["0.500", "0.500", "0.500", "1", "2", "2"]


def test_losses_ignore_which_nested_gold_span_each_system_matched() -> None:
    body = "the United Nations and al-Qaida"
    gold = ((0, 18, "organization"), (4, 18, "organization"), (23, 31, "organization"))
    article = GoldArticle("a", "articles/a.md", "A", body, gold)
    report = Report(
        corpus="c",
        model="m",
        articles=[article],
        gold=article.gold(),
        predictions={
            "project": [("a", 4, 18, "organization"), ("a", 23, 31, "place")],
            "spacy": [("a", 0, 18, "organization"), ("a", 23, 31, "organization")],
        },
    )
    # each system gets one of the nested "United Nations" spans: not a loss either way
    assert em.losses(report, "organization", "lenient") == ([("a", 23, 31, "organization")], [])
    assert em.losses(report, "place", "lenient") == ([], [("a", 23, 31, "place")])
    assert em.losses(report, "organization", "lenient", worse="spacy", better="project") == ([], [])
    # strict: the spans differ, so each system finds a gold mention the other misses
    assert em.losses(report, "organization", "strict")[0] == [
        ("a", 0, 18, "organization"),
        ("a", 23, 31, "organization"),
    ]
    assert em.losses(report, "organization", "strict", worse="spacy", better="project")[0] == [
        ("a", 4, 18, "organization")
    ]
    text = em.format_losses(report, limit=5)
    assert "organization: 1 gold mentions spacy finds and project misses (lenient)" in text
    assert "  - the United Nations and [[al-Qaida]]\n" in text
    assert "  + the United Nations and [[al-Qaida]]\n" in text
