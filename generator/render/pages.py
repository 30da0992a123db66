"""Render: the knowledge base as plain Markdown pages, through Jinja templates.

Templates receive data, never corpus text as template source; every piece of
corpus text goes through :func:`md_escape` (or is built by :func:`linked_body`)
so that it stays text in any Markdown engine. Each of those, :func:`yaml_str` and the
templates' ``e`` filter also drop direction controls and zero-width characters
(:mod:`generator.render.text_safety`), and the ``headline`` filter cuts titles and names
shown in ``<title>``, headings and lists to a readable length.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import yaml

from generator import safe_files
from generator.errors import ConfigError
from generator.ingest.readers import safe_url
from generator.models import Article, Entity, EntityType, KnowledgeBase, Quote
from generator.render import disagreements, feeds, graph, jsonld, kbjson, paging, similar, summary, timeline
from generator.render.paths import (
    ARTICLES_DIR,
    TOPICS_DIR,
    TYPE_DIRS,
    TYPE_LABELS,
    article_doc,
    entity_doc,
    relative,
    topic_doc,
    url_of,
)
from generator.render.text_safety import JOINERS, headline, is_cut, strip_controls
from generator.resolve.facts.relations import neighbours
from generator.storage import atomic_write_text

KEEP_FILES = {".gitkeep"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|!#])")  # what Python-Markdown lets a backslash escape
_LINE_START = re.compile(r"^(\s*)([-+=#>])")
_SPACES = re.compile(r"\s+")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def md_escape(text: object) -> str:
    """Corpus text as inert Markdown: no markup, no raw HTML, no entity tricks."""
    return _md_escape(str(text))


@lru_cache(maxsize=1 << 16)  # names are escaped again on every page that links them
def _md_escape(text: str) -> str:
    s = html.escape(_SPACES.sub(" ", strip_controls(text)), quote=False)
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", s))


def yaml_str(text: object) -> str:
    """A value for YAML front matter, written by PyYAML's dumper: always one double-quoted line.

    Direction controls and zero-width characters are dropped (:func:`strip_controls`); other
    characters that do not print (controls, line breaks) become spaces.
    """
    s = strip_controls(str(text))
    if not s.isprintable():
        s = "".join(ch if ch.isprintable() or ch in JOINERS else " " for ch in s)
    return yaml.dump(s, Dumper=_YAML_DUMPER, default_style='"', width=1 << 30, allow_unicode=True).rstrip("\n")


_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Page:
    doc: str
    content: str


@dataclass
class QuoteRow:
    """A quote as the ledger shows it: who, when, which outlets carry it."""

    quote: Quote
    speaker: Entity | None
    date: str | None
    sources: list[tuple[Article, int]]  # (article, sentence), oldest first
    outlets: list[str]  # distinct, in order of first report


def root_of(doc: str) -> str:
    """The relative way from a page's URL up to the site root ("../../")."""
    depth = url_of(doc).count("/")
    return "../" * depth if depth else "./"


def outlet_of(article: Article) -> str:
    return article.outlet or "Unknown outlet"


def escape_shown(value: object) -> markupsafe.Markup:
    """The templates' ``e`` filter: HTML-escaped text without direction controls."""
    if hasattr(value, "__html__"):  # markup a template built, not corpus text
        return markupsafe.escape(value)
    return markupsafe.escape(strip_controls(str(value)))


def graph_attribute(data: graph.Graph) -> str:
    """:func:`graph.attribute` of ``data`` with each node's label as :func:`headline` shows it."""
    return graph.attribute(data.relabelled(headline))


def href(from_doc: str, to_doc: str) -> str:
    """The URL of ``to_doc`` relative to the page of ``from_doc``, for links written as HTML.

    MkDocs rewrites ``.md`` links only in Markdown; raw HTML needs the final URL.
    """
    return root_of(from_doc) + url_of(to_doc)


def linked_body(article: Article, kb: KnowledgeBase, doc: str) -> list[str]:
    """The article's paragraphs as HTML: text escaped, mentions linked, each sentence an anchor.

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

    out: list[str] = []
    link_i = 0
    pos = 0
    for para in body.split("\n\n"):
        p_start = body.index(para, pos)
        p_end = p_start + len(para)
        pos = p_end
        parts: list[str] = []
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
                if start < cursor or end > s_end:
                    continue
                entity = entities[entity_id]
                text_parts.append(text(cursor, start))
                label = f"{TYPE_LABELS[entity.type][0]}: {headline(entity.name)}"
                text_parts.append(
                    f'<a href="{esc(href(doc, entity_doc(entity)))}" title="{esc(label)}">{text(start, end)}</a>'
                )
                cursor = end
            text_parts.append(text(cursor, s_end))
            sentence_html = _SPACES.sub(" ", "".join(text_parts)).strip()
            if index >= 0:
                parts.append(f'<span class="kb-s" id="s{index}">{sentence_html}</span>')
            else:
                parts.append(sentence_html)
        out.append("<p>" + " ".join(parts) + "</p>")
    return out


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


def mentions_html(doc: str, sources: list[tuple[Article, list[tuple[int, str]]]]) -> str:
    """An entity's mentions grouped by article, as HTML kept out of the search index.

    Each sentence links to itself in the article page (``#sN``).
    """
    esc = html.escape
    out = ['<div class="kb-mentions" data-search-exclude>']
    for article, sentences in sources:
        target = esc(href(doc, article_doc(article.id)))
        out.append(f'<h3><a href="{target}">{esc(headline(article.title), quote=False)}</a></h3>')
        meta = " · ".join(esc(strip_controls(x), quote=False) for x in (article.outlet, article.date) if x)
        if meta:
            out.append(f"<p><small>{meta}</small></p>")
        out.append("<ul>")
        for index, sentence in sentences:
            text = esc(_SPACES.sub(" ", strip_controls(sentence)).strip(), quote=False)
            out.append(f'<li>{text} <a href="{target}#s{index}" title="Go to this sentence">↗</a></li>')
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)


def date_span(start: str | None, end: str | None = None) -> str:
    """An event's dates as a reader says them: "2020-06-20", "2020" for a whole year, "2020-06"
    for a whole month, else "2020-06-20 to 2020-06-23"; "undated" when there is none."""
    if not start:
        return "undated"
    if not end or end == start:
        return start
    whole_year = start[4:] == "-01-01" and end[4:] == "-12-31" and start[:4] == end[:4]
    if whole_year:
        return start[:4]
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    if first.day == 1 and first.year == last.year and first.month == last.month and (last + timedelta(days=1)).day == 1:
        return start[:7]
    return f"{start} to {end}"


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
    def __init__(self, templates: Path, kb: KnowledgeBase, site_name: str = "News knowledge base") -> None:
        self.kb = kb
        self.site_name = site_name
        self.env = jinja2.Environment(
            loader=_SafeLoader(templates),
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
        self.by_article: dict[str, list[Entity]] = defaultdict(list)
        for e in kb.entities:
            for article_id in e.articles:
                self.by_article[article_id].append(e)
        self.related = similar.related_articles(kb.articles, kb.entities)
        self.events_of = timeline.events_by_entity(kb.entities)
        self.quote_rows = [self.quote_row(q) for q in kb.quotes]
        self.quote_rows.sort(key=lambda r: (r.date or "9999", r.speaker.name if r.speaker else "", r.quote.id))
        self.quotes_by_speaker: dict[str, list[QuoteRow]] = defaultdict(list)
        self.quotes_by_article: dict[str, list[QuoteRow]] = defaultdict(list)
        for row in self.quote_rows:
            if row.speaker is not None:
                self.quotes_by_speaker[row.speaker.id].append(row)
            for article_id in {src.article for src in row.quote.sources}:
                self.quotes_by_article[article_id].append(row)

    def quote_row(self, q: Quote) -> QuoteRow:
        articles = self.kb.articles_by_id
        sources = sorted(
            ((articles[s.article], s.sentence) for s in q.sources if s.article in articles),
            key=lambda x: (x[0].date or "9999", x[0].id, x[1]),
        )
        outlets = list(dict.fromkeys(outlet_of(a) for a, _ in sources))
        dates = [a.date for a, _ in sources if a.date]
        speaker = self.kb.entities_by_id.get(q.speaker) if q.speaker else None
        return QuoteRow(q, speaker, min(dates) if dates else None, sources, outlets)

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
            root=root_of(doc),
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
        return self._render(
            "article.md.j2",
            doc,
            article=article,
            paragraphs=linked_body(article, self.kb, doc),
            grouped=grouped,
            quotes=self.quotes_by_article.get(article.id, []),
            related=[(self.kb.articles_by_id[r.article], r) for r in self.related.get(article.id, [])],
        )

    def entity_page(self, entity: Entity) -> Page:
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
        by_id = self.kb.entities_by_id
        near = self.neighbours.get(entity.id, [])
        related = [(by_id[i], w) for i, w in near[:15]]
        topics = [t for t in self.kb.topics if entity.id in t.entities]
        first, last = self.date_range(entity.articles)
        return self._render(
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
            outlets=sorted({outlet_of(a) for a, _ in sources}),
            excerpts=summary.excerpts(entity, articles, extractions),
            quotes=self.quotes_by_speaker.get(entity.id, []),
            timeline=timeline.entity_timeline(entity, self.kb, self.events_of),
            local_graph=graph_attribute(graph.local_graph(entity, near, by_id, self.weights, self.sizes))
            if near
            else None,
            jsonld=jsonld.script_json(jsonld.entity_data(entity, by_id, articles)),
            mentions_html=mentions_html(doc, sources),
            search_weight=search_weight(entity),
            search_name=search_words(entity.name),
            search_aliases=search_words(*entity.aliases),
        )

    def date_range(self, article_ids: list[str]) -> tuple[str | None, str | None]:
        """First and last publication date of these articles (when a role was stated)."""
        dates = sorted(d for a in article_ids if (d := self.kb.articles_by_id[a].date))
        return (dates[0], dates[-1]) if dates else (None, None)

    def site_pages(self, dated: list[Article]) -> list[Page]:
        """The pages about the corpus as a whole: timeline, graph, quotes, disagreements, outlets."""
        kb = self.kb
        by_outlet: dict[str, list[Article]] = defaultdict(list)
        for a in dated:
            by_outlet[outlet_of(a)].append(a)
        outlets = sorted(by_outlet.items(), key=lambda x: (-len(x[1]), x[0].casefold()))
        site_graph = graph.site_graph(kb.entities, kb.relations)
        return [
            self._render(
                "timeline.md.j2",
                "timeline.md",
                items=timeline.site_timeline(kb),
                topics=kb.topics,
                entities=kb.entities_by_id,
            ),
            self._render("graph.md.j2", "graph.md", graph=graph_attribute(site_graph), size=len(site_graph.nodes)),
            self._render("quotes.md.j2", "quotes.md", rows=self.quote_rows),
            self._render(
                "disagreements.md.j2",
                "disagreements.md",
                figures=disagreements.figure_disputes(kb.entities),
                dates=disagreements.date_disputes(kb.entities),
                entities=kb.entities_by_id,
                articles=kb.articles_by_id,
            ),
            self._render("outlets.md.j2", "outlets.md", outlets=outlets),
        ]

    def type_index(self, type_: EntityType, entities: list[Entity]) -> Page:
        doc = f"{TYPE_DIRS[type_]}/index.md"
        if type_ == "event":
            # a reader looks events up by when they happened: dated first, oldest first
            starts = {e.id: e.event.date_start if e.event else None for e in entities}
            ranked = sorted(entities, key=lambda e: (starts[e.id] is None, starts[e.id] or "", e.name.casefold()))
        else:
            ranked = sorted(entities, key=lambda e: (-len(e.articles), e.name.casefold()))
        return self._render("type_index.md.j2", doc, type_=type_, entities=ranked, by_id=self.kb.entities_by_id)

    def pages(self) -> Iterator[Page]:
        """Every page, one at a time: a large corpus's pages need not all be in memory."""
        kb = self.kb
        for a in kb.articles:
            yield self.article_page(a)
        for e in kb.entities:
            yield self.entity_page(e)
        by_type: dict[str, list[Entity]] = defaultdict(list)
        for e in kb.entities:
            by_type[e.type].append(e)
        for t in TYPE_DIRS:
            yield self.type_index(t, by_type.get(t, []))
        entities = kb.entities_by_id
        for topic in kb.topics:
            yield self._render(
                "topic.md.j2",
                topic_doc(topic.id),
                topic=topic,
                articles=[kb.articles_by_id[a] for a in topic.articles],
                entities=[entities[e] for e in topic.entities if e in entities],
            )
        yield self._render("topics_index.md.j2", f"{TOPICS_DIR}/index.md", topics=kb.topics)
        dated = sorted(kb.articles, key=lambda a: (a.date or "0000", a.id), reverse=True)
        yield self._render("articles_index.md.j2", f"{ARTICLES_DIR}/index.md", articles=dated)
        yield from self.site_pages(dated)
        counts = Counter(e.type for e in kb.entities)
        yield self._render("home.md.j2", "index.md", counts=counts, articles=dated[:10], kb=kb)


def vendor_files() -> dict[str, str]:
    """Browser libraries the site ships itself (no CDN), taken from installed Python packages."""
    from importlib import resources

    vis = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return {
        "assets/vendor/vis-network.min.js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
        "assets/vendor/vis-network.css": (vis / "vis-network.css").read_text(encoding="utf-8"),
    }


def render(
    kb: KnowledgeBase,
    templates: Path,
    site_name: str = "News knowledge base",
    site_url: str = "",
    page_min_mentions: int = 1,
) -> dict[str, str]:
    """Every output file of the docs folder: relative path -> content.

    Pages go to the entities :func:`paging.with_pages_only` keeps; ``kb.json`` has them all.
    """
    return dict(render_files(kb, templates, site_name, site_url, page_min_mentions))


def render_files(
    kb: KnowledgeBase,
    templates: Path,
    site_name: str = "News knowledge base",
    site_url: str = "",
    page_min_mentions: int = 1,
) -> Iterator[tuple[str, str]]:
    """The files of :func:`render` as (relative path, content), one at a time."""
    shown = paging.with_pages_only(kb, page_min_mentions)
    for page in Renderer(templates, shown, site_name).pages():
        yield page.doc, page.content
    yield "kb.json", kbjson.dumps(kb)
    yield "feed.xml", feeds.rss(kb.articles, site_name, site_url)
    yield "feed.json", feeds.json_feed(kb.articles, site_name, site_url)
    yield from vendor_files().items()
    assets = templates / "assets"
    if assets.is_dir():
        for path in sorted(safe_files.walk(assets)):
            if not path.is_dir() or path.is_symlink():
                _check_template_file(path, templates)
                yield f"assets/{path.relative_to(assets).as_posix()}", path.read_text(encoding="utf-8")


def write_changed(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` unless the file already holds it (its mtime then stays,
    so ``mkdocs serve`` sees no change); returns whether it wrote."""
    try:
        if path.read_bytes() == content.encode("utf-8", "surrogatepass"):  # bytes: no decoding
            return False
    except OSError:
        pass
    atomic_write_text(path, content)
    return True


MANIFEST = ".kb-generated"  # in the docs folder: the files the last build wrote there, one a line


def sync(
    files: dict[str, str] | Iterable[tuple[str, str]], docs: Path, report: Callable[[str], None] | None = None
) -> tuple[int, int]:
    """Write ``files`` into ``docs``, only what changed, and remove what the last build wrote
    there and this one does not; nothing else in ``docs`` is touched.

    The files a build writes are listed in ``docs/.kb-generated`` (hidden, so MkDocs does not
    publish it). A user's own page in the docs folder is never removed, and one at a path the
    generator would write keeps its place (``report`` says which). A docs folder from before
    the list existed is recognised by its ``kb.json`` and taken as wholly generated.
    ``files`` is a dict or (path, content) pairs, consumed one at a time. Returns (files
    written, files removed). Unchanged files keep their mtime, so ``mkdocs serve`` sees no
    change and does not rebuild again.
    """
    docs.mkdir(parents=True, exist_ok=True)
    ours = _generated_before(docs)
    written = removed = 0
    names: list[str] = []
    kept: list[str] = []
    for rel, content in files.items() if isinstance(files, dict) else files:
        path = docs / rel
        if rel not in ours and (path.exists() or path.is_symlink()):
            if not _holds(path, content):
                kept.append(rel)  # the user's file: published as it is
            continue
        names.append(rel)
        written += write_changed(path, content)
    wanted = set(names)
    for rel in sorted(ours - wanted, reverse=True):
        path = docs / rel
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed += 1
        _remove_empty_parents(path.parent, docs)
    write_changed(docs / MANIFEST, "".join(f"{rel}\n" for rel in sorted(wanted)))
    if kept and report is not None:
        shown = ", ".join(kept[:5]) + (", ..." if len(kept) > 5 else "")
        report(f"kept {len(kept)} file(s) of {docs} that the generator did not write, in place of its own: {shown}")
    return written, removed


def remove_generated(docs: Path, also: Iterable[str] = ()) -> int:
    """Delete every file the generator wrote into ``docs`` (its manifest, and ``also``: what a
    build that failed midway had written), leaving the user's files; returns how many."""
    removed = 0
    for rel in sorted(_generated_before(docs) | set(also) | {MANIFEST}, reverse=True):
        path = docs / rel
        if ".." in rel.split("/") or rel.startswith("/") or path.is_symlink() or not path.is_file():
            continue
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
        _remove_empty_parents(path.parent, docs)
    return removed


def _holds(path: Path, content: str) -> bool:
    try:
        return path.read_bytes() == content.encode("utf-8", "surrogatepass")
    except OSError:
        return False


def _generated_before(docs: Path) -> set[str]:
    """The docs files the last build wrote: from the manifest, or every file of a folder an
    earlier version filled (it always wrote ``kb.json``), or none."""
    try:
        listed = (docs / MANIFEST).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        listed = None
    if listed is not None:
        return {rel for rel in listed if rel and not rel.startswith("/") and ".." not in rel.split("/")}
    if (docs / "kb.json").is_file():
        return {
            p.relative_to(docs).as_posix()
            for p in docs.rglob("*")
            if p.is_file() and not p.is_symlink() and p.name not in KEEP_FILES
        }
    return set()


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_relative_to(docs):
        try:
            folder.rmdir()
        except OSError:
            return  # not empty, or not there
        folder = folder.parent
