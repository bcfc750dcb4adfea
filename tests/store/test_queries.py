"""Reading events back: every filter, the order, the limit, and one event with its sources."""

from __future__ import annotations

import datetime as dt

import pytest
from store_values import (
    ALL,
    ARTICLE_A,
    GENEVA_TALKS,
    KHARKIV_STRIKE,
    KHERSON_SHELLING,
    KULEBA,
    KYIV_STRIKE,
    ODESA_STRIKE,
    POKROVSK_CLASH,
    TEXT_A,
    place,
)

from sitroom.errors import InputError, NotFoundError
from sitroom.geocode.geometry import haversine_km
from sitroom.model import EventType, Extraction, Mention, Source
from sitroom.store import EventQuery, Store


@pytest.fixture
def filled(store: Store) -> Store:
    for article, extraction in ALL:
        store.save_extraction(article, extraction)
    return store


def facts(store: Store, query: EventQuery) -> list[Mention]:
    return [event.facts for event in store.query_events(query)]


def test_events_come_back_as_they_went_in(filled: Store) -> None:
    by_facts = {event.facts: event for event in filled.query_events(EventQuery())}
    assert set(by_facts) == {
        KYIV_STRIKE,
        KHARKIV_STRIKE,
        KHERSON_SHELLING,
        GENEVA_TALKS,
        POKROVSK_CLASH,
        ODESA_STRIKE,
    }
    assert by_facts[KYIV_STRIKE].sources == (Source(article_id=ARTICLE_A.id, evidence=KYIV_STRIKE.evidence),)
    assert by_facts[KYIV_STRIKE].facts.damage == ("residential", "education")


def test_events_are_newest_first_then_by_id_undated_last(filled: Store) -> None:
    events = filled.query_events(EventQuery())
    assert [e.facts for e in events] == [
        KYIV_STRIKE,
        KHARKIV_STRIKE,
        GENEVA_TALKS,
        KHERSON_SHELLING,
        ODESA_STRIKE,
        POKROVSK_CLASH,
    ]
    assert filled.query_events(EventQuery(limit=2)) == events[:2]


def test_same_date_events_are_ordered_by_id(store: Store) -> None:
    twin = Mention(type=EventType.STRIKE, date=KYIV_STRIKE.date)
    store.save_extraction(ARTICLE_A, Extraction(ARTICLE_A.id, mentions=(KYIV_STRIKE, twin)))
    ids = [e.id for e in store.query_events(EventQuery())]
    assert ids == sorted(ids)


def test_since_and_until_select_overlapping_dates(filled: Store) -> None:
    assert facts(filled, EventQuery(since=dt.date(2025, 11, 15))) == [
        KYIV_STRIKE,
        KHARKIV_STRIKE,
        GENEVA_TALKS,
    ]
    assert facts(filled, EventQuery(until=dt.date(2025, 11, 10))) == [
        KHERSON_SHELLING,
        ODESA_STRIKE,
    ]
    week = EventQuery(since=dt.date(2025, 11, 5), until=dt.date(2025, 11, 5))
    assert facts(filled, week) == [ODESA_STRIKE]


def test_types(filled: Store) -> None:
    assert facts(filled, EventQuery(types=("shelling", "ground_clash"))) == [
        KHERSON_SHELLING,
        POKROVSK_CLASH,
    ]
    assert facts(filled, EventQuery(types=(EventType.DIPLOMACY,))) == [GENEVA_TALKS]


@pytest.mark.parametrize("oblast", ["UA-63", "ua-63", "Kharkiv", "kharkiv", " KHARKIV "])
def test_oblast_by_code_or_name(filled: Store, oblast: str) -> None:
    assert facts(filled, EventQuery(oblast=oblast)) == [KHARKIV_STRIKE]


def test_oblast_outside_ukraine_and_unknown(filled: Store) -> None:
    assert facts(filled, EventQuery(oblast="CH-GE")) == [GENEVA_TALKS]
    assert facts(filled, EventQuery(oblast="Atlantis")) == []


def test_near(filled: Store) -> None:
    assert KYIV_STRIKE.location is not None
    kyiv = (KYIV_STRIKE.location.lat, KYIV_STRIKE.location.lon)
    assert facts(filled, EventQuery(near=(*kyiv, 50))) == [KYIV_STRIKE]
    # Kharkiv is about 410 km from Kyiv, Odesa about 440 km.
    assert facts(filled, EventQuery(near=(*kyiv, 420))) == [KYIV_STRIKE, KHARKIV_STRIKE]
    assert facts(filled, EventQuery(near=(*kyiv, 450))) == [
        KYIV_STRIKE,
        KHARKIV_STRIKE,
        ODESA_STRIKE,
    ]


def test_near_drops_the_corners_of_the_bounding_box(store: Store) -> None:
    corner = Mention(
        type=EventType.STRIKE,
        location=place(TEXT_A, "Kyiv", 50.85, 31.35, "Chernihiv", "UA-74", "corner"),
    )
    edge = Mention(
        type=EventType.STRIKE,
        location=place(TEXT_A, "Kyiv", 50.85, 30.0, "Kyiv", "UA-32", "edge"),
    )
    store.save_extraction(ARTICLE_A, Extraction(ARTICLE_A.id, mentions=(corner, edge)))
    assert 100 < haversine_km(50.0, 30.0, 50.85, 31.35) < 150
    assert facts(store, EventQuery(near=(50.0, 30.0, 100))) == [edge]
    assert facts(store, EventQuery(near=(50.0, 30.0, 150), limit=1)) == [
        facts(store, EventQuery(near=(50.0, 30.0, 150)))[0]
    ]


@pytest.mark.parametrize(
    ("weapon", "expected"),
    [
        ("drone", [KYIV_STRIKE, ODESA_STRIKE]),
        ("Shahed-136", [KYIV_STRIKE]),
        ("shahed 136", [KYIV_STRIKE]),
        ("attack_drone", [KYIV_STRIKE]),
        ("missile", [KYIV_STRIKE]),
        ("glide bomb", [KHARKIV_STRIKE]),
        ("air", [KHARKIV_STRIKE]),
        ("kab-500", [KHARKIV_STRIKE]),
        ("artillery", [KHERSON_SHELLING]),
        ("bm-21 grad", [KHERSON_SHELLING]),
        ("tank", []),
        ("shahed", []),
    ],
)
def test_weapon(filled: Store, weapon: str, expected: list[Mention]) -> None:
    assert facts(filled, EventQuery(weapon=weapon)) == expected


def test_filters_combine(filled: Store) -> None:
    query = EventQuery(since=dt.date(2025, 11, 1), types=("strike",), weapon="drone", oblast="UA-51")
    assert facts(filled, query) == [ODESA_STRIKE]


@pytest.mark.parametrize(
    "arguments",
    [
        {"since": dt.date(2025, 2, 1), "until": dt.date(2025, 1, 1)},
        {"types": ("strikes",)},
        {"near": (91.0, 30.0, 10.0)},
        {"near": (50.0, 30.0, 0.0)},
        {"weapon": "--"},
        {"limit": 0},
    ],
)
def test_a_wrong_query_says_what_to_change(arguments: dict[str, object]) -> None:
    with pytest.raises(InputError):
        EventQuery(**arguments)  # type: ignore[arg-type]


def test_get_event_with_its_sources(filled: Store) -> None:
    (kyiv,) = [e for e in filled.query_events(EventQuery()) if e.facts == KYIV_STRIKE]
    event, articles = filled.get_event(kyiv.id)
    assert event == kyiv
    assert articles == {ARTICLE_A.id: ARTICLE_A}
    quoted = [ARTICLE_A.text[s.start : s.end] for s in event.sources[0].evidence]
    assert quoted[0] == "Russian forces launched 50 Shahed-136 drones"
    assert KULEBA.quote in ARTICLE_A.text


def test_get_event_returns_published_times_in_utc(filled: Store) -> None:
    (geneva,) = filled.query_events(EventQuery(types=("diplomacy",)))
    _, articles = filled.get_event(geneva.id)
    (article,) = articles.values()
    assert article.published == dt.datetime(2025, 11, 16, 7, 0, tzinfo=dt.UTC)
    assert article.published is not None
    assert article.published.utcoffset() == dt.timedelta(0)


def test_get_event_not_found(filled: Store) -> None:
    with pytest.raises(NotFoundError, match="query_events"):
        filled.get_event("0000000000000000")
