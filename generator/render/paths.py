"""Where each page lives: source paths in the docs folder and site URLs."""

from __future__ import annotations

from generator.models import Entity, EntityType

TYPE_DIRS: dict[EntityType, str] = {
    "person": "people",
    "organization": "organizations",
    "place": "places",
    "event": "events",
    "aid_package": "aid",
}
TYPE_LABELS: dict[EntityType, tuple[str, str]] = {
    "person": ("Person", "People"),
    "organization": ("Organization", "Organizations"),
    "place": ("Place", "Places"),
    "event": ("Event", "Events"),
    "aid_package": ("Aid package", "Aid packages"),
}
ARTICLES_DIR = "articles"
TOPICS_DIR = "topics"


def entity_doc(entity: Entity) -> str:
    return f"{TYPE_DIRS[entity.type]}/{entity.id}.md"


def article_doc(article_id: str) -> str:
    return f"{ARTICLES_DIR}/{article_id}.md"


def topic_doc(topic_id: str) -> str:
    return f"{TOPICS_DIR}/{topic_id}.md"


def url_of(doc: str) -> str:
    """Site URL (relative to the root) of a docs file, with directory URLs."""
    if doc == "index.md":
        return ""
    if doc.endswith("/index.md"):
        return doc[: -len("index.md")]
    return doc[: -len(".md")] + "/"


def entity_url(entity: Entity) -> str:
    return url_of(entity_doc(entity))


def article_url(article_id: str) -> str:
    return url_of(article_doc(article_id))


def topic_url(topic_id: str) -> str:
    return url_of(topic_doc(topic_id))


def relative(from_doc: str, to_doc: str) -> str:
    """Link from one docs file to another, as MkDocs resolves it.

    Both are normalized paths inside the docs folder, so this is
    ``posixpath.relpath`` without its file-system calls (it runs once per link).
    """
    src = from_doc.split("/")[:-1]
    dst = to_doc.split("/")
    common = 0
    while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
        common += 1
    return "/".join([".."] * (len(src) - common) + dst[common:])


def root_of(doc: str) -> str:
    """The relative way from a page's URL up to the site root ("../../")."""
    depth = url_of(doc).count("/")
    return "../" * depth if depth else "./"


def source_root(doc: str) -> str:
    """The relative way from a page's source file up to the docs folder ("../"): what a link
    in raw HTML starts with for an engine that resolves such links as it does Markdown links,
    from the source file (Zensical), where MkDocs leaves them to the browser (:func:`root_of`)."""
    depth = doc.count("/")
    return "../" * depth if depth else "./"


def mentions_doc(entity: Entity, page: int) -> str:
    """The docs path of page ``page`` of an entity's mentions: the entity's own page for the
    first, a page under it for the others (``people/ada-lind/mentions-2.md``)."""
    return entity_doc(entity) if page == 1 else f"{entity_doc(entity)[:-3]}/mentions-{page}.md"
