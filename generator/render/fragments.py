"""The HTML fragments a page embeds in its Markdown: an article's linked body, an entity's
mentions, a graph's data attribute, and the relative links they hold. Text is escaped here,
as it is written (MkDocs rewrites ``.md`` links only in Markdown: raw HTML needs final URLs)."""

from __future__ import annotations

import html

from generator.lexicons.dates import MONTHS, WEEKDAYS
from generator.models import Article, KnowledgeBase
from generator.render import graph
from generator.render.markdown import SPACES
from generator.render.paths import TYPE_LABELS, article_doc, entity_doc, root_of, source_root, url_of
from generator.render.text_safety import headline, strip_controls


def graph_attribute(data: graph.Graph) -> str:
    """:func:`graph.attribute` of ``data`` with each node's label as :func:`headline` shows it."""
    return graph.attribute(data.relabelled(headline))


def href(from_doc: str, to_doc: str, from_source: bool = False) -> str:
    """The URL of ``to_doc`` relative to the page of ``from_doc``, for links written as HTML.

    MkDocs rewrites ``.md`` links only in Markdown; raw HTML needs the final URL. With
    ``from_source``, relative to the source file instead, for an engine that rewrites links
    in raw HTML as it does in Markdown (:func:`~generator.render.paths.source_root`).
    """
    return (source_root if from_source else root_of)(from_doc) + url_of(to_doc)


def linked_body(article: Article, kb: KnowledgeBase, doc: str, from_source: bool = False) -> list[str]:
    """The article's paragraphs as HTML: text escaped, mentions linked, each sentence an anchor.

    In each paragraph the first mention of an entity is linked, not the others. An event is
    linked only where the text names it ("the Iowa caucuses", not "the election" or "died").
    A paragraph that was a subheading in the source is a heading again, with no links.

    HTML rather than Markdown: corpus text then cannot turn into markup, and
    MkDocs skips the costly inline processing of the longest part of the site.
    Direction controls are dropped from each piece after the body is cut at its
    offsets, so that sentences and mentions keep their places.
    """
    extraction = kb.extractions.get(article.id)
    body = article.body
    links = kb.links.get(article.id, [])
    entities = kb.entities_by_id
    sentences = extraction.sentences if extraction else ()
    esc = html.escape

    def text(start: int, end: int) -> str:
        return esc(strip_controls(body[start:end]), quote=False)

    heading_level = {text: level for level, text in article.headings}
    out: list[str] = []
    link_i = 0
    pos = 0
    for para in body.split("\n\n"):
        p_start = body.index(para, pos)
        p_end = p_start + len(para)
        pos = p_end
        parts: list[str] = []
        linked: set[str] = set()  # the entities linked in this paragraph
        level = heading_level.get(para)
        spans = [(s.start, s.end, i) for i, s in enumerate(sentences) if p_start <= s.start < p_end]
        if not spans:
            spans = [(p_start, p_end, -1)]
        for s_start, s_end, index in spans:
            s_end = min(s_end, p_end)
            text_parts: list[str] = []
            cursor = s_start
            while link_i < len(links) and links[link_i].start < s_end:
                start, end, entity_id = links[link_i]
                link_i += 1
                if level or start < cursor or end > s_end or entity_id in linked:
                    continue
                entity = entities[entity_id]
                if entity.type == "event" and not names(body[start:end], _opens(body, s_start, start)):
                    continue
                linked.add(entity_id)
                text_parts.append(text(cursor, start))
                label = f"{TYPE_LABELS[entity.type][0]}: {headline(entity.name)}"
                target = esc(href(doc, entity_doc(entity), from_source))
                text_parts.append(f'<a href="{target}" title="{esc(label)}">{text(start, end)}</a>')
                cursor = end
            text_parts.append(text(cursor, s_end))
            sentence_html = SPACES.sub(" ", "".join(text_parts)).strip()
            if index >= 0:
                parts.append(f'<span class="kb-s" id="s{index}">{sentence_html}</span>')
            else:
                parts.append(sentence_html)
        tag = f"h{level}" if level else "p"
        out.append(f"<{tag}>" + " ".join(parts) + f"</{tag}>")
    return out


def _opens(body: str, sentence_start: int, start: int) -> bool:
    """Whether a mention at ``start`` opens its sentence (quotes and a bracket aside)."""
    return not body[sentence_start:start].strip(" \t\n\"'“‘(")


def names(text: str, opens_sentence: bool) -> bool:
    """Whether ``text`` is written as a name: a word with a capital, the sentence's first word aside,
    that is not a day or a month ("on Tuesday" dates an event, it does not name it)."""
    words = text.split()[1:] if opens_sentence else text.split()
    return any(w[:1].isupper() and w.lower().strip(".,") not in _CALENDAR_WORDS for w in words)


_CALENDAR_WORDS = {*WEEKDAYS, *MONTHS}


def mentions_html(doc: str, sources: list[tuple[Article, list[tuple[int, str]]]], from_source: bool = False) -> str:
    """An entity's mentions grouped by article, as HTML kept out of the search index.

    Each sentence links to itself in the article page (``#sN``).
    """
    esc = html.escape
    out = ['<div class="kb-mentions" data-search-exclude>']
    for article, sentences in sources:
        target = esc(href(doc, article_doc(article.id), from_source))
        out.append(f'<h3><a href="{target}">{esc(headline(article.title), quote=False)}</a></h3>')
        meta = " · ".join(esc(strip_controls(x), quote=False) for x in (article.outlet, article.date) if x)
        if meta:
            out.append(f"<p><small>{meta}</small></p>")
        out.append("<ul>")
        for index, sentence in sentences:
            text = esc(SPACES.sub(" ", strip_controls(sentence)).strip(), quote=False)
            out.append(f'<li>{text} <a href="{target}#s{index}" title="Go to this sentence">↗</a></li>')
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)
