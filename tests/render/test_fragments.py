"""Tests of generator.render.fragments: an article's body as HTML with its mentions linked."""

from __future__ import annotations

import re

from generator.render.fragments import linked_body
from tests.render.test_pages import small_kb


def test_linked_body_wraps_sentences_and_links_mentions() -> None:
    kb = small_kb()
    paragraphs = linked_body(kb.articles_by_id["a1"], kb, "articles/a1.md")
    assert len(paragraphs) == 2
    first, second = paragraphs
    assert re.findall(r'<span class="kb-s" id="(s\d+)">', first) == ["s0", "s1"]
    assert re.findall(r'<span class="kb-s" id="(s\d+)">', second) == ["s2"]
    # HTML with final URLs (MkDocs rewrites .md links in Markdown only)
    assert '<a href="../../people/edith-marlow/" title="Person: Edith Marlow">Edith Marlow</a>' in first
    assert '<a href="../../places/paris/" title="Place: Paris">Paris</a>' in first
    assert '<a href="../../people/edith-marlow/" title="Person: Edith Marlow">Marlow</a>' in second
    assert '<a href="../../organizations/harbor-council/"' in second
    # words around links keep their spaces
    assert "met <a " in first and "</a> in <a " in first
    # corpus text stays inert
    assert "<b>" not in first and "&lt;b&gt;" in first
    assert '<span class="kb-s" id="s1"># She said' in first
    assert first.startswith("<p>") and first.endswith("</p>")


def test_linked_body_without_extraction_is_plain_paragraphs() -> None:
    kb = small_kb()
    kb.extractions.pop("a1")
    kb.links.pop("a1")
    paragraphs = linked_body(kb.articles_by_id["a1"], kb, "articles/a1.md")
    assert len(paragraphs) == 2
    assert "kb-s" not in paragraphs[0]
    assert paragraphs[1] == "<p>Later the Harbor Council praised Marlow.</p>"
