"""The web page in a real browser: it shows the demo data, filters drive the map and the
timeline, an event shows its evidence, and untrusted text stays text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
from browser_server import ServerThread

from sitroom.config import Settings
from sitroom.model import Article, DatePrecision, DateSpan, EventType, Extraction, Mention, Place, Precision, Span
from sitroom.store import Store


def map_events(page: Any) -> int:
    return int(page.get_attribute("#map", "data-events"))


def test_the_page_shows_the_demo_data(page: Any, server: ServerThread) -> None:
    query = page.get_attribute("#map", "data-query")
    assert "bbox=" in query and "zoom=" in query
    in_view = httpx.get(server.url + "api/clusters?" + query).json()
    assert map_events(page) == in_view["events"] > 50
    assert page.locator(".cluster-icon").count() == sum(1 for c in in_view["clusters"] if c["count"] > 1)
    assert page.locator(".cluster-icon").count() > 0
    assert page.locator("#timeline rect.bar").count() > 20
    assert page.locator("#timeline path.diplomacy").count() > 0
    total = httpx.get(server.url + "api/stats").json()["total"]
    assert page.locator("#event-list li").count() == min(100, total)
    assert page.locator("#more-events").is_visible() == (total > 100)


def test_a_filter_changes_the_map_and_the_timeline(page: Any, server: ServerThread) -> None:
    before_events = map_events(page)
    before_bars = page.locator("#timeline rect.bar").count()
    page.check("input[name=type][value=shelling]")
    page.wait_for_function(f"document.querySelector('#map').dataset.events != '{before_events}'")
    shelling = httpx.get(server.url + "api/stats?type=shelling").json()
    page.wait_for_function(f"document.querySelector('#timeline').dataset.total == '{shelling['total']}'")
    assert 0 < map_events(page) < before_events
    bars = page.locator("#timeline rect.bar")
    assert 0 < bars.count() < before_bars
    assert {bars.nth(i).get_attribute("data-type") for i in range(bars.count())} == {"shelling"}
    assert page.locator("#timeline path.diplomacy").count() == 0
    page.wait_for_function(f"document.querySelectorAll('#event-list li').length == {shelling['total']}")
    page.fill("input[name=q]", "no such words anywhere")
    page.wait_for_function("document.querySelector('#map').dataset.events == '0'")
    page.wait_for_function("document.querySelectorAll('#event-list li').length == 0")
    page.wait_for_function("document.querySelector('#timeline').dataset.total == '0'")


def test_clicking_an_event_shows_its_evidence(page: Any, server: ServerThread) -> None:
    first = page.locator("#event-list li").first
    event_id = first.get_attribute("data-id")
    first.click()
    page.wait_for_selector(f"#event-panel[data-id='{event_id}']:not([hidden]) mark")
    detail = httpx.get(f"{server.url}api/events/{event_id}").json()
    sentences = [s["text"] for source in detail["sources"] for s in source["evidence"]]
    marks = page.locator("#event-sources mark")
    assert [marks.nth(i).text_content() for i in range(marks.count())] == sentences
    assert page.locator("#event-fields").text_content().count(detail["type"].replace("_", " ")) >= 1


def test_clicking_a_marker_shows_its_event(page: Any) -> None:
    markers = page.locator("path.event-marker")
    assert markers.count() > 0
    markers.first.click()
    page.wait_for_selector("#event-panel:not([hidden]) #event-sources mark")
    assert page.locator("#event-sources mark").first.text_content().strip()


def test_clicking_a_cluster_zooms_in(page: Any) -> None:
    before = page.get_attribute("#map", "data-query")
    page.locator(".cluster-icon").first.click()
    page.wait_for_function(f"document.querySelector('#map').dataset.query != {before!r}")
    zoom_before = int(dict(p.split("=") for p in before.split("&"))["zoom"])
    after = page.get_attribute("#map", "data-query")
    assert int(dict(p.split("=") for p in after.split("&"))["zoom"]) > zoom_before


def test_the_statements_view(page: Any) -> None:
    page.click("#tab-statements")
    page.wait_for_selector("#statement-list li")
    assert page.locator("#statement-list li").count() == 50
    page.fill("#statement-filters input[name=speaker]", "zzzz-nobody")
    page.wait_for_function("document.querySelectorAll('#statement-list li').length == 0")


HOSTILE = '<img src=x onerror="window.pwned=1">'


def test_untrusted_text_is_shown_as_text(browser: Any, tmp_path: Path) -> None:
    text = f"Drones struck Kharkiv overnight. {HOSTILE} said the mayor."
    article = Article(
        id="hostile", text=text, title=HOSTILE, url="javascript:alert(1)", published=dt.datetime(2026, 1, 5)
    )
    where = text.index("Kharkiv")
    mention = Mention(
        type=EventType.STRIKE,
        date=DateSpan(dt.date(2026, 1, 5), dt.date(2026, 1, 5), DatePrecision.DAY, "overnight"),
        location=Place(
            HOSTILE, "Kharkiv", 49.99, 36.23, HOSTILE, "UA-63", "UA", Precision.SETTLEMENT, "x", where, where + 7
        ),
        attacker=HOSTILE,
        evidence=(Span(0, len(text)),),
    )
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    with Store.open(url) as store:
        store.save_extraction(article, Extraction(article_id="hostile", mentions=(mention,)))
    server = ServerThread(Settings(database_url=url, tile_url=""))
    server.start()
    try:
        page = browser.new_page()
        page.goto(server.url)
        page.wait_for_selector("body[data-ready=true]")
        page.locator("#event-list li").first.click()
        page.wait_for_selector("#event-panel:not([hidden]) mark")
        assert HOSTILE in page.locator("#event-panel").text_content()
        assert HOSTILE in page.locator("#event-list").text_content()
        assert page.locator("#event-panel img, #event-list img").count() == 0
        assert page.evaluate("() => window.pwned") is None
        assert page.locator("#event-sources a").count() == 0  # a javascript: URL is not a link
        page.close()
    finally:
        server.stop()
