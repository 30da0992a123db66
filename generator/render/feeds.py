"""Feeds of the corpus's articles, newest first: RSS 2.0 and JSON Feed 1.1.

Titles are shown as page headings show them (:func:`text_safety.headline`), outlets and
authors without direction controls. The RSS drops the characters XML 1.0 forbids (C0 controls
but tab and line breaks, lone surrogates, U+FFFE and U+FFFF): one in a title would make the
whole feed unreadable.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from generator.models import Article
from generator.render.paths import article_url
from generator.render.text_safety import headline, strip_controls

FEED_ITEMS = 50
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text as XML character data: escaped, without the characters XML 1.0 forbids."""
    return escape(_NOT_XML.sub("", text))


def _xml_attr(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", text))


def _newest(articles: list[Article]) -> list[Article]:
    dated = [a for a in articles if a.date]
    return sorted(dated, key=lambda a: (a.date or "", a.id), reverse=True)[:FEED_ITEMS]


def _rfc822(day: str) -> str:
    return format_datetime(datetime.fromisoformat(day).replace(tzinfo=UTC))


def _link(site_url: str, article: Article) -> str:
    return site_url.rstrip("/") + "/" + article_url(article.id) if site_url else article_url(article.id)


def rss(articles: list[Article], title: str, site_url: str = "") -> str:
    items = []
    for a in _newest(articles):
        link = _xml(_link(site_url, a))
        parts = [
            f"<title>{_xml(headline(a.title))}</title>",
            f"<link>{link}</link>",
            f'<guid isPermaLink="false">{_xml(a.id)}</guid>',
            f"<pubDate>{_rfc822(a.date or '')}</pubDate>",
        ]
        if a.outlet:
            source_url = _xml_attr(a.url or _link(site_url, a))
            parts.append(f"<source url={source_url}>{_xml(strip_controls(a.outlet))}</source>")
        items.append("<item>" + "".join(parts) + "</item>")
    channel = (
        f"<title>{_xml(title)}</title><link>{_xml(site_url or './')}</link>"
        f"<description>Articles of {_xml(title)}</description>" + "".join(items)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>{channel}</channel></rss>\n'


def json_feed(articles: list[Article], title: str, site_url: str = "") -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "items": [
            {
                "id": a.id,
                "url": _link(site_url, a),
                "title": headline(a.title),
                "date_published": f"{a.date}T00:00:00Z",
                **({"external_url": a.url} if a.url else {}),
                **({"authors": [{"name": strip_controls(a.author)}]} if a.author else {}),
                **({"tags": [strip_controls(a.outlet)]} if a.outlet else {}),
            }
            for a in _newest(articles)
        ],
    }
    if site_url:
        feed["home_page_url"] = site_url
        feed["feed_url"] = site_url.rstrip("/") + "/feed.json"
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
