"""Merging mentions from many articles into events: the pure function `sitroom.merge.merge`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from merge_reports import (
    BOTH,
    CHUHUIV,
    INDEPENDENT,
    KHARKIV,
    POLTAVA,
    SUMY,
    SUMY_LATER,
    WIRE,
    WIRE_COPY,
    read,
)

from sitroom.extract.dispatch import ArticleExtractor
from sitroom.merge import Merged, Report, merge
from sitroom.model import DatePrecision, DateSpan, EventType, Mention, Place, Precision


def violent(merged: list[Merged]) -> list[Merged]:
    return [m for m in merged if m.event.facts.type.violent]


def test_reports_of_one_attack_become_one_event_with_every_source_and_a_toll_range(
    extractor: ArticleExtractor,
) -> None:
    (merged,) = violent(merge(read(extractor, SUMY)))
    event = merged.event
    assert [s.article_id for s in event.sources] == ["sumy-1", "sumy-2", "sumy-3", "sumy-4"]
    assert all(s.evidence for s in event.sources)
    killed = next(e for e in event.estimates if e.name == "killed")
    assert (killed.low, killed.best, killed.high) == (1, 2, 2)  # the latest report's toll is best
    assert killed.sources_of(1) == ("sumy-1", "sumy-2", "sumy-3")
    assert killed.sources_of(2) == ("sumy-4",)
    injured = next(e for e in event.estimates if e.name == "injured")
    assert (injured.low, injured.best, injured.high) == (5, 7, 7)
    assert (event.facts.killed, event.facts.injured) == (2, 7)
    assert event.facts.location is not None and event.facts.location.name == "Sumy"


def test_reports_of_different_attacks_stay_apart(extractor: ArticleExtractor) -> None:
    merged = violent(merge(read(extractor, (*SUMY, POLTAVA, SUMY_LATER))))
    by_sources = sorted(tuple(s.article_id for s in m.event.sources) for m in merged)
    assert by_sources == [("poltava-1",), ("sumy-1", "sumy-2", "sumy-3", "sumy-4"), ("sumy-later",)]
    assert all(m.event.wave_id is None for m in merged)


def test_neighbouring_towns_the_same_night_stay_apart_in_one_wave(extractor: ArticleExtractor) -> None:
    merged = violent(merge(read(extractor, (KHARKIV, CHUHUIV, BOTH))))
    places = {m.event.facts.location.name: m.event for m in merged if m.event.facts.location}
    assert sorted(places) == ["Chuhuiv", "Kharkiv"]
    assert {s.article_id for s in places["Kharkiv"].sources} == {"kharkiv-1", "both-1"}
    assert {s.article_id for s in places["Chuhuiv"].sources} == {"chuhuiv-1", "both-1"}
    assert places["Kharkiv"].wave_id is not None
    assert places["Kharkiv"].wave_id == places["Chuhuiv"].wave_id


def test_a_near_duplicate_article_is_kept_but_counts_once(extractor: ArticleExtractor) -> None:
    (merged,) = violent(merge(read(extractor, (WIRE, WIRE_COPY, INDEPENDENT))))
    sources = {s.article_id: s for s in merged.event.sources}
    assert set(sources) == {"wire-1", "wire-copy", "mykolaiv-own"}
    assert sources["wire-copy"].duplicate_of == "wire-1"
    assert sources["wire-1"].duplicate_of is None
    injured = next(e for e in merged.event.estimates if e.name == "injured")
    assert {f.article_id for f in injured.figures} == {"wire-1", "mykolaiv-own"}
    assert (injured.low, injured.best, injured.high) == (3, 3, 4)


def test_merge_is_deterministic_and_idempotent(extractor: ArticleExtractor) -> None:
    reports = read(extractor, (*SUMY, POLTAVA, SUMY_LATER, KHARKIV, CHUHUIV, BOTH, WIRE, WIRE_COPY, INDEPENDENT))
    first = merge(reports)
    assert merge(reports) == first
    shuffled = list(reports)
    random.Random(7).shuffle(shuffled)
    assert merge(shuffled) == first
    assert merge(reversed(reports)) == first
    assert [m.event.id for m in first] == sorted(m.event.id for m in first)
    assert len({m.event.id for m in first}) == len(first)


# Rules on hand-made mentions -----------------------------------------------------------------

NIGHT = DateSpan(dt.date(2025, 11, 20), dt.date(2025, 11, 21), DatePrecision.DAY, "overnight")


def place(name: str, lat: float, lon: float, code: str, precision: Precision = Precision.SETTLEMENT) -> Place:
    return Place(name, name, lat, lon, name, code, "UA", precision, f"test:{name}", 0, len(name))


ODESA = place("Odesa", 46.48, 30.72, "UA-51")
IZMAIL = place("Izmail", 45.35, 28.84, "UA-51")
ODESA_OBLAST = place("Odesa Oblast", 46.75, 29.95, "UA-51", Precision.ADMIN1)


def report(article: str, mention: Mention, published: str = "2025-11-21T06:00", index: int = 0) -> Report:
    when = dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC)
    return Report(f"{article}#{index}", article, index, mention, when, None)


def strike(location: Place | None, date: DateSpan | None = NIGHT, **counts: int) -> Mention:
    return Mention(type=EventType.STRIKE, date=date, location=location, attacker="Russia", **counts)


def groups(merged: list[Merged]) -> list[list[str]]:
    return sorted(sorted(m.mention_ids) for m in merged)


def test_an_oblast_level_report_joins_the_one_settlement_event_of_its_oblast() -> None:
    reports = [report("a", strike(ODESA, killed=1)), report("b", strike(ODESA_OBLAST, killed=2))]
    assert groups(merge(reports)) == [["a#0", "b#0"]]


def test_an_oblast_level_report_stays_apart_when_two_settlements_fit() -> None:
    reports = [report("a", strike(ODESA)), report("b", strike(IZMAIL)), report("c", strike(ODESA_OBLAST))]
    assert groups(merge(reports)) == [["a#0"], ["b#0"], ["c#0"]]


def test_an_undated_report_merges_within_two_days_of_publication() -> None:
    near = report("b", strike(ODESA, date=None), published="2025-11-22T09:00")
    far = report("c", strike(ODESA, date=None), published="2025-11-25T09:00")
    assert groups(merge([report("a", strike(ODESA)), near, far])) == [["a#0", "b#0"], ["c#0"]]


def test_two_different_nights_stay_apart() -> None:
    next_night = DateSpan(dt.date(2025, 11, 21), dt.date(2025, 11, 22), DatePrecision.DAY, "overnight")
    reports = [report("a", strike(ODESA)), report("b", strike(ODESA, date=next_night), "2025-11-22T06:00")]
    assert groups(merge(reports)) == [["a#0"], ["b#0"]]


def test_types_of_other_families_stay_apart() -> None:
    talks = Mention(type=EventType.DIPLOMACY, date=NIGHT, location=ODESA)
    shelling = dataclasses.replace(strike(ODESA), type=EventType.SHELLING)
    merged = merge([report("a", strike(ODESA)), report("b", shelling), report("c", talks)])
    assert groups(merged) == [["a#0", "b#0"], ["c#0"]]


def test_best_is_the_latest_report_then_the_most_common() -> None:
    reports = [
        report("a", strike(ODESA, killed=3), "2025-11-21T05:00"),
        report("b", strike(ODESA, killed=4), "2025-11-21T08:00"),
        report("c", strike(ODESA, killed=5), "2025-11-21T08:00"),
        report("d", strike(ODESA, killed=4), "2025-11-21T08:00"),
    ]
    (merged,) = merge(reports)
    (killed,) = merged.event.estimates
    assert (killed.low, killed.best, killed.high) == (3, 4, 5)
    assert killed.sources_of(4) == ("b", "d")
