"""Sites built from real news, in headless Chromium: the Wikinews development corpus and every
tenth White House article (by sorted path), from the corpora beside the project (``../shared``).

Every index and ledger filters and sorts as its data file says; the graph's controls work; search
results carry their type; no page passes half a megabyte; every kind of page passes axe-core
with no serious or critical violation and is photographed at 390 px; the first contentful paint
of the five heaviest pages is measured. What was measured goes to
``screenshots/<corpus>/report.json`` beside the screenshots.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from generator.cli import main
from tests.browser.conftest import SCREENSHOTS, open_page, serve
from tests.browser.helpers import exercise_site_graph, index_data, search, shown_count, visit
from tests.conftest import ROOT, make_project

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.slow]

CORPORA = ROOT.parent / "shared" / "corpora"
SITES = {"wikinews-dev": (CORPORA / "wikinews-dev", 1), "whitehouse-1-in-10": (CORPORA / "whitehouse", 10)}
MAX_PAGE = 500_000  # bytes of HTML
SERIOUS = {"serious", "critical"}
INDEXES = ["people", "organizations", "places", "events", "aid", "topics", "articles", "outlets", "quotes", "timeline"]
PAGE_ROWS = 50


@dataclass
class Built:
    name: str
    site: Path
    kb: dict[str, Any]
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def shots(self) -> Path:
        folder = SCREENSHOTS / self.name
        folder.mkdir(parents=True, exist_ok=True)
        return folder


@pytest.fixture(scope="module", params=list(SITES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The site of one corpus, built once with ``kb build --strict``."""
    name = request.param
    source, every = SITES[name]
    if not source.is_dir():
        pytest.skip(f"{source} is not here: these tests read the corpora kept beside the project")
    root = tmp_path_factory.mktemp(name)
    sample = root / "sample"
    files = sorted((p for p in source.rglob("*") if p.is_file()), key=lambda p: p.relative_to(source).as_posix())
    for path in files[::every]:
        dest = sample / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    (root / "project").mkdir()
    project = make_project(root / "project", sample)
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--strict"]) == 0
    site = project / "site"
    done = Built(name, site, json.loads((site / "kb.json").read_text(encoding="utf-8")))
    yield done
    (done.shots / "report.json").write_text(json.dumps(done.report, indent=2) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def url(built: Built) -> Iterator[str]:
    yield from serve(built.site)


@pytest.fixture
def tab(browser: Browser, url: str, errors: list[str]) -> Iterator[Page]:
    yield from open_page(browser, url, errors)


def test_no_page_passes_half_a_megabyte(built: Built) -> None:
    sizes = sorted(((p.stat().st_size, p.relative_to(built.site).as_posix()) for p in built.site.rglob("*.html")),
                   reverse=True)  # fmt: skip
    data = sorted(((p.stat().st_size, p.relative_to(built.site).as_posix()) for p in built.site.rglob("index*.json")),
                  reverse=True)  # fmt: skip
    built.report["pages"] = len(sizes)
    built.report["largest pages"] = sizes[:5]
    built.report["largest index data files"] = data[:3]
    assert sizes[0][0] <= MAX_PAGE, sizes[:5]
    assert data[0][0] <= MAX_PAGE, data[:3]  # an index's data comes in chunks, whatever the corpus size


# --- indexes: what the page shows against what its data file says -------------------------------------


def _text(kind: str, r: dict[str, Any]) -> str:
    """The text an index's words filter looks in, as the site script joins it."""
    parts: list[str]
    if kind == "event":
        parts = [r["name"], r["place"], *r["participants"]]
    elif kind == "article":
        parts = [r["title"], r["outlet"] or "", r["author"] or ""]
    elif kind == "quote":
        parts = [r["text"], *r["variants"]]
    elif kind == "timeline":
        parts = [r["title"], r["outlet"] or ""]
    else:
        parts = [r["name"], r.get("aliases") or ""]
    return " ".join(parts).lower()


def _span(kind: str, r: dict[str, Any]) -> tuple[str | None, str | None]:
    if kind == "event":
        return r["start"], r["end"] or r["start"]
    if kind == "timeline":
        return r["date"], r["end"] or r["date"]
    return r.get("date"), r.get("date")


def _key(kind: str, r: dict[str, Any]) -> str:
    """What identifies a row on the page: its link, or a quote's words."""
    if kind == "quote":
        return r["text"][:60]
    if kind == "outlet":
        return "articles/?outlet=" + r["name"]
    return str(r["url"])


ROW_KEYS = """(box, kind) => {
  const root = new URL(box.dataset.root, location.href).href;
  return [...box.querySelectorAll('.kb-index-rows > *')].map(row => {
    if (kind === 'quote') return row.querySelector('blockquote').textContent.trim().slice(1, -1).slice(0, 60);
    const a = row.querySelector('a');
    return a.href.startsWith(root) ? decodeURIComponent(a.href.slice(root.length)) : a.href;
  });
}"""

SORTS: dict[str, Callable[[list[dict[str, Any]]], list[dict[str, Any]]]] = {
    "mentions": lambda rows: sorted(rows, key=lambda r: (-r["mentions"], -r["articles"])),
    "articles": lambda rows: sorted(rows, key=lambda r: -r["articles"]),
    "entities": lambda rows: sorted(rows, key=lambda r: -r["entities"]),
    "outlets": lambda rows: sorted(rows, key=lambda r: (-len(r["outlets"]), -r["articles"])),
    "date": lambda rows: sorted(rows, key=lambda r: (r["start"] is None, r["start"] or "")),
    "latest": lambda rows: sorted(rows, key=lambda r: r["latest"] or "", reverse=True),
    "newest": lambda rows: sorted(rows, key=lambda r: r["date"] or "", reverse=True),
    "oldest": lambda rows: sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "")),
    "": lambda rows: rows,
}
BY_TEXT = {"name", "title"}  # collated as the browser does: checked in the browser


def _count(tab: Page) -> int:
    expect(tab.locator(".kb-index-count")).to_contain_text(" of ")
    return shown_count(tab)


def _keys(tab: Page, kind: str) -> list[str]:
    return tab.locator(".kb-index").evaluate(ROW_KEYS, kind)  # type: ignore[no-any-return]


@pytest.mark.parametrize("folder", INDEXES)
def test_an_index_filters_and_sorts_the_whole_list_as_its_data_says(
    built: Built, tab: Page, errors: list[str], folder: str
) -> None:
    rows = index_data(built.site, folder)
    visit(tab, f"/{folder}/")
    if not rows:
        expect(tab.locator("article")).to_contain_text("No ")
        return
    box = tab.locator(".kb-index")
    kind = str(box.get_attribute("data-kind"))
    form = box.locator("form")
    assert _keys(tab, kind) == [_key(kind, r) for r in rows[:PAGE_ROWS]], "the first page is not the data's first rows"
    seen: dict[str, Any] = {"rows": len(rows)}
    # words of a row past the first page find it, and every row that holds them
    target = rows[min(len(rows) - 1, PAGE_ROWS + 10)]
    words = " ".join(_text(kind, target).split()[:3])
    form.locator("input[name=q]").fill(words)
    assert _count(tab) == sum(words in _text(kind, r) for r in rows), words
    assert _key(kind, target) in _keys(tab, kind) or _count(tab) > PAGE_ROWS
    form.locator("input[name=q]").fill("")
    seen["words"] = words
    # each select and text filter the page has, against the data
    filters: list[tuple[str, str, Callable[[dict[str, Any]], bool]]] = []
    if form.locator("select[name=topic]").count():
        common = Counter(t for r in rows for t in r["topics"]).most_common(1)
        options = form.locator("select[name=topic] option").evaluate_all("os => os.map(o => o.value)")
        topic = common[0][0] if common else options[1]  # no row has a topic: any topic finds none
        filters.append(("topic", topic, lambda r, t=topic: t in r["topics"]))
    if form.locator("select[name=outlet]").count():
        outlet = Counter(o for r in rows for o in (r["outlets"] if kind == "quote" else [r["outlet"]]) if o)
        top = outlet.most_common(1)[0][0]
        filters.append(("outlet", top, lambda r, o=top: o in r["outlets"] if kind == "quote" else r["outlet"] == o))
    if form.locator("input[name=speaker]").count():
        speaker = Counter(r["speaker"] for r in rows if r["speaker"]).most_common(1)[0][0]
        filters.append(("speaker", speaker, lambda r, s=speaker: s.lower() in (r["speaker"] or "").lower()))
    if form.locator("select[name=kind]").count():
        filters.append(("kind", "event", lambda r: r["kind"] == "event"))
    if form.locator("select[name=type]").count():
        filters.append(("type", "person", lambda r: "person" in r["types"]))
    for name, value, keep in filters:
        field_ = form.locator(f"[name={name}]")
        if field_.evaluate("el => el.tagName") == "SELECT":
            field_.select_option(value)
        else:
            field_.fill(value)
        assert _count(tab) == sum(map(keep, rows)), f"{name}={value}"
        seen[name] = value
        if field_.evaluate("el => el.tagName") == "SELECT":
            field_.select_option("")
        else:
            field_.fill("")
    if form.locator("input[name=from]").count():
        dated = [d for r in rows if (d := _span(kind, r)[0])]
        day = sorted(dated)[len(dated) // 2]
        form.locator("input[name=from]").fill(day)
        form.locator("input[name=to]").fill(day)
        expected = 0
        for r in rows:
            first, last = _span(kind, r)
            expected += bool(first and last and last >= day and first <= day)
        assert _count(tab) == expected, day
        form.locator("input[name=from]").fill("")
        form.locator("input[name=to]").fill("")
        seen["day"] = day
    # every sort: the first page is the data's first rows in that order
    sort = form.locator("select[name=sort]")
    for option in sort.locator("option").evaluate_all("options => options.map(o => o.value)"):
        sort.select_option(option)
        _count(tab)
        if option in BY_TEXT:
            texts = tab.locator(".kb-index-rows > * a").evaluate_all(
                "links => links.filter(a => a.closest('td') === a.closest('tr').querySelector('td:has(a)'))"
                ".map(a => a.textContent)"
            )
            assert tab.evaluate("t => t.every((x, i) => i === 0 || t[i - 1].localeCompare(x) <= 0)", texts), option
        else:
            assert _keys(tab, kind) == [_key(kind, r) for r in SORTS[option](rows)[:PAGE_ROWS]], option
    # and the rest, a page at a time
    more = box.locator(".kb-index-more")
    if len(rows) > PAGE_ROWS:
        more.click()
        expect(box.locator(".kb-index-rows > *")).to_have_count(min(len(rows), 2 * PAGE_ROWS))
    assert errors == []
    built.report.setdefault("indexes", {})[folder] = seen


# --- the graph and search -----------------------------------------------------------------------------


def test_the_graph_filters_finds_shows_a_neighbourhood_and_a_click_leads_to_the_page(built: Built, tab: Page) -> None:
    visit(tab, "/graph/")
    built.report["graph"] = exercise_site_graph(tab)


def test_search_results_name_the_type_of_each_page(built: Built, tab: Page) -> None:
    people = sorted((e for e in built.kb["entities"] if e["type"] == "person"), key=lambda e: -len(e["mentions"]))
    person = people[0]
    results = search(tab, person["name"])
    first = results.first
    expect(first.locator(".kb-badge")).to_have_text("Person")
    assert first.evaluate("a => new URL(a.href).pathname") == "/" + person["page"]
    article = max(built.kb["articles"], key=lambda a: len(a["title"]))
    words = " ".join(article["title"].split()[:6])
    results = search(tab, words)
    badges = results.locator(".kb-badge").all_inner_texts()
    assert "Article" in badges, badges
    built.report["search"] = {person["name"]: "Person first", words: badges}


# --- every kind of page --------------------------------------------------------------------------------


def page_kinds(built: Built) -> dict[str, str]:
    """A page of each kind: the most mentioned entity of each type, the longest article, an entity's
    second page of mentions, a topic, each index and each page about the corpus."""
    kb = built.kb
    kinds: dict[str, str] = {"home": "/"}
    for type_ in ("person", "organization", "place", "event", "aid_package"):
        of_type = [e for e in kb["entities"] if e["type"] == type_ and e.get("page")]
        if of_type:
            kinds[type_] = "/" + max(of_type, key=lambda e: len(e["mentions"]))["page"]
    kinds["article"] = "/" + max(kb["articles"], key=lambda a: a["words"])["page"]
    more = sorted(built.site.glob("*/*/mentions-2/index.html"))
    if more:
        kinds["mentions, second page"] = "/" + more[0].parent.relative_to(built.site).as_posix() + "/"
    if kb["topics"]:
        kinds["topic"] = f"/topics/{kb['topics'][0]['id']}/"
    for folder in INDEXES:
        kinds[f"index: {folder}"] = f"/{folder}/"
    for name in ("graph", "disagreements"):
        kinds[name] = f"/{name}/"
    return kinds


KINDS = ["home", "person", "organization", "place", "event", "aid_package", "article", "mentions, second page",
         "topic", *(f"index: {f}" for f in INDEXES), "graph", "disagreements"]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_page_passes_axe_and_reads_at_390_px(
    built: Built, browser: Browser, url: str, errors: list[str], kind: str
) -> None:
    path = page_kinds(built).get(kind)
    if path is None:
        pytest.skip(f"{built.name} has no page of this kind")
    for tab in open_page(browser, url, errors, width=390, height=844):
        visit(tab, path)
        out = built.shots / f"{kind.replace(': ', '-').replace(', ', '-').replace(' ', '-')}-390.png"
        height = min(4000, int(tab.evaluate("document.documentElement.scrollHeight")))
        tab.screenshot(path=out, full_page=True, clip={"x": 0, "y": 0, "width": 390, "height": height})
        assert out.stat().st_size > 10_000, f"{out}: nearly empty"
        wide = tab.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"{path} is {wide} px wide at 390 px: it scrolls sideways"
        violations = [v for v in Axe().run(tab).response["violations"] if v["impact"] in SERIOUS]
        report = [f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}" for v in violations]
        assert not violations, "\n".join(report)
    assert errors == [], errors
    built.report.setdefault("page kinds", {})[kind] = path


def test_the_first_contentful_paint_of_the_five_heaviest_pages_is_measured(
    built: Built, browser: Browser, url: str, errors: list[str]
) -> None:
    heaviest = sorted(built.site.rglob("*.html"), key=lambda p: -p.stat().st_size)[:5]
    paints: dict[str, Any] = {}
    for path in heaviest:
        page_url = "/" + path.parent.relative_to(built.site).as_posix() + "/"
        for tab in open_page(browser, url, errors):
            tab.goto(page_url.replace("/./", "/"), wait_until="load")
            fcp = tab.evaluate(
                "() => new Promise(done => new PerformanceObserver((list, observer) => {"
                " observer.disconnect(); done(list.getEntries()[0].startTime); })"
                ".observe({type: 'paint', buffered: true}))"
            )
            paints[page_url] = {"bytes": path.stat().st_size, "first contentful paint (ms)": round(fcp)}
    built.report["first contentful paint, five heaviest pages"] = paints
    assert all(p["first contentful paint (ms)"] > 0 for p in paints.values())
