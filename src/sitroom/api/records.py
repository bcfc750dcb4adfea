"""JSON bodies of the API, built from the values `sitroom.store.reads` returns. No I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sitroom.contract import mention_record, statement_record
from sitroom.model import Article, Event
from sitroom.store.reads import ArticleDetail, Cluster, EventDetail, Page, Stats, StoredStatement


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def event_record(event: Event) -> dict[str, Any]:
    """An event's fields (the extraction contract's keys), its id and its sources' evidence offsets."""
    return {
        "id": event.id,
        **mention_record(event.facts),
        "sources": [
            {"article_id": s.article_id, "evidence": [{"start": e.start, "end": e.end} for e in s.evidence]}
            for s in event.sources
        ],
    }


def event_page_record(page: Page[Event]) -> dict[str, Any]:
    return {"events": [event_record(e) for e in page.items], "next_cursor": page.next_cursor}


def event_feature(event: Event) -> dict[str, Any]:
    """An RFC 7946 Feature: a Point at the event's place (null geometry when unplaced)."""
    facts = event.facts
    place = facts.location
    geometry = None if place is None else {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": geometry,
        "properties": {
            "type": facts.type.value,
            "date_start": facts.date.start.isoformat() if facts.date and facts.date.start else None,
            "date_end": facts.date.end.isoformat() if facts.date and facts.date.end else None,
            "place": place.name if place else None,
            "admin1": place.admin1 if place else None,
            "admin1_code": place.admin1_code if place else None,
            "attacker": facts.attacker,
            "weapons": [w.model or w.weapon_class.value for w in facts.weapons],
            "killed": facts.killed,
            "injured": facts.injured,
            "damage": [d.value for d in facts.damage],
            "sources": len(event.sources),
        },
    }


def event_collection(page: Page[Event]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection; `next_cursor` is a foreign member for the next page."""
    return {
        "type": "FeatureCollection",
        "features": [event_feature(e) for e in page.items],
        "next_cursor": page.next_cursor,
    }


def event_detail_record(detail: EventDetail) -> dict[str, Any]:
    """An event with every source article and its evidence sentences (offsets, text, context)."""
    return {
        **event_record(detail.event),
        "wave_id": detail.event.wave_id,
        "estimates": [
            {
                "name": e.name,
                "low": e.low,
                "best": e.best,
                "high": e.high,
                "figures": [{"article_id": f.article_id, "value": f.value} for f in e.figures],
            }
            for e in detail.event.estimates
        ],
        "sources": [
            {
                "article_id": s.article_id,
                "title": s.title,
                "url": s.url,
                "published": _time(s.published),
                "source": s.source,
                "evidence": [asdict(e) for e in s.evidence],
            }
            for s in detail.sources
        ],
    }


def statement_record_with_source(stored: StoredStatement) -> dict[str, Any]:
    return {
        "id": stored.id,
        **statement_record(stored.statement),
        "article_id": stored.article_id,
        "article_title": stored.title,
        "published": _time(stored.published),
    }


def statement_page_record(page: Page[StoredStatement]) -> dict[str, Any]:
    return {"statements": [statement_record_with_source(s) for s in page.items], "next_cursor": page.next_cursor}


def _article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "published": _time(article.published),
        "url": article.url,
        "language": article.language,
        "source": article.source,
        "text": article.text,
    }


def article_detail_record(detail: ArticleDetail) -> dict[str, Any]:
    return {
        **_article_record(detail.article),
        "event_ids": list(detail.event_ids),
        "statements": [statement_record_with_source(s) for s in detail.statements],
    }


def stats_record(stats: Stats) -> dict[str, Any]:
    return asdict(stats)


def clusters_record(clusters: tuple[Cluster, ...]) -> dict[str, Any]:
    return {
        "clusters": [asdict(c) for c in clusters],
        "events": sum(c.count for c in clusters),
    }
