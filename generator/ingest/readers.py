"""Ingest: read a corpus folder into cleaned :class:`Article` records.

Readers are chosen by file extension (``.txt``, ``.md``/``.markdown``,
``.html``/``.htm``). A file that cannot be used becomes a :class:`Problem`
naming the file and the reason; it never stops the other files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator import safe_files
from generator.errors import ArticleError
from generator.ingest import furniture, headings, metadata, screen
from generator.ingest.cache import IngestCache, ingest_key
from generator.models import Article, Problem
from generator.slugs import SlugRegistry

TEXT_EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
FRONT_MATTER_FIELDS = ("title", "date", "outlet", "author", "url")
MAX_BYTES = 5_000_000  # default limits of one article: file size, seconds to read and clean it
MAX_SECONDS = 10.0
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class RawDocument:
    """Decoded text of one file, before cleaning."""

    path: str
    kind: str
    text: str


def corpus_files(corpus: Path) -> list[Path]:
    """Every article file under ``corpus``, sorted, hidden files skipped.

    Listed too, so that reading them gives a line saying why they are skipped: entries
    named like articles that are not regular files (a FIFO, a folder ``x.md``, a link
    pointing outside the corpus) and links to folders, which are never followed
    (:mod:`generator.safe_files`).
    """
    files = [p for p in safe_files.walk(corpus) if p.suffix.lower() in TEXT_EXTENSIONS or _folder_link(p)]
    return sorted(files, key=lambda p: p.relative_to(corpus).as_posix())


def _folder_link(path: Path) -> bool:
    return path.is_symlink() and path.is_dir()


def decode(path: str, data: bytes, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise ArticleError(path, f"file is over the limit of {max_bytes:,} bytes")
    if b"\x00" in data:
        raise ArticleError(path, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(path, f"undecodable bytes at offset {exc.start}: not UTF-8 text") from None
    if not text.strip():
        raise ArticleError(path, "empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _TextLoader(yaml.SafeLoader):
    """PyYAML's safe loader with every plain scalar kept a string: no "yes" -> True,
    no date objects that can fail."""


_TextLoader.yaml_implicit_resolvers = {}


def split_front_matter(path: str, text: str, warnings: list[str] | None = None) -> tuple[dict[str, str], str]:
    """Front matter fields (strings) and the body that follows them.

    A field whose value cannot be used (a list where text is expected, a url that is
    not an http(s) address) is dropped, with a line saying why added to ``warnings``.
    """
    warnings = [] if warnings is None else warnings
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    source = m.group(1) or ""
    screen.check_front_matter(path, source)
    try:
        data = yaml.load(source, Loader=_TextLoader)  # noqa: S506 - a SafeLoader
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(path, f"broken front matter: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError(path, "broken front matter: expected key: value pairs")
    fields: dict[str, str] = {}
    for key in FRONT_MATTER_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            warnings.append(f"front matter {key} is a {_type_name(value)}, not text; ignored")
            continue
        if value.strip():
            fields[key] = value.strip()
    if "url" in fields and safe_url(fields["url"]) is None:
        warnings.append(f"front matter url {fields.pop('url')[:80]!r} is not an http(s) address; ignored")
    return fields, text[m.end() :]


def _type_name(value: object) -> str:
    names: dict[type, str] = {dict: "mapping", list: "list"}
    return names.get(type(value), type(value).__name__)


def safe_url(url: str) -> str | None:
    """``url`` when it is an absolute http(s) address a page may link to, else None."""
    if any(ch.isspace() or not ch.isprintable() for ch in url) or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def html_to_text(path: str, html: str) -> tuple[dict[str, str], str, list[tuple[int, str]]]:
    """Metadata fields, the article's text and its subheadings, as the HTML extractor finds them."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = result.as_dict() if result is not None and hasattr(result, "as_dict") else result
    if not doc or not (doc.get("text") or "").strip():
        raise ArticleError(path, "no article text found in the HTML")
    fields = {
        "title": doc.get("title"),
        "date": doc.get("date"),
        "author": doc.get("author"),
        "outlet": doc.get("sitename"),
        "url": doc.get("url"),
    }
    found = {k: str(v).strip() for k, v in fields.items() if v and str(v).strip()}
    if "url" in found and safe_url(found["url"]) is None:
        del found["url"]  # a page's own link to itself, not worth refusing the page for
    return found, doc["text"], headings.html_headings(getattr(result, "body", None))


_MD_SYNTAX = [
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # headings, closing hashes too
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
]


def markdown_to_text(text: str) -> str:
    """Plain text from light Markdown: headings, links and emphasis unwrapped."""
    for pattern, repl in _MD_SYNTAX:
        text = pattern.sub(repl, text)
    return text


def clean(path: str, text: str, fields: dict[str, str]) -> tuple[str, metadata.Detected]:
    """Remove furniture, detect metadata; return the body and what was found."""
    lines = [line.rstrip() for line in text.split("\n")]
    removed = [line.strip() for line in lines if furniture.is_furniture_line(line)]
    lines = [line for line in lines if not furniture.is_furniture_line(line)]
    credits = [furniture.strip_credit(line) for line in lines]
    lines = [line for line, _ in credits]
    removed += [credit for _, credit in credits if credit]
    lines, masthead = furniture.strip_masthead(lines)
    lines, found = metadata.detect(lines, find_title="title" not in fields)
    # a line without a letter or digit is a rule or an end mark ("# # #", "* * *"), not text
    paragraphs = [" ".join(line.split()) for line in lines if any(ch.isalnum() for ch in line)]
    paragraphs, standfirst = furniture.drop_repeated_standfirst(paragraphs)
    paragraphs, tags = furniture.strip_section_tags(paragraphs)
    found.removed = removed + masthead + found.removed + tags + standfirst
    body = "\n\n".join(paragraphs)
    if not body.strip():
        if not found.removed:
            raise ArticleError(path, "no article text")
        what = "; ".join(repr(r[:40]) for r in found.removed[:3])
        raise ArticleError(path, f"no article text left after removing page furniture ({what})")
    return body, found


def parse(
    raw: RawDocument, warnings: list[str] | None = None
) -> tuple[dict[str, str], str, metadata.Detected, tuple[tuple[int, str], ...]]:
    """Metadata fields, the cleaned body, what cleaning found, and the subheadings kept in the body."""
    fields: dict[str, str] = {}
    text = raw.text
    marked: list[tuple[int, str]] = []
    if raw.kind == "html":
        fields, text, marked = html_to_text(raw.path, text)
        screen.check_text(raw.path, "\n".join([*fields.values(), text]))
    else:
        screen.check_text(raw.path, text)
        fields, text = split_front_matter(raw.path, text, warnings)
        if raw.kind == "markdown":
            marked = headings.markdown_headings(text, markdown_to_text)
            text = markdown_to_text(text)
    if fields.get("title"):
        text = _drop_leading_title(text, fields["title"])
    body, found = clean(raw.path, text, fields)
    return fields, body, found, headings.kept(marked, body.split("\n\n"))


def _drop_leading_title(text: str, title: str) -> str:
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    return rest if first.strip().strip("#").strip() == title.strip() else text


def to_article(raw: RawDocument, article_id: str) -> Article:
    warnings: list[str] = []
    fields, body, found, subheadings = parse(raw, warnings)
    date_value = metadata.parse_date(fields["date"]) if "date" in fields else None
    if "date" in fields and date_value is None:
        warnings.append(f"front matter date {fields['date'][:80]!r} is not a valid date with a year; ignored")
    title = fields.get("title") or found.title or Path(raw.path).stem
    # front matter, then a date the file name starts with, then a "Published" line or a dateline
    date_value = date_value or metadata.date_from_file_name(Path(raw.path).name)
    return Article(
        id=article_id,
        path=raw.path,
        title=" ".join(title.split()),
        body=body,
        date=date_value or found.date,
        date_source="metadata" if date_value else found.date_source,
        outlet=fields.get("outlet") or found.outlet,
        author=fields.get("author") or found.author,
        url=fields.get("url"),
        removed=tuple(found.removed),
        warnings=tuple(warnings),
        headings=subheadings,
    )


def read_file(path: Path, corpus: Path, max_bytes: int) -> RawDocument:
    rel = path.relative_to(corpus).as_posix()
    kind = TEXT_EXTENSIONS[path.suffix.lower()]
    return RawDocument(rel, kind, decode(rel, _read_bytes(path, corpus, rel, max_bytes), max_bytes))


def _read_bytes(path: Path, corpus: Path, rel: str, max_bytes: int) -> bytes:
    """The file's bytes (at most ``max_bytes + 1`` of them), when it is a regular file inside the corpus."""
    try:
        return safe_files.read_inside(path, corpus, limit=max_bytes)
    except safe_files.UnsafeFile as exc:
        raise ArticleError(rel, str(exc)) from None


def _kind_of(path: Path, rel: str) -> str:
    kind = TEXT_EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise ArticleError(rel, f"not an article file ({path.suffix or 'no'} extension)")
    return kind


def ingest(
    corpus: Path, max_bytes: int = MAX_BYTES, max_seconds: float = MAX_SECONDS
) -> tuple[list[Article], list[Problem]]:
    """Read every article of ``corpus``; bad files become problems."""
    return ingest_files(corpus, corpus_files(corpus), max_bytes, max_seconds=max_seconds)


def ingest_files(
    corpus: Path,
    files: Iterable[Path],
    max_bytes: int,
    cache: IngestCache | None = None,
    max_seconds: float = MAX_SECONDS,
    prune: bool = True,
) -> tuple[list[Article], list[Problem]]:
    """Clean each file into an article, or a problem; with ``cache``, a file whose bytes
    were cleaned before is not parsed again, and (with ``prune``, when ``files`` is the whole
    corpus) entries of files gone or changed are deleted. Cleaning one file may take ``max_seconds``."""
    articles: list[Article] = []
    problems: list[Problem] = []
    ids = SlugRegistry()
    used: set[str] = set()
    for path in files:
        rel = path.relative_to(corpus).as_posix()
        article_id = ids.claim(rel.rsplit(".", 1)[0].replace("/", "-"), fallback="article")
        try:
            data = _read_bytes(path, corpus, rel, max_bytes)
            key = ingest_key(rel, data, max_bytes) if cache is not None else ""
            used.add(key)
            article = cache.get(key, article_id) if cache is not None else None
            if article is None:
                raw = RawDocument(rel, _kind_of(path, rel), decode(rel, data, max_bytes))
                with screen.time_limit(rel, max_seconds):
                    article = to_article(raw, article_id)
                if cache is not None:
                    cache.put(key, article)
            articles.append(article)
        except ArticleError as exc:
            problems.append(Problem(exc.path, exc.reason))
        except RecursionError:
            problems.append(Problem(rel, "text nested too deeply to parse"))
        except Exception as exc:  # a reader's failure on one file never stops the others
            problems.append(Problem(rel, f"cannot be read: {type(exc).__name__}: {str(exc)[:200]}"))
    if cache is not None and prune:
        cache.prune(used)
    return articles, problems
