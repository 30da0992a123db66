"""Tests of generator.extract.ner with a small rule-based pipeline (no statistical model)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from generator.errors import ConfigError
from generator.extract import ner as extract
from generator.models import ArticleExtraction, Mention, Sentence

PATTERNS = [
    {"label": "PERSON", "pattern": "Dara Whitlock"},
    {"label": "GPE", "pattern": "Portvale"},
    {"label": "ORG", "pattern": "Harbor Office"},
]
TEXT = (
    "Dara Whitlock spoke in Portvale. The Harbor Office agreed\n"
    "Portvale will get a ferry and the line\n\n"
    "was approved by Dara Whitlock"
)


@Language.component("test_fake_parser")
def fake_parser(doc: Doc) -> Doc:
    """Sets dependency annotation like a trained parser, keeping sentence starts already set."""
    starts = [t.i == 0 or t.is_sent_start is True for t in doc]
    root = doc[0]
    for token, start in zip(doc, starts, strict=True):
        root = token if start else root
        token.head = root
        token.dep_ = "ROOT" if token is root else "dep"
    return doc


def rule_pipeline() -> Language:
    extract._register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(extract.PARAGRAPH_BREAKS)
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    return nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return rule_pipeline()


def test_from_doc_sentences_and_mentions(nlp: Language) -> None:
    result = extract.from_doc(nlp(TEXT))
    texts = [result.sentence_text(TEXT, i) for i in range(len(result.sentences))]
    assert texts == [
        "Dara Whitlock spoke in Portvale.",
        "The Harbor Office agreed",
        "Portvale will get a ferry and the line",
        "was approved by Dara Whitlock",
    ]
    assert [(m.text, m.label, m.sentence) for m in result.mentions] == [
        ("Dara Whitlock", "PERSON", 0),
        ("Portvale", "GPE", 0),
        ("Harbor Office", "ORG", 1),
        ("Portvale", "GPE", 2),
        ("Dara Whitlock", "PERSON", 3),
    ]
    for m in result.mentions:
        assert TEXT[m.start : m.end] == m.text
        sentence = result.sentences[m.sentence]
        assert sentence.start <= m.start < m.end <= sentence.end


def test_sentences_are_ordered_and_disjoint(nlp: Language) -> None:
    sentences = extract.from_doc(nlp(TEXT)).sentences
    for before, after in pairwise(sentences):
        assert before.start < before.end <= after.start < after.end


@pytest.mark.parametrize("text", ["one two\nthree four", "one two\n\nthree four", "one two \n three four"])
def test_line_break_always_ends_sentence(nlp: Language, text: str) -> None:
    result = extract.from_doc(nlp(text))
    assert [result.sentence_text(text, i) for i in range(len(result.sentences))] == ["one two", "three four"]


def test_blank_text_has_no_sentences(nlp: Language) -> None:
    assert extract.from_doc(nlp("  \n\n ")) == ArticleExtraction((), ())


def test_extract_texts_in_order_with_progress(nlp: Language) -> None:
    words: list[int] = []
    results = list(extract.extract_texts(nlp, ["Portvale.", "Dara Whitlock left."], on_done=words.append))
    assert [[m.text for m in r.mentions] for r in results] == [["Portvale"], ["Dara Whitlock"]]
    assert words == [2, 4]


def test_register_components_is_idempotent() -> None:
    extract._register_components()
    extract._register_components()
    assert extract.PARAGRAPH_BREAKS in Language.factories


def test_json_round_trip(nlp: Language) -> None:
    result = extract.from_doc(nlp(TEXT))
    data = json.loads(json.dumps(extract.to_json(result)))
    assert extract.from_json(data) == result


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"sentences": []},
        {"sentences": [[0]], "mentions": []},
        {"sentences": [["a", 1]], "mentions": []},
        {"sentences": None, "mentions": []},
        {"sentences": [[0, 5]], "mentions": [["X", "ORG", 0, 1]]},
        {"sentences": [[0, 5]], "mentions": [["X", "ORG", 0, 1, 1]]},
        {"sentences": [[0, 5]], "mentions": [["X", "ORG", 0, 1, -1]]},
        {"sentences": [[0, 5]], "mentions": [["X", "ORG", 4, 1, 0]]},
    ],
)
def test_from_json_rejects_bad_data(data: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError, KeyError)):
        extract.from_json(data)


def test_from_json_builds_records() -> None:
    data = {"sentences": [[0, 5], [6, 9]], "mentions": [["X", "ORG", 6, 7, 1]]}
    expected = ArticleExtraction((Sentence(0, 5), Sentence(6, 9)), (Mention("X", "ORG", 6, 7, 1),))
    assert extract.from_json(data) == expected


def test_cache_key_depends_on_text_and_model(tmp_path: Path) -> None:
    key = extract.cache_key("Portvale.", "no_such_model")
    assert key == extract.cache_key("Portvale.", "no_such_model")
    assert len(key) == 64
    assert key != extract.cache_key("Portvale!", "no_such_model")
    assert key != extract.cache_key("Portvale.", "other_model")


def test_cache_key_depends_on_model_version(tmp_path: Path) -> None:
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"name": "tiny", "version": "1.0"}), encoding="utf-8")
    assert extract.model_version(str(tmp_path)) == "tiny-1.0"
    before = extract.cache_key("Portvale.", str(tmp_path))
    meta.write_text(json.dumps({"name": "tiny", "version": "1.1"}), encoding="utf-8")
    assert extract.cache_key("Portvale.", str(tmp_path)) != before


def test_model_version_of_unknown_model() -> None:
    assert extract.model_version("no_such_model_xyz") == "unversioned"


def fake_load(nlp: Language) -> object:
    return lambda model: nlp


def test_load_pipeline_adds_sentencizer_and_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    base = spacy.blank("en")
    base.add_pipe("entity_ruler", name="ner").add_patterns(PATTERNS)
    monkeypatch.setattr(spacy, "load", fake_load(base))
    nlp = extract.load_pipeline("fake")
    assert nlp.pipe_names == ["sentencizer", extract.PARAGRAPH_BREAKS, "ner"]
    assert len(extract.from_doc(nlp("Portvale\nDara Whitlock")).sentences) == 2


def test_load_pipeline_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacy, "load", fake_load(spacy.blank("en")))
    with pytest.raises(ConfigError, match="no 'ner'"):
        extract.load_pipeline("fake")

    def missing(model: str) -> Language:
        raise OSError("not found")

    monkeypatch.setattr(spacy, "load", missing)
    with pytest.raises(ConfigError, match="cannot load"):
        extract.load_pipeline("fake")


def test_load_pipeline_with_parser_but_no_senter(monkeypatch: pytest.MonkeyPatch) -> None:
    base = spacy.blank("en")
    base.add_pipe("test_fake_parser", name="parser")
    base.add_pipe("entity_ruler", name="ner").add_patterns(PATTERNS)
    monkeypatch.setattr(spacy, "load", fake_load(base))
    nlp = extract.load_pipeline("fake")
    assert len(extract.from_doc(nlp("Portvale\nDara Whitlock")).sentences) == 2
