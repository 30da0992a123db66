"""Resolve: the whole corpus's mentions become one entity per real-world thing
(:mod:`.entities`, with :mod:`.short_forms` and :mod:`.unlabelled`), articles get their dates
(:mod:`.dating`), the reader's overrides apply (:mod:`.curation`), and the facts are found
(:mod:`.facts`). :func:`resolve_all` builds the knowledge base (:mod:`.knowledge`).
"""

from generator.resolve.knowledge import resolve_all

__all__ = ["resolve_all"]
