"""Derive ``generator/data/verbs.txt``: English verbs in their base form, one per line.

The table is the verb index of WordNet as spaCy's English pipelines ship it for their rule
lemmatizer (the ``lemma_index`` lookup table's "verb" list), single lower-case words only. It
tells that "bursts", "crashes" and "surpasses" are forms of verbs, where a corpus of a few
articles has not used the verb often enough for :func:`generator.resolve.facts.topics.verb_like` to tell.

The pipeline is needed only to derive the table, not to use it::

    python -m tools.verbs_table en_core_web_sm > generator/data/verbs.txt
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable


def derive(index: Iterable[str]) -> list[str]:
    """The table's verbs (sorted): the single-word, lower-case, alphabetic entries of ``index``."""
    return sorted({w for w in index if re.fullmatch(r"[a-z]+", w)})


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - needs a pipeline with a rule lemmatizer
    import spacy

    args = sys.argv[1:] if argv is None else argv
    nlp = spacy.load(args[0] if args else "en_core_web_sm")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"]
    sys.stdout.write("".join(f"{w}\n" for w in derive(index)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
