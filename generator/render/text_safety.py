"""Corpus text as pages show it: no invisible direction controls, titles of a readable length.

A direction override (U+202E) left in a name makes "Joe Bi<U+202E>ned" read "Joe Biden", and one
left open reverses the generated text that follows it. :func:`strip_controls` removes the
bidirectional controls and the invisible zero-width characters from text before it is shown;
the renderer applies it to every piece of corpus text it writes into a page, feed or front
matter (after slicing by offsets: mention offsets index the text as written). ``kb.json``
keeps the text as written.

The zero-width joiner and non-joiner (U+200D, U+200C) shape Persian, Indic scripts and emoji
sequences; they are kept between two non-ASCII letters, marks or symbols, where they do that
work, and removed elsewhere (between Latin letters they only hide a difference).

:func:`headline` is a title or name as a heading, ``<title>`` or list item shows it: at most
:data:`TITLE_MAX` characters, cut at a word boundary with "…".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# LRM, RLM, ALM; embeddings and overrides LRE RLE PDF LRO RLO; isolates LRI RLI FSI PDI
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
# zero-width space, word joiner, invisible operators, deprecated format controls, BOM
ZERO_WIDTH = "\u200b\u2060-\u2064\u206a-\u206f\ufeff"
JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ

TITLE_MAX = 200  # characters of a title or name in <title>, headings and listings

_STRIP = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}]+")
_ANY = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}{JOINERS}]")
_JOINER = re.compile(f"[{JOINERS}]")


def _joins(ch: str) -> bool:
    """Whether a joiner next to ``ch`` can change how text renders: a non-ASCII letter, mark or symbol."""
    return ch > "\x7f" and unicodedata.category(ch)[0] in "LMS"


def _keep_joiner(match: re.Match[str]) -> str:
    text, i = match.string, match.start()
    if 0 < i < len(text) - 1 and _joins(text[i - 1]) and _joins(text[i + 1]):
        return match.group()
    return ""


def strip_controls(text: str) -> str:
    """``text`` without bidirectional controls and zero-width characters; joiners stay where they join."""
    if _ANY.search(text) is None:
        return text
    text = _STRIP.sub("", text)
    return _JOINER.sub(_keep_joiner, text)


def _one_line(text: str) -> str:
    return " ".join(strip_controls(text).split())


def headline(text: object, limit: int = TITLE_MAX) -> str:
    """``text`` on one line without controls, cut to at most ``limit`` characters.

    A longer text is cut at the last space in its first ``limit - 1`` characters (at the
    limit itself when that space comes before half of it) and ends with "…".
    """
    return _headline(str(text), limit)


@lru_cache(maxsize=1 << 16)  # a name is shown again on every page that links it
def _headline(text: str, limit: int) -> str:
    s = _one_line(text)
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" " + JOINERS) + "…"


def is_cut(text: object, limit: int = TITLE_MAX) -> bool:
    """Whether :func:`headline` shortens ``text``, so that a page shows the whole of it elsewhere."""
    return len(_one_line(str(text))) > limit
