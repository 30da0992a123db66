"""Long and costly articles: extracted in pieces within spaCy's limits, or skipped alone with a reason."""

from __future__ import annotations

import hashlib
import json
import re
import time
from itertools import pairwise
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from generator.extract import extract_all
from generator.extract import ner as extract
from generator.extract.distributed import extract_batch
from generator.extract.ner import Skipped, extract_bounded, extract_texts, from_doc, piece_spans
from generator.models import Article, ArticleExtraction, Problem
from generator.settings import Settings
from generator.stats import Stats
from tests.extract.test_ner import rule_pipeline
from tests.hostile.sites import build, project, ruler_pipeline

# realistic sentences; the test pipeline knows Dara Whitlock, Portvale and the Harbor Office
SENTENCES = [
    "Dara Whitlock spoke in Portvale on Tuesday about the new ferry line.",
    "The Harbor Office said the service would start in spring, weather permitting.",
    "Officials expect about 1,200 passengers a day once the second boat arrives.",
    'She added: "We have waited long enough for this crossing."',
    "Critics in Portvale argued that the fares were too high for commuters.",
    "The council will vote on the budget next month, a spokesman said.",
]


def prose(chars: int) -> str:
    """Paragraphs of two to four sentences, blank lines between them, ``chars`` long at least."""
    paragraphs: list[str] = []
    size, i = 0, 0
    while size < chars:
        paragraph = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(2 + i % 3))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return rule_pipeline()


def assert_consistent(text: str, result: ArticleExtraction) -> None:
    """Offsets into the whole text: each mention is its text, inside its sentence."""
    for before, after in pairwise(result.sentences):
        assert before.start < before.end <= after.start < after.end
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
        sentence = result.sentences[m.sentence]
        assert sentence.start <= m.start < m.end <= sentence.end


def test_a_text_over_max_length_is_extracted_in_pieces(nlp: Language) -> None:
    text = prose(nlp.max_length + 8_000)
    assert len(text) > nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        nlp(text)  # spaCy refuses it whole
    (result,) = extract_texts(nlp, [text])
    assert_consistent(text, result)
    names = len(re.findall(r"Dara Whitlock|Portvale|Harbor Office", text))
    assert len(result.mentions) == names
    assert result.mentions[-1].start > nlp.max_length  # the last piece's offsets are the whole text's
    assert result.sentences[-1].end == len(text)


def test_pieces_give_what_the_whole_text_gives(nlp: Language) -> None:
    """Cut at paragraph breaks, a text under spaCy's limit but in pieces is extracted as if whole."""
    text = prose(300_000)
    assert len(piece_spans(text)) > 3
    (result,) = extract_texts(nlp, [text])
    assert result == from_doc(nlp(text))


@pytest.mark.parametrize(
    "text",
    [
        " ".join(SENTENCES) * 2_000,  # no line break at all
        "\n".join(SENTENCES) * 2_000,  # line breaks, no blank line
        ("Portvale " + "!" * 5_000 + " Dara Whitlock spoke.\n\n") * 30,  # runs of punctuation
        "Harbor Office " + "$%" * 60_000 + " Portvale.",  # one run longer than a piece
    ],
    ids=["one-line", "lines", "punctuation", "one-run"],
)
def test_texts_without_paragraphs_are_cut_elsewhere(nlp: Language, text: str) -> None:
    spans = piece_spans(text)
    assert len(spans) > 1
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in pairwise(spans))
    assert all(end - start <= extract.PIECE_CHARS for start, end in spans)
    (result,) = extract_texts(nlp, [text])
    assert_consistent(text, result)
    assert len(result.mentions) == len(re.findall(r"Dara Whitlock|Portvale|Harbor Office", text))


def test_a_run_of_punctuation_costs_no_quadratic_time(nlp: Language) -> None:
    """spaCy's tokenizer takes 40 s over 25,000 "!" (and 3 min over 50,000); in pieces, a moment."""
    text = "Portvale. " + "!" * 25_000 + " Dara Whitlock."
    t = time.perf_counter()
    (result,) = extract_texts(nlp, [text])
    assert time.perf_counter() - t < 10
    assert [m.text for m in result.mentions] == ["Portvale", "Dara Whitlock"]
    assert_consistent(text, result)


SHORT = [
    "Dara Whitlock spoke in Portvale. The Harbor Office agreed\nPortvale will get a ferry\n\nwas approved",
    "  \n\n ",
    "",
    prose(20_000),
    "A link: https://example.org/" + "a" * 1_500 + " was shared by Dara Whitlock.",
]


def whole(nlp: Language, texts: list[str]) -> list[ArticleExtraction]:
    """Each text extracted whole, by ``nlp.pipe``."""
    return [from_doc(doc) for doc in nlp.pipe(texts, batch_size=64, n_process=1)]


def whole_key(text: str, model: str, version: str) -> str:
    """The cache key of a text extracted whole."""
    h = hashlib.sha256()
    for part in (extract.EXTRACTOR_VERSION, model, version, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def test_short_texts_give_exactly_what_they_gave(nlp: Language) -> None:
    long = prose(120_000)
    results = list(extract_texts(nlp, [SHORT[0], long, *SHORT[1:], long]))
    short = [results[0], *results[2:-1]]
    before = whole(nlp, SHORT)
    assert [json.dumps(extract.to_json(r)) for r in short] == [json.dumps(extract.to_json(r)) for r in before]
    for text in SHORT:
        assert piece_spans(text) == [(0, len(text))]
        assert extract.cache_key(text, "m", "1") == whole_key(text, "m", "1")  # the cache holds
    assert extract.cache_key(long, "m", "1") != whole_key(long, "m", "1")  # extracted otherwise


@pytest.mark.slow
def test_pieces_with_worker_processes(nlp: Language) -> None:
    texts = [SHORT[0], prose(nlp.max_length + 1), SENTENCES[2], "Portvale. " + "!" * 300, SHORT[4], SHORT[0]]
    results = list(extract_texts(nlp, texts, batch_size=2, workers=2))
    assert results == list(extract_texts(nlp, texts))
    assert [results[i] for i in (0, 2, 4, 5)] == whole(nlp, [texts[i] for i in (0, 2, 4, 5)])


def test_an_article_over_max_tokens_is_skipped_alone(nlp: Language) -> None:
    long = prose(120_000)  # in pieces
    dense = "Portvale, " * 600  # one piece, over the bound
    texts = [SHORT[0], long, dense, SENTENCES[1]]
    words: list[int] = []
    results = list(extract_bounded(nlp, texts, max_tokens=1_000, on_done=words.append))
    assert [results[0], results[3]] == whole(nlp, [texts[0], texts[3]])
    tokens = len(nlp.make_doc(long))
    assert results[1] == Skipped(f"has {tokens:,} tokens, over max_article_tokens 1,000")
    assert results[2] == Skipped("has 1,200 tokens, over max_article_tokens 1,000")
    assert len(words) == 2


@Language.component("test_slow_component")
def slow_component(doc: Doc) -> Doc:
    time.sleep(0.05)
    return doc


def test_an_article_over_max_seconds_is_skipped_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = rule_pipeline()
    nlp.add_pipe("test_slow_component")
    monkeypatch.setattr(extract, "PIECE_CHARS", 2_000)
    slow = prose(40_000)  # about 20 pieces, 0.05 s each
    short = SENTENCES[0]
    results = list(extract_bounded(nlp, [short, slow, short], max_seconds=0.3))
    assert results[0] == results[2] == from_doc(nlp(short))
    assert isinstance(results[1], Skipped)
    assert re.fullmatch(
        r"took over max_extract_seconds 0\.3 to extract: stopped after [\d.]+ s, having extracted \d+ of its "
        rf"{len(piece_spans(slow))} pieces",
        results[1].reason,
    ), results[1].reason
    (extracted,) = extract_bounded(nlp, [slow], max_seconds=30)  # within the bound, it is extracted
    assert isinstance(extracted, ArticleExtraction)
    assert_consistent(slow, extracted)


def article(path: str, body: str) -> Article:
    return Article(id=Path(path).stem, path=path, title=path, body=body)


@pytest.fixture(scope="module")
def ruler_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ruler_pipeline(tmp_path_factory.mktemp("model") / "kb_test_ruler")


def test_extract_all_reports_what_it_skips(tmp_path: Path, ruler_dir: Path) -> None:
    settings = Settings(root=tmp_path, model=str(ruler_dir), progress=False, max_article_tokens=5_000)
    articles = [article("a.txt", SHORT[0]), article("big/long.txt", prose(120_000)), article("c.txt", SHORT[3])]
    stats, problems = Stats(articles=3), [Problem("bad.txt", "empty")]
    extractions = extract_all(articles, settings, stats, problems)
    assert sorted(extractions) == ["a", "c"]
    assert [a.id for a in articles] == ["a", "c"]  # the skipped one is left out of the rest of the build
    assert problems[0] == Problem("bad.txt", "empty")
    assert problems[1].path == "big/long.txt" and "over max_article_tokens 5,000" in problems[1].reason
    assert (stats.articles, stats.skipped, stats.extracted) == (2, 1, 2)
    # not cached: the next build tries it again, with its own bounds
    again = [article("big/long.txt", prose(120_000))]
    stats = Stats()
    assert list(extract_all(again, settings.with_(max_article_tokens=200_000), stats)) == ["long"]
    assert (stats.extracted, stats.cached) == (1, 0)
    # cached now, and still skipped under a bound it is over: a warm build gives what a cold one does
    stats, problems = Stats(articles=1), []
    assert extract_all(again, settings, stats, problems) == {}
    assert again == [] and [p.path for p in problems] == ["big/long.txt"]
    assert (stats.articles, stats.skipped, stats.extracted, stats.cached) == (0, 1, 0, 0)


def test_a_dask_worker_leaves_skipped_articles_out(ruler_dir: Path) -> None:
    out = extract_batch(str(ruler_dir), 64, [SHORT[0], prose(120_000)], 5_000, 60.0)
    assert out[1] is None
    assert out[0] is not None and extract.from_json(out[0]).mentions


LONG_ARTICLE_CHARS = 1_008_000
NEWS = [  # names the test pipeline does not know, so that the long article makes no huge entity page
    "Secretary of State Antony Blinken met Foreign Minister Dmytro Kuleba in Kyiv on Tuesday.",
    "The Pentagon said the $2.5 billion package would include Bradley fighting vehicles and artillery rounds.",
    "Speaking at a news conference in Brussels, the alliance's chief urged members to deliver ammunition faster.",
    "Russian forces shelled the southern city of Kherson overnight, killing three civilians, the governor said.",
    "The European Union agreed on Thursday to extend its sanctions for another six months, officials said.",
]


@pytest.mark.hostile
def test_a_build_with_an_article_over_spacys_limit(tmp_path: Path, ruler_dir: Path) -> None:
    """``kb build`` publishes the other articles, and the long one or a line saying why it was skipped."""
    paragraphs = (" ".join(NEWS[i % 5 :] + NEWS[: i % 5]) for i in range(LONG_ARTICLE_CHARS // 400))
    body = "\n\n".join(paragraphs)[: LONG_ARTICLE_CHARS - 100] + "\n\nAt last Ilse Brandt spoke.\n"
    long = f"A very long day\n\n{body}"
    assert LONG_ARTICLE_CHARS - 100 < len(long) <= LONG_ARTICLE_CHARS
    files: dict[str, str | bytes] = {
        "a.txt": f"A quiet day\n\n{SENTENCES[0]} {SENTENCES[1]}\n",
        "long.txt": long,
        "b.txt": f"Another day\n\n{SENTENCES[2]} Ilse Brandt met Dara Whitlock.\n",
    }
    dest = project(tmp_path / "project", ruler_dir, files)

    done = build(dest)
    assert done.returncode == 0, done.stderr[-3000:]
    kb = json.loads((dest / "site" / "kb.json").read_text(encoding="utf-8"))
    articles = {a["path"]: a for a in kb["articles"]}
    assert sorted(articles) == ["a.txt", "b.txt", "long.txt"]
    brandt = next(e for e in kb["entities"] if e["name"] == "Ilse Brandt")
    at_end = [m for m in brandt["mentions"] if m["article"] == articles["long.txt"]["id"]]
    assert len(at_end) == 1 and at_end[0]["start"] > LONG_ARTICLE_CHARS - 200  # offset into the whole text
    for path in ("a.txt", "long.txt"):
        assert (dest / "site" / articles[path]["page"] / "index.html").is_file()

    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    model_line = next(line for line in text.splitlines() if line.strip().startswith("model:"))
    config.write_text(text.replace(model_line, f"{model_line}\n      max_article_tokens: 100000"), encoding="utf-8")
    done = build(dest)
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r"skipped long\.txt: has [\d,]+ tokens, over max_article_tokens 100,000", done.stderr)
    kb = json.loads((dest / "site" / "kb.json").read_text(encoding="utf-8"))
    assert sorted(a["path"] for a in kb["articles"]) == ["a.txt", "b.txt"]
    assert not (dest / "site" / articles["long.txt"]["page"]).exists()
    assert (dest / "site" / articles["a.txt"]["page"] / "index.html").is_file()
    assert build(dest, "--strict").returncode == 1
