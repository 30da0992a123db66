"""Tests of generator.resolve.facts.topics: key phrases and declared topics."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.models import Article, ArticleExtraction, Entity, EntityMention, KnowledgeBase, Sentence, Topic
from generator.resolve.facts.topics import declared, find_topics, phrases, verb_like

STOP = frozenset({"the", "a", "an", "of", "and", "to", "will", "in", "is", "on", "was", "it"})


def test_phrases_pairs_lower_case_content_words() -> None:
    out = phrases("The grain corridor reopened. Ships used the grain corridor again.", STOP)
    assert out["grain corridor"] == {"the grain corridor reopened", "ships used the grain corridor again"}
    assert "corridor reopened" in out
    assert not any(" the" in p or p.startswith("the ") for p in out)


def test_phrases_after_acronym_but_not_after_capitalized_word() -> None:
    out = phrases("NATO membership is a goal. Military aid flows to the Paris port.", STOP)
    assert "NATO membership" in out
    assert "Military aid" not in out and "military aid" not in out
    assert "Paris port" not in out
    assert "aid flows" in out


def test_phrases_split_on_punctuation_and_skip_short_words() -> None:
    out = phrases("grain corridor; ox cart (wheat exports)", STOP)
    assert "grain corridor" in out and "wheat exports" in out
    assert "corridor ox" not in out and "ox cart" not in out
    assert "corridor wheat" not in out


def test_phrases_tie_a_noun_to_a_known_name_in_any_order() -> None:
    names = frozenset({"Harbor Council", "Westland"})
    variants: dict[str, set[str]] = defaultdict(set)
    text = (
        "Westland's membership was discussed. The Harbor Council's membership is growing. "
        "Talks on membership in the Harbor Council resumed. Westland's potential membership is far off. "
        "The office in Westland closed."
    )
    out = phrases(text, STOP, names, variants, places=frozenset({"Westland"}))
    assert "Westland membership" in out and "Harbor Council membership" in out
    assert variants["Harbor Council membership"] == {"Harbor Council's membership", "membership in the Harbor Council"}
    assert "Westland potential" not in out  # an adjective is not the noun
    assert "Westland office" not in out  # "in" a place says where, not what


def test_verb_like() -> None:
    texts = ["They want to expand the harbor. We will expand it. The expand was odd.", "A harbor, the harbor."]
    verbs = verb_like(texts)
    assert "expand" in verbs
    assert "harbor" not in verbs


def _article(article_id: str, sentences: list[str]) -> tuple[Article, ArticleExtraction]:
    body = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        start = body.find(s, pos)
        spans.append(Sentence(start, start + len(s)))
        pos = start + len(s)
    return Article(article_id, f"{article_id}.txt", article_id, body), ArticleExtraction(tuple(spans), ())


def _kb(entities: list[Entity] | None = None) -> KnowledgeBase:
    docs = [
        _article("a1", ["Ships used the grain corridor on Monday.", "Insurers fear the route."]),
        _article("b1", ["Exporters praised the grain corridor again.", "Prices fell."]),
        _article("c1", ["The weather was mild.", "Fishermen stayed home near the border."]),
    ]
    return KnowledgeBase(articles=[a for a, _ in docs], extractions={a.id: e for a, e in docs}, entities=entities or [])


def test_find_topics_from_phrase_shared_by_two_articles() -> None:
    start = _kb().articles[0].body.find("Ships")
    ships = Entity("ships", "organization", "Ships", mentions=[EntityMention("a1", 0, start, start + 5, "Ships")])
    topics = _topics(_kb([ships]))
    assert [(t.id, t.name, t.articles, t.keywords) for t in topics] == [
        ("grain-corridor", "Grain corridor", ["a1", "b1"], ["grain corridor"])
    ]
    assert topics[0].entities == ["ships"]


def test_phrase_repeated_in_one_sentence_form_is_no_topic() -> None:
    docs = [
        _article("a1", ["Leaders demanded grain corridor access."]),
        _article("b1", ["Leaders demanded grain corridor access."]),
        _article("c1", ["Nothing happened."]),
    ]
    kb = KnowledgeBase(articles=[a for a, _ in docs], extractions={a.id: e for a, e in docs}, entities=[])
    assert _topics(kb) == []


def test_phrase_that_is_an_entity_name_is_no_topic() -> None:
    entity = Entity("grain-corridor", "place", "grain corridor")
    assert _topics(_kb([entity])) == []


@pytest.mark.parametrize(
    "filler",
    ["took place", "little bit", "previous month", "running mate", "vice president", "fascinating aspect", "far away"],
)
def test_time_phrases_quantifiers_verbs_and_bare_job_titles_are_no_topics(filler: str) -> None:
    docs = [
        _article("a1", [f"The {filler} was noted on Monday.", f"Reporters saw the {filler} again."]),
        _article("b1", [f"Officials said the {filler} mattered.", "Prices fell."]),
        _article("c1", ["The weather was mild.", "Fishermen stayed home near the border."]),
    ]
    kb = KnowledgeBase(articles=[a for a, _ in docs], extractions={a.id: e for a, e in docs}, entities=[])
    assert _topics(kb) == []


def test_find_topics_empty_corpus() -> None:
    kb = KnowledgeBase(articles=[], extractions={}, entities=[])
    assert _topics(kb) == []


def test_declared_topics_come_first(tmp_path: Path) -> None:
    path = tmp_path / "topics.yml"
    path.write_text("- name: Border security\n  keywords: [Border, frontier]\n", encoding="utf-8")
    topics = _topics(_kb(), path)
    assert [t.name for t in topics] == ["Border security", "Grain corridor"]
    border = topics[0]
    assert border.id == "border-security"
    assert border.articles == ["c1"]
    assert border.keywords == ["border", "frontier"]


def test_declared_topic_matching_nothing_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "topics.yml"
    path.write_text("- name: Space race\n  keywords: [rocket]\n", encoding="utf-8")
    assert [t.name for t in _topics(_kb(), path)] == ["Grain corridor"]


def test_missing_topics_file_is_no_topics(tmp_path: Path) -> None:
    assert declared(tmp_path / "none.yml") == []


@pytest.mark.parametrize(
    "text",
    [
        "- name: [unclosed",
        "name: Border\nkeywords: [border]\n",  # a mapping, not a list
        "- Border security\n",  # not a mapping
        "- keywords: [border]\n",  # no name
        "- name: Border\n  keywords: border\n",  # keywords not a list
    ],
)
def test_bad_topics_file_raises(tmp_path: Path, text: str) -> None:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        _topics(_kb(), path)


def test_declared_keyword_matches_whole_words_only(tmp_path: Path) -> None:
    path = tmp_path / "topics.yml"
    path.write_text("- name: War\n  keywords: [war]\n", encoding="utf-8")
    docs = [
        _article("a1", ["The war went on."]),
        _article("b1", ["The software firm won an award."]),
    ]
    kb = KnowledgeBase(articles=[a for a, _ in docs], extractions={a.id: e for a, e in docs}, entities=[])
    (topic,) = _topics(kb, path)
    assert topic.articles == ["a1"]


def test_phrases_on_one_noun_and_different_names_make_one_topic() -> None:
    docs = [
        _article("a1", ["Westland's membership was debated.", "Dockers struck."]),
        _article("b1", ["Talks on membership in the Harbor Council stalled.", "Westland's membership too."]),
        _article("c1", ["Talks on membership in the Harbor Council went on.", "Bakers rested."]),
        _article("d1", ["Nothing happened.", "Rain fell."]),
    ]
    kb = KnowledgeBase(
        articles=[a for a, _ in docs],
        extractions={a.id: e for a, e in docs},
        entities=[Entity("westland", "place", "Westland"), Entity("hc", "organization", "Harbor Council")],
    )
    membership = [t for t in _topics(kb) if t.name.endswith("membership")]
    assert [(t.name, t.articles) for t in membership] == [("Harbor Council membership", ["a1", "b1", "c1"])]
    assert "Westland's membership" in membership[0].keywords


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("small businesses", "Small business", True),
        ("supply chains", "Supply chain", True),
        ("Westland membership", "Harbor Council membership", True),  # both tied to names
        ("public health", "Mental health", False),  # one noun, two themes
        ("human rights", "Human right", True),
        ("civil rights", "Civil society", False),
    ],
)
def test_same_head(a: str, b: str, same: bool) -> None:
    from generator.resolve.facts.topics import _same_head

    assert _same_head(a, b, frozenset({"Westland", "Harbor Council"})) is same


def test_verb_forms_from_the_shipped_verb_table() -> None:
    from generator.resolve.facts.topics import verb_form
    from tools.verbs_table import derive

    assert [w for w in ["bursts", "crashes", "tries", "killed", "shot", "names"] if not verb_form(w)] == []
    assert [w for w in ["focus", "crash", "chess", "nonsensics", "Marlow"] if verb_form(w)] == []
    assert derive(["burst", "take_off", "Burst", "walk", "walk"]) == ["burst", "walk"]


def _topics(kb: KnowledgeBase, path: Path | None = None) -> list[Topic]:
    return find_topics(kb.articles, kb.extractions, kb.entities, path)
