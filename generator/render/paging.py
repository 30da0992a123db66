"""Which entities get a page of their own.

At thousands of articles most names are mentioned once; a page each would
multiply the site and its search index for little use. An entity gets a page
when it has at least ``page_min_mentions`` mentions, or is a quote's speaker,
an event or an aid package. The others stay in ``kb.json`` and in the text of
the articles that name them, unlinked.
"""

from __future__ import annotations

from dataclasses import replace

from generator.models import KnowledgeBase

ALWAYS = ("event", "aid_package")


def with_pages_only(kb: KnowledgeBase, min_mentions: int) -> KnowledgeBase:
    """The knowledge base as the site shows it: only entities with a page, and what links them."""
    if min_mentions <= 1:
        return kb
    speakers = {q.speaker for q in kb.quotes if q.speaker}
    keep = {e.id for e in kb.entities if len(e.mentions) >= min_mentions or e.id in speakers or e.type in ALWAYS}
    return replace(
        kb,
        entities=[e for e in kb.entities if e.id in keep],
        links={a: [link for link in ls if link.entity in keep] for a, ls in kb.links.items()},
        relations=[r for r in kb.relations if r.source in keep and r.target in keep],
        topics=[replace(t, entities=[x for x in t.entities if x in keep]) for t in kb.topics],
    )
