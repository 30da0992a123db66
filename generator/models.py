"""Typed records passed between the pipeline stages.

ingest -> :class:`Article`; extract -> :class:`ArticleExtraction`;
resolve -> :class:`KnowledgeBase` (made of :class:`Entity`, :class:`Quote`,
:class:`Topic`, :class:`Relation`). Every record is a frozen or plain
dataclass with no open metadata bag: a stage that needs a new field adds it
here, typed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

EntityType = Literal["person", "organization", "place", "event", "aid_package"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "place", "event", "aid_package")
DateSource = Literal["metadata", "text", "inferred"]


@dataclass(frozen=True)
class Article:
    """One cleaned article, as ingest produced it."""

    id: str
    path: str  # relative to the corpus folder, POSIX separators
    title: str
    body: str  # cleaned text, paragraphs separated by a blank line
    date: str | None = None  # YYYY-MM-DD
    date_source: DateSource | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    removed: tuple[str, ...] = ()  # page furniture taken out of the text
    warnings: tuple[str, ...] = ()  # values dropped from the article's metadata, and why
    headings: tuple[tuple[int, str], ...] = ()  # (level 2-6, text) of the body's paragraphs that are subheadings

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity span in an article body."""

    text: str
    label: str  # the NER label (PERSON, ORG, GPE, ...)
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class ArticleExtraction:
    """What the extractor found in one article; pure function of text and model."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]

    def sentence_text(self, body: str, index: int) -> str:
        s = self.sentences[index]
        return body[s.start : s.end].strip()


@dataclass(frozen=True)
class Problem:
    """An article that could not be used, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class EntityMention:
    article: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass
class Role:
    title: str
    of: str | None
    articles: list[str] = field(default_factory=list)


@dataclass
class Figure:
    value: float
    currency: str
    text: str
    articles: list[str] = field(default_factory=list)


@dataclass
class PersonInfo:
    """What only a person has: the roles the articles give them."""

    roles: list[Role] = field(default_factory=list)


@dataclass
class EventInfo:
    """What only an event has: when and where it happened, and who took part."""

    date_start: str | None = None  # YYYY-MM-DD
    date_end: str | None = None
    location: str | None = None  # entity id of a place
    participants: list[str] = field(default_factory=list)  # entity ids


@dataclass
class AidInfo:
    """What only an aid package has: its amount, every figure reported for it, and its parties."""

    amount: Figure | None = None
    figures: list[Figure] = field(default_factory=list)
    donor: str | None = None  # entity id
    recipient: str | None = None  # entity id
    status: str | None = None  # e.g. "pledged", "cumulative"


_DETAILS: dict[str, str] = {"person": "person", "event": "event", "aid_package": "aid"}


@dataclass
class Entity:
    """One real-world thing, with every mention of it. Only the details of its own type are set:
    ``person`` for a person, ``event`` for an event, ``aid`` for an aid package (see :meth:`retype`)."""

    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    description: str | None = None
    person: PersonInfo | None = None
    event: EventInfo | None = None
    aid: AidInfo | None = None

    def __post_init__(self) -> None:
        own = _DETAILS.get(self.type)
        for kind in ("person", "event", "aid"):
            if kind != own and getattr(self, kind) is not None:
                raise ValueError(f"a {self.type} has no {kind} details: {self.id}")
        if self.type == "person":
            self.person = self.person or PersonInfo()
        elif self.type == "event":
            self.event = self.event or EventInfo()
        elif self.type == "aid_package":
            self.aid = self.aid or AidInfo()

    def retype(self, type_: EntityType) -> None:
        """Make this entity a ``type_``: the details of its old type go, those of the new one start empty."""
        if type_ != self.type:
            self.type, self.person, self.event, self.aid = type_, None, None, None
            self.__post_init__()

    @property
    def roles(self) -> list[Role]:
        """A person's roles; nothing for any other type."""
        return self.person.roles if self.person else []

    @property
    def articles(self) -> list[str]:
        return sorted({m.article for m in self.mentions})


@dataclass(slots=True)
class QuoteSource:
    article: str
    sentence: int


@dataclass
class Quote:
    id: str
    speaker: str | None
    text: str
    sources: list[QuoteSource]
    variants: list[str] = field(default_factory=list)


@dataclass
class Topic:
    id: str
    name: str
    articles: list[str]
    entities: list[str]
    keywords: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Relation:
    source: str
    target: str
    weight: int
    articles: list[str]
    kind: str | None = "co-mention"


class Link(NamedTuple):
    """A mention an article's page links to its entity's page: ``[start, end)`` of the body."""

    start: int
    end: int
    entity: str  # entity id


class NamedSpan(NamedTuple):
    """An entity named at ``[start, end)`` of a text (an article's body, or one of its sentences)."""

    start: int
    end: int
    entity: Entity


SentenceIndex = dict[tuple[str, int], list[NamedSpan]]  # (article id, sentence index) -> entities named there


@dataclass
class KnowledgeBase:
    articles: list[Article]
    extractions: dict[str, ArticleExtraction]
    entities: list[Entity]
    quotes: list[Quote] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    links: dict[str, list[Link]] = field(default_factory=dict)  # article id -> its mentions to link, in order

    @cached_property
    def entities_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


def mentions_by_sentence(entities: list[Entity], types: Collection[str] | None = None) -> SentenceIndex:
    """Every mention of an entity of ``types`` (all if None), by the sentence it is in."""
    out: SentenceIndex = defaultdict(list)
    for e in entities:
        if types is None or e.type in types:
            for m in e.mentions:
                out[(m.article, m.sentence)].append(NamedSpan(m.start, m.end, e))
    return out
