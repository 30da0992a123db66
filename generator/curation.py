"""Editorial overrides, applied after resolution on every build.

The overrides file is YAML (``curation.yml`` by default; ``--no-curation``
turns it off). Entities are named by their name or any alias::

    merge:     {"Alias or name": "Name of the entity to merge it into"}
    rename:    {"Current name": "New name"}
    retype:    {"Name": organization}        # person, organization, place, event, aid_package
    describe:  {"Name": "One line shown on the entity's page"}
    hide:      ["Name", ...]                 # no page, no links
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ConfigError
from .models import ENTITY_TYPES, Entity, Quote
from .names import match_key

SECTIONS = ("merge", "rename", "retype", "describe", "hide")


@dataclass
class Overrides:
    merge: dict[str, str] = field(default_factory=dict)
    rename: dict[str, str] = field(default_factory=dict)
    retype: dict[str, str] = field(default_factory=dict)
    describe: dict[str, str] = field(default_factory=dict)
    hide: list[str] = field(default_factory=list)
    # entity ids whose mentions went elsewhere: old id -> new id, or None when hidden
    remap: dict[str, str | None] = field(default_factory=dict)


def load(path: Path | None) -> Overrides:
    if path is None or not path.is_file():
        return Overrides()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        raise ConfigError(f"{path}: expected only the sections {', '.join(SECTIONS)}")
    out = Overrides()
    for section in ("merge", "rename", "retype", "describe"):
        value = data.get(section) or {}
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: '{section}' must map names to values")
        setattr(out, section, {str(k): str(v) for k, v in value.items()})
    hide = data.get("hide") or []
    if not isinstance(hide, list):
        raise ConfigError(f"{path}: 'hide' must be a list of names")
    out.hide = [str(x) for x in hide]
    for name, type_ in out.retype.items():
        if type_ not in ENTITY_TYPES:
            raise ConfigError(f"{path}: retype {name!r}: unknown type {type_!r}")
    return out


def _find(entities: dict[str, Entity], name: str) -> Entity | None:
    key = match_key(name)
    for e in entities.values():
        if match_key(e.name) == key or any(match_key(a) == key for a in e.aliases):
            return e
    return None


def apply(overrides: Overrides, entities: list[Entity]) -> list[Entity]:
    """Entities after the overrides; ``overrides.remap`` records moved ids."""
    by_id = {e.id: e for e in entities}
    for alias, target_name in overrides.merge.items():
        source, target = _find(by_id, alias), _find(by_id, target_name)
        if source and target and source is not target:
            target.mentions = sorted(target.mentions + source.mentions, key=lambda m: (m.article, m.start))
            target.aliases = sorted(set(target.aliases + source.aliases + [source.name]) - {target.name})
            del by_id[source.id]
            overrides.remap[source.id] = target.id
    for name, new in overrides.rename.items():
        if e := _find(by_id, name):
            e.aliases = sorted((set(e.aliases) | {e.name}) - {new})
            e.name = new
    for name, type_ in overrides.retype.items():
        if e := _find(by_id, name):
            e.type = type_  # type: ignore[assignment]
    for name, text in overrides.describe.items():
        if e := _find(by_id, name):
            e.description = text
    for name in overrides.hide:
        if e := _find(by_id, name):
            del by_id[e.id]
            overrides.remap[e.id] = None
    return [e for e in entities if e.id in by_id]


def links_of(entities: list[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Article id -> sorted (start, end, entity id) of every mention to link."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for e in entities:
        for m in e.mentions:
            out.setdefault(m.article, []).append((m.start, m.end, e.id))
    return {k: sorted(v) for k, v in out.items()}


def remap_references(entities: list[Entity], quotes: list[Quote], remap: dict[str, str | None]) -> None:
    """Point speakers, participants, places, donors and roles at the entities that replaced merged or hidden ones."""
    if not remap:
        return

    def moved(entity_id: str | None) -> str | None:
        seen: set[str] = set()
        while entity_id in remap and entity_id not in seen:
            seen.add(entity_id)
            entity_id = remap[entity_id]
        return entity_id

    for q in quotes:
        q.speaker = moved(q.speaker)
    for e in entities:
        e.participants = sorted({p for p in map(moved, e.participants) if p})
        e.location, e.donor, e.recipient = moved(e.location), moved(e.donor), moved(e.recipient)
        for role in e.roles:
            role.of = moved(role.of)
