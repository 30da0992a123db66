"""Page furniture: lines that a scraper copied from the page around the article.

Each rule is general: it describes a kind of furniture (stock tickers, ad
markers, share prompts, a site's name and slogan above the headline), never
the text of one site.
"""

from __future__ import annotations

import re

# Whole lines that are furniture wherever they appear.
_FURNITURE_LINE = re.compile(
    r"""^(
        advertisement(\s*[•·|-]\s*scroll\s+to\s+continue\.?)?
      | scroll\s+to\s+continue\.?
      | (see|watch)\s+(the\s+)?related\s+videos?:?
      | (click|tap)\s+here\b.*
      | share\s+(this|on)\b.*
      | share:?
      | (follow|like)\s+us\s+on\b.*
      | subscribe\b.{0,60}
      | sign\s+up\s+for\s+our\b.*
      | read\s+(more|also|next):?.{0,80}
      | related(\s+(articles?|stories|news|posts?))?:?
      | (photo|image|video)\s*:\s*\S.{0,60}
      | copyright\s+(©|\(c\)|\d{4}).*|©.*
      | all\s+rights\s+reserved\.?
      | (print|email|comments?)(\s*\|\s*(print|email|comments?))*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A market ticker: symbols, prices and arrows (e.g. "ABCD 45.31 Increased By ▲ 0.51 (1.14%)").
_TICKER = re.compile(
    r"(?:[▲▼△▽]|\b(?:increased|decreased)\s+by\b)\s*[▲▼△▽]?\s*[\d,]+(?:\.\d+)?\s*\(\s*[+-]?\d+(?:\.\d+)?\s*%\s*\)\s*$",
    re.IGNORECASE,
)

# A brand written as one word with inner capitals ("NewsToday") or a bare domain.
_BRAND = re.compile(r"^([A-Z][a-z]+){2,}$|^[\w-]+\.(com|net|org|news|info|co|az|uk|io)$")


# A photo caption's credit after the caption: "Jane Roe Image: A. Photographer." (the caption is
# often glued to it: "Jane RoeImage: ..."). The credit names who took the picture, not the news.
_CREDIT = re.compile(
    r"(?P<caption>\S.{0,120}?)\s*(?:Image|Photo|Picture|Photograph|Photo\s+credit|Credit)\s*:\s*(?P<credit>\S.{0,80})$"
)


def strip_credit(line: str) -> tuple[str, str | None]:
    """A short caption line without its photo credit, and the credit removed (None if none)."""
    m = _CREDIT.fullmatch(line.strip())
    if m is None or len(m["caption"].split()) > 12 or len(m["credit"].split()) > 10:
        return line, None
    return m["caption"].rstrip(" -–—|,;"), m.group(0)[len(m["caption"]) :].strip()


def is_furniture_line(line: str) -> bool:
    text = line.strip()
    if not text:
        return False
    return bool(_FURNITURE_LINE.match(text) or _TICKER.search(text))


def _short_title_case(line: str, max_words: int) -> bool:
    words = line.split()
    if not words or len(words) > max_words or line.rstrip()[-1:] in '.!?:;"”’':
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def strip_masthead(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove a site's name and slogan printed above the headline.

    A masthead is a brand line (one CamelCase word or a bare domain) at the
    very top, optionally followed by a short Title Case slogan. Returns the
    remaining lines and the removed ones.
    """
    content = [i for i, line in enumerate(lines) if line.strip()]
    if not content or not _BRAND.match(lines[content[0]].strip()):
        return lines, []
    drop = [content[0]]
    if len(content) > 2 and _short_title_case(lines[content[1]], 6):
        drop.append(content[1])
    removed = [lines[i].strip() for i in drop]
    return [line for i, line in enumerate(lines) if i not in drop], removed


def strip_section_tags(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Remove a line of section tags ("Europe World") above the body.

    Only paragraphs before the first real one are considered: a real
    paragraph has a sentence end and at least eight words.
    """
    removed: list[str] = []
    kept: list[str] = []
    in_header = True
    for text in paragraphs:
        if in_header:
            if len(text.split()) >= 8 and text[-1:] in '.!?"”’':
                in_header = False
            elif _short_title_case(text, 4) and not re.search(r"[,;:'‘’\"“”()]", text):
                removed.append(text)
                continue
        kept.append(text)
    return kept, removed


def drop_repeated_standfirst(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Drop a paragraph that reappears word for word inside a later paragraph.

    Sites often print the standfirst above the body and then again as the
    body's first lines; keeping both would double every mention.
    """
    removed: list[str] = []
    kept: list[str] = []
    folded = [_fold(p) for p in paragraphs]
    for i, para in enumerate(paragraphs):
        mine = folded[i]
        if len(para.split()) >= 6 and any(mine in other and mine != other for other in folded[i + 1 :]):
            removed.append(para)
            continue
        kept.append(para)
    return kept, removed


_PLAIN_QUOTES: dict[int, str | int | None] = {ord("’"): "'", ord("‘"): "'", ord("“"): '"', ord("”"): '"'}


def _fold(text: str) -> str:
    """Compare text regardless of quote style and spacing."""
    text = text.translate(_PLAIN_QUOTES)
    return " ".join(text.split())
