"""Editorial overrides, applied after resolution on every build.

The overrides file is YAML (``curation.yml`` by default; ``--no-curation``
turns it off). Entities are named by their name or any alias::

    merge:     {"Alias or name": "Name of the entity to merge it into"}
    rename:    {"Current name": "New name"}
    retype:    {"Name": organization}        # person, organization, place, event, aid_package
    describe:  {"Name": "One line shown on the entity's page"}
    hide:      ["Name", ...]                 # no page, no links
    split:                                   # mentions that stand for another entity get their own
      "Name":
        - name: "Name of the new entity"
          type: place                        # optional: the type of the entity split from
          aliases: ["Spelling", ...]         # mentions written so move...
          articles: ["article-id", ...]      # ...or, with both, written so in these articles

Splits apply first, so the other sections may name the new entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import ConfigError
from generator.ingest.screen import load_config_yaml
from generator.lexicons.names import match_key
from generator.models import ENTITY_TYPES, Entity, EntityType, Link, PersonInfo, Quote
from generator.slugs import SlugRegistry

SECTIONS = ("split", "merge", "rename", "retype", "describe", "hide")


@dataclass
class Split:
    """Part of an entity's mentions that an editor moves to a new entity."""

    name: str
    type: EntityType | None = None
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def takes(self, text: str, article: str) -> bool:
        by_alias = not self.aliases or match_key(text) in {match_key(a) for a in self.aliases}
        by_article = not self.articles or article in self.articles
        return by_alias and by_article


@dataclass
class Overrides:
    merge: dict[str, str] = field(default_factory=dict)
    rename: dict[str, str] = field(default_factory=dict)
    retype: dict[str, EntityType] = field(default_factory=dict)
    describe: dict[str, str] = field(default_factory=dict)
    hide: list[str] = field(default_factory=list)
    split: dict[str, list[Split]] = field(default_factory=dict)


@dataclass
class Curated:
    """The entities after the overrides, and the ids whose mentions went elsewhere: old id ->
    the id that took them, or None when hidden."""

    entities: list[Entity]
    remap: dict[str, str | None] = field(default_factory=dict)


def load(path: Path | None) -> Overrides:
    if path is None or not (path.exists() or path.is_symlink()):
        return Overrides()
    data = load_config_yaml(path) or {}
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        raise ConfigError(f"{path}: expected only the sections {', '.join(SECTIONS)}")
    out = Overrides()
    for section in ("merge", "rename", "retype", "describe"):
        value = data.get(section) or {}
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: '{section}' must map names to values")
        for k, v in value.items():
            if isinstance(k, (dict, list)) or isinstance(v, (dict, list)) or v is None:
                raise ConfigError(f"{path}: {section} {_short(k)}: expected a name and a value, got {_short(v)}")
        setattr(out, section, {str(k): str(v) for k, v in value.items()})
    hide = data.get("hide") or []
    if not isinstance(hide, list):
        raise ConfigError(f"{path}: 'hide' must be a list of names")
    for x in hide:
        if isinstance(x, (dict, list)) or x is None:
            raise ConfigError(f"{path}: hide: expected a name, got {_short(x)}")
    out.hide = [str(x) for x in hide]
    out.split = _splits(path, data.get("split") or {})
    for name, type_ in out.retype.items():
        if type_ not in ENTITY_TYPES:
            raise ConfigError(f"{path}: retype {name!r}: unknown type {type_!r}")
    return out


def _short(value: object) -> str:
    """A value for an error message: its text, on one line and cut short."""
    text = " ".join(repr(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


_SPLIT_KEYS = {"name", "type", "aliases", "articles"}
_SPLIT_KEYS_TEXT = "type, aliases, articles"


def _splits(path: Path, value: object) -> dict[str, list[Split]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: 'split' must map names to lists of new entities")
    out: dict[str, list[Split]] = {}
    for name, parts in value.items():
        if not isinstance(parts, list) or not parts:
            raise ConfigError(f"{path}: split {name!r}: expected a list of new entities")
        out[str(name)] = []
        for part in parts:
            if not isinstance(part, dict) or not part.get("name") or set(part) - _SPLIT_KEYS:
                raise ConfigError(f"{path}: split {name!r}: each part needs a name (and may have {_SPLIT_KEYS_TEXT})")
            aliases, articles = part.get("aliases") or [], part.get("articles") or []
            if not isinstance(aliases, list) or not isinstance(articles, list) or not (aliases or articles):
                raise ConfigError(f"{path}: split {name!r}: {part['name']!r} needs a list of aliases or of articles")
            type_ = part.get("type")
            if type_ is not None and type_ not in ENTITY_TYPES:
                raise ConfigError(f"{path}: split {name!r}: unknown type {type_!r}")
            out[str(name)].append(
                Split(str(part["name"]), type_, [str(a) for a in aliases], [str(a) for a in articles])
            )
    return out


def _find(entities: dict[str, Entity], name: str) -> Entity | None:
    key = match_key(name)
    for e in entities.values():
        if match_key(e.name) == key or any(match_key(a) == key for a in e.aliases):
            return e
    return None


def apply(overrides: Overrides, entities: list[Entity], ids: SlugRegistry | None = None) -> Curated:
    """The entities after the overrides, and the ids they moved. ``ids`` hands out the ids of
    entities made by a split (a registry of the ids in use, when the caller has one). The
    entities given are not changed: the overrides change copies of them."""
    if ids is None:
        ids = SlugRegistry()
        for e in entities:
            ids.claim(e.id)
    entities = [replace(e) for e in entities]  # every change below assigns a field, never edits a list
    entities = entities + _split(overrides, entities, ids)
    remap: dict[str, str | None] = {}
    by_id = {e.id: e for e in entities}
    for alias, target_name in overrides.merge.items():
        source, target = _find(by_id, alias), _find(by_id, target_name)
        if source and target and source is not target:
            target.mentions = sorted(target.mentions + source.mentions, key=lambda m: (m.article, m.start))
            target.aliases = sorted(set(target.aliases + source.aliases + [source.name]) - {target.name})
            del by_id[source.id]
            remap[source.id] = target.id
    for name, new in overrides.rename.items():
        if renamed := _find(by_id, name):
            renamed.aliases = sorted((set(renamed.aliases) | {renamed.name}) - {new})
            renamed.name = new
    for name, type_ in overrides.retype.items():
        if retyped := _find(by_id, name):
            retyped.retype(type_)
    for name, text in overrides.describe.items():
        if described := _find(by_id, name):
            described.description = text
    for name in overrides.hide:
        if hidden := _find(by_id, name):
            del by_id[hidden.id]
            remap[hidden.id] = None
    return Curated([e for e in entities if e.id in by_id], remap)


def _split(overrides: Overrides, entities: list[Entity], ids: SlugRegistry) -> list[Entity]:
    """New entities for the mentions each split takes from its entity."""
    by_id = {e.id: e for e in entities}
    made: list[Entity] = []
    for name, parts in overrides.split.items():
        source = _find(by_id, name)
        if source is None:
            continue
        for part in parts:
            moved = [m for m in source.mentions if part.takes(m.text, m.article)]
            if not moved:
                continue
            source.mentions = [m for m in source.mentions if m not in moved]
            articles = {m.article for m in moved}
            new = Entity(
                ids.claim(part.name, fallback=part.type or source.type),
                part.type or source.type,
                part.name,
                aliases=sorted({m.text for m in moved} - {part.name}),
                mentions=moved,
            )
            if new.person and source.person:  # a person split from a person takes the roles of its articles
                taken = [r for r in source.roles if r.articles and set(r.articles) <= articles]
                new.person = PersonInfo(taken)
                source.person = PersonInfo([r for r in source.roles if r not in taken])
            made.append(new)
        source.aliases = sorted({m.text for m in source.mentions} - {source.name})
    return made


def links_of(entities: list[Entity]) -> dict[str, list[Link]]:
    """Article id -> the links of its mentions, in the order of the text."""
    out: dict[str, list[Link]] = {}
    for e in entities:
        for m in e.mentions:
            out.setdefault(m.article, []).append(Link(m.start, m.end, e.id))
    return {k: sorted(v) for k, v in out.items()}


def remap_references(
    entities: list[Entity], quotes: list[Quote], remap: dict[str, str | None]
) -> tuple[list[Entity], list[Quote]]:
    """The entities and quotes with their speakers, participants, places, donors, recipients and
    roles pointed at the entities that replaced merged or hidden ones. Nothing given is changed."""
    if not remap:
        return entities, quotes

    def moved(entity_id: str | None) -> str | None:
        seen: set[str] = set()
        while entity_id in remap and entity_id not in seen:
            seen.add(entity_id)
            entity_id = remap[entity_id]
        return entity_id

    def repointed(e: Entity) -> Entity:
        if e.person:
            return replace(e, person=PersonInfo([replace(r, of=moved(r.of)) for r in e.person.roles]))
        if e.event:
            participants = sorted({p for p in map(moved, e.event.participants) if p})
            return replace(e, event=replace(e.event, location=moved(e.event.location), participants=participants))
        if e.aid:
            return replace(e, aid=replace(e.aid, donor=moved(e.aid.donor), recipient=moved(e.aid.recipient)))
        return e

    return [repointed(e) for e in entities], [replace(q, speaker=moved(q.speaker)) for q in quotes]
