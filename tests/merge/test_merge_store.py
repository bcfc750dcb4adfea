"""Merged events in the store: saved article by article they equal a merge of everything, and
survive the round trip (estimates, waves, near-duplicate sources) on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from merge_reports import BOTH, CHUHUIV, INDEPENDENT, KHARKIV, POLTAVA, SUMY, SUMY_LATER, WIRE, WIRE_COPY
from sqlalchemy import create_engine, select, text

from sitroom import pipeline
from sitroom.dedupe import simhash
from sitroom.extract.dispatch import ArticleExtractor
from sitroom.merge import Report, merge
from sitroom.model import Article, Event, Extraction
from sitroom.store import EventQuery, Store
from sitroom.store.ids import mention_id
from sitroom.store.migrate import upgrade
from sitroom.store.tables import METADATA

ARTICLES = (*SUMY, POLTAVA, SUMY_LATER, KHARKIV, CHUHUIV, BOTH, WIRE, WIRE_COPY, INDEPENDENT)


@pytest.fixture(scope="module")
def extractions(extractor: ArticleExtractor) -> list[tuple[Article, Extraction]]:
    return [(a, pipeline.read_article(a, extractor)) for a in ARTICLES]


def expected(extractions: list[tuple[Article, Extraction]]) -> dict[str, Event]:
    """What merging every mention (with the store's mention ids) gives."""
    reports = [
        Report(mention_id(a.id, i), a.id, i, m, a.published, simhash(a.text))
        for a, x in extractions
        for i, m in enumerate(x.mentions)
    ]
    return {m.event.id: m.event for m in merge(reports)}


def stored(store: Store) -> dict[str, Event]:
    return {e.id: e for e in store.query_events(EventQuery(limit=10_000))}


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as connection:
        for table in METADATA.sorted_tables:
            if table.name in {"runs"}:
                continue
            columns = [c for c in table.columns if c.name != "ingested_at"]
            tables[table.name] = sorted(tuple(map(repr, row)) for row in connection.execute(select(*columns)))
    return tables


def test_saving_article_by_article_gives_the_merge_of_everything(
    database_url: str, extractions: list[tuple[Article, Extraction]]
) -> None:
    with Store.open(database_url) as store:
        for article, extraction in extractions:
            store.save_extraction(article, extraction)
        assert stored(store) == expected(extractions)
        before = snapshot(store)
        assert store.rebuild_events() == len(expected(extractions))
        assert snapshot(store) == before


def test_saving_in_another_order_or_again_changes_nothing(
    database_url: str, extractions: list[tuple[Article, Extraction]]
) -> None:
    with Store.open(database_url) as store:
        for article, extraction in reversed(extractions):
            store.save_extraction(article, extraction)
        first = snapshot(store)
        for article, extraction in extractions:
            store.save_extraction(article, extraction)
        assert snapshot(store) == first
        assert stored(store) == expected(extractions)


def test_replacing_an_extraction_re_merges_its_events(
    database_url: str, extractions: list[tuple[Article, Extraction]]
) -> None:
    with Store.open(database_url) as store:
        for article, extraction in extractions:
            store.save_extraction(article, extraction)
        sumy_4 = next(a for a in ARTICLES if a.id == "sumy-4")
        store.save_extraction(sumy_4, Extraction(sumy_4.id))
        left = [(a, x if a.id != "sumy-4" else Extraction(a.id)) for a, x in extractions]
        assert stored(store) == expected(left)
        store.save_extraction(sumy_4, dict(extractions)[sumy_4])
        assert stored(store) == expected(extractions)


def test_estimates_waves_and_duplicates_round_trip(
    database_url: str, extractions: list[tuple[Article, Extraction]]
) -> None:
    with Store.open(database_url) as store:
        for article, extraction in extractions:
            store.save_extraction(article, extraction)
        events = stored(store)
        sumy = next(e for e in events.values() if {s.article_id for s in e.sources} >= {"sumy-1", "sumy-4"})
        event, articles = store.get_event(sumy.id)
        assert event == sumy
        assert sorted(articles) == ["sumy-1", "sumy-2", "sumy-3", "sumy-4"]
        killed = next(e for e in event.estimates if e.name == "killed")
        assert (killed.low, killed.best, killed.high) == (1, 2, 2)
        waves = {
            e.wave_id for e in events.values() if e.facts.location and e.facts.location.name in {"Kharkiv", "Chuhuiv"}
        }
        assert len(waves) == 1 and None not in waves
        mykolaiv = next(e for e in events.values() if any(s.article_id == "wire-copy" for s in e.sources))
        assert {s.article_id: s.duplicate_of for s in mykolaiv.sources}["wire-copy"] == "wire-1"


def test_the_migration_fingerprints_articles_stored_before_it(database_url: str) -> None:
    if database_url.startswith("sqlite:///"):  # the fixture leaves the directory to Store.open
        Path(database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            upgrade(connection, "0001")
            connection.execute(
                text(
                    "INSERT INTO articles (id, content_hash, text, ingested_at) "
                    "VALUES ('old', 'hash', 'Russian drones hit Sumy overnight.', '2025-11-01 00:00:00')"
                )
            )
    finally:
        engine.dispose()
    with Store.open(database_url) as store, store.engine.connect() as connection:
        (value,) = connection.execute(text("SELECT simhash FROM articles WHERE id = 'old'")).one()
    assert value == f"{simhash('Russian drones hit Sumy overnight.'):016x}"
