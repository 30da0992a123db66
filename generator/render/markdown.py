"""Corpus text as inert Markdown and YAML: every piece of corpus text a page shows goes through
:func:`md_escape` (or :func:`yaml_str` in front matter, or the templates' ``e`` filter,
:func:`escape_shown`), so that it stays text in any Markdown engine; each also drops direction
controls and zero-width characters (:mod:`generator.render.text_safety`)."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from functools import lru_cache

import markupsafe
import yaml

from generator.render.text_safety import JOINERS, strip_controls

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|!#])")  # what Python-Markdown lets a backslash escape
_LINE_START = re.compile(r"^(\s*)([-+=#>])")
SPACES = re.compile(r"\s+")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def md_escape(text: object) -> str:
    """Corpus text as inert Markdown: no markup, no raw HTML, no entity tricks."""
    return _md_escape(str(text))


@lru_cache(maxsize=1 << 16)  # names are escaped again on every page that links them
def _md_escape(text: str) -> str:
    s = html.escape(SPACES.sub(" ", strip_controls(text)), quote=False)
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


def escape_shown(value: object) -> markupsafe.Markup:
    """The templates' ``e`` filter: HTML-escaped text without direction controls."""
    if hasattr(value, "__html__"):  # markup a template built, not corpus text
        return markupsafe.escape(value)
    return markupsafe.escape(strip_controls(str(value)))


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
