"""No script, in a browser: headless Chromium loads the pages of the site built from every XSS
payload and no alert, confirm or prompt dialog opens, and no payload's script runs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog

from tests.browser.conftest import serve

pytestmark = [pytest.mark.browser, pytest.mark.hostile]

TITLE_STRIDE = 20  # every title article's page is scanned statically; the browser opens every 20th


@pytest.fixture(scope="module")
def hostile_url(hostile_project: tuple[Path, str]) -> Iterator[str]:
    yield from serve(hostile_project[0] / "site")


def pages_to_open(site: Path) -> list[str]:
    """Every page but the title articles' and the pages that go on with an entity's mentions, and
    every TITLE_STRIDE-th of those; of the articles whose url was a payload, those that kept their
    url and one that did not (the others carry no payload: their page is that one's, another
    number in the title)."""
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    titles = [p for p in pages if p.startswith("articles/title-")]
    articles = json.loads((site / "kb.json").read_text(encoding="utf-8"))["articles"]
    with_url = {f"articles/{a['id']}" for a in articles if a["url"]}
    urls = [p for p in pages if p.startswith("articles/url-")]
    urls = [p for p in urls if p in with_url] + [p for p in urls if p not in with_url][:1]
    # the pages that go on with an entity's mentions list the title articles' titles again
    more = [p for p in pages if "/mentions-" in p]
    others = [p for p in pages if not p.startswith(("articles/title-", "articles/url-")) and p not in more]
    return others + urls + titles[::TITLE_STRIDE] + more[::TITLE_STRIDE]


def test_no_dialog_opens_and_no_payload_runs(
    hostile_project: tuple[Path, str], hostile_url: str, browser: Browser
) -> None:
    site = hostile_project[0] / "site"
    paths = pages_to_open(site)
    assert len(paths) > 600
    context = browser.new_context(java_script_enabled=True)
    # a payload that runs without a dialog (document.write, fetch, location) would still call one of these
    context.add_init_script(
        "for (const f of ['alert','confirm','prompt','print']) {"
        " const real = window[f]; window[f] = function(...a) { window.__kb_called = (window.__kb_called||0)+1;"
        " return real.apply(window, a); }; }"
    )
    dialogs: list[str] = []
    ran: list[str] = []
    page = context.new_page()
    # two entities are named in all 7,000 articles: their 8 MB pages can take more than the
    # default 30 s to load on a busy machine
    page.set_default_navigation_timeout(180_000)

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.type} {dialog.message[:60]!r}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    for path in paths:
        page.goto(f"{hostile_url}/{path}/" if path != "." else f"{hostile_url}/", wait_until="load")
        page.wait_for_timeout(20)  # timers a payload might set
        if page.evaluate("window.__kb_called || 0"):
            ran.append(path)
    context.close()
    print(f"pages opened in Chromium: {len(paths)}, dialogs: {len(dialogs)}")
    assert dialogs == [], dialogs[:5]
    assert ran == [], ran[:5]
