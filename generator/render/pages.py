"""Render: the knowledge base as plain Markdown pages, through Jinja templates.

The :class:`Renderer` gathers each page's data (its view model) and hands it to a template;
templates receive data, never corpus text as template source. Corpus text reaches a page
escaped, through the filters of :mod:`.markdown` (``md``, ``yaml``, ``e``) or as the HTML of
:mod:`.fragments`; the ``headline`` filter cuts titles and names shown in ``<title>``,
headings and lists to a readable length. :func:`render_files` yields every file of the docs
folder; :mod:`.docs_folder` writes them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator import safe_files, search_records
from generator.errors import ConfigError
from generator.ingest.readers import safe_url
from generator.models import Article, Entity, EntityType, KnowledgeBase, Topic
from generator.render import (
    disagreements,
    feeds,
    graph,
    indexes,
    jsonld,
    kbjson,
    names,
    paging,
    similar,
    summary,
    timeline,
)
from generator.render.fragments import graph_attribute, linked_body, mentions_html
from generator.render.markdown import date_span, escape_shown, md_escape, yaml_str
from generator.render.paths import (
    ARTICLES_DIR,
    TOPICS_DIR,
    TYPE_DIRS,
    TYPE_LABELS,
    article_doc,
    entity_doc,
    mentions_doc,
    relative,
    root_of,
    source_root,
    topic_doc,
    url_of,
)
from generator.render.quotes import QuoteRow, best_carried, outlet_of, quote_row
from generator.render.text_safety import headline, is_cut, strip_controls
from generator.resolve.facts.relations import neighbours


@dataclass
class Page:
    doc: str
    content: str


QUOTES_SHOWN = 10  # a speaker's quotes its page shows; the quotes ledger lists them all
TOPIC_ARTICLES = 20  # the newest articles a topic's page lists; the articles index filters them all
TOPIC_ENTITIES = 10  # of each type, the entities a topic's page lists, in most articles first
DISPUTES_PER_PAGE = 25  # figures or dates in dispute, on one page of disagreements
MENTION_ARTICLES = 20  # articles whose mentions one page shows; an entity's others go on on pages of their own


@dataclass(frozen=True)
class Pager:
    """One page of an entity's mentions, as the links between those pages name it."""

    number: int
    articles: int  # in all, on every page
    doc: str

    @property
    def first(self) -> int:
        return (self.number - 1) * MENTION_ARTICLES + 1

    @property
    def last(self) -> int:
        return min(self.number * MENTION_ARTICLES, self.articles)


def search_words(*names: str) -> str:
    """Names as plain words for the search metadata, comma-separated: punctuation becomes a space.

    Pagefind splits "Ukraine-NATO" into "ukraine", "nato" and "ukrainenato" and counts
    each, so a hyphenated name would outrank the plain one; plain words also need no
    escaping in an attribute.
    """
    return ", ".join(" ".join(re.findall(r"\w+", strip_controls(name))) for name in names)


def search_weight(entity: Entity) -> float:
    """The search weight of an entity page's name (Pagefind's 0-10 scale; a heading is 7).

    More for an entity mentioned more: a reader who types "NATO" wants NATO's page
    before the "Ukraine-NATO Council" or a "NATO summit". Names made of other names
    (events, aid packages) gain half as much.
    """
    gain = math.log2(1 + len(entity.mentions))
    if entity.type in ("event", "aid_package"):
        gain /= 2
    return round(min(10.0, 4 + gain), 1)


class _SafeLoader(jinja2.FileSystemLoader):
    """Templates from the templates folder only: a link pointing outside it, or a file that
    is not regular, is refused with a line naming it (:mod:`generator.safe_files`)."""

    def __init__(self, root: Path) -> None:
        super().__init__(str(root))
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        _check_template_file(self.root / template, self.root)
        return super().get_source(environment, template)


def _check_template_file(path: Path, root: Path) -> None:
    reason = safe_files.unsafe_reason(path, root) if path.exists() or path.is_symlink() else None
    if reason is not None:
        raise ConfigError(f"{path}: {reason}; not read")


class Renderer:
    def __init__(
        self,
        templates: Path | Sequence[Path],
        kb: KnowledgeBase,
        site_name: str = "News knowledge base",
        hrefs_from_source: bool = False,
    ) -> None:
        """``templates``: a folder, or folders looked in in turn (a project's, then the package's).
        ``hrefs_from_source``: links in raw HTML relative to the page's source file, for an engine
        that rewrites them as Markdown links (:func:`~generator.render.paths.source_root`)."""
        self.kb = kb
        self.from_source = hrefs_from_source
        self.site_name = site_name
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader([_SafeLoader(d) for d in _folders(templates)]),
            autoescape=False,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["md"] = md_escape
        self.env.filters["yaml"] = yaml_str
        self.env.filters["e"] = self.env.filters["escape"] = escape_shown
        self.env.filters["headline"] = headline
        self.env.filters["span"] = date_span
        self.env.tests["cut"] = is_cut
        self.env.filters["safe_url"] = lambda url: safe_url(str(url)) or "" if url else ""
        self.neighbours = neighbours(kb.relations)
        self.weights = graph.pair_weights(kb.relations)
        self.sizes = {e.id: len(e.articles) for e in kb.entities}
        self.names = {e.id: e.name for e in kb.entities}
        self.exact_names = names.Names()  # filled as entity pages are rendered
        self.records = search_records.Records()  # filled as entity, article and topic pages render
        self.entity_topics, self.article_topics = indexes.topics_of(kb)
        self.by_article: dict[str, list[Entity]] = defaultdict(list)
        for e in kb.entities:
            for article_id in e.articles:
                self.by_article[article_id].append(e)
        self.related = similar.related_articles(kb.articles, kb.entities)
        self.events_of = timeline.events_by_entity(kb.entities)
        self.quote_rows = [quote_row(q, kb.articles_by_id, kb.entities_by_id) for q in kb.quotes]
        self.quote_rows.sort(key=lambda r: (r.date or "9999", r.speaker.name if r.speaker else "", r.quote.id))
        self.quotes_by_speaker: dict[str, list[QuoteRow]] = defaultdict(list)
        self.quotes_by_article: dict[str, list[QuoteRow]] = defaultdict(list)
        for row in self.quote_rows:
            if row.speaker is not None:
                self.quotes_by_speaker[row.speaker.id].append(row)
            for article_id in {src.article for src in row.quote.sources}:
                self.quotes_by_article[article_id].append(row)

    def _render(self, template: str, doc: str, **context: Any) -> Page:
        def link(target_doc: str) -> str:
            return relative(doc, target_doc)

        content = self.env.get_template(template).render(
            doc=doc,
            link=link,
            entity_doc=entity_doc,
            article_doc=article_doc,
            topic_doc=topic_doc,
            type_labels=TYPE_LABELS,
            type_dirs=TYPE_DIRS,
            site_name=self.site_name,
            root=root_of(doc),  # for the page script (data attributes, which no engine rewrites)
            href_root=(source_root if self.from_source else root_of)(doc),  # for links (href)
            outlet_of=outlet_of,
            **context,
        )
        return Page(doc, content)

    def article_page(self, article: Article) -> Page:
        doc = article_doc(article.id)
        mentioned = sorted(self.by_article[article.id], key=lambda e: (e.type, e.name.casefold()))
        grouped: dict[str, list[Entity]] = defaultdict(list)
        for e in mentioned:
            grouped[e.type].append(e)
        shown = [article.outlet, article.date]
        self.records.add(
            search_records.Record(
                url=url_of(doc),
                type="Article",
                title=headline(article.title),
                summary=strip_controls(", ".join(x for x in shown if x)) or "Article",
                words=" ".join(strip_controls(x) for x in [*shown, article.author] if x),
                full_title=strip_controls(article.title) if is_cut(article.title) else "",
            )
        )
        return self._render(
            "article.md.j2",
            doc,
            article=article,
            paragraphs=linked_body(article, self.kb, doc, self.from_source),
            grouped=grouped,
            quotes=self.quotes_by_article.get(article.id, []),
            related=[(self.kb.articles_by_id[r.article], r) for r in self.related.get(article.id, [])],
        )

    def entity_pages(self, entity: Entity) -> Iterator[Page]:
        """An entity's page and, when its mentions are in more than :data:`MENTION_ARTICLES`
        articles, the pages that go on with them, oldest article first: no page grows without
        bound with the corpus."""
        doc = entity_doc(entity)
        extractions = self.kb.extractions
        articles = self.kb.articles_by_id
        by_article: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for m in entity.mentions:
            sentence = extractions[m.article].sentence_text(articles[m.article].body, m.sentence)
            if (m.sentence, sentence) not in by_article[m.article]:
                by_article[m.article].append((m.sentence, sentence))
        sources = sorted(
            ((articles[a], sents) for a, sents in by_article.items()),
            key=lambda x: (x[0].date or "", x[0].id),
        )
        sentences = sum(len(s) for _, s in sources)
        chunks = [sources[i : i + MENTION_ARTICLES] for i in range(0, len(sources), MENTION_ARTICLES)] or [[]]
        pager = [Pager(n, len(sources), mentions_doc(entity, n)) for n in range(1, len(chunks) + 1)]
        by_id = self.kb.entities_by_id
        near = self.neighbours.get(entity.id, [])
        related = [(by_id[i], w) for i, w in near[:15]]
        topics = [t for t in self.kb.topics if entity.id in t.entities]
        first, last = self.date_range(entity.articles)
        quotes = self.quotes_by_speaker.get(entity.id, [])
        search_summary = summary.one_line(entity, self.names, len(sources), first, last)
        self.exact_names.add(
            [entity.name, *entity.aliases],
            url_of(doc),
            TYPE_LABELS[entity.type][0],
            strip_controls(entity.name),
            search_summary,
            len(entity.mentions),
        )
        self.records.add(
            search_records.Record(
                url=url_of(doc),
                type=TYPE_LABELS[entity.type][0],
                title=headline(entity.name),
                summary=strip_controls(search_summary),
                words=strip_controls("; ".join(summary.roles(entity, self.names))),
                name=search_words(entity.name),
                aliases=search_words(*entity.aliases),
                weight=search_weight(entity),
            )
        )
        yield self._render(
            "entity.md.j2",
            doc,
            entity=entity,
            sources=sources,
            related=related,
            topics=topics,
            entities=by_id,
            articles=articles,
            date_range=self.date_range,
            first_seen=first,
            last_seen=last,
            outlets=sorted({a.outlet for a, _ in sources if a.outlet}),
            # one or two sentences in all: the mentions show them, the summary need not
            excerpts=summary.excerpts(entity, articles, extractions) if sentences > 2 else [],
            quotes=best_carried(quotes, QUOTES_SHOWN),
            quotes_total=len(quotes),
            # its events; its articles are listed, by date, under its mentions
            timeline=[i for i in timeline.entity_timeline(entity, self.kb, self.events_of) if i.kind == "event"],
            # a graph of the entity and one other says no more than the list beside it
            local_graph=graph_attribute(graph.local_graph(entity, near, by_id, self.weights, self.sizes))
            if len(near) > 1
            else None,
            jsonld=jsonld.script_json(jsonld.entity_data(entity, by_id, articles)),
            mentions_html=mentions_html(doc, chunks[0], self.from_source),
            pager=pager,
        )
        for n in range(2, len(chunks) + 1):
            page_doc = mentions_doc(entity, n)
            mentions = mentions_html(page_doc, chunks[n - 1], self.from_source)
            yield self._render("mentions.md.j2", page_doc, entity=entity, pager=pager, page=n, mentions_html=mentions)

    def topic_page(self, topic: Topic) -> Page:
        """A topic's newest articles and, of each type, the entities in most of its articles: the
        indexes, filtered by the topic, list the others, so that no topic page grows with the corpus."""
        kb = self.kb
        articles = sorted(
            (kb.articles_by_id[a] for a in topic.articles if a in kb.articles_by_id),
            key=lambda a: (a.date or "", a.id),
            reverse=True,
        )
        in_topic = set(topic.articles)
        by_type: dict[str, list[tuple[Entity, int]]] = defaultdict(list)
        for e in (kb.entities_by_id[i] for i in topic.entities if i in kb.entities_by_id):
            by_type[e.type].append((e, sum(1 for a in e.articles if a in in_topic)))
        grouped = {t: sorted(items, key=lambda x: (-x[1], x[0].name.casefold())) for t, items in by_type.items()}
        self.records.add(
            search_records.Record(
                url=url_of(topic_doc(topic.id)),
                type="Topic",
                title=headline(topic.name),
                summary=f"{len(articles)} article{'s' if len(articles) != 1 else ''}",
                words=strip_controls(", ".join(topic.keywords)),
            )
        )
        return self._render(
            "topic.md.j2",
            topic_doc(topic.id),
            topic=topic,
            articles=articles[:TOPIC_ARTICLES],
            total_articles=len(articles),
            grouped=grouped,
            shown=TOPIC_ENTITIES,
        )

    def date_range(self, article_ids: list[str]) -> tuple[str | None, str | None]:
        """First and last publication date of these articles (when a role was stated)."""
        dates = sorted(d for a in article_ids if (d := self.kb.articles_by_id[a].date))
        return (dates[0], dates[-1]) if dates else (None, None)

    def site_pages(self, dated: list[Article]) -> Iterator[Page]:
        """The pages about the corpus as a whole: timeline, graph, quotes, disagreements, outlets.

        The timeline, the quotes ledger and the outlets are indexes: a first page, and the
        whole list as data files in the folder of the page's address (:meth:`_index_pages`).
        """
        kb = self.kb
        items = timeline.site_timeline(kb)
        yield from self._index_pages("timeline.md", "timeline.md.j2", indexes.timeline_index(items, kb.entities_by_id))
        site_graph = graph.site_graph(kb.entities, kb.relations, topics=self.entity_topics, articles=len(kb.articles))
        yield self._render(
            "graph.md.j2",
            "graph.md",
            graph=graph_attribute(site_graph),
            size=len(site_graph.nodes),
            hubs=sum(n.hub for n in site_graph.nodes),
            topics=[t for t in kb.topics if any(t.id in n.topics for n in site_graph.nodes)],
        )
        data = indexes.quote_index(self.quote_rows, self.article_topics)
        outlets = indexes.outlet_index(dated)
        yield from self._index_pages(
            "quotes.md",
            "quotes.md.j2",
            data,
            outlets=[row[0] for row in outlets.rows],
            undated=not all(r[4] for r in data.rows),
        )
        yield from self.disagreement_pages()
        no_outlet = sum(1 for a in dated if not a.outlet)
        yield from self._index_pages("outlets.md", "outlets.md.j2", indexes.outlet_index(dated), no_outlet=no_outlet)

    def disagreement_pages(self) -> Iterator[Page]:
        """The figures and dates the sources give differently, :data:`DISPUTES_PER_PAGE` to a page:
        ``disagreements.md``, then ``disagreements/2.md`` and on."""
        kb = self.kb
        figures: list[tuple[str, Any]] = [
            ("figure", (e, disagreements.figure_sources(e, kb.articles_by_id, kb.extractions)))
            for e in disagreements.figure_disputes(kb.entities)
        ]
        dates: list[tuple[str, Any]] = [
            ("date", (d, [(e, disagreements.sentences_of(e, kb.articles_by_id, kb.extractions)) for e in d.events]))
            for d in disagreements.date_disputes(kb.entities)
        ]
        items = figures + dates
        chunks = [items[i : i + DISPUTES_PER_PAGE] for i in range(0, len(items), DISPUTES_PER_PAGE)] or [[]]
        docs = ["disagreements.md"] + [f"disagreements/{n}.md" for n in range(2, len(chunks) + 1)]
        for n, chunk in enumerate(chunks, start=1):
            yield self._render(
                "disagreements.md.j2",
                docs[n - 1],
                figures=[x for kind, x in chunk if kind == "figure"],
                dates=[x for kind, x in chunk if kind == "date"],
                total_figures=len(figures),
                total_dates=len(dates),
                page=n,
                pages=docs,
                entities=kb.entities_by_id,
                articles=kb.articles_by_id,
            )

    def type_index(self, type_: EntityType, entities: list[Entity]) -> Iterator[Page]:
        """The index of one type: its first rows, and the whole list as data files beside it."""
        folder = TYPE_DIRS[type_]
        if type_ == "event":
            # a reader looks events up by when they happened: dated first, oldest first
            starts = {e.id: e.event.date_start if e.event else None for e in entities}
            ranked = sorted(entities, key=lambda e: (starts[e.id] is None, starts[e.id] or "", e.name.casefold()))
            data = indexes.event_index(ranked, self.names, self.entity_topics)
        else:
            ranked = sorted(entities, key=lambda e: (-len(e.articles), e.name.casefold()))
            data = indexes.entity_index(ranked, self.entity_topics)
        yield from self._index_pages(f"{folder}/index.md", "type_index.md.j2", data, type_=type_)

    def _index_pages(self, doc: str, template: str, data: indexes.IndexData, **context: Any) -> Iterator[Page]:
        """An index page with its first rows, and its whole list as data files (``index.json``
        and its chunks) in the folder of the page's address (``people/index.md`` and
        ``quotes.md`` are read at ``people/`` and ``quotes/``)."""
        topics = [t for t in self.kb.topics if t.articles]
        folder = doc.removesuffix(".md").removesuffix("/index")
        yield self._render(
            template,
            doc,
            rows=data.first_page(),
            total=len(data.rows),
            page_rows=indexes.PAGE_ROWS,
            topics=topics,
            topic_names={t.id: t.name for t in topics},
            src=f"{folder}/index.json",
            **context,
        )
        for name, text in data.files():
            yield Page(f"{folder}/{name}", text)

    def pages(self) -> Iterator[Page]:
        """Every page, one at a time: a large corpus's pages need not all be in memory."""
        kb = self.kb
        for a in kb.articles:
            yield self.article_page(a)
        for e in kb.entities:
            yield from self.entity_pages(e)
        by_type: dict[str, list[Entity]] = defaultdict(list)
        for e in kb.entities:
            by_type[e.type].append(e)
        for t in TYPE_DIRS:
            yield from self.type_index(t, by_type.get(t, []))
        for topic in kb.topics:
            yield self.topic_page(topic)
        yield from self._index_pages(f"{TOPICS_DIR}/index.md", "topics_index.md.j2", indexes.topic_index(kb.topics))
        dated = sorted(kb.articles, key=lambda a: (a.date or "0000", a.id), reverse=True)
        data = indexes.article_index(dated, self.article_topics)
        outlets = sorted({a.outlet for a in dated if a.outlet}, key=str.casefold)
        yield from self._index_pages(
            f"{ARTICLES_DIR}/index.md",
            "articles_index.md.j2",
            data,
            outlets=outlets,
            no_outlet=any(not a.outlet for a in dated),
        )
        yield from self.site_pages(dated)
        counts = Counter(e.type for e in kb.entities)
        yield self._render("home.md.j2", "index.md", counts=counts, articles=dated[:10], kb=kb)
        for path, content in [*self.exact_names.dumps(), *self.records.dumps()]:
            yield Page(path, content)


VENDORED = ("vis-network.min.js", "vis-network.css", "vis-network.LICENSE.txt")


def vendor_files() -> dict[str, str]:
    """Browser libraries the site ships itself (no CDN), with their licences: vis-network 9.1.2,
    kept unmodified in ``generator/vendor/``."""
    from importlib import resources

    vendor = resources.files("generator") / "vendor"
    return {f"assets/vendor/{name}": (vendor / name).read_text(encoding="utf-8") for name in VENDORED}


def _folders(templates: Path | Sequence[Path]) -> list[Path]:
    return [templates] if isinstance(templates, Path) else list(templates)


def render(
    kb: KnowledgeBase,
    templates: Path | Sequence[Path],
    site_name: str = "News knowledge base",
    site_url: str = "",
    page_min_mentions: int = 1,
    hrefs_from_source: bool = False,
) -> dict[str, str]:
    """Every output file of the docs folder: relative path -> content.

    Pages go to the entities :func:`paging.with_pages_only` keeps; ``kb.json`` has them all.
    """
    return dict(render_files(kb, templates, site_name, site_url, page_min_mentions, hrefs_from_source))


def render_files(
    kb: KnowledgeBase,
    templates: Path | Sequence[Path],
    site_name: str = "News knowledge base",
    site_url: str = "",
    page_min_mentions: int = 1,
    hrefs_from_source: bool = False,
) -> Iterator[tuple[str, str]]:
    """The files of :func:`render` as (relative path, content), one at a time."""
    shown = paging.with_pages_only(kb, page_min_mentions)
    for page in Renderer(templates, shown, site_name, hrefs_from_source).pages():
        yield page.doc, page.content
    yield "kb.json", kbjson.dumps(kb)
    yield "feed.xml", feeds.rss(kb.articles, site_name, site_url)
    yield "feed.json", feeds.json_feed(kb.articles, site_name, site_url)
    yield from vendor_files().items()
    given: set[str] = set()  # an asset of the first folder that has it
    for folder in _folders(templates):
        assets = folder / "assets"
        if assets.is_dir():
            for path in sorted(safe_files.walk(assets)):
                name = f"assets/{path.relative_to(assets).as_posix()}"
                if (not path.is_dir() or path.is_symlink()) and name not in given:
                    given.add(name)
                    _check_template_file(path, folder)
                    yield name, path.read_text(encoding="utf-8")
