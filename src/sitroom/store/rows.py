"""Conversions between model values and table rows, both ways. No I/O here.

Rows are plain mappings of column name to value, as SQLAlchemy Core takes and returns them.
Timestamps are stored in UTC: a naive datetime is taken to be UTC, and every datetime read back
is timezone-aware UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sitroom.dedupe import simhash
from sitroom.model import (
    Article,
    DamageCategory,
    DamageObject,
    DatePrecision,
    DateSpan,
    EventType,
    Mention,
    Outage,
    OutageUnit,
    Place,
    Precision,
    Service,
    Span,
    Statement,
    Victims,
    Weapon,
    WeaponClass,
)

Row = dict[str, Any]
"""A row to write: column name to value."""

ReadRow = Mapping[Any, Any]
"""A row as read: SQLAlchemy's RowMapping, or a `Row` dict."""


def to_utc(value: dt.datetime) -> dt.datetime:
    """`value` in UTC; a naive datetime is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _utc_or_none(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else to_utc(value)


def _date(value: Any) -> dt.date | None:
    """A date column's value as a date (drivers return date, datetime or ISO text)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


# Spans -------------------------------------------------------------------------------------


def spans_to_json(spans: Iterable[Span]) -> list[list[int]]:
    """Spans as [[start, end], ...]."""
    return [[span.start, span.end] for span in spans]


def spans_from_json(value: Sequence[Sequence[int]] | None) -> tuple[Span, ...]:
    """[[start, end], ...] as spans."""
    return tuple(Span(int(start), int(end)) for start, end in value or ())


# Articles ----------------------------------------------------------------------------------


def article_row(article: Article, ingested_at: dt.datetime) -> Row:
    """The `articles` row of an article first seen at `ingested_at`."""
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "text": article.text,
        "title": article.title,
        "published": _utc_or_none(article.published),
        "url": article.url,
        "language": article.language,
        "source": article.source,
        "ingested_at": to_utc(ingested_at),
        "simhash": simhash_hex(article.text),
    }


def simhash_hex(text: str) -> str:
    """The SimHash of a text (sitroom.dedupe) as stored: 16 hex digits."""
    return f"{simhash(text):016x}"


def article_from_row(row: ReadRow) -> Article:
    """The article of an `articles` row (its `published` time in UTC)."""
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        published=_utc_or_none(row["published"]),
        url=row["url"],
        language=row["language"],
        source=row["source"],
    )


# Weapons -----------------------------------------------------------------------------------


def weapon_key(text: str) -> str:
    """The form in which weapon classes, families and models are compared: lower case,
    letters and digits only ("Shahed-136" -> "shahed136", "attack drone" -> "attackdrone")."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def weapon_terms(weapons: Iterable[Weapon]) -> str:
    """The keys a weapon filter matches, as "|key|key|" ("" for no weapons): every weapon's
    class, its family (missile, drone, air, artillery, ...) and its model."""
    keys: dict[str, None] = {}
    for weapon in weapons:
        keys[weapon_key(weapon.weapon_class)] = None
        keys[weapon_key(weapon.weapon_class.family)] = None
        if weapon.model:
            keys[weapon_key(weapon.model)] = None
    keys.pop("", None)
    return "|" + "|".join(keys) + "|" if keys else ""


def _weapon_json(weapon: Weapon) -> dict[str, Any]:
    return {
        "class": str(weapon.weapon_class),
        "model": weapon.model,
        "launched": weapon.launched,
        "intercepted": weapon.intercepted,
        "uncertain": weapon.uncertain,
    }


def _weapon_from_json(value: Mapping[str, Any]) -> Weapon:
    return Weapon(
        weapon_class=WeaponClass(value["class"]),
        model=_str_or_none(value.get("model")),
        launched=_int_or_none(value.get("launched")),
        intercepted=_int_or_none(value.get("intercepted")),
        uncertain=bool(value.get("uncertain", False)),
    )


# Mentions and events -----------------------------------------------------------------------


def _date_columns(date: DateSpan | None) -> Row:
    if date is None:
        return {"date_start": None, "date_end": None, "date_precision": None, "date_text": None}
    return {
        "date_start": date.start,
        "date_end": date.end,
        "date_precision": None if date.precision is None else str(date.precision),
        "date_text": date.text,
    }


def _place_columns(place: Place | None) -> Row:
    if place is None:
        return {
            "place_name": None,
            "place_text": None,
            "place_start": None,
            "place_end": None,
            "lat": None,
            "lon": None,
            "admin1": None,
            "admin1_code": None,
            "country": None,
            "place_precision": None,
            "gazetteer_id": None,
            "place_estimated": None,
        }
    return {
        "place_name": place.name,
        "place_text": place.text,
        "place_start": place.start,
        "place_end": place.end,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
        "admin1_code": place.admin1_code,
        "country": place.country,
        "place_precision": str(place.precision),
        "gazetteer_id": place.gazetteer_id,
        "place_estimated": place.estimated,
    }


def fact_row(mention: Mention) -> Row:
    """The fact columns (shared by `mentions` and `events`) of a mention."""
    return {
        "type": str(mention.type),
        **_date_columns(mention.date),
        **_place_columns(mention.location),
        "attacker": mention.attacker,
        "claimed_by": mention.claimed_by,
        "victims": None if mention.victims is None else str(mention.victims),
        "hits": mention.hits,
        "debris_locations": mention.debris_locations,
        "lost_from_radar": mention.lost_from_radar,
        "killed": mention.killed,
        "injured": mention.injured,
        "children_killed": mention.children_killed,
        "children_injured": mention.children_injured,
        "weapons": [_weapon_json(weapon) for weapon in mention.weapons],
        "weapon_terms": weapon_terms(mention.weapons),
        "damage": [str(category) for category in mention.damage],
        "damage_objects": [
            {"category": str(d.category), "object": d.object, "count": d.count} for d in mention.damage_objects
        ],
        "outages": [
            {
                "service": str(o.service),
                "count": o.count,
                "unit": None if o.unit is None else str(o.unit),
            }
            for o in mention.outages
        ],
        "parties": list(mention.parties),
        "evidence": spans_to_json(mention.evidence),
    }


def _date_from_row(row: ReadRow) -> DateSpan | None:
    if row["date_text"] is None:
        return None
    precision = row["date_precision"]
    return DateSpan(
        start=_date(row["date_start"]),
        end=_date(row["date_end"]),
        precision=None if precision is None else DatePrecision(precision),
        text=row["date_text"],
    )


def _place_from_row(row: ReadRow) -> Place | None:
    if row["place_name"] is None:
        return None
    return Place(
        name=row["place_name"],
        text=row["place_text"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        admin1=row["admin1"],
        admin1_code=row["admin1_code"],
        country=row["country"],
        precision=Precision(row["place_precision"]),
        gazetteer_id=row["gazetteer_id"],
        start=int(row["place_start"]),
        end=int(row["place_end"]),
        estimated=bool(row["place_estimated"]),
    )


def mention_from_row(row: ReadRow) -> Mention:
    """The mention whose facts a `mentions` or `events` row holds."""
    return Mention(
        type=EventType(row["type"]),
        date=_date_from_row(row),
        location=_place_from_row(row),
        attacker=row["attacker"],
        weapons=tuple(_weapon_from_json(w) for w in row["weapons"] or ()),
        killed=_int_or_none(row["killed"]),
        injured=_int_or_none(row["injured"]),
        children_killed=_int_or_none(row["children_killed"]),
        children_injured=_int_or_none(row["children_injured"]),
        damage_objects=tuple(
            DamageObject(
                category=DamageCategory(d["category"]),
                object=str(d["object"]),
                count=_int_or_none(d.get("count")),
            )
            for d in row["damage_objects"] or ()
        ),
        outages=tuple(
            Outage(
                service=Service(o["service"]),
                count=_int_or_none(o.get("count")),
                unit=None if o.get("unit") is None else OutageUnit(o["unit"]),
            )
            for o in row["outages"] or ()
        ),
        parties=tuple(str(p) for p in row["parties"] or ()),
        claimed_by=row["claimed_by"],
        victims=None if row["victims"] is None else Victims(row["victims"]),
        hits=_int_or_none(row["hits"]),
        debris_locations=_int_or_none(row["debris_locations"]),
        lost_from_radar=_int_or_none(row["lost_from_radar"]),
        evidence=spans_from_json(row["evidence"]),
    )


# Statements --------------------------------------------------------------------------------


def statement_row(statement: Statement) -> Row:
    """The content columns of a `statements` row (without id, article_id, ordinal)."""
    return {
        "speaker": statement.speaker,
        "role": statement.role,
        "affiliation": statement.affiliation,
        "quote": statement.quote,
        "direct": statement.direct,
        "evidence": spans_to_json(statement.evidence),
    }


def statement_from_row(row: ReadRow) -> Statement:
    """The statement of a `statements` row."""
    return Statement(
        speaker=row["speaker"],
        quote=row["quote"],
        direct=bool(row["direct"]),
        role=row["role"],
        affiliation=row["affiliation"],
        evidence=spans_from_json(row["evidence"]),
    )
