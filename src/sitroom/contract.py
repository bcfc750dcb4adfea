"""The extraction contract of DESIGN.md: JSON lines in, JSON lines out.

`article_from_record` reads one input line; `extraction_record` writes one output line. The
scorer reads exactly these keys, so nothing else in sitroom builds these dicts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sitroom.errors import InputError
from sitroom.model import Article, DateSpan, Extraction, Mention, Place, RunReport, Span, Statement


def article_from_record(record: dict[str, Any], *, where: str = "input") -> Article:
    """An Article from a contract input object; `where` names it in error messages."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with at least a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: the 'text' field is missing or empty")
    raw_id = record.get("id")
    article_id = str(raw_id) if raw_id not in (None, "") else content_id(text)
    return Article(
        id=article_id,
        text=text,
        title=record.get("title") or None,
        published=parse_published(record.get("published"), where=where),
        url=record.get("url") or None,
        language=record.get("language") or None,
        source=record.get("source") or None,
    )


def content_id(text: str) -> str:
    """A stable id for a document that came without one."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def parse_published(value: object, *, where: str = "input") -> dt.datetime | None:
    """'YYYY-MM-DD' or an ISO 8601 timestamp, as a datetime; None when absent."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: 'published' must be a string like 2025-12-03 or 2025-12-03T07:40:00Z")
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(
            f"{where}: 'published' is {value!r}, not a date like 2025-12-03 or 2025-12-03T07:40:00Z"
        ) from exc


def extraction_record(extraction: Extraction) -> dict[str, Any]:
    """One output line of the contract."""
    return {
        "id": extraction.article_id,
        "events": [mention_record(m) for m in extraction.mentions],
        "statements": [statement_record(s) for s in extraction.statements],
        "places": [place_record(p) for p in extraction.places],
    }


def mention_record(m: Mention) -> dict[str, Any]:
    return {
        "type": m.type.value,
        "date": date_record(m.date),
        "location": place_record(m.location) if m.location else None,
        "attacker": m.attacker,
        "weapons": [
            {
                "class": w.weapon_class.value,
                "model": w.model,
                "launched": w.launched,
                "intercepted": w.intercepted,
                "uncertain": w.uncertain,
            }
            for w in m.weapons
        ],
        "killed": m.killed,
        "injured": m.injured,
        "children_killed": m.children_killed,
        "children_injured": m.children_injured,
        "damage": [d.value for d in m.damage],
        "damage_objects": [
            {"category": d.category.value, "object": d.object, "count": d.count} for d in m.damage_objects
        ],
        "outages": [
            {"service": o.service.value, "count": o.count, "unit": o.unit.value if o.unit else None} for o in m.outages
        ],
        "parties": list(m.parties),
        "claimed_by": m.claimed_by,
        "victims": m.victims.value if m.victims else None,
        "evidence": [span_record(s) for s in m.evidence],
        "hits": m.hits,
        "debris_locations": m.debris_locations,
        "lost_from_radar": m.lost_from_radar,
    }


def statement_record(s: Statement) -> dict[str, Any]:
    return {
        "speaker": s.speaker,
        "role": s.role,
        "affiliation": s.affiliation,
        "quote": s.quote,
        "direct": s.direct,
        "evidence": [span_record(e) for e in s.evidence],
    }


def place_record(p: Place) -> dict[str, Any]:
    return {
        "name": p.name,
        "text": p.text,
        "lat": p.lat,
        "lon": p.lon,
        "admin1": p.admin1,
        "admin1_code": p.admin1_code,
        "country": p.country,
        "precision": p.precision.value,
        "gazetteer_id": p.gazetteer_id,
        "start": p.start,
        "end": p.end,
        "estimated": p.estimated,
    }


def date_record(d: DateSpan | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "start": d.start.isoformat() if d.start else None,
        "end": d.end.isoformat() if d.end else None,
        "precision": d.precision.value if d.precision else None,
        "text": d.text,
    }


def span_record(s: Span) -> dict[str, int]:
    return {"start": s.start, "end": s.end}


def run_report_record(report: RunReport) -> dict[str, Any]:
    """What a run read and wrote, its skips with their stage and reason (the API's answer and the
    store's `runs` columns)."""
    return {
        "articles_read": report.articles_read,
        "articles_new": report.articles_new,
        "mentions": report.mentions,
        "events": report.events,
        "statements": report.statements,
        "skips": [{"source": skip.source, "stage": skip.stage, "reason": skip.reason} for skip in report.skips],
    }
