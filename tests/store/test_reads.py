"""The reads behind the API on SQLite and PostgreSQL: filters, cursors, text search, detail,
statements, articles, counts and clusters."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from store_values import (
    ALL,
    ARTICLE_A,
    GENEVA_TALKS,
    KHARKIV_STRIKE,
    KHERSON_SHELLING,
    KYIV_STRIKE,
    ODESA_STRIKE,
    POKROVSK_CLASH,
    TEXT_A,
)

from sitroom.errors import InputError, NotFoundError
from sitroom.model import Mention
from sitroom.store import Store, reads
from sitroom.store.reads import EventFilter

NEWEST_FIRST = [KYIV_STRIKE, KHARKIV_STRIKE, GENEVA_TALKS, KHERSON_SHELLING, ODESA_STRIKE, POKROVSK_CLASH]


@pytest.fixture
def filled(store: Store) -> Store:
    for article, extraction in ALL:
        store.save_extraction(article, extraction)
    return store


def found(store: Store, flt: EventFilter) -> list[Mention]:
    return [event.facts for event in reads.event_page(store, flt, limit=reads.MAX_PAGE).items]


def test_events_come_newest_first_and_undated_last(filled: Store) -> None:
    assert found(filled, EventFilter()) == NEWEST_FIRST


@pytest.mark.parametrize("size", [1, 2, 4, 5, 6])
def test_cursor_pages_cover_every_event_once_in_order(filled: Store, size: int) -> None:
    seen: list[Mention] = []
    cursor = None
    for _ in range(10):
        page = reads.event_page(filled, EventFilter(), cursor=cursor, limit=size)
        seen += [event.facts for event in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == NEWEST_FIRST


def test_cursor_pages_with_a_filter(filled: Store) -> None:
    flt = EventFilter(types=("strike",))
    first = reads.event_page(filled, flt, limit=2)
    assert [e.facts for e in first.items] == [KYIV_STRIKE, KHARKIV_STRIKE]
    assert first.next_cursor is not None
    second = reads.event_page(filled, flt, cursor=first.next_cursor, limit=2)
    assert [e.facts for e in second.items] == [ODESA_STRIKE]
    assert second.next_cursor is None


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(bbox=(35.0, 48.0, 38.0, 51.0)), [KHARKIV_STRIKE, POKROVSK_CLASH]),
        (EventFilter(bbox=(31.0, 40.0, 7.0, 60.0)), [KHARKIV_STRIKE, GENEVA_TALKS, KHERSON_SHELLING, POKROVSK_CLASH]),
        (EventFilter(since=dt.date(2025, 11, 5), until=dt.date(2025, 11, 9)), [ODESA_STRIKE]),
        (EventFilter(since=dt.date(2025, 11, 1), until=dt.date(2025, 11, 4)), [ODESA_STRIKE]),
        (EventFilter(since=dt.date(2025, 11, 4), until=dt.date(2025, 11, 8)), []),  # dates enclose the range
        (EventFilter(since=dt.date(2025, 11, 9), bbox=(30.0, 46.0, 31.0, 47.0)), [ODESA_STRIKE]),
        (EventFilter(since=dt.date(2025, 11, 20)), [KYIV_STRIKE, KHARKIV_STRIKE]),
        (EventFilter(until=dt.date(2025, 11, 10)), [KHERSON_SHELLING, ODESA_STRIKE]),
        (EventFilter(oblast="kharkiv"), [KHARKIV_STRIKE]),
        (EventFilter(oblast="ua-65"), [KHERSON_SHELLING]),
        (EventFilter(types=("diplomacy", "ground_clash")), [GENEVA_TALKS, POKROVSK_CLASH]),
        (EventFilter(weapon="drone"), [KYIV_STRIKE, ODESA_STRIKE]),
        (EventFilter(weapon="Shahed 136"), [KYIV_STRIKE]),
        (EventFilter(attacker="RUSSIA"), [KYIV_STRIKE, KHARKIV_STRIKE, KHERSON_SHELLING]),
        (EventFilter(min_killed=1), [KYIV_STRIKE]),
        (EventFilter(min_killed=0, types=("shelling",)), []),
    ],
)
def test_filters(filled: Store, flt: EventFilter, expected: list[Mention]) -> None:
    assert found(filled, flt) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Kindergarten", [KYIV_STRIKE]),  # in an evidence sentence
        ("kharkiv", [KHARKIV_STRIKE]),  # the place name (and its sentence)
        ("russia", [KYIV_STRIKE, KHARKIV_STRIKE, KHERSON_SHELLING]),  # attacker or sentence
        ("heating", []),  # in the article, but in no evidence sentence
        ("100%_", []),  # LIKE wildcards are plain characters
    ],
)
def test_text_search_reads_place_attacker_and_evidence_sentences(
    filled: Store, words: str, expected: list[Mention]
) -> None:
    assert found(filled, EventFilter(text=words)) == expected
    assert reads.event_stats(filled, EventFilter(text=words)).total == len(expected)
    assert sum(c.count for c in reads.event_clusters(filled, EventFilter(text=words), zoom=8)) == len(expected)


@pytest.mark.parametrize(
    "make",
    [
        lambda: EventFilter(bbox=(10.0, 60.0, 20.0, 50.0)),
        lambda: EventFilter(bbox=(200.0, 0.0, 10.0, 10.0)),
        lambda: EventFilter(since=dt.date(2025, 2, 1), until=dt.date(2025, 1, 1)),
        lambda: EventFilter(types=("airstrike",)),
        lambda: EventFilter(weapon="--"),
        lambda: EventFilter(min_killed=-1),
    ],
)
def test_bad_filters_say_what_to_do(make: object) -> None:
    with pytest.raises(InputError):
        make()  # type: ignore[operator]


@pytest.mark.parametrize("cursor", ["nonsense!", "e30", reads.encode_cursor(["not a date", "x"])])
def test_a_bad_cursor_is_an_input_error(filled: Store, cursor: str) -> None:
    with pytest.raises(InputError, match="cursor"):
        reads.event_page(filled, EventFilter(), cursor=cursor)


@pytest.mark.parametrize("limit", [0, reads.MAX_PAGE + 1])
def test_the_page_size_is_bounded(filled: Store, limit: int) -> None:
    with pytest.raises(InputError, match="limit"):
        reads.event_page(filled, EventFilter(), limit=limit)


def test_event_detail_has_the_evidence_sentences(filled: Store) -> None:
    [kyiv] = reads.event_page(filled, EventFilter(min_killed=1)).items
    detail = reads.event_detail(filled, kyiv.id)
    assert replace(detail.event, estimates=()) == kyiv  # pages leave the estimates to the detail
    assert {(e.name, e.best) for e in detail.event.estimates} >= {("killed", 2), ("injured", 5)}
    [source] = detail.sources
    assert (source.article_id, source.title, source.url) == (ARTICLE_A.id, ARTICLE_A.title, ARTICLE_A.url)
    assert source.published == ARTICLE_A.published
    assert [e.text for e in source.evidence] == [
        "Russian forces launched 50 Shahed-136 drones",
        "An apartment block and a kindergarten were damaged.",
    ]
    for sentence in source.evidence:
        assert TEXT_A[sentence.start : sentence.end] == sentence.text
        assert TEXT_A.endswith(sentence.after) or TEXT_A[sentence.end :].startswith(sentence.after)
        assert TEXT_A[: sentence.start].endswith(sentence.before)
    with pytest.raises(NotFoundError, match="GET /api/events"):
        reads.event_detail(filled, "nope")


def test_statements_by_speaker_and_words(filled: Store) -> None:
    [kuleba] = reads.statement_page(filled, speaker="kuleba").items
    assert kuleba.statement.speaker == "Oleksiy Kuleba"
    assert kuleba.article_id == ARTICLE_A.id and kuleba.published == ARTICLE_A.published
    assert reads.statement_page(filled, text="HEATING").items == (kuleba,)
    assert reads.statement_page(filled, speaker="zelensky").items == ()
    page = reads.statement_page(filled, limit=1)
    assert page.items == (kuleba,) and page.next_cursor is None


def test_article_detail(filled: Store) -> None:
    detail = reads.article_detail(filled, ARTICLE_A.id)
    assert detail.article == ARTICLE_A
    assert len(detail.event_ids) == 2
    assert [s.statement.speaker for s in detail.statements] == ["Oleksiy Kuleba"]
    with pytest.raises(NotFoundError, match="no article"):
        reads.article_detail(filled, "missing")


def test_stats_count_per_day_type_oblast_and_weapon(filled: Store) -> None:
    stats = reads.event_stats(filled, EventFilter())
    assert stats.total == 6
    assert stats.by_type == {"strike": 3, "diplomacy": 1, "ground_clash": 1, "shelling": 1}
    assert stats.by_day["2025-11-21"] == {"strike": 1}
    assert stats.by_day["2025-11-15"] == {"diplomacy": 1}
    assert len(stats.by_day) == 5  # the clash is undated
    assert stats.by_oblast["UA-63"] == 1 and stats.by_oblast["CH-GE"] == 1
    assert stats.by_weapon["attack_drone"] == 1 and stats.by_weapon["glide_bomb"] == 1
    text_path = reads.event_stats(filled, EventFilter(text="russia"))
    sql_path = reads.event_stats(filled, EventFilter(attacker="russia"))
    assert text_path == sql_path


def test_clusters_group_by_zoom(filled: Store) -> None:
    fine = reads.event_clusters(filled, EventFilter(), zoom=10)
    assert len(fine) == 6 and all(c.count == 1 and c.event_id for c in fine)
    coarse = reads.event_clusters(filled, EventFilter(), zoom=0)
    assert sum(c.count for c in coarse) == 6 and len(coarse) < 6
    assert all(c.event_id is None for c in coarse if c.count > 1)
    with pytest.raises(InputError, match="zoom"):
        reads.cell_degrees(30)


def test_cursor_pages_with_a_time_range(filled: Store) -> None:
    flt = EventFilter(since=dt.date(2025, 11, 1), until=dt.date(2025, 11, 30))
    seen: list[Mention] = []
    cursor = None
    while True:
        page = reads.event_page(filled, flt, cursor=cursor, limit=2)
        seen += [event.facts for event in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == NEWEST_FIRST[:-1]
