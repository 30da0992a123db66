"""Extract: spaCy's named entities and sentences of each article (:mod:`.ner`), a pure function
of the text and the model, cached by content; on a Dask cluster for large corpora
(:mod:`.distributed`). :func:`extract_all` extracts a corpus (:mod:`.batch`).
"""

from generator.extract.batch import extract_all

__all__ = ["extract_all"]
