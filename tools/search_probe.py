"""What a reader's first search downloads, measured in headless Chromium.

The built site is served on 127.0.0.1; for each query a fresh browser page opens the
home page, opens the search box, types the query and waits for its results. Every
byte fetched under ``pagefind/`` from page load to results counts: the search
script, its WebAssembly, the entry and metadata files, the index chunks of the
query's words and the excerpts of the results listed. Used by the benchmark; needs
Playwright (a test dependency) and a Chromium (``KB_CHROMIUM`` or ``chromium``).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TIMEOUT_MS = 60_000


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def first_search_bytes(site: Path, queries: list[str]) -> dict[str, int] | None:
    """Bytes downloaded by a first search for each query; None without Playwright or Chromium."""
    executable = os.environ.get("KB_CHROMIUM") or shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not executable or not queries:
        return None
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for query in queries:
                page = browser.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                fetched: dict[str, int] = {}
                page.on("response", functools.partial(_count, fetched))
                page.goto(base, wait_until="networkidle")
                page.keyboard.press("/")
                page.locator("[data-kb-search-query]").press_sequentially(query)
                page.wait_for_selector(f"[data-kb-search-result][data-query={_css_string(query)}]")
                page.wait_for_load_state("networkidle")
                sizes[query] = sum(fetched.values())
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return sizes


def _count(fetched: dict[str, int], response: Any) -> None:
    if "/pagefind/" in response.url and response.ok:
        fetched[response.url] = len(response.body())


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.search_probe SITE QUERY...``: prints the bytes per query as JSON."""
    import json
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m tools.search_probe SITE QUERY...", file=sys.stderr)
        return 2
    print(json.dumps(first_search_bytes(Path(args[0]), args[1:])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
