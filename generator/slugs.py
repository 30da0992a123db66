"""Stable, safe identifiers for files, URLs and kb.json ids."""

from __future__ import annotations

import hashlib
import unicodedata

from slugify import slugify as _slugify

MAX_SLUG = 80
# names a page file must not take: each folder's own index page, and names Windows reserves
RESERVED = frozenset(["index", "con", "prn", "aux", "nul"] + [f"{d}{i}" for d in ("com", "lpt") for i in range(10)])


def slug(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII slug (``[a-z0-9-]``), never empty, never a path, never a reserved name."""
    text = unicodedata.normalize("NFKC", text)
    out = _slugify(text, max_length=MAX_SLUG, word_boundary=True, save_order=True)
    if not out or not out[0].isalnum():
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        out = f"{_slugify(fallback) or 'item'}-{digest}"
    if out in RESERVED:
        out = f"{out}-{_slugify(fallback) or 'item'}"
    return out


class SlugRegistry:
    """Hands out unique slugs: the second "X" becomes "x-2", deterministically
    as long as callers ask in a deterministic order."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, text: str, fallback: str = "item") -> str:
        base = slug(text, fallback)
        candidate, n = base, 2
        while candidate in self._taken:
            candidate, n = f"{base}-{n}", n + 1
        self._taken.add(candidate)
        return candidate

    def release(self, taken: str) -> None:
        """Give back a slug whose record was dropped, so that a later claim may have it."""
        self._taken.discard(taken)
