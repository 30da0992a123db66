"""The built seed site in headless Chromium: search, cross-links, graph, timeline, dark mode, accessibility."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    PICK_NODE,
    exercise_site_graph,
    index_data,
    overlapping_labels,
    search,
    shown_count,
    visit,
)

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

STATIC_PAGES = {
    "home": "/",
    "graph": "/graph/",
    "timeline": "/timeline/",
    "quotes": "/quotes/",
    "disagreements": "/disagreements/",
    "outlets": "/outlets/",
}
PERSON = "Antony Blinken"
ALIASES = [(PERSON, "Blinken"), ("Kyiv", "Kiev")]
NAMES = [PERSON, "Kyiv", "NATO", "Ukraine", "Russia", "United States", "Dmytro Kuleba"]
SERIOUS = {"serious", "critical"}


def entity(kb: dict[str, Any], name: str) -> dict[str, Any]:
    found = [e for e in kb["entities"] if e["name"] == name]
    assert len(found) == 1, f"expected one entity named {name!r} in kb.json, got {len(found)}"
    return found[0]


@pytest.fixture(scope="session")
def pages(kb: dict[str, Any]) -> dict[str, str]:
    """Paths of the pages the tests visit, by name: the static pages, a person and an article mentioning them."""
    person = entity(kb, PERSON)
    article = next(a for a in kb["articles"] if a["id"] == person["mentions"][0]["article"])
    return {**STATIC_PAGES, "entity": "/" + person["page"], "article": "/" + article["page"]}


@pytest.mark.parametrize(("name", "alias"), ALIASES)
def test_searching_an_alias_finds_the_entity_first(page: Page, kb: dict[str, Any], name: str, alias: str) -> None:
    wanted = entity(kb, name)
    assert alias in wanted["aliases"]
    first = search(page, alias).first
    assert first.evaluate("a => new URL(a.href).pathname") == "/" + wanted["page"]


@pytest.mark.parametrize("name", NAMES)
def test_searching_a_canonical_name_finds_the_entity_first(page: Page, kb: dict[str, Any], name: str) -> None:
    wanted = entity(kb, name)
    first = search(page, name).first
    assert first.evaluate("a => new URL(a.href).pathname") == "/" + wanted["page"]


def test_a_search_result_shows_the_pages_type_and_one_clean_line_about_it(page: Page) -> None:
    first = search(page, "Antony Blinken").first
    expect(first.locator(".kb-badge")).to_have_text("Person")
    summary = first.locator(".kb-result-summary")
    expect(summary).to_have_text(re.compile(r"^Secretary of State of United States; named in \d+ articles?, 20"))
    assert "Facts" not in first.inner_text() and "Also written" not in first.inner_text()  # no infobox text
    article = search(page, "Blinken").locator(".kb-badge", has_text="Article").first
    expect(article).to_be_visible()  # an article page is marked as one


def test_search_result_opens_its_page_and_article_bodies_are_not_searched(page: Page, kb: dict[str, Any]) -> None:
    results = search(page, "We must and we will continue")  # words of an article body only
    paths = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert not any(p.startswith("/articles/0") for p in paths), paths
    results = search(page, "Kuleba")
    expect(results.first.locator(".kb-badge")).to_have_text("Person")  # and one line about him, not an excerpt
    expect(results.first.locator(".kb-result-summary")).to_have_text(re.compile("^Foreign Minister of Ukraine; "))
    results.first.click()
    expect(page).to_have_url(re.compile("/people/dmytro-kuleba/$"))
    expect(page.locator("#__search")).not_to_be_checked()
    # after Material's instant navigation the box still searches, from a page two levels down
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press_sequentially("Kiev")
    expect(page.locator("[data-kb-search-result]")).to_have_attribute("data-query", "Kiev")
    first = page.locator(".md-search-result__item .md-search-result__link").first
    assert first.evaluate("a => new URL(a.href).pathname") == "/places/kyiv/"


def test_a_first_search_downloads_little(page: Page) -> None:
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/pagefind/" in r.url else None)
    search(page, "Ukraine")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith(".pf_index") for url in sizes)
    assert 0 < sum(sizes.values()) < 1_500_000, sizes


def test_mention_leads_to_the_entity_and_back_to_its_sentence(
    page: Page, kb: dict[str, Any], pages: dict[str, str], site_url: str
) -> None:
    person = entity(kb, PERSON)
    visit(page, pages["article"])
    mention = page.locator(f'.kb-s a[title="Person: {PERSON}"]').first
    sentence_id: str = mention.evaluate("a => a.closest('.kb-s').id")
    mention.click()
    page.wait_for_url(f"{site_url}/{person['page']}")

    # The mention list's "↗" link; the summary and quotes above it may link the same sentence under other text.
    back = page.locator(f'a[href$="{pages["article"].lstrip("/")}#{sentence_id}"]', has_text=re.compile("^↗$")).first
    expect(back).to_have_attribute("title", "Go to this sentence")
    back.click()
    page.wait_for_url(f"{site_url}{pages['article']}#{sentence_id}")

    sentence = page.locator(f"span.kb-s#{sentence_id}")
    expect(sentence).to_be_in_viewport()
    page.wait_for_function("id => document.querySelector(':target')?.id === id", arg=sentence_id)
    style = sentence.evaluate(
        "s => { const c = getComputedStyle(s); return [c.backgroundColor, c.outlineStyle, c.outlineWidth]; }"
    )
    background, outline, outline_width = style
    assert background not in ("transparent", "rgba(0, 0, 0, 0)") or (outline != "none" and outline_width != "0px"), (
        f"the target sentence is not highlighted: {style}"
    )


def test_the_graph_filters_finds_shows_a_neighbourhood_and_a_click_leads_to_the_page(page: Page) -> None:
    visit(page, "/graph/")
    exercise_site_graph(page)


def test_entity_page_draws_its_local_graph(page: Page, pages: dict[str, str]) -> None:
    visit(page, pages["entity"])
    graph = page.locator('#kb-local-graph.kb-graph[data-ready="true"]')
    expect(graph.locator("canvas").first).to_be_visible()
    assert graph.evaluate("el => (window.kbGraphs || []).some(g => g.element === el && g.nodes.length > 0)")
    assert overlapping_labels(graph) == []
    # a click on a neighbour opens its page
    graph.locator("canvas").first.scroll_into_view_if_needed()
    node = graph.evaluate(PICK_NODE)
    assert node is not None
    box = graph.locator("canvas").first.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + node["x"], box["y"] + node["y"])
    page.wait_for_url(node["url"])


def test_palette_toggle_switches_to_dark_mode_and_back(page: Page) -> None:
    visit(page, "/")
    body = page.locator("body")
    toggle = page.locator('form[data-md-component="palette"] label').filter(visible=True)
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


@pytest.mark.parametrize(
    "name", ["home", "entity", "article", "graph", "timeline", "quotes", "disagreements", "outlets"]
)
def test_page_has_no_console_or_script_errors(page: Page, errors: list[str], pages: dict[str, str], name: str) -> None:
    visit(page, pages[name])
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("name", ["home", "entity", "article", "graph", "timeline", "quotes"])
def test_page_has_no_serious_accessibility_violations(page: Page, pages: dict[str, str], name: str) -> None:
    visit(page, pages[name])
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    report = [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} at "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in violations
    ]
    assert not violations, "\n".join(report)


@pytest.mark.parametrize(
    ("name", "file", "viewport"),
    [
        ("home", "home.png", None),
        ("entity", "entity.png", None),
        ("graph", "graph.png", None),
        ("timeline", "timeline.png", None),
        ("home", "home-mobile.png", {"width": 390, "height": 844}),
    ],
)
def test_screenshot(
    page: Page, pages: dict[str, str], screenshots: Path, name: str, file: str, viewport: dict[str, int] | None
) -> None:
    if viewport:
        page.set_viewport_size(viewport)
    visit(page, pages[name])
    out = screenshots / file
    out.unlink(missing_ok=True)
    page.screenshot(path=out, full_page=True)
    assert out.is_file() and out.stat().st_size > 10_000, f"{out}: missing or nearly empty"


def test_the_timeline_filters_by_kind_type_and_topic_as_its_data_says(page: Page, site_dir: Path) -> None:
    rows = index_data(site_dir, "timeline")
    visit(page, "/timeline/")
    kind = page.locator(".kb-index select[name=kind]")
    kind.select_option("event")
    expect(page.locator(".kb-index-count")).to_contain_text(" of ")
    assert shown_count(page) == sum(r["kind"] == "event" for r in rows) > 0
    assert set(page.locator(".kb-index-rows .kb-tl-kind").all_inner_texts()) == {"EVENT"}
    kind.select_option("")
    for name, key in (("type", "types"), ("topic", "topics")):
        select = page.locator(f".kb-index select[name={name}]")
        values = [v for v in select.locator("option").evaluate_all("options => options.map(o => o.value)") if v]
        assert values, f"the timeline offers no {name} to filter by"
        for value in values:
            select.select_option(value)
            expect(page.locator(".kb-index-count")).to_contain_text(" of ")
            assert shown_count(page) == sum(value in r[key] for r in rows), f"{name}={value}"
        select.select_option("")


def test_the_quotes_ledger_filters_by_speaker_and_outlet_and_sorts_by_outlets(
    page: Page, site_dir: Path, kb: dict[str, Any], errors: list[str]
) -> None:
    rows = index_data(site_dir, "quotes")
    person = entity(kb, PERSON)
    visit(page, "/quotes/")
    expect(page.locator(".kb-index-rows .kb-quote")).to_have_count(min(len(rows), 50))
    page.locator(".kb-index input[name=speaker]").press_sequentially("blinken")
    theirs = [q for q in kb["quotes"] if q["speaker"] == person["id"]]
    expect(page.locator(".kb-index-count")).to_have_text(f"{len(theirs)} of {len(rows)} quotes")
    speakers = page.locator(".kb-quote-meta a:first-child").all_inner_texts()
    assert speakers == [PERSON] * len(theirs)
    page.locator(".kb-index input[name=speaker]").fill("")
    outlet = page.locator(".kb-index select[name=outlet]")
    for value in [v for v in outlet.locator("option").evaluate_all("os => os.map(o => o.value)") if v]:
        outlet.select_option(value)
        expect(page.locator(".kb-index-count")).to_contain_text(" of ")
        assert shown_count(page) == sum(value in r["outlets"] for r in rows) > 0, value
    outlet.select_option("")
    page.locator(".kb-index select[name=sort]").select_option("outlets")
    first = page.locator(".kb-quote-meta").first
    expect(first).to_contain_text(f"carried by {max(len(r['outlets']) for r in rows)} outlets")
    assert errors == []


def test_an_outlet_leads_to_the_articles_index_filtered_by_it(page: Page, kb: dict[str, Any]) -> None:
    visit(page, "/outlets/")
    link = page.locator(".kb-index-rows a").first
    name = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/articles/\?outlet="))
    expect(page.locator(".kb-index select[name=outlet]")).to_have_value(name)
    theirs = sorted(f"/articles/{a['id']}/" for a in kb["articles"] if a["outlet"] == name)
    expect(page.locator(".kb-index-table tbody tr")).to_have_count(len(theirs))
    shown = page.locator(".kb-index-table tbody a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert sorted(shown) == theirs


def index_rows(page: Page) -> list[str]:
    return page.locator(".kb-index-table tbody tr td:first-child").all_inner_texts()


def test_an_index_filters_as_you_type_sorts_and_shows_more_rows_a_page_at_a_time(
    page: Page, kb: dict[str, Any], errors: list[str]
) -> None:
    people = sorted((e["name"] for e in kb["entities"] if e["type"] == "person"), key=str.casefold)
    visit(page, "/people/")
    assert len(index_rows(page)) == len(people)  # the first page holds them all
    expect(page.locator(".kb-index-more")).to_be_hidden()
    page.locator(".kb-index input[name=q]").press_sequentially("blink")
    expect(page.locator(".kb-index-count")).to_have_text(f"1 of {len(people)} people")
    assert index_rows(page) == ["Antony Blinken"]
    page.locator(".kb-index input[name=q]").fill("")
    page.locator(".kb-index select[name=sort]").select_option("name")
    expect(page.locator(".kb-index-table tbody tr")).to_have_count(len(people))
    assert index_rows(page) == people
    # a page of five rows at a time: the rest come on asking, five by five
    page.locator(".kb-index").evaluate("box => { box.dataset.pageRows = '5'; }")
    page.locator(".kb-index select[name=sort]").select_option("mentions")
    expect(page.locator(".kb-index-table tbody tr")).to_have_count(5)
    more = page.locator(".kb-index-more")
    more.click()
    expect(page.locator(".kb-index-table tbody tr")).to_have_count(10)
    more.click()
    expect(page.locator(".kb-index-table tbody tr")).to_have_count(len(people))
    expect(more).to_be_hidden()
    assert errors == []


def test_the_events_and_articles_indexes_filter_by_date_and_topic(page: Page, kb: dict[str, Any]) -> None:
    visit(page, "/events/")
    page.locator(".kb-index input[name=from]").fill("2023-11-29")
    page.locator(".kb-index input[name=to]").fill("2023-11-29")
    on_the_day = [e for e in kb["entities"] if e["type"] == "event" and e["date"]
                  and e["date"]["start"] <= "2023-11-29" <= e["date"]["end"]]  # fmt: skip
    expect(page.locator(".kb-index-table tbody tr")).to_have_count(len(on_the_day))
    assert all(d.startswith("2023-11-29") or " to " in d for d in index_rows(page))
    visit(page, "/articles/")
    topic = max(kb["topics"], key=lambda t: len(t["articles"]))
    page.locator(".kb-index select[name=topic]").select_option(topic["id"])
    expect(page.locator(".kb-index-table tbody tr")).to_have_count(len(topic["articles"]))
    shown = page.locator(".kb-index-table tbody a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert sorted(shown) == sorted(f"/articles/{a}/" for a in topic["articles"])
