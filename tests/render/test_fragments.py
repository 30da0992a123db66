"""Tests of generator.render.fragments: an article's body as HTML with its mentions linked."""

from __future__ import annotations

import re

from generator.models import Article, ArticleExtraction, Entity, EntityMention, KnowledgeBase, Sentence
from generator.render.fragments import linked_body
from generator.resolve.curation import links_of
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


def _kb_of(body: str, spans: list[tuple[str, str, str, int]]) -> KnowledgeBase:
    """One article of ``body`` (sentences end with ".") naming entities: (id, type, surface, nth occurrence)."""
    sentences, start = [], 0
    for para in body.split("\n\n"):
        at = body.index(para, start)
        for s in re.finditer(r"[^.]+\.", para):
            sentences.append(Sentence(at + s.start() + (1 if s.group().startswith(" ") else 0), at + s.end()))
        start = at + len(para)
    entities: dict[str, Entity] = {}
    for entity_id, type_, surface, nth in spans:
        at = [m.start() for m in re.finditer(re.escape(surface), body)][nth]
        index = next(i for i, s in enumerate(sentences) if s.start <= at < s.end)
        entity = entities.setdefault(entity_id, Entity(entity_id, type_, entity_id.title()))  # type: ignore[arg-type]
        entity.mentions.append(EntityMention("a1", index, at, at + len(surface), surface))
    article = Article("a1", "a1.txt", "A1", body)
    extraction = ArticleExtraction(tuple(sentences), ())
    found = list(entities.values())
    return KnowledgeBase([article], {"a1": extraction}, found, links=links_of(found))


def test_only_the_first_mention_of_an_entity_in_a_paragraph_is_linked() -> None:
    body = "Ada Lind met Bo Carr. Lind spoke first.\n\nLind left."
    named = [("ada", "person", "Ada Lind", 0), ("ada", "person", "Lind", 1), ("ada", "person", "Lind", 2)]
    kb = _kb_of(body, [*named, ("bo", "person", "Bo Carr", 0)])
    first, second = linked_body(kb.articles[0], kb, "articles/a1.md")
    assert re.findall(r"<a [^>]*>([^<]+)</a>", first) == ["Ada Lind", "Bo Carr"]
    assert '</span> <span class="kb-s" id="s1">Lind spoke first.' in first  # the second mention is plain text
    assert re.findall(r"<a [^>]*>([^<]+)</a>", second) == ["Lind"]  # a new paragraph links it again


def test_an_event_is_linked_where_the_text_names_it_and_not_where_a_common_noun_stands_for_it() -> None:
    body = "The Iowa caucuses were held. Voters said the caucuses went well. Caucuses ended late."
    named = [("iowa-caucuses", "event", "Iowa caucuses", 0), ("iowa-caucuses-2", "event", "caucuses", 1)]
    kb = _kb_of(body, [*named, ("iowa-caucuses-3", "event", "Caucuses", 0)])
    (paragraph,) = linked_body(kb.articles[0], kb, "articles/a1.md")
    assert re.findall(r"<a [^>]*>([^<]+)</a>", paragraph) == ["Iowa caucuses"]
    assert "the caucuses went well" in paragraph and ">Caucuses ended late." in paragraph


def test_a_subheading_is_a_heading_without_links_and_keeps_its_sentence_anchor() -> None:
    body = "Ada Lind met Bo Carr.\n\nAda Lind in Paris.\n\nLind left Bo Carr."
    named = [("ada", "person", "Ada Lind", 0), ("ada", "person", "Ada Lind", 1), ("ada", "person", "Lind", 2)]
    kb = _kb_of(body, [*named, ("bo", "person", "Bo Carr", 0), ("bo", "person", "Bo Carr", 1)])
    kb.articles[0] = Article("a1", "a1.md", "A1", body, headings=((3, "Ada Lind in Paris."),))
    first, heading, third = linked_body(kb.articles[0], kb, "articles/a1.md")
    assert heading == '<h3><span class="kb-s" id="s1">Ada Lind in Paris.</span></h3>'
    assert first.startswith("<p>") and third.startswith("<p>")
    assert re.findall(r"<a [^>]*>([^<]+)</a>", third) == ["Lind", "Bo Carr"]  # links resume after the heading


def test_a_day_or_a_month_that_dates_an_event_is_not_linked_as_its_name() -> None:
    body = "The council voted on Tuesday. The March for Our Lives began in June."
    named = [("vote", "event", "on Tuesday", 0), ("march", "event", "March for Our Lives", 0)]
    kb = _kb_of(body, [*named, ("june", "event", "in June", 0)])
    (paragraph,) = linked_body(kb.articles[0], kb, "articles/a1.md")
    assert re.findall(r"<a [^>]*>([^<]+)</a>", paragraph) == ["March for Our Lives"]
