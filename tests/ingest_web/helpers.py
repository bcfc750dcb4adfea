"""What the watcher tests check, shared by the in-process and the subprocess tests."""

from __future__ import annotations

from sqlalchemy import func, select
from web_corpus import COPIES, ORIGINALS, REPORTS
from web_sites import Outlets

from sitroom.extract import Extractor
from sitroom.ingest.identity import url_article_id
from sitroom.store import Store
from sitroom.store.tables import METADATA, articles, event_sources, events, mentions, seen_items, web_pages
from sitroom.watch import PollReport, WatchOptions, watch


def poll_once(store: Store, extractor: Extractor, options: WatchOptions) -> list[PollReport]:
    reports: list[PollReport] = []
    watch(store, extractor, options, passes=1, on_pass=reports.extend)
    return reports


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
            for table in METADATA.sorted_tables
        }


def assert_complete(store: Store, outlets: Outlets) -> None:
    """The store holds the 30 reports: 27 originals with their events, 3 copies marked and not
    extracted, one seen mark per feed item, and nothing twice."""
    ids = {r.slug: url_article_id(outlets.canonical(r)) for r in REPORTS}
    with store.engine.connect() as connection:
        stored = {row.id: row for row in connection.execute(select(articles))}
        pages = {row.url: row for row in connection.execute(select(web_pages))}
        seen = list(connection.execute(select(seen_items)))
        places: dict[str, set[str]] = {}
        for article_id, place in connection.execute(select(mentions.c.article_id, mentions.c.place_name)):
            places.setdefault(article_id, set()).add(place)
        sourced = set(connection.execute(select(event_sources.c.article_id)).scalars())
        n_events = connection.execute(select(func.count()).select_from(events)).scalar_one()
        n_mentions = connection.execute(select(func.count()).select_from(mentions)).scalar_one()
    assert set(stored) == set(ids.values())
    assert len(pages) == 30 and {p.article_id for p in pages.values()} == set(ids.values())
    assert len(seen) == 30 and all(row.status in ("stored", "duplicate") for row in seen)
    for report in ORIGINALS:
        assert report.place in places.get(ids[report.slug], set()), report.slug
        assert pages[outlets.canonical(report)].duplicate_of is None
    for copy in COPIES:
        assert copy.copy_of is not None
        assert pages[outlets.canonical(copy)].duplicate_of == ids[copy.copy_of]
        assert ids[copy.slug] not in places and ids[copy.slug] not in sourced
    assert n_events == n_mentions  # one event per mention today (merging may lower this)
    assert sourced == {ids[r.slug] for r in ORIGINALS}
