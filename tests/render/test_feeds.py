"""Tests of generator.render.feeds: the RSS 2.0 and JSON Feed 1.1 of the corpus's dated articles, newest first."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

from generator.models import Article
from generator.render.feeds import FEED_ITEMS, json_feed, rss

SITE = "https://kb.example.org/"


def _article(
    article_id: str,
    date: str | None,
    title: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    url: str | None = None,
) -> Article:
    title = title or f"Title of {article_id}"
    return Article(article_id, f"{article_id}.md", title, "Text.", date=date, outlet=outlet, author=author, url=url)


def _rss_items(text: str) -> list[ET.Element]:
    return ET.fromstring(text).findall("./channel/item")


def _json_items(text: str) -> list[dict[str, Any]]:
    return json.loads(text)["items"]


def test_feeds_list_only_dated_articles_newest_first() -> None:
    articles = [_article("mid", "2024-02-01"), _article("undated", None), _article("new", "2024-03-01")]
    articles.append(_article("old", "2023-12-31"))
    assert [i.findtext("guid") for i in _rss_items(rss(articles, "KB"))] == ["new", "mid", "old"]
    assert [i["id"] for i in _json_items(json_feed(articles, "KB"))] == ["new", "mid", "old"]


def test_articles_of_one_day_are_ordered_by_id_from_last_to_first() -> None:
    articles = [_article("b", "2024-03-01"), _article("c", "2024-03-01"), _article("a", "2024-03-01")]
    assert [i["id"] for i in _json_items(json_feed(articles, "KB"))] == ["c", "b", "a"]


def test_feeds_keep_only_the_newest_articles() -> None:
    assert FEED_ITEMS == 50
    # sixty articles of sixty days, written in no order of date
    articles = [
        _article(f"a{n:02}", (datetime.date(2024, 1, 1) + datetime.timedelta(days=n)).isoformat()) for n in range(60)
    ]
    articles = articles[1::2] + articles[::2]
    newest = [f"a{n:02}" for n in range(59, 9, -1)]
    assert [i["id"] for i in _json_items(json_feed(articles, "KB"))] == newest
    assert [i.findtext("guid") for i in _rss_items(rss(articles, "KB"))] == newest


def test_rss_escapes_titles_outlets_and_the_source_address() -> None:
    article = _article(
        "a1",
        "2024-03-01",
        "Marlow <b>&</b> Paris",
        outlet="Tern & <Gull>",
        url='https://news.example/?a=1&b="2"',
    )
    text = rss([article], "Ports & <Harbors>", SITE)
    assert "<title>Marlow &lt;b&gt;&amp;&lt;/b&gt; Paris</title>" in text
    assert "<title>Ports &amp; &lt;Harbors&gt;</title>" in text
    assert "<description>Articles of Ports &amp; &lt;Harbors&gt;</description>" in text
    (item,) = _rss_items(text)  # well-formed: the parser reads back what was written
    source = item.find("source")
    assert source is not None
    assert (item.findtext("title"), source.text) == ("Marlow <b>&</b> Paris", "Tern & <Gull>")
    assert source.get("url") == 'https://news.example/?a=1&b="2"'


def test_rss_dates_are_rfc_822_at_midnight_utc() -> None:
    (item,) = _rss_items(rss([_article("a1", "2024-03-01")], "KB"))
    assert item.findtext("pubDate") == "Fri, 01 Mar 2024 00:00:00 +0000"
    guid = item.find("guid")
    assert guid is not None and guid.get("isPermaLink") == "false"


def test_links_are_absolute_under_a_site_address_and_relative_without_one() -> None:
    article = _article("a1", "2024-03-01")
    for site in ("https://kb.example.org", "https://kb.example.org/", "https://kb.example.org//"):
        (item,) = _rss_items(rss([article], "KB", site))
        assert item.findtext("link") == "https://kb.example.org/articles/a1/"
        assert _json_items(json_feed([article], "KB", site))[0]["url"] == "https://kb.example.org/articles/a1/"
    channel = ET.fromstring(rss([article], "KB")).find("channel")
    assert channel is not None and channel.findtext("link") == "./"
    assert channel.findtext("item/link") == "articles/a1/"
    assert _json_items(json_feed([article], "KB"))[0]["url"] == "articles/a1/"


def test_rss_names_the_outlet_as_source_only_when_known_linking_the_original_when_known() -> None:
    with_url = _article("a1", "2024-03-02", outlet="Daily Tern", url="https://tern.example/ferry")
    without_url = _article("b1", "2024-03-01", outlet="Daily Tern")
    no_outlet = _article("c1", "2024-02-29", url="https://tern.example/other")
    items = _rss_items(rss([with_url, without_url, no_outlet], "KB", SITE))
    sources = [i.find("source") for i in items]
    assert [s.get("url") if s is not None else None for s in sources] == [
        "https://tern.example/ferry",
        "https://kb.example.org/articles/b1/",
        None,
    ]


def test_json_feed_items_carry_author_outlet_and_original_only_when_known() -> None:
    full = _article("a1", "2024-03-02", outlet="Daily Tern", author="Ann Lee", url="https://tern.example/ferry")
    bare = _article("b1", "2024-03-01")
    first, second = _json_items(json_feed([full, bare], "KB"))
    assert first == {
        "id": "a1",
        "url": "articles/a1/",
        "title": "Title of a1",
        "date_published": "2024-03-02T00:00:00Z",
        "external_url": "https://tern.example/ferry",
        "authors": [{"name": "Ann Lee"}],
        "tags": ["Daily Tern"],
    }
    assert set(second) == {"id", "url", "title", "date_published"}


def test_json_feed_names_its_home_and_its_own_address_only_under_a_site_address() -> None:
    feed = json.loads(json_feed([], "Ports", "https://kb.example.org/"))
    assert feed == {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Ports",
        "items": [],
        "home_page_url": "https://kb.example.org/",
        "feed_url": "https://kb.example.org/feed.json",
    }
    assert set(json.loads(json_feed([], "Ports"))) == {"version", "title", "items"}


def test_json_feed_keeps_characters_as_written_and_ends_with_a_newline() -> None:
    text = json_feed([_article("a1", "2024-03-01", "Kyiv – Київ <talks> & more")], "KB")
    assert text.endswith("}\n") and "Київ" in text
    assert _json_items(text)[0]["title"] == "Kyiv – Київ <talks> & more"


def test_a_title_on_several_lines_is_one_line_in_both_feeds() -> None:
    article = _article("a1", "2024-03-01", "Ferry\n  plan\tfor   Portvale ")
    assert _rss_items(rss([article], "KB"))[0].findtext("title") == "Ferry plan for Portvale"
    assert _json_items(json_feed([article], "KB"))[0]["title"] == "Ferry plan for Portvale"


def test_feeds_of_a_corpus_without_dated_articles_have_no_items() -> None:
    articles = [_article("a1", None), _article("b1", None)]
    text = rss(articles, "KB")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>')
    assert _rss_items(text) == []
    assert _json_items(json_feed(articles, "KB")) == []


def test_a_title_with_a_c0_control_character_still_gives_well_formed_rss() -> None:
    # a YAML front matter `title: "Ferry \x01 plan"` gives this title (ingest keeps it)
    article = replace(_article("a1", "2024-03-01", "Ferry \x01 plan\ufffe"), outlet="Daily \x0bTern")
    item = ET.fromstring(rss([article], "KB\x02")).find("channel/item")
    assert item is not None
    assert (item.findtext("title"), item.findtext("source")) == ("Ferry  plan", "Daily Tern")
