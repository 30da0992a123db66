"""Inert HTML: what keeps corpus text from running as script in a reader's browser.

:func:`inert_meta` escapes a page's front-matter values, which Material prints
into ``<head>`` and the header without escaping, and drops direction controls
from them. :func:`dangerous_nodes` lists what in a built page could run script:
a ``<script>`` the theme does not ship, an ``on*`` attribute, a ``javascript:``,
``vbscript:`` or ``data:text/html`` URL, or an element that loads or embeds other
documents (``iframe``, ``object``, ``embed``, ``base``, ``meta http-equiv=refresh``).
The test-suite runs it over sites built from hostile input.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from generator.render.text_safety import strip_controls

RAW_META = {"jsonld"}  # written inside <script type="application/ld+json"> by jsonld.script_json


def inert_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Front-matter values with every string HTML-escaped and without direction controls (in lists
    too), for templates that print them raw."""

    def inert(value: Any) -> Any:
        if isinstance(value, str):
            return html.escape(strip_controls(value), quote=True)
        if isinstance(value, list):
            return [inert(v) for v in value]
        return value

    return {k: v if k in RAW_META else inert(v) for k, v in meta.items()}


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcset", "cite"}
EMBEDDING = {"iframe", "frame", "object", "embed", "applet", "base", "portal"}  # load other documents
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data:text/html|data:image/svg)", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
SCRIPT_TYPES_INERT = {"application/ld+json", "application/json"}


def _bad_url(value: str) -> bool:
    # browsers drop controls and spaces inside a scheme ("java\tscript:") and decode entities
    return bool(_BAD_SCHEME.match(_INVISIBLE.sub("", html.unescape(value))))


class _Scanner(HTMLParser):
    """Describes each node that could run script, with its full attribute or source, so that
    a node the theme ships can be told from one the corpus brought."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inline: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values: dict[str, str] = {}
        for k, v in attrs:
            values.setdefault(k, v or "")  # a browser takes an attribute's first value
        for name, value in ((k, v or "") for k, v in attrs):  # every value is checked
            if name.startswith("on") or name == "srcdoc" or (name in URL_ATTRIBUTES and _bad_url(value)):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name == "style" and re.search(r"expression\s*\(|javascript:", value, re.I):
                self.found.append(f"<{tag} style={value!r}>")
        if tag in EMBEDDING:
            self.found.append(f"<{tag}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.found.append(f"<meta http-equiv=refresh content={values.get('content', '')!r}>")
        if tag == "script" and values.get("type", "").lower() not in SCRIPT_TYPES_INERT:
            if "src" in values:
                self.found.append(f"<script src={values['src'].split('?')[0]!r}>")
            else:
                self._inline = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inline is not None:
            self.found.append(f"<script>{''.join(self._inline).strip()!r}")
            self._inline = None


def dangerous_nodes(page: str, allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """What in ``page`` could run script, less ``allowed``: the theme's own nodes, as this
    function describes them on the pages of a site built from harmless input."""
    scanner = _Scanner()
    scanner.feed(page)
    scanner.close()
    return [node for node in scanner.found if node not in allowed]
