"""A real browser (headless Chromium through Playwright) against a real server on 127.0.0.1
serving the demo corpus. Skips, saying why, where Chromium or Playwright is missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_server import ServerThread

from sitroom.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def server(demo_database: str) -> Iterator[ServerThread]:
    running = ServerThread(Settings(database_url=demo_database, tile_url=""))
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing; install it (apt-get install chromium) to run the browser tests")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip("the playwright package is missing; pip install playwright to run the browser tests")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        except Error as exc:
            pytest.skip(f"Chromium at {CHROMIUM} does not start headless ({exc}); the browser tests need it")
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: ServerThread) -> Iterator[Any]:
    """A fresh page on the demo data, loaded; requests that leave 127.0.0.1 are refused."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route(
        lambda url: not url.startswith(server.url) and not url.startswith("data:"),
        lambda route: route.abort(),
    )
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.goto(server.url)
    opened.wait_for_selector("body[data-ready=true]", timeout=30_000)
    yield opened
    context.close()
    assert errors == [], f"the page raised errors: {errors}"
