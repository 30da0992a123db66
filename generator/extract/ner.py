"""Extract: named entities and sentences of each article, with spaCy.

The stage is a pure map: the same text, extractor version and model give
the same :class:`ArticleExtraction`, which is what lets :mod:`.cache` keep
results between builds and ``n_process`` run it in parallel.

A text longer than ``PIECE_CHARS``, or holding long runs of non-space
characters (``LONGEST_WORD``), is extracted in pieces (:func:`piece_spans`), one
at a time, and the pieces' sentences and mentions are put back together with
offsets into the whole text: spaCy refuses a text over its ``max_length``, its
memory grows with the tokens of what it is given at once (about 15 KB a token
with the small English model), and its tokenizer's time with the square of a
run of punctuation. Any other text is extracted whole, as it always was.
:func:`extract_bounded` also leaves out, as :class:`Skipped`, an article over a
number of tokens (counted by the tokenizer alone, before the costly components)
or whose pieces take longer than a time bound.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.metadata
import json
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import ConfigError
from generator.models import ArticleExtraction, Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

EXTRACTOR_VERSION = "1"
PARAGRAPH_BREAKS = "kb_paragraph_breaks"
# A longer text is extracted in pieces of at most this many characters (at most that many
# tokens: about 0.8 GB of spaCy's memory at one token a character, 0.13 GB in prose).
PIECE_CHARS = 50_000
# spaCy's tokenizer takes time in the square of a run of non-space characters that ends in
# punctuation (0.27 s for 2,000 "!", 0.53 s for "$%$%...", 3 min for 50,000 "!"). A piece holds
# runs of at least _RUN_FLOOR characters whose squared lengths add up to LONGEST_WORD ** 2 at
# most (the White House corpus: 0.25 of that at most), and a longer run is cut in pieces of
# LONGEST_WORD characters.
LONGEST_WORD = 2_000
_RUN_FLOOR = 32
_RUN = re.compile(rf"(?<!\S)\S{{{_RUN_FLOOR},}}")
_PIECES = f"pieces of {PIECE_CHARS}, words of {LONGEST_WORD} from {_RUN_FLOOR}"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*[ \t]+")


@dataclass(frozen=True)
class Skipped:
    """An article left out of extraction, and why."""

    reason: str


def model_version(model: str) -> str:
    """Version of an installed pipeline package, or of a pipeline folder."""
    path = Path(model)
    if (path / "meta.json").is_file():
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('name', path.name)}-{meta.get('version', '0')}"
    try:
        return importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError:
        return "unversioned"


def cache_key(text: str, model: str, version: str | None = None) -> str:
    """Key of one article's extraction: text, extractor version and model.

    ``version`` is :func:`model_version` of ``model``; a caller keying many texts looks it up once.
    """
    h = hashlib.sha256()
    parts = [EXTRACTOR_VERSION, model, version or model_version(model), text]
    if in_pieces(text):  # extracted otherwise than whole
        parts.append(_PIECES)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def in_pieces(text: str) -> bool:
    """Whether ``text`` is extracted in more than one piece."""
    return len(text) > PIECE_CHARS or len(piece_spans(text)) > 1


def piece_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces ``text`` is extracted in: consecutive and covering it.

    A piece holds at most ``PIECE_CHARS`` characters and ends after the last paragraph break
    (blank line) of its second half, else its last line break, sentence end or space. It ends
    sooner, before a run of non-space characters, when the squares of its runs' lengths would
    add up to over ``LONGEST_WORD ** 2``; a run longer than ``LONGEST_WORD`` begins a piece and
    is cut every ``LONGEST_WORD`` characters.
    """
    runs = [m.span() for m in _RUN.finditer(text)]
    spans: list[tuple[int, int]] = []
    start, first, size = 0, 0, len(text)
    while start < size:
        while first < len(runs) and runs[first][1] <= start:
            first += 1
        limit, end, cost = min(start + PIECE_CHARS, size), None, 0
        for k in range(first, len(runs)):
            a, b = max(runs[k][0], start), runs[k][1]
            if a >= limit:
                break
            cost += (b - a) ** 2
            if b - a > LONGEST_WORD or cost > LONGEST_WORD**2:
                end = a if a > start else start + LONGEST_WORD
                break
        if end is None:
            end = size if limit == size else _cut(text, start, limit)
        spans.append((start, end))
        start = end
    return spans or [(0, 0)]


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece beginning at ``start`` ends, at ``limit`` at most: see :func:`piece_spans`."""
    low = start + (limit - start) // 2
    for separator in ("\n\n", "\n"):
        i = text.rfind(separator, low, limit)
        if i >= 0:
            return i + len(separator)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, low, limit)]
    if ends:
        return ends[-1]
    i = max(text.rfind(" ", low, limit), text.rfind("\t", low, limit))
    return i + 1 if i >= 0 else limit


def _register_components() -> None:
    from spacy.language import Language

    if PARAGRAPH_BREAKS in Language.factories:
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Doc) -> Doc:
        """A line break always ends a sentence: paragraphs never share one."""
        for token in doc[:-1]:
            if "\n" in token.text or "\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
        return doc


def keep_only(nlp: Language, keep: set[str]) -> set[str]:
    """Remove every component but ``keep`` and those they listen to (a shared tok2vec); return what stays."""
    keep = set(keep)
    for name, component in nlp.components:
        if set(getattr(component, "listening_components", ())) & keep:
            keep.add(name)
    for name in list(nlp.component_names):
        if name not in keep:
            nlp.remove_pipe(name)
    for name in keep:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    return keep


def load_pipeline(model: str) -> Language:
    """Load ``model`` with only what named entities and sentences need."""
    import spacy

    _register_components()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(f"cannot load the spaCy model {model!r}: {exc}") from None
    if "ner" not in nlp.component_names:
        raise ConfigError(f"the spaCy model {model!r} has no 'ner' component")
    keep = {"ner"}
    if "senter" in nlp.component_names:
        keep.add("senter")
    elif "parser" in nlp.component_names:
        keep.add("parser")
    keep = keep_only(nlp, keep)
    if not keep & {"senter", "parser"}:
        nlp.add_pipe("sentencizer", first=True)
    # before the parser, which keeps sentence starts already set (after it, spaCy refuses the change)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser" if "parser" in keep else "ner")
    return nlp


def from_doc(doc: Doc) -> ArticleExtraction:
    sentences: list[Sentence] = []
    starts: list[int] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        sentences.append(Sentence(sent.start_char, sent.end_char))
        starts.append(sent.start)
    mentions = []
    for ent in doc.ents:
        index = max(0, bisect.bisect_right(starts, ent.start) - 1)
        mentions.append(Mention(ent.text, ent.label_, ent.start_char, ent.end_char, index))
    return ArticleExtraction(tuple(sentences), tuple(mentions))


def extract_texts(
    nlp: Language,
    texts: Iterable[str],
    batch_size: int = 64,
    workers: int = 1,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[ArticleExtraction]:
    """Run the pipeline over ``texts`` in order (a long text in pieces); ``on_done(words)`` after each."""
    for result in extract_bounded(nlp, texts, batch_size, workers, on_done=on_done):
        if isinstance(result, Skipped):  # pragma: no cover - nothing is skipped without bounds
            raise AssertionError(result.reason)
        yield result


def extract_bounded(
    nlp: Language,
    texts: Iterable[str],
    batch_size: int = 64,
    workers: int = 1,
    max_tokens: int | None = None,
    max_seconds: float | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[ArticleExtraction | Skipped]:
    """The extraction of each of ``texts``, in order, or :class:`Skipped` with the reason.

    A text of one piece goes through ``nlp.pipe`` with the others, in batches of ``batch_size``
    on ``workers`` processes; one of several pieces is extracted here, a piece at a time.
    Skipped is a text of over ``max_tokens`` tokens, counted by the tokenizer before the other
    components run, and one in pieces whose pieces (counted, then extracted) take longer than
    ``max_seconds``: the time is checked between pieces, so a text of one piece is never
    stopped, and a text in pieces runs over by one piece's time at most. ``on_done(tokens)``
    after each text extracted.
    """
    texts = list(texts)
    whole = [not in_pieces(text) for text in texts]
    skipped: dict[int, Skipped] = {}
    if max_tokens is not None:
        for i, text in enumerate(texts):
            over = tokens_over(nlp, text, max_tokens) if whole[i] else None
            if over is not None:
                skipped[i] = over
    lane = [whole[i] and i not in skipped for i in range(len(texts))]
    docs: Iterator[Doc] = iter(())
    if any(lane):
        docs = nlp.pipe(
            (text for text, go in zip(texts, lane, strict=True) if go), batch_size=batch_size, n_process=workers
        )
    for i, text in enumerate(texts):
        result: ArticleExtraction | Skipped
        if i in skipped:
            yield skipped[i]
            continue
        if whole[i]:
            doc = next(docs)
            result, tokens = from_doc(doc), len(doc)
        else:
            result, tokens = _extract_in_pieces(nlp, text, max_tokens, max_seconds)
        if on_done and not isinstance(result, Skipped):
            on_done(tokens)
        yield result
    for _ in docs:  # there is no text left: this lets spaCy end its worker processes
        pass


def tokens_over(nlp: Language, text: str, max_tokens: int, max_seconds: float | None = None) -> Skipped | None:
    """Why ``text`` is over ``max_tokens``, counted by the tokenizer a piece at a time (stopped,
    and the text skipped, past ``max_seconds``), or None when it is not."""
    if len(text) <= max_tokens:  # a token has one character at least
        return None
    counted, _ = _tokenize(nlp, text, piece_spans(text), max_tokens, time.monotonic(), max_seconds, keep=False)
    return counted if isinstance(counted, Skipped) else None


def _too_many(tokens: int, max_tokens: int, counted: bool = True) -> str:
    return f"has {'' if counted else 'over '}{tokens:,} tokens, over max_article_tokens {max_tokens:,}"


def _late(began: float, max_seconds: float | None) -> bool:
    return max_seconds is not None and time.monotonic() - began > max_seconds


def _stopped(began: float, max_seconds: float | None, step: str, done: int, pieces: int) -> Skipped:
    return Skipped(
        f"took over max_extract_seconds {max_seconds:g} to extract: stopped after "
        f"{time.monotonic() - began:.1f} s, {step} {done} of its {pieces} pieces"
    )


def _tokenize(
    nlp: Language,
    text: str,
    spans: list[tuple[int, int]],
    max_tokens: int | None,
    began: float,
    max_seconds: float | None,
    keep: bool = True,
) -> tuple[deque[Doc] | Skipped, int]:
    """The pieces of ``text`` tokenized (with ``keep``) and their tokens counted, or Skipped."""
    docs: deque[Doc] = deque()
    tokens = 0
    for done, (start, end) in enumerate(spans):
        if _late(began, max_seconds):
            if max_tokens is not None and tokens > max_tokens:
                return Skipped(_too_many(tokens, max_tokens, counted=False)), tokens
            return _stopped(began, max_seconds, "having tokenized", done, len(spans)), tokens
        doc = nlp.make_doc(text[start:end])
        tokens += len(doc)
        if keep and (max_tokens is None or tokens <= max_tokens):  # past the bound, only counted
            docs.append(doc)
    if max_tokens is not None and tokens > max_tokens:
        return Skipped(_too_many(tokens, max_tokens)), tokens
    return docs, tokens


def _extract_in_pieces(
    nlp: Language, text: str, max_tokens: int | None, max_seconds: float | None
) -> tuple[ArticleExtraction | Skipped, int]:
    """One text, a piece at a time: every piece tokenized and counted first, then run through the
    other components; returns the result and the tokens. The time is checked before each piece."""
    began = time.monotonic()
    spans = piece_spans(text)
    docs, tokens = _tokenize(nlp, text, spans, max_tokens, began, max_seconds)
    if isinstance(docs, Skipped):
        return docs, tokens
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for done, (start, _) in enumerate(spans):
        if _late(began, max_seconds):
            return _stopped(began, max_seconds, "having extracted", done, len(spans)), tokens
        piece = from_doc(nlp(docs.popleft()))
        base = len(sentences)
        sentences += (Sentence(s.start + start, s.end + start) for s in piece.sentences)
        mentions += (
            Mention(m.text, m.label, m.start + start, m.end + start, m.sentence + base) for m in piece.mentions
        )
    return ArticleExtraction(tuple(sentences), tuple(mentions)), tokens


# --- serialisation for the cache -------------------------------------------------


def to_json(extraction: ArticleExtraction) -> dict[str, object]:
    return {
        "sentences": [[s.start, s.end] for s in extraction.sentences],
        "mentions": [[m.text, m.label, m.start, m.end, m.sentence] for m in extraction.mentions],
    }


def from_json(data: dict[str, Any]) -> ArticleExtraction:
    """Inverse of :func:`to_json`; raises ValueError/TypeError/KeyError on bad data."""
    sentences = tuple(Sentence(int(s), int(e)) for s, e in data["sentences"])
    mentions = tuple(Mention(str(t), str(label), int(s), int(e), int(i)) for t, label, s, e, i in data["mentions"])
    for m in mentions:
        if not 0 <= m.sentence < max(1, len(sentences)) or m.start > m.end:
            raise ValueError("mention out of range")
    return ArticleExtraction(sentences, mentions)
