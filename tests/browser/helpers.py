"""What the browser tests do on a built site: visit a page, search, read an index's data, and ask a drawn
graph (``window.kbGraphs``, kept by the site script) what it shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from generator.render.indexes import read_index

GRAPHS_READY = "() => [...document.querySelectorAll('.kb-graph')].every(g => g.dataset.ready === 'true')"

# The node to click: the one farthest from its nearest neighbour, so that no other node is under the pointer.
PICK_NODE = """el => {
  const graph = (window.kbGraphs || []).find(g => g.element === el);
  if (!graph) return null;
  const nodes = graph.view.get().filter(n => n.url);
  const positions = graph.network.getPositions(nodes.map(n => n.id));
  const dom = nodes.map(n => graph.network.canvasToDOM(positions[n.id]));
  const inside = p => p.x > 10 && p.y > 10 && p.x < el.clientWidth - 10 && p.y < el.clientHeight - 10;
  let best = null;
  dom.forEach((p, i) => {
    if (!inside(p)) return;
    const gap = Math.min(Infinity, ...dom.filter((_, j) => j !== i).map(q => Math.hypot(p.x - q.x, p.y - q.y)));
    if (!best || gap > best.gap) best = {gap, x: p.x, y: p.y, id: nodes[i].id, name: nodes[i].name,
                                         url: new URL(nodes[i].url, location.href).href};
  });
  return best && {...best, count: graph.view.length};
}"""

# The drawn labels, as boxes on the canvas, and the shown nodes with their data.
LABELS = """el => {
  const graph = (window.kbGraphs || []).find(g => g.element === el);
  return graph.view.getIds().filter(id => graph.nodes.get(id).label).map(id => {
    const s = graph.network.body.nodes[id].labelModule.size;
    return {id, l: s.left, t: s.top, r: s.left + s.width, b: s.top + s.height};
  });
}"""
SHOWN = """el => {
  const graph = (window.kbGraphs || []).find(g => g.element === el);
  const data = Object.fromEntries(graph.data.nodes.map(n => [n.id, n]));
  return {shown: graph.view.getIds().map(id => data[id]), edges: graph.data.edges, drawn: graph.edges.get(),
          ties: graph.ties, hubs: graph.data.nodes.filter(n => n.hub).map(n => n.id)};
}"""


def ready(page: Page) -> None:
    """Wait until every graph on the page is drawn and its labels placed."""
    page.wait_for_function(GRAPHS_READY)


def visit(page: Page, path: str) -> None:
    """Open a page of the site and wait until it has settled, graphs drawn."""
    response = page.goto(path, wait_until="networkidle")
    assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'no response'}"
    ready(page)


def search(page: Page, query: str) -> Any:
    """Open the search box with its keyboard shortcut, type the query, wait for its results."""
    visit(page, "/")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(query)
    # the result list names the query it shows: wait for the whole query's results
    expect(page.locator("[data-kb-search-result]")).to_have_attribute("data-query", query)
    return page.locator(".md-search-result__item .md-search-result__link")


def index_data(site_dir: Path, folder: str) -> list[dict[str, Any]]:
    """The rows of an index's data files, as records."""
    return read_index(lambda name: (site_dir / folder / name).read_text(encoding="utf-8"))


def shown_count(page: Page) -> int:
    text = page.locator(".kb-index-count").inner_text()
    match = re.match(r"(\d+) of \d+ ", text)
    assert match, f"no count of matching rows in {text!r}"
    return int(match.group(1))


def overlapping_labels(graph: Locator) -> list[tuple[str, str]]:
    """The pairs of drawn labels whose boxes overlap."""
    boxes: list[dict[str, Any]] = graph.evaluate(LABELS)
    return [
        (a["id"], b["id"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]
    ]


def labels(graph: Locator) -> int:
    return len(graph.evaluate(LABELS))


def shown(graph: Locator) -> dict[str, Any]:
    return graph.evaluate(SHOWN)  # type: ignore[no-any-return]


def isolated(data: dict[str, Any]) -> list[str]:
    """The entities shown with no edge drawn although the data ties them to another one shown."""
    ids = {n["id"] for n in data["shown"]}
    tied = {n for e in data["edges"] if e["from"] in ids and e["to"] in ids for n in (e["from"], e["to"])}
    drawn = {n for e in data["drawn"] for n in (e["from"], e["to"])}
    return sorted(tied - drawn)


def exercise_site_graph(page: Page) -> dict[str, Any]:
    """The site graph's controls, each checked against the data it draws: labels that do not
    overlap, the type and topic filters, finding an entity and its neighbourhood, a node click
    that leads to its page. Returns what was seen, for the report."""
    graph = page.locator("#kb-graph")
    ready(page)
    seen: dict[str, Any] = {}
    assert overlapping_labels(graph) == []
    seen["labels at rest"] = labels(graph)
    assert seen["labels at rest"] >= 5, "hardly any label is shown"
    at_first = shown(graph)
    first = at_first["shown"]
    seen["nodes at first"] = len(first)
    assert isolated(at_first) == [], "an entity tied to others shown is drawn without an edge"
    assert not any(n.get("hub") for n in first), "a hub is shown before the reader asks for it"
    # type: unticking people hides every person
    page.locator(".kb-graph-controls input[name=type][value=person]").uncheck()
    ready(page)
    now = shown(graph)["shown"]
    assert now and all(n["group"] != "person" for n in now)
    assert overlapping_labels(graph) == []
    page.locator(".kb-graph-controls input[name=type][value=person]").check()
    ready(page)
    # topic: every node shown has it
    topic = page.locator(".kb-graph-controls select[name=topic]")
    if topic.count():
        value = topic.locator("option").nth(1).get_attribute("value")
        assert value
        topic.select_option(value)
        ready(page)
        now = shown(graph)["shown"]
        assert now and all(value in n.get("topics", []) for n in now), value
        topic.select_option("")
        ready(page)
    # hubs: shown when asked for
    hubs = page.locator(".kb-graph-controls input[name=hubs]")
    if hubs.count():
        hubs.check()
        ready(page)
        assert any(n.get("hub") for n in shown(graph)["shown"]), "asked for, the hubs are not shown"
        seen["hubs"] = len(shown(graph)["hubs"])
        hubs.uncheck()
        ready(page)
    # find an entity, then its neighbourhood: it and the nodes tied to it
    name = first[0]["label"]
    page.locator(".kb-graph-controls input[name=find]").fill(name)
    page.locator(".kb-graph-controls input[name=find]").press("Enter")
    page.locator(".kb-graph-controls select[name=depth]").select_option("1")
    ready(page)
    expect(page.locator(".kb-graph-status")).to_contain_text(f"around {name}")
    data = shown(graph)
    ids = {n["id"] for n in data["shown"]}
    centre = first[0]["id"]
    assert ids == {centre} | set(data["ties"][centre]) - set(data["hubs"]), "the neighbourhood is not its ties"
    assert isolated(data) == []
    assert overlapping_labels(graph) == []
    seen["neighbours of the largest"] = len(ids) - 1
    page.locator(".kb-graph-controls select[name=depth]").select_option("")
    ready(page)
    # a click on a node shows it and a link to its page, which opens it
    canvas = graph.locator("canvas").first
    canvas.scroll_into_view_if_needed()
    node = graph.evaluate(PICK_NODE)
    assert node is not None, "no node with a url in view"
    box = canvas.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + node["x"], box["y"] + node["y"])
    link = page.locator(".kb-graph-picked a")
    expect(link).to_have_text(f"Open the page of {node['name']}")
    link.click()
    page.wait_for_url(node["url"])
    return seen
