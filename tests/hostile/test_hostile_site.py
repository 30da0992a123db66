"""No script: a site built from every XSS payload (in bodies, titles, front-matter values,
file names and entity names) holds no node that could run script, and shows the payloads as text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from generator.render.html_safety import dangerous_nodes
from generator.render.pages import MENTION_ARTICLES
from generator.render.text_safety import headline, is_cut
from tests.hostile.sites import FILLER, build, project, xss_payloads

pytestmark = pytest.mark.hostile


@pytest.fixture(scope="module")
def theme_nodes(ruler_model: Path, tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The scripts (and script attributes) a harmless site of the same configuration ships,
    on pages at every depth: enough articles name the same people that their mentions go on
    over a second page, one level deeper than their own."""
    files: dict[str, str | bytes] = {f"{n:02d}.txt": f"A quiet day {n}\n\n{FILLER}\n" for n in range(MENTION_ARTICLES)}
    files["b.md"] = f"---\ntitle: Another day\n---\n{FILLER}\n"
    dest = project(tmp_path_factory.mktemp("benign") / "project", ruler_model, files)
    assert build(dest).returncode == 0
    assert list((dest / "site").glob("people/*/mentions-2/index.html"))
    nodes: set[str] = set()
    for page in (dest / "site").rglob("*.html"):
        nodes.update(dangerous_nodes(page.read_text(encoding="utf-8")))
    assert any("bundle" in n for n in nodes)  # the theme's script is seen: the scan is real
    return nodes


def test_a_planted_script_is_found(theme_nodes: set[str]) -> None:
    """The scanner itself: what it must report, and the theme's own scripts that it must not."""
    planted = [
        '<img src=x onerror="alert(1)">',
        "<a href=' jav&#x09;ascript:alert(1)'>x</a>",
        "<script>alert(1)</script>",
        '<script src="https://evil.example/x.js"></script>',
        '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        "<svg><a xlink:href='vbscript:msgbox(1)'>x</a></svg>",
    ]
    for snippet in planted:
        assert dangerous_nodes(snippet, theme_nodes), snippet
    theme_script = next(n for n in theme_nodes if n.startswith("<script src=") and "bundle" in n)
    src = theme_script.removeprefix("<script src=")[1:-2]
    assert dangerous_nodes(f'<script src="{src}?v=1"></script>', theme_nodes) == []
    assert (
        dangerous_nodes(
            '<a href="https://example.org/?q=<script>">x</a><p>onclick=alert(1) javascript:alert(1)</p>', theme_nodes
        )
        == []
    )
    assert dangerous_nodes(f'<script src="{src}x"></script>', theme_nodes)


def test_no_page_holds_a_dangerous_node(hostile_project: tuple[Path, str], theme_nodes: set[str]) -> None:
    site = hostile_project[0] / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > len(xss_payloads())  # one page per title article at least
    found = {}
    for page in pages:
        nodes = dangerous_nodes(page.read_text(encoding="utf-8"), theme_nodes)
        if nodes:
            found[str(page.relative_to(site))] = nodes[:3]
    assert found == {}, list(found.items())[:10]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_titles_are_shown_as_written(hostile_project: tuple[Path, str]) -> None:
    """Inert, not removed: each title article's heading and <title> read as its payload (cut to a
    readable length with "…", the whole of it under the heading)."""
    dest = hostile_project[0]
    by_source = {}
    for page in (dest / "site" / "articles").glob("title-*/index.html"):
        text = page.read_text(encoding="utf-8")
        source = re.search(r"source file (.*?)\n", text)
        assert source, page
        by_source[" ".join(html.unescape(source.group(1)).split())] = text  # Markdown expands tabs
    wrong = []
    sources = sorted((dest / "corpus" / "title").glob("*.md"))
    assert len(sources) == len(xss_payloads())
    for source in sources:
        fields = yaml.safe_load(source.read_text(encoding="utf-8").split("---\n")[1])
        text = by_source.get(" ".join(f"title/{source.name}".split()), "")
        title = " ".join(fields["title"].split())
        shown = headline(title)
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
        head_title = re.search(r"<title>(.*?)</title>", text, re.S)
        if not (heading and head_title):
            wrong.append((source.name, "no page"))
        elif _text(heading.group(1)) != shown or not html.unescape(head_title.group(1)).startswith(shown):
            wrong.append((source.name, title, heading.group(1)))
        elif is_cut(title) and f"Full title: {title}" not in _text(text):
            wrong.append((source.name, title, "not shown whole"))
    assert wrong == [], wrong[:5]


def test_unsafe_urls_are_dropped_with_a_reason(hostile_project: tuple[Path, str]) -> None:
    """An article whose url is not an http(s) address is published without it, with a warning."""
    dest, messages = hostile_project
    url_files = sorted(p.name for p in (dest / "corpus" / "url").glob("*.md"))
    pattern = r"^warning url/(\S+\.md): front matter url .* is not an http\(s\) address; ignored$"
    dropped = re.findall(pattern, messages, re.M)
    pages = list((dest / "site" / "articles").glob("url-*/index.html"))
    assert len(pages) == len(url_files) and dropped
    linked = [_original(p) for p in pages if _original(p)]
    assert len(linked) + len(dropped) == len(url_files)
    assert all(re.match(r"https?://\S+$", url) for url in linked)


def _original(page: Path) -> str:
    m = re.search(r'<p class="kb-original">Original: <a href="([^"]*)"', page.read_text(encoding="utf-8"))
    return html.unescape(m.group(1)) if m else ""
