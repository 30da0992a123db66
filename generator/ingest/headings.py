"""An article's subheadings: found in its Markdown or HTML before the text is flattened to
paragraphs, then matched to the paragraphs they became, so that pages can show them as
headings (never as a paragraph of linked names). Plain text has no marked headings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

# An ATX heading line: "## Text", optionally closed by hashes ("## Text ##").
_ATX = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_HTML_LEVELS = {f"h{n}": n for n in range(1, 7)}


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def markdown_headings(text: str, inline: Callable[[str], str]) -> list[tuple[int, str]]:
    """(level, text) of each ATX heading of ``text``, its inline Markdown undone by ``inline``.
    A heading without a letter or digit ("# # #", a press release's end mark) is not one."""
    found = []
    for m in _ATX.finditer(text):
        words = " ".join(inline(m.group(2)).split())
        if _has_words(words):
            found.append((len(m.group(1)), words))
    return found


def html_headings(body: Any) -> list[tuple[int, str]]:
    """(level, text) of each heading of an extracted HTML body (``<head rend="h2">`` elements
    of the XML tree that the HTML reader produces); no tree, no headings."""
    if body is None:
        return []
    found = []
    for element in body.iter("head"):
        words = " ".join("".join(element.itertext()).split())
        if _has_words(words):
            found.append((_HTML_LEVELS.get(str(element.get("rend", "")).lower(), 2), words))
    return found


def kept(headings: Iterable[tuple[int, str]], paragraphs: list[str]) -> tuple[tuple[int, str], ...]:
    """The headings that survived cleaning as whole paragraphs, in the order of ``paragraphs``,
    each level made relative so that the article's highest heading is level 2 (its title is 1)."""
    level_of: dict[str, int] = {}
    for level, words in headings:
        level_of.setdefault(words, level)
    matched = [(level_of[p], p) for p in paragraphs if p in level_of]
    if not matched:
        return ()
    top = min(level for level, _ in matched)
    return tuple((min(6, level - top + 2), words) for level, words in matched)
