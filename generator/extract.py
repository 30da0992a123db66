"""Extract: named entities and sentences of each article, with spaCy.

The stage is a pure map: the same text, extractor version and model give
the same :class:`ArticleExtraction`, which is what lets :mod:`.cache` keep
results between builds and ``n_process`` run it in parallel.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.metadata
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConfigError
from .models import ArticleExtraction, Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

EXTRACTOR_VERSION = "1"
PARAGRAPH_BREAKS = "kb_paragraph_breaks"


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
    for part in (EXTRACTOR_VERSION, model, version or model_version(model), text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


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
) -> Iterable[ArticleExtraction]:
    """Run the pipeline over ``texts`` in order; ``on_done(words)`` after each."""
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        result = from_doc(doc)
        if on_done:
            on_done(len(doc))
        yield result


# --- serialisation for the cache -------------------------------------------------


def to_json(extraction: ArticleExtraction) -> dict[str, object]:
    return {
        "sentences": [[s.start, s.end] for s in extraction.sentences],
        "mentions": [[m.text, m.label, m.start, m.end, m.sentence] for m in extraction.mentions],
    }


def from_json(data: dict[str, object]) -> ArticleExtraction:
    """Inverse of :func:`to_json`; raises ValueError/TypeError/KeyError on bad data."""
    sentences = tuple(Sentence(int(s), int(e)) for s, e in data["sentences"])  # type: ignore[union-attr]
    mentions = tuple(
        Mention(str(t), str(label), int(s), int(e), int(i))
        for t, label, s, e, i in data["mentions"]  # type: ignore[union-attr]
    )
    for m in mentions:
        if not 0 <= m.sentence < max(1, len(sentences)) or m.start > m.end:
            raise ValueError("mention out of range")
    return ArticleExtraction(sentences, mentions)
