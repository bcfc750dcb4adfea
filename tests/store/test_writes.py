"""Writes: articles once, extractions replaced as a whole, events with ids from content, runs."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

import pytest
from sqlalchemy import select
from store_values import (
    ALL,
    ARTICLE_A,
    ARTICLE_B,
    EXTRACTION_A,
    KHARKIV_STRIKE,
    KYIV_STRIKE,
)

from sitroom.errors import InputError, NotFoundError, StoreError
from sitroom.model import Extraction, RunReport, Skip, Statement
from sitroom.store import EventQuery, Store
from sitroom.store.tables import METADATA, runs


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but runs and articles' ingestion times, sorted."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as connection:
        for table in METADATA.sorted_tables:
            if table.name == "runs":
                continue
            columns = [c for c in table.columns if c.name != "ingested_at"]
            result = connection.execute(select(*columns))
            tables[table.name] = sorted((tuple(map(repr, row)) for row in result), key=str)
    return tables


def test_add_article_is_idempotent(store: Store) -> None:
    assert store.add_article(ARTICLE_A) is True
    assert store.add_article(ARTICLE_A) is False
    assert store.add_article(dataclasses.replace(ARTICLE_A, id="same-text-new-id")) is False
    assert store.add_article(dataclasses.replace(ARTICLE_A, text="other text")) is False
    assert store.add_article(ARTICLE_B) is True
    assert store.counts()["articles"] == 2


def test_save_extraction_adds_the_article_mentions_statements_and_events(store: Store) -> None:
    store.save_extraction(ARTICLE_A, EXTRACTION_A)
    assert store.counts() == {"articles": 1, "mentions": 2, "events": 2, "statements": 1}
    assert store.add_article(ARTICLE_A) is False


def test_save_extraction_twice_leaves_the_same_rows(store: Store) -> None:
    for article, extraction in ALL:
        store.save_extraction(article, extraction)
    first = snapshot(store)
    for article, extraction in ALL:
        store.save_extraction(article, extraction)
    assert snapshot(store) == first
    assert store.counts() == {"articles": 3, "mentions": 6, "events": 6, "statements": 1}


def test_save_extraction_replaces_the_previous_one(store: Store) -> None:
    store.save_extraction(ARTICLE_A, EXTRACTION_A)
    store.save_extraction(ARTICLE_A, Extraction(ARTICLE_A.id, mentions=(KHARKIV_STRIKE,)))
    assert store.counts() == {"articles": 1, "mentions": 1, "events": 1, "statements": 0}
    (event,) = store.query_events(EventQuery())
    assert event.facts == KHARKIV_STRIKE


def test_save_extraction_of_an_empty_extraction_clears_the_article(store: Store) -> None:
    store.save_extraction(ARTICLE_A, EXTRACTION_A)
    store.save_extraction(ARTICLE_A, Extraction(ARTICLE_A.id))
    assert store.counts() == {"articles": 1, "mentions": 0, "events": 0, "statements": 0}


def test_save_extraction_of_a_duplicate_text_goes_to_the_stored_article(store: Store) -> None:
    store.add_article(ARTICLE_A)
    copy = dataclasses.replace(ARTICLE_A, id="copy")
    store.save_extraction(copy, dataclasses.replace(EXTRACTION_A, article_id="copy"))
    assert store.counts()["articles"] == 1
    assert {s.article_id for e in store.query_events(EventQuery()) for s in e.sources} == {ARTICLE_A.id}


def test_save_extraction_refuses_a_changed_text(store: Store) -> None:
    store.add_article(ARTICLE_A)
    changed = dataclasses.replace(ARTICLE_A, text=ARTICLE_A.text + " Updated.")
    with pytest.raises(InputError, match="new id"):
        store.save_extraction(changed, EXTRACTION_A)
    assert store.counts()["mentions"] == 0


def test_save_extraction_refuses_another_article_s_extraction(store: Store) -> None:
    with pytest.raises(InputError, match="pass the article"):
        store.save_extraction(ARTICLE_B, EXTRACTION_A)
    assert store.counts()["articles"] == 0


def test_event_ids_come_from_article_index_type_and_place(store: Store) -> None:
    store.save_extraction(ARTICLE_A, EXTRACTION_A)
    expected = {
        hashlib.sha1("\x1f".join([ARTICLE_A.id, str(i), str(m.type), m.location.gazetteer_id]).encode()).hexdigest()[
            :16
        ]
        for i, m in enumerate((KYIV_STRIKE, KHARKIV_STRIKE))
        if m.location
    }
    assert {event.id for event in store.query_events(EventQuery())} == expected


def test_rebuild_events_gives_the_same_events(store: Store) -> None:
    for article, extraction in ALL:
        store.save_extraction(article, extraction)
    before = store.query_events(EventQuery())
    assert store.rebuild_events() == 6
    assert store.query_events(EventQuery()) == before


def test_runs_are_recorded(store: Store) -> None:
    run_id = store.start_run()
    assert store.start_run() == run_id + 1
    report = RunReport(
        articles_read=3,
        articles_new=2,
        mentions=6,
        events=6,
        statements=1,
        skips=(Skip(source="bad.html", stage="ingest", reason="empty page"),),
    )
    store.finish_run(run_id, report)
    with store.engine.connect() as connection:
        row = connection.execute(select(runs).where(runs.c.id == run_id)).mappings().one()
    assert row["finished_at"] is not None
    assert row["finished_at"] >= row["started_at"]
    assert (row["articles_read"], row["articles_new"], row["events"]) == (3, 2, 6)
    assert row["skips"] == [{"source": "bad.html", "stage": "ingest", "reason": "empty page"}]


def test_finish_run_of_an_unknown_run(store: Store) -> None:
    with pytest.raises(NotFoundError, match="start_run"):
        store.finish_run(12345, RunReport())


def test_a_failed_save_changes_nothing(store: Store) -> None:
    store.save_extraction(ARTICLE_A, EXTRACTION_A)
    before = snapshot(store)
    broken = Statement(speaker="Nobody", quote=None, direct=True)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="retry"):
        store.save_extraction(ARTICLE_A, Extraction(ARTICLE_A.id, statements=(broken,)))
    assert snapshot(store) == before
