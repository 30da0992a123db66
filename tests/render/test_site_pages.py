"""Tests of the pages about an entity and about the corpus as a whole, rendered from a small knowledge base."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest

from generator import search_records
from generator.models import Figure, Quote, QuoteSource
from generator.render import feeds, jsonld
from generator.render.indexes import read_index
from generator.render.pages import render
from generator.render.paths import root_of
from generator.render.timeline import entity_timeline, site_timeline
from tests.render.test_pages import TEMPLATES, small_kb


def with_quote_and_event():
    kb = small_kb()
    kb.quotes = [
        Quote(
            "marlow-harbor",
            "edith-marlow",
            "The harbor will stay open",
            [QuoteSource("a1", 2), QuoteSource("b1", 0)],
            variants=["The harbour will stay open"],
        )
    ]
    from generator.models import Entity, EventInfo

    summit = EventInfo(date_start="2024-02-10", participants=["edith-marlow"])
    kb.entities.append(Entity("harbor-summit", "event", "Harbor Summit", event=summit))
    return kb


def test_root_of_climbs_from_each_page_url() -> None:
    assert root_of("index.md") == "./"
    assert root_of("graph.md") == "../"
    assert root_of("people/edith-marlow.md") == "../../"
    assert root_of("people/index.md") == "../"


def test_entity_page_has_seen_dates_outlets_summary_quotes_timeline_and_graph() -> None:
    files = render(with_quote_and_event(), TEMPLATES)
    page = files["people/edith-marlow.md"]
    assert "| First seen | 2024-03-01 |" in page and "| Last seen | 2024-03-01 |" in page
    assert "| Outlets | 1 |" in page
    assert "Edith Marlow is a person named 2 times in 1 article from 1 outlet, on 2024-03-01." in page
    assert "Quoted 1 time." in page
    assert "> “The harbor will stay open”" in page
    assert "carried by 1 outlet and 1 article naming no outlet" in page  # b1 names no outlet
    # the timeline is of its events: its articles are under its mentions, and listed nowhere else
    assert "| 2024-02-10 | [Harbor Summit](../events/harbor-summit.md) |" in page
    assert "2 mentions" not in page and "What links here" not in page
    assert page.count('<h3><a href="../../articles/a1/">Marlow in *Paris*</a></h3>') == 1
    graph = re.search(r'id="kb-local-graph" data-root="\.\./\.\./" data-graph="([^"]+)"', page)
    assert graph is not None
    data = json.loads(html.unescape(graph.group(1)))
    assert data["nodes"][0] == {
        "id": "edith-marlow",
        "label": "Edith Marlow",
        "group": "person",
        "value": 1,
        "url": "people/edith-marlow/",
        "centre": True,
    }
    assert {n["id"] for n in data["nodes"]} == {"edith-marlow", "paris", "harbor-council"}
    assert {(e["from"], e["to"]) for e in data["edges"]} >= {("edith-marlow", "paris")}
    assert 'tags:\n  - "Person"' in page


def test_entity_page_carries_schema_org_json_ld() -> None:
    kb = with_quote_and_event()
    files = render(kb, TEMPLATES)
    front = files["aid/20-billion-package.md"].split("---\n")[1]
    value = re.search(r"^jsonld: (.*)$", front, re.M)
    assert value is not None
    import yaml

    data = json.loads(yaml.safe_load(value.group(1)))
    assert data["@type"] == "MonetaryGrant"
    assert data["amount"] == {"@type": "MonetaryAmount", "value": 20e9, "currency": "USD"}
    assert data["funder"] == {"@type": "Organization", "name": "Harbor Council"}
    event = jsonld.entity_data(kb.entities_by_id["harbor-summit"], kb.entities_by_id, kb.articles_by_id)
    assert (event["@type"], event["startDate"]) == ("Event", "2024-02-10")
    assert event["attendee"] == [{"@type": "Person", "name": "Edith Marlow"}]


def test_json_ld_cannot_close_its_script_element() -> None:
    text = jsonld.script_json({"name": "</script><script>alert(1)</script> & co"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"].startswith("</script>")


def test_article_page_lists_its_quotes_and_related_articles() -> None:
    files = render(with_quote_and_event(), TEMPLATES)
    page = files["articles/a1.md"]
    # what the article names, as a list under each type
    assert "**People**\n\n- [Edith Marlow](../people/edith-marlow.md)\n" in page
    assert "**Places**\n\n- [Paris](../places/paris.md)\n" in page
    assert "## Quotes in this article" in page
    assert (
        "- [“The harbor will stay open”](#s2): [Edith Marlow](../people/edith-marlow.md) "
        "(also in 1 other article)" in page  # b1, which names no outlet: it is no other outlet
    )
    assert "## Related articles" in page and "- [Council approves aid](b1.md) · 1 entity in common" in page


def _index_rows(files: dict[str, str], path: str) -> list[dict[str, object]]:
    folder = path.rsplit("/", 1)[0]
    return read_index(lambda name: files[f"{folder}/{name}"])


def test_quotes_ledger_counts_distinct_outlets_and_lists_variants() -> None:
    files = render(with_quote_and_event(), TEMPLATES)
    page = files["quotes.md"]
    assert '<li class="kb-quote"><blockquote><p>“The harbor will stay open”</p></blockquote>' in page
    # b1 names no outlet: it carries the quote, but it is no second outlet
    assert (
        '<a href="../people/edith-marlow/">Edith Marlow</a> · 2024-03-01 · carried by 1 outlet (Daily Tern) and '
        '1 article naming no outlet · <a href="../articles/a1/#s2">first report</a> · Harbor affairs</p>'
    ) in page
    assert "<summary>1 other wording</summary><ul><li>“The harbour will stay open”</li></ul>" in page
    assert 'data-src="../quotes/index.json"' in page and '<option value="Daily Tern">Daily Tern</option>' in page
    assert json.loads(files["quotes/index.json"])["topics"] == ["harbor-affairs"]
    [row] = _index_rows(files, "quotes/index.json")
    assert row == {
        "text": "The harbor will stay open",
        "speaker": "Edith Marlow",
        "speaker_url": "people/edith-marlow/",
        "date": "2024-03-01",
        "outlets": ["Daily Tern"],
        "no_outlet": 1,
        "articles": 2,
        "source": "articles/a1/#s2",
        "topics": ["harbor-affairs"],
        "variants": ["The harbour will stay open"],
    }
    entity = files["people/edith-marlow.md"]
    assert "carried by 1 outlet and 1 article naming no outlet: [Daily Tern](" in entity
    assert "[Outlet not given](../articles/b1.md#s0)" in entity
    assert "<summary>1 other wording</summary>" in entity


def test_the_ledger_lists_a_quote_once_a_page_shows_the_first_rows_and_the_data_file_all() -> None:
    kb = with_quote_and_event()
    base = kb.quotes[0]
    kb.quotes = [replace(base, id=f"q{n:02d}", text=f"Words number {n}") for n in range(60)]
    files = render(kb, TEMPLATES)
    page = files["quotes.md"]
    assert page.count('<li class="kb-quote"') == 50
    assert "60 quotes, oldest first: the first 50 are shown" in page
    assert len(_index_rows(files, "quotes/index.json")) == 60
    # the speaker's page shows the ten best carried and sends the reader to the ledger for the rest
    entity = files["people/edith-marlow.md"]
    assert "Quoted 60 times." in entity and entity.count("> “Words number") == 10
    assert "[the quotes ledger](../quotes.md?speaker=Edith%20Marlow) lists all 60 under this name." in entity


def test_a_quote_on_an_article_page_is_cut_to_a_readable_length_and_links_its_sentence() -> None:
    kb = with_quote_and_event()
    kb.quotes = [replace(kb.quotes[0], text="The harbor will stay open " * 20)]
    page = render(kb, TEMPLATES)["articles/a1.md"]
    line = next(x for x in page.splitlines() if x.startswith("- [“The harbor"))
    assert line.startswith("- [“The harbor will stay open") and "…”](#s2)" in line
    assert len(line.split("](#s2)")[0]) <= 205


def test_timeline_orders_events_and_articles_with_filter_data() -> None:
    kb = with_quote_and_event()
    items = site_timeline(kb)
    assert [(i.date, i.kind, i.ref) for i in items] == [
        ("2024-02-10", "event", "harbor-summit"),
        ("2024-03-01", "article", "a1"),
    ]  # b1 has no date
    assert items[0].types == ["event", "person"]
    assert items[1].types == ["organization", "person", "place"]
    assert items[1].topics == ["harbor-affairs"]
    files = render(kb, TEMPLATES)
    page = files["timeline.md"]
    assert '<option value="harbor-affairs">Harbor affairs</option>' in page
    assert '<a href="../articles/a1/">Marlow in *Paris*</a> · Daily Tern</li>' in page
    rows = _index_rows(files, "timeline/index.json")
    assert [(r["kind"], r["url"], r["types"], r["topics"]) for r in rows] == [
        ("event", "events/harbor-summit/", ["event", "person"], []),
        ("article", "articles/a1/", ["organization", "person", "place"], ["harbor-affairs"]),
    ]
    assert [i.ref for i in entity_timeline(kb.entities_by_id["paris"], kb)] == ["a1"]


def test_disagreements_show_each_figure_with_its_outlets() -> None:
    kb = small_kb()
    aid = kb.entities_by_id["20-billion-package"]
    aid.aid.figures = [Figure(20e9, "USD", "$20 billion", ["b1"]), Figure(21e9, "USD", "$21 billion", ["a1"])]
    page = render(kb, TEMPLATES)["disagreements.md"]
    assert "### [$20 billion package](aid/20-billion-package.md)" in page
    # each figure with the sentence that gives it, or, when no sentence gives that amount, its articles
    assert (
        "**$20 billion**, in 1 article:\n\n> The Harbor Council approved a $20bn aid package. "
        '<small>[Outlet not given](articles/b1.md#s0 "Go to this sentence")</small>'
    ) in page
    assert "**$21 billion**, in 1 article:\n\n- [Daily Tern, 2024-03-01](articles/a1.md)\n" in page
    agreed = render(small_kb(), TEMPLATES)["disagreements.md"]
    assert "The sources agree on every figure found so far." in agreed
    aid.aid.donor = None  # known by amount alone, the two figures may be two packages
    assert "The sources agree on every figure found so far." in render(kb, TEMPLATES)["disagreements.md"]


def test_outlets_graph_and_home_pages() -> None:
    files = render(small_kb(), TEMPLATES)
    outlets = files["outlets.md"]
    # an outlet leads to its articles: the articles index, filtered by it
    assert (
        '<tr><td><a href="../articles/?outlet=Daily%20Tern">Daily Tern</a></td><td>1</td><td>2024-03-01</td></tr>'
        in (outlets)
    )
    assert "1 outlet, most articles first." in outlets
    # an article that names no outlet is not an outlet
    assert _index_rows(files, "outlets/index.json") == [{"name": "Daily Tern", "articles": 1, "latest": "2024-03-01"}]
    assert "1 article names no outlet: [listed in the articles index](articles/index.md?outlet=-)." in outlets
    assert '<option value="-">Outlet not given</option>' in files["articles/index.md"]
    graph = re.search(r'id="kb-graph" data-root="\.\./" data-graph="([^"]+)"', files["graph.md"])
    assert graph is not None
    nodes = json.loads(html.unescape(graph.group(1)))["nodes"]
    assert {n["id"] for n in nodes} == {"edith-marlow", "paris", "harbor-council", "20-billion-package"}
    home = files["index.md"]
    for target in ("timeline.md", "graph.md", "quotes.md", "disagreements.md", "outlets.md", "feed.xml", "kb.json"):
        assert f"]({target})" in home
    assert files["assets/vendor/vis-network.min.js"].startswith("/**")


def test_feeds_list_dated_articles_newest_first_and_escape_titles() -> None:
    kb = small_kb()
    kb.articles[0] = replace(kb.articles[0], title="Marlow <b>&</b> Paris")
    rss = feeds.rss(kb.articles, "KB", "https://kb.example.org/")
    assert "<title>Marlow &lt;b&gt;&amp;&lt;/b&gt; Paris</title>" in rss
    assert "<link>https://kb.example.org/articles/a1/</link>" in rss
    assert rss.count("<item>") == 1  # the undated article is not in the feed
    import xml.etree.ElementTree as ET

    ET.fromstring(rss)
    feed = json.loads(feeds.json_feed(kb.articles, "KB"))
    assert [(i["id"], i["url"], i["date_published"]) for i in feed["items"]] == [
        ("a1", "articles/a1/", "2024-03-01T00:00:00Z")
    ]


def test_one_event_dated_differently_by_two_sources_is_a_date_disagreement() -> None:
    from generator.models import Entity, EntityMention, EventInfo
    from generator.render.disagreements import date_disputes

    def event(event_id: str, name: str, day: str, article: str) -> Entity:
        mentions = [EntityMention(article, 0, 0, 1, "x")]
        return Entity(event_id, "event", name, mentions=mentions, event=EventInfo(day, day))

    kb = small_kb()
    kb.entities += [
        event("summit-a", "Harbor Summit (March 2024)", "2024-03-04", "a1"),
        event("summit-b", "Harbor Summit (March 2024)", "2024-03-05", "b1"),
        event("summit-c", "Harbor Summit", "2024-05-20", "b1"),  # weeks later: another summit
        event("talks", "Harbor talks", "2024-03-05", "b1"),  # another name
    ]
    (dispute,) = date_disputes(kb.entities)
    assert (dispute.name, [e.id for e in dispute.events]) == ("Harbor Summit", ["summit-a", "summit-b"])
    page = render(kb, TEMPLATES)["disagreements.md"]
    assert (
        "**[2024-03-04](events/summit-a.md)**, in 1 article:\n\n> Officials met Edith Marlow in Paris on Monday. "
        '<small>[Daily Tern, 2024-03-01](articles/a1.md#s0 "Go to this sentence")</small>'
    ) in page
    assert "**[2024-03-05](events/summit-b.md)**, in 1 article:\n\n> The Harbor Council approved" in page
    # the same article giving both dates is not two sources disagreeing
    kb.entities[-3].mentions.append(EntityMention("a1", 0, 0, 1, "x"))
    assert date_disputes(kb.entities) == []


def test_entities_below_the_page_threshold_get_no_page_but_stay_in_kb_json() -> None:
    kb = with_quote_and_event()
    files = render(kb, TEMPLATES, page_min_mentions=2)
    # Paris (1 mention) has no page and no links; the speaker, the event and the aid package keep theirs
    assert "places/paris.md" not in files
    assert {"people/edith-marlow.md", "organizations/harbor-council.md", "events/harbor-summit.md"} <= set(files)
    assert "aid/20-billion-package.md" in files
    assert "places/paris" not in files["articles/a1.md"] and "Paris" in files["articles/a1.md"]
    assert "paris" not in files["graph.md"]
    assert "paris" in {e["id"] for e in json.loads(files["kb.json"])["entities"]}
    assert render(kb, TEMPLATES, page_min_mentions=1).keys() >= {"places/paris.md"}


def test_search_weight_grows_with_mentions_and_gains_half_for_composite_names() -> None:
    from generator.models import Entity, EntityMention
    from generator.render.pages import search_weight

    def entity(type_: str, mentions: int) -> Entity:
        return Entity("x", type_, "X", mentions=[EntityMention("a", i, 0, 1, "X") for i in range(mentions)])  # type: ignore[arg-type]

    assert 10 >= search_weight(entity("organization", 57)) > search_weight(entity("organization", 2)) > 4
    assert search_weight(entity("organization", 10_000)) == 10  # Pagefind's scale ends at 10
    assert search_weight(entity("event", 15)) == 6.0 and search_weight(entity("organization", 15)) == 8.0
    records = search_records.read(render(small_kb(), TEMPLATES)[search_records.FILE])
    person = next(r for r in records if r.url == "people/edith-marlow/")
    assert (person.type, person.title, person.name, person.weight) == ("Person", "Edith Marlow", "Edith Marlow", 5.6)
    assert 'data-pagefind-weight="5.6"' in search_records.document(person)


def test_search_words_are_plain_and_comma_separated() -> None:
    from generator.render.pages import search_words

    words = search_words("Ukraine-NATO Council", "U.S.", "Jean-Yves Le Drian")
    assert words == "Ukraine NATO Council, U S, Jean Yves Le Drian"
    assert search_words('x" onclick="y') == "x onclick y"  # nothing that could leave an attribute


def test_a_quote_carried_by_two_named_outlets_counts_both() -> None:
    from dataclasses import replace

    kb = with_quote_and_event()
    kb.articles = [replace(a, outlet=a.outlet or "Harbor Post") for a in kb.articles]
    files = render(kb, TEMPLATES)
    assert "carried by 2 outlets (Daily Tern, Harbor Post) · " in files["quotes.md"]
    assert "(also carried by 1 other outlet)" in files["articles/a1.md"]
    assert "carried by 2 outlets: [Daily Tern](" in files["people/edith-marlow.md"]
    assert "2 outlets, most articles first." in files["outlets.md"] and "no outlet" not in files["outlets.md"]


def test_a_thin_entity_page_shows_its_one_sentence_once_and_no_two_node_graph() -> None:
    page = render(small_kb(), TEMPLATES)["aid/20-billion-package.md"]  # named once, beside one other entity
    assert "| Outlets |" not in page  # its one article names no outlet: no "Outlets | 0" row
    sentence = "The Harbor Council approved a $20bn aid package."
    assert page.count(sentence) == 1  # under its mentions, not again as a summary excerpt
    assert "kb-local-graph" not in page and "## Graph" not in page
    person = render(with_quote_and_event(), TEMPLATES)["people/edith-marlow.md"]
    assert "kb-local-graph" in person  # two neighbours: a graph


def test_mentions_in_many_articles_go_on_over_pages_of_their_own() -> None:
    from generator.models import Entity, EntityMention, KnowledgeBase
    from generator.render.pages import MENTION_ARTICLES
    from generator.resolve.curation import links_of
    from tests.builders import make

    assert MENTION_ARTICLES == 20
    built = [make(f"a{n:02}", [f"Ada Lind spoke on day {n}."], [], date=f"2024-01-{n:02}") for n in range(1, 31)]
    built += [make(f"b{n:02}", [f"Ada Lind spoke again, {n}."], [], date=f"2024-02-{n:02}") for n in range(1, 16)]
    ada = Entity("ada-lind", "person", "Ada Lind")
    ada.mentions = [EntityMention(a.id, 0, 0, 8, "Ada Lind") for a, _ in built]
    kb = KnowledgeBase([a for a, _ in built], {a.id: x for a, x in built}, [ada], links=links_of([ada]))
    files = render(kb, TEMPLATES)
    first = files["people/ada-lind.md"]
    assert first.count('<h3><a href="../../articles/') == 20  # the 20 oldest articles
    assert "day 1." in first and "day 20." in first and "day 21." not in first
    pager = 'Articles 1–20 of 45, oldest first: <strong aria-current="page">1</strong>'
    pages = ' <a href="../../people/ada-lind/mentions-2/">2</a> <a href="../../people/ada-lind/mentions-3/">3</a>'
    assert pager + pages in first
    second, third = files["people/ada-lind/mentions-2.md"], files["people/ada-lind/mentions-3.md"]
    assert second.startswith('---\ntitle: "Ada Lind: mentions, page 2"\nkb_unindexed: true\n---\n')
    assert "Articles 21–40 of 45" in second and "day 21." in second and "again, 10." in second
    assert '<a href="../../../people/ada-lind/">1</a>' in second  # back to the entity's own page
    assert 'href="../../../articles/a21/#s0"' in second  # links from one level deeper
    assert "Articles 41–45 of 45" in third and third.count('<h3><a href="') == 5
    assert "people/ada-lind/mentions-4.md" not in files
    assert "mentions-2" not in render(small_kb(), TEMPLATES)["people/edith-marlow.md"]  # few articles: one page


def test_a_topic_page_lists_its_newest_articles_and_top_entities_and_leads_to_the_indexes_for_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.render import pages

    monkeypatch.setattr(pages, "TOPIC_ARTICLES", 1)
    monkeypatch.setattr(pages, "TOPIC_ENTITIES", 1)
    kb = small_kb()
    council = kb.entities_by_id["harbor-council"]
    office = replace(council, id="port-office", name="Port Office", mentions=council.mentions[:1])  # in a1 only
    kb.entities.append(office)
    del kb.__dict__["entities_by_id"]  # computed once; the entities have changed
    kb.topics = [replace(kb.topics[0], entities=["paris", "port-office", "harbor-council", "edith-marlow"])]
    page = render(kb, TEMPLATES)["topics/harbor-affairs.md"]
    # the newest article only (b1 has no date), and the index filtered by the topic for the others
    assert "- [Marlow in \\*Paris\\*](../articles/a1.md) (2024-03-01)" in page and "b1.md" not in page
    assert "The newest 1 of 2; [the articles index](../articles/index.md?topic=harbor-affairs) lists them all." in page
    # of each type, in the order of the site's types, the entity in most of the topic's articles
    assert [h for h in page.splitlines() if h.startswith("## ")] == [
        "## Articles { data-search-exclude }",
        "## People { data-search-exclude }",
        "## Organizations { data-search-exclude }",
        "## Places { data-search-exclude }",
    ]
    assert "- [Harbor Council](../organizations/harbor-council.md) (2 articles)" in page and "port-office" not in page
    assert (
        "The 1 named in most of its articles; [the index of organizations]"
        "(../organizations/index.md?topic=harbor-affairs) lists all 2." in page
    )
    assert "- [Paris](../places/paris.md) (1 article)" in page


def test_disagreements_go_on_over_pages_of_their_own_so_that_none_grows_with_the_corpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.render import pages

    monkeypatch.setattr(pages, "DISPUTES_PER_PAGE", 1)
    kb = small_kb()
    aid = kb.entities_by_id["20-billion-package"]
    aid.aid.figures = [Figure(20e9, "USD", "$20 billion", ["b1"]), Figure(21e9, "USD", "$21 billion", ["a1"])]
    kb.entities.append(replace(aid, id="ferry-fund", name="Ferry fund"))
    del kb.__dict__["entities_by_id"]  # computed once; the entities have changed
    files = render(kb, TEMPLATES)
    first, second = files["disagreements.md"], files["disagreements/2.md"]
    assert "disagreements/3.md" not in files
    for page in (first, second):
        assert "2 figures and 0 dates in dispute." in page
    assert (
        '<nav class="kb-pager" aria-label="Pages of the disagreements">Page 1 of 2: '
        '<strong aria-current="page">1</strong> <a href="../disagreements/2/">2</a>'
    ) in first
    assert 'Page 2 of 2: <a href="../../disagreements/">1</a> <strong aria-current="page">2</strong>' in second
    assert first.count("### [") == 1 and second.count("### [") == 1
    assert "## Dates" in first and "## Dates" not in second  # "no event is given different dates", said once
    assert 'title: "Disagreements, page 2"' in second


def test_links_in_raw_html_can_start_from_the_source_file_for_engines_that_rewrite_them() -> None:
    """MkDocs leaves links in raw HTML as written, so they start from the page's URL; Zensical
    rewrites them as Markdown links, from the source file, so ``kb generate`` writes them so."""
    from generator.render.paths import source_root

    assert [source_root(d) for d in ("index.md", "people/index.md", "people/edith-marlow.md")] == ["./", "../", "../"]
    by_url, by_source = render(small_kb(), TEMPLATES), render(small_kb(), TEMPLATES, hrefs_from_source=True)
    assert '<h3><a href="../../articles/a1/">' in by_url["people/edith-marlow.md"]
    assert '<h3><a href="../articles/a1/">' in by_source["people/edith-marlow.md"]
    assert 'href="../../people/edith-marlow/"' in by_url["articles/a1.md"]
    assert 'href="../people/edith-marlow/"' in by_source["articles/a1.md"]
    assert '<a href="../articles/a1/">' in by_url["timeline.md"]
    assert '<a href="./articles/a1/">' in by_source["timeline.md"]
    # a folder's index page has its URL where its source is: the same links either way
    assert by_url["people/index.md"] == by_source["people/index.md"]
    # the page script's data attributes are read in the browser, from the page's URL, by both
    assert 'data-root="../"' in by_url["timeline.md"] and 'data-root="../"' in by_source["timeline.md"]
