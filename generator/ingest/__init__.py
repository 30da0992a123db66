"""Ingest: the corpus folder's files read into clean :class:`~generator.models.Article` records.

Readers for text, Markdown and HTML (:mod:`.readers`), front matter and metadata
(:mod:`.metadata`), page furniture taken off (:mod:`.furniture`), hostile input screened
(:mod:`.screen`). A file that cannot be read is a :class:`~generator.models.Problem`, never a
stopped build. :func:`ingest_files` reads them, cached on disk by :class:`IngestCache`.
"""

from generator.ingest.cache import IngestCache
from generator.ingest.readers import corpus_files, ingest_files

__all__ = ["IngestCache", "corpus_files", "ingest_files"]
