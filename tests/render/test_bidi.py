"""Bidi spoofing and runaway titles: direction overrides and zero-width characters in titles, names,
front-matter values and text never reach a page, and titles in <title>, headings and lists are cut
to a readable length while the article page keeps the whole title."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator.models import (
    Article,
    ArticleExtraction,
    Entity,
    EntityMention,
    KnowledgeBase,
    Link,
    Mention,
    Quote,
    QuoteSource,
    Sentence,
    Topic,
)
from generator.render import feeds
from generator.render.fragments import linked_body
from generator.render.markdown import md_escape, yaml_str
from generator.render.pages import render
from generator.render.text_safety import TITLE_MAX, headline, strip_controls
from generator.resolve.facts.relations import co_mentions
from tests.hostile.sites import FILLER, build, front_matter, project, ruler_pipeline
from tests.render.test_pages import TEMPLATES

# what no page may show: embeddings and overrides, isolates, zero-width space and joiners, marks
SHOWN_NEVER = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff]")
RLO, PDF, LRI, PDI, ZWSP, ZWNJ, ZWJ, LRM, RLM = (
    "\u202e",
    "\u202c",
    "\u2066",
    "\u2069",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
)
EVERY_CONTROL = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"
SPOOFED = f"Joe Bi{RLO}ned"  # shows as "Joe Biden" in a browser
FAMILY = f"👨{ZWJ}👩{ZWJ}👦"  # one emoji: the joiners are its glue
PERSIAN = f"می{ZWNJ}خواهم"  # "I want": the non-joiner keeps the prefix apart
LONG_TITLE = ("Portvale ferry schedule " * 500)[:10_000]


def test_md_escape_and_yaml_str_drop_direction_controls() -> None:
    assert md_escape(SPOOFED) == "Joe Bined"
    assert yaml_str(SPOOFED) == '"Joe Bined"'
    mixed = f"a{EVERY_CONTROL}b {LRI}c{PDI} d{ZWSP}e{LRM}f{RLM}"
    assert not SHOWN_NEVER.search(md_escape(mixed)) and not SHOWN_NEVER.search(yaml_str(mixed))
    assert md_escape(mixed) == "ab c def"


def test_joiners_stay_where_they_join_and_go_where_they_hide() -> None:
    assert strip_controls(FAMILY) == FAMILY
    assert strip_controls(PERSIAN) == PERSIAN
    assert strip_controls("జ్ఞ\u200cా") == "జ్ఞ\u200cా"  # Telugu: a letter and a vowel sign
    assert strip_controls(f"Bi{ZWJ}den Bi{ZWNJ}den {ZWJ}x{ZWJ}") == "Biden Biden x"
    assert strip_controls(f"👨{ZWJ}{ZWJ}👩") == "👨👩"
    assert md_escape(FAMILY) == FAMILY and yaml_str(PERSIAN) == f'"{PERSIAN}"'


def test_headline_cuts_at_a_word_boundary() -> None:
    short = headline(LONG_TITLE)
    assert len(short) <= TITLE_MAX and short.endswith("…")
    assert LONG_TITLE.startswith(short[:-1]) and LONG_TITLE[len(short) - 1] == " "  # whole words
    assert headline("A short title") == "A short title"
    unbroken = headline("x" * 10_000)
    assert unbroken == "x" * (TITLE_MAX - 1) + "…"
    assert headline(f"{SPOOFED}\n  visits") == "Joe Bined visits"


def _kb_with_controls() -> KnowledgeBase:
    """An article whose text holds controls before, inside and after its mentions, with offsets
    into the text as written."""
    body = f"{RLO}Officials met {SPOOFED} in {LRI}Paris{PDI} on Monday. {ZWSP}He left.\n\nLater {SPOOFED} spoke."
    first_end = body.index("Monday.") + len("Monday.")
    second = body.index(f"{ZWSP}He")
    sentences = (Sentence(0, first_end), Sentence(second, body.index("\n\n")), Sentence(body.index("Later"), len(body)))
    joe = [body.index(SPOOFED), body.rindex(SPOOFED)]
    paris = body.index(f"{LRI}Paris{PDI}")
    mentions = (
        Mention(SPOOFED, "PERSON", joe[0], joe[0] + len(SPOOFED), 0),
        Mention(f"{LRI}Paris{PDI}", "GPE", paris, paris + 7, 0),
        Mention(SPOOFED, "PERSON", joe[1], joe[1] + len(SPOOFED), 2),
    )
    article = Article("a1", "a1.md", f"Ferry {RLO}plan{PDF} news", body, date="2024-03-01", outlet=f"Daily {RLO}Tern")
    entities = [
        Entity(
            "joe-bined",
            "person",
            SPOOFED,
            mentions=[EntityMention("a1", m.sentence, m.start, m.end, m.text) for m in mentions if m.label == "PERSON"],
        ),
        Entity("paris", "place", f"{LRI}Paris{PDI}", mentions=[EntityMention("a1", 0, paris, paris + 7, "Paris")]),
    ]
    links = {"a1": sorted([Link(m.start, m.end, "joe-bined" if m.label == "PERSON" else "paris") for m in mentions])}
    kb = KnowledgeBase(
        articles=[article],
        extractions={"a1": ArticleExtraction(sentences, mentions)},
        entities=entities,
        links=links,
    )
    kb.relations = co_mentions(entities)
    kb.quotes = [Quote("q1", "joe-bined", f"We {RLO}spoke", [QuoteSource("a1", 2)], [f"We {LRI}spoke{PDI}"])]
    kb.topics = [Topic("ferry", f"Ferry {RLO}plan", ["a1"], ["joe-bined"], [f"fe{ZWSP}rry"])]
    return kb


def test_linked_body_drops_controls_and_keeps_mentions_in_place() -> None:
    kb = _kb_with_controls()
    first, second = linked_body(kb.articles[0], kb, "articles/a1.md")
    assert not SHOWN_NEVER.search(first + second)
    text = re.sub(r"<[^>]+>", "", first)
    assert text == "Officials met Joe Bined in Paris on Monday. He left."
    assert '<a href="../../people/joe-bined/" title="Person: Joe Bined">Joe Bined</a>' in first
    assert '<a href="../../places/paris/" title="Place: Paris">Paris</a> on Monday.' in first
    assert '<span class="kb-s" id="s2">Later <a href="../../people/joe-bined/"' in second


def test_rendered_pages_and_feeds_show_no_controls() -> None:
    kb = _kb_with_controls()
    files = render(kb, TEMPLATES)
    shown = {path: text for path, text in files.items() if not path.startswith("assets/") and path != "kb.json"}
    found = {path: SHOWN_NEVER.findall(text) for path, text in shown.items() if SHOWN_NEVER.search(text)}
    assert found == {}
    assert "# Joe Bined" in files["people/joe-bined.md"]
    assert '<a href="../people/joe-bined/">Joe Bined</a> · 2024-03-01' in files["quotes.md"]
    assert "Paris" in files["graph.md"] and "Ferry plan" in files["topics/ferry.md"]
    assert json.loads(files["kb.json"])["entities"][0]["name"] == SPOOFED  # the data keeps the text as written


def test_feeds_cut_long_titles_and_drop_controls() -> None:
    article = Article(
        "a1",
        "a1.md",
        LONG_TITLE + SPOOFED,
        "Text.",
        date="2024-03-01",
        outlet=f"Daily {RLO}Tern",
        author=f"Ann {RLM}Lee",
    )
    rss = feeds.rss([article], "Site")
    item = json.loads(feeds.json_feed([article], "Site"))["items"][0]
    assert not SHOWN_NEVER.search(rss) and not SHOWN_NEVER.search(json.dumps(item, ensure_ascii=False))
    title = re.search(r"<item><title>(.*?)</title>", rss)
    assert title and len(html.unescape(title.group(1))) <= TITLE_MAX
    assert len(item["title"]) <= TITLE_MAX and item["tags"] == ["Daily Tern"]


# ---------------------------------------------------------------- a built site

NAMES = {SPOOFED: "PERSON", f"Harbor {LRI}Trust{PDI}": "ORG", f"Mira{ZWSP}lane": "GPE"}


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@pytest.fixture(scope="module")
def bidi_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bidi")
    model = ruler_pipeline(root / "model", NAMES)
    body = (
        f"{SPOOFED} met the Harbor {LRI}Trust{PDI} in Mira{ZWSP}lane. An override left open {RLO}here.\n\n"
        f"{SPOOFED} said the {LRM}ferry would {RLM}run. {FAMILY} {PERSIAN}\n\n{FILLER}\n"
    )
    files: dict[str, str | bytes] = {
        "bidi.md": front_matter(
            title=f"Ferry {RLO}plan{PDF} for {LRI}Portvale{PDI} {ZWSP}now",
            outlet=f"Daily {RLO}Tern",
            author=f"Ann {RLM}Lee{ZWJ}",
            date="2024-03-01",
        )
        + body,
        "long.md": front_matter(title=LONG_TITLE, date="2024-03-02", outlet="Portvale Post") + f"{FILLER}\n",
    }
    dest = project(root / "project", model, files)
    done = build(dest)
    assert done.returncode == 0, done.stderr[-3000:]
    return dest


def _pages(dest: Path) -> dict[str, str]:
    """Every page and feed of the build: its Markdown and its HTML."""
    found = {}
    for folder, kinds in ((dest / "build" / "docs", ("*.md",)), (dest / "site", ("*.html", "feed.xml", "feed.json"))):
        for kind in kinds:
            for path in folder.rglob(kind):
                found[str(path.relative_to(dest))] = path.read_text(encoding="utf-8")
    return found


@pytest.mark.hostile
def test_no_page_of_a_built_site_shows_a_direction_control(bidi_site: Path) -> None:
    pages = _pages(bidi_site)
    assert len(pages) > 30 and "site/people/joe-bined/index.html" in pages
    found = {}
    for path, text in pages.items():
        # a family emoji and a Persian word keep the joiners that make them
        rest = text.replace(FAMILY, "").replace(PERSIAN, "")
        if SHOWN_NEVER.search(rest):
            found[path] = [repr(rest[max(0, m.start() - 30) : m.end() + 10]) for m in SHOWN_NEVER.finditer(rest)][:3]
    assert found == {}
    article = pages["site/articles/bidi/index.html"]
    assert FAMILY in article and PERSIAN in article
    assert "Ferry plan for Portvale now" in article and "Daily Tern" in article and "Ann Lee" in article


@pytest.mark.hostile
def test_a_spoofed_name_is_shown_as_written(bidi_site: Path) -> None:
    page = (bidi_site / "site" / "people" / "joe-bined" / "index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert heading and _text(heading.group(1)) == "Joe Bined"
    assert title and _text(title.group(1)).startswith("Joe Bined - ")
    summary = re.search(r'<h2 id="summary">Summary</h2>\s*<p>(.*?)</p>', page, re.S)
    assert summary and _text(summary.group(1)).startswith("Joe Bined is a person named 2 times")


@pytest.mark.hostile
def test_a_long_title_is_cut_in_title_headings_and_lists_and_kept_whole_on_its_page(bidi_site: Path) -> None:
    site = bidi_site / "site"
    page = (site / "articles" / "long" / "index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert heading and title
    shown = _text(heading.group(1))
    assert len(shown) <= TITLE_MAX and shown.endswith("…") and LONG_TITLE.startswith(shown[:-1])
    assert _text(title.group(1)) == f"{shown} - News knowledge base"
    assert f"Full title: {' '.join(LONG_TITLE.split())}" in _text(page)
    for listing in ("articles/index.html", "index.html", "timeline/index.html"):
        links = re.findall(
            r'<a href="(?:\.\./)*(?:articles/)?long/">(.*?)</a>', (site / listing).read_text(encoding="utf-8")
        )
        assert links and all(len(_text(link)) <= TITLE_MAX for link in links), listing
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert [len(item["title"]) <= TITLE_MAX for item in feed["items"]] == [True, True]
