"""The watcher against two local outlets: 3 feeds, 30 reports, syndicated copies, updates,
unchanged feeds (conditional GET), and broken, slow, huge and changing sources."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from helpers import assert_complete, poll_once, row_counts
from sqlalchemy import select
from web_corpus import ORIGINALS, REPORTS, UPDATED_SLUG, UPDATED_TEXT
from web_sites import REDIRECTED_SLUG, Outlets, page_html, publish, publish_feeds, rss

from sitroom.extract import Extractor
from sitroom.ingest.feeds import SourceKind
from sitroom.ingest.identity import url_article_id
from sitroom.store import Store
from sitroom.store.tables import articles, mentions, seen_items, web_pages
from sitroom.store.watching import list_sources
from sitroom.watch import WatchOptions, add_sources


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    with Store.open(database_url) as opened:
        yield opened


def _watch_all(store: Store, outlets: Outlets) -> None:
    add_sources(store, [(url, SourceKind.FEED) for url in outlets.feeds])


def test_three_feeds_end_with_the_right_articles_events_and_sources(
    outlets: Outlets, store: Store, extractor: Extractor, options: WatchOptions
) -> None:
    publish(outlets)
    _watch_all(store, outlets)
    reports = poll_once(store, extractor, options)
    assert [r.error for r in reports] == [None, None, None]
    assert_complete(store, outlets)
    by_url = {s.url: s for s in list_sources(store)}
    assert [by_url[url].items_seen for url in outlets.feeds] == [12, 10, 8]
    assert all(s.last_success is not None and s.last_error is None for s in by_url.values())
    assert all(s.etag for s in by_url.values())

    # The redirect was followed and the canonical URL recorded; tracking parameters are gone.
    redirected = next(r for r in REPORTS if r.slug == REDIRECTED_SLUG)
    with store.engine.connect() as connection:
        page = connection.execute(select(web_pages).where(web_pages.c.url == outlets.canonical(redirected))).one()
        urls = set(connection.execute(select(articles.c.url)).scalars())
    assert page.final_url.endswith(f"/news/{REDIRECTED_SLUG}/")
    assert not any("utm_" in url or url.endswith("/") for url in urls)

    # A second poll of unchanged feeds: conditional GETs, 304s, not a row more.
    before = row_counts(store)
    reports = poll_once(store, extractor, options)
    assert all(r.not_modified for r in reports)
    assert row_counts(store) == before
    for site, path in ((outlets.a, "/feeds/rss.xml"), (outlets.a, "/feeds/atom.xml"), (outlets.b, "/rss")):
        last = site.hits(path)[-1]
        assert last.status == 304 and "if-none-match" in last.headers and "if-modified-since" in last.headers
    assert len(outlets.a.requests) + len(outlets.b.requests) == 2 * 3 + 30 + 1  # feeds twice, pages, a redirect
    assert all("rss" in r.headers["accept"] for s in (outlets.a, outlets.b) for r in s.requests if "feed" in r.path)
    assert all(r.headers["user-agent"].startswith("sitroom/") for r in outlets.a.requests)


def test_updates_new_items_and_tracking_variants(
    outlets: Outlets, store: Store, extractor: Extractor, options: WatchOptions
) -> None:
    first = [r for r in REPORTS if r.slug != "vinnytsia-drones-night"]
    publish(outlets, first)
    _watch_all(store, outlets)
    poll_once(store, extractor, options)
    before = row_counts(store)

    # The Kherson story is updated at the same URL (five killed now), a new report appears in
    # the Atom feed, and outlet B links one of A's reports with other tracking parameters.
    updated = next(r for r in REPORTS if r.slug == UPDATED_SLUG)
    publish(outlets, REPORTS)
    new_title = "Shelling of Kherson market kills five"
    page = page_html(replace(updated, title=new_title), outlets.canonical(updated), UPDATED_TEXT)
    outlets.a.put(f"/news/{UPDATED_SLUG}/", page)
    publish_feeds(outlets, REPORTS, titles={UPDATED_SLUG: new_title})
    east = [(r, outlets.feed_link(r), r.title) for r in REPORTS if r.feed == "east"]
    east.append((updated, outlets.canonical(updated) + "/?utm_campaign=partners&fbclid=abc", "Kherson (partner)"))
    outlets.b.put("/rss", rss("Eastern Post", outlets.b.url("/"), east), content_type="application/rss+xml")
    reports = poll_once(store, extractor, options)
    assert [r.error for r in reports] == [None, None, None]
    statuses = sorted(str(o.status) for r in reports for o in r.outcomes)
    assert statuses == ["stored", "updated"]
    after = row_counts(store)
    assert after["articles"] == before["articles"] + 1
    assert after["seen_items"] == before["seen_items"] + 1

    article_id = url_article_id(outlets.canonical(updated))
    with store.engine.connect() as connection:
        text = connection.execute(select(articles.c.text).where(articles.c.id == article_id)).scalar_one()
        killed = connection.execute(
            select(mentions.c.killed).where(mentions.c.article_id == article_id, mentions.c.place_name == "Kherson")
        ).scalar_one()
        revisions = connection.execute(
            select(web_pages.c.revisions).where(web_pages.c.article_id == article_id)
        ).scalar_one()
    assert "killing five people" in text and killed == 5 and revisions == 2

    # The same feeds again: nothing new, nothing fetched but the feeds.
    assert row_counts(store) == after
    requests = len(outlets.a.requests) + len(outlets.b.requests)
    poll_once(store, extractor, options)
    assert len(outlets.a.requests) + len(outlets.b.requests) == requests + 3
    assert row_counts(store) == after


def test_broken_slow_huge_and_odd_sources_are_recorded_and_never_stop_the_watcher(
    outlets: Outlets, store: Store, extractor: Extractor, options: WatchOptions
) -> None:
    a = outlets.a
    options = replace(options, policy=replace(options.policy, timeout=0.5, max_bytes=200_000))
    good = ORIGINALS[0]
    a.put("/news/good", page_html(good, None))
    short = "<html><body><p>Subscribe to our newsletter.</p></body></html>"
    a.put("/news/short", short)
    cp1252 = page_html(ORIGINALS[1], None).replace("port infrastructure", "the city\u2019s port").encode("cp1252")
    a.put("/news/wrong-charset", cp1252, content_type="text/html; charset=utf-8")
    item = "<item><title>{0}</title><link>{1}</link></item>"
    broken = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>'
        + item.format("Good", a.url("/news/good"))
        + item.format("Short", a.url("/news/short"))
        + item.format("Charset", a.url("/news/wrong-charset"))
        + item.format("Gone", a.url("/news/gone"))
        + "<item><title>Cut off & <b>never closed</title"
    )
    a.put("/broken.xml", broken, content_type="application/rss+xml")
    a.put("/slow.xml", "<rss/>", delay=2.0, content_type="application/rss+xml")
    a.put("/huge.xml", b"", stream_bytes=5_000_000, content_type="application/rss+xml")
    a.put("/error.xml", "", statuses=[503] * 10)
    a.put("/not-a-feed.xml", "<html><body>Hello</body></html>")
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{a.url('/news/good')}</loc><lastmod>2025-12-01</lastmod></url><url><loc>{a.url('/news/x')}"
    )
    a.put("/sitemap.xml", sitemap, content_type="application/xml")
    names = ["broken.xml", "slow.xml", "huge.xml", "error.xml", "not-a-feed.xml", "sitemap.xml"]
    add_sources(store, [(a.url(f"/{n}"), SourceKind.SITEMAP if "sitemap" in n else SourceKind.FEED) for n in names])

    reports = {r.source_url.rsplit("/", 1)[1]: r for r in poll_once(store, extractor, options)}
    assert "broken feed" in (reports["broken.xml"].warning or "")
    assert "timed out" in (reports["slow.xml"].error or "")
    assert "larger than 200000 bytes" in (reports["huge.xml"].error or "")
    assert "HTTP 503" in (reports["error.xml"].error or "") and len(a.hits("/error.xml")) == 2
    assert "not a feed" in (reports["not-a-feed.xml"].error or "")
    assert "broken sitemap" in (reports["sitemap.xml"].warning or "")

    sources = {s.url.rsplit("/", 1)[1]: s for s in list_sources(store)}
    for name in ("slow.xml", "huge.xml", "error.xml", "not-a-feed.xml"):
        assert sources[name].last_error and sources[name].last_success is None, name
    assert sources["broken.xml"].last_success and "never closed" not in (sources["broken.xml"].last_error or "x")
    with store.engine.connect() as connection:
        seen = {row.url.rsplit("/", 1)[1]: row for row in connection.execute(select(seen_items))}
        stored = {row.url.rsplit("/", 1)[1]: row.text for row in connection.execute(select(articles))}
    assert seen["good"].status == "stored" and seen["short"].status == "skipped"
    assert "not an article" in seen["short"].reason
    assert seen["gone"].status == "failed" and seen["gone"].attempts == 1 and "404" in seen["gone"].reason
    assert "\u2019s port" in stored["wrong-charset"]
    # The feed that had a failed item is fetched in full again next time (no ETag kept), the
    # skipped page is not fetched again, the failed one is (up to max_item_attempts).
    assert sources["broken.xml"].etag is None
    poll_once(store, extractor, options)
    assert len(a.hits("/news/short")) == 1 and len(a.hits("/news/gone")) == 2


def test_exact_copies_and_a_page_that_becomes_a_copy(
    outlets: Outlets, store: Store, extractor: Extractor, options: WatchOptions
) -> None:
    from sitroom.live import ingest_urls

    first, second = ORIGINALS[0], ORIGINALS[1]
    outlets.a.put("/one", page_html(first, None))
    outlets.b.put("/copy", page_html(first, None))
    outlets.b.put("/other", page_html(second, None))
    urls = [outlets.a.url("/one"), outlets.b.url("/copy"), outlets.b.url("/other")]
    kwargs = {"extractor": extractor, "store": store, "policy": options.policy, "min_chars": 150}
    outcomes = ingest_urls(urls, **kwargs)  # type: ignore[arg-type]
    one = url_article_id(outlets.a.url("/one"))
    assert [(str(o.status), o.article_id, o.duplicate_of) for o in outcomes] == [
        ("stored", one, None),
        ("duplicate", None, one),
        ("stored", url_article_id(outlets.b.url("/other")), None),
    ]
    # /other is rewritten into a copy of /one: its own events go, its article stays.
    outlets.b.put("/other", page_html(first, None))
    again = ingest_urls(urls, **kwargs)  # type: ignore[arg-type]
    assert [str(o.status) for o in again] == ["unchanged", "unchanged", "duplicate"]
    other = url_article_id(outlets.b.url("/other"))
    with store.engine.connect() as connection:
        extracted = set(connection.execute(select(mentions.c.article_id)).scalars())
        pages = {row.url: row for row in connection.execute(select(web_pages))}
    assert extracted == {one}
    assert pages[outlets.b.url("/other")].duplicate_of == one and pages[outlets.b.url("/other")].article_id == other


def test_a_database_failure_ends_a_pass_not_the_watcher(
    outlets: Outlets, store: Store, extractor: Extractor, options: WatchOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitroom import watch as watch_module
    from sitroom.errors import StoreError
    from sitroom.store import watching

    real = watching.list_sources
    failures = iter([True, False])

    def flaky(opened: Store) -> list[watching.WatchedSource]:
        if next(failures, False):
            raise StoreError("the database is locked")
        return real(opened)

    monkeypatch.setattr(watching, "list_sources", flaky)
    passes: list[list[str | None]] = []
    done = watch_module.watch(
        store,
        extractor,
        options,
        passes=2,
        sleep=lambda _s: None,
        on_pass=lambda r: passes.append([x.error for x in r]),
    )
    assert done == 2 and passes == [["the database is locked"], []]
