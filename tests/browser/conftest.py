"""Fixtures for the browser tests: the seed site built once, served locally, and headless Chromium."""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, Playwright, Route, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
TIMEOUT_MS = 15_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def site_dir(seed_project: Path) -> Path:
    """The seed site, built once per session (shared with the end-to-end tests)."""
    return seed_project / "site"


@pytest.fixture(scope="session")
def kb(site_dir: Path) -> dict[str, Any]:
    return json.loads((site_dir / "kb.json").read_text(encoding="utf-8"))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free local port; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Base URL of the seed site, served on a free local port."""
    yield from serve(site_dir)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    driver = sync_playwright().start()
    yield driver
    driver.stop()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    executable = os.environ.get("KB_CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail(
            "No Chromium found for the browser tests: set KB_CHROMIUM or install Debian's chromium "
            "(`make test` installs it)."
        )
    chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


def block(route: Route) -> None:
    route.abort("blockedbyclient")


@pytest.fixture
def errors() -> list[str]:
    """Console errors and uncaught page errors seen by the ``page`` fixture."""
    return []


def open_page(
    browser: Browser, site_url: str, errors: list[str], width: int = 1280, height: int = 900
) -> Iterator[Page]:
    """A fresh page whose relative URLs resolve against the served site; console errors and
    uncaught page errors go to ``errors``."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=site_url)
    context.set_default_timeout(TIMEOUT_MS)
    # The site must work offline: any request off the local server fails, with or without a network,
    # so that an external dependency (a CDN, web fonts) shows up as a console error every time.
    context.route(lambda url: not url.startswith(site_url + "/"), block)
    tab = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url") or ""
            errors.append(f"console: {message.text} {where}".strip())

    def on_page_error(error: Error) -> None:
        errors.append(f"pageerror: {error.message}")

    tab.on("console", on_console)
    tab.on("pageerror", on_page_error)
    yield tab
    context.close()


@pytest.fixture
def page(browser: Browser, site_url: str, errors: list[str]) -> Iterator[Page]:
    """A fresh page (1280x900) on the seed site."""
    yield from open_page(browser, site_url, errors)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
