"""Event queries: the filters as a value, turned into SQL plus an exact distance check."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, true

from sitroom.errors import InputError
from sitroom.geocode.geometry import EARTH_RADIUS_KM, haversine_km
from sitroom.model import EventType
from sitroom.store.rows import weapon_key
from sitroom.store.tables import events

_EVENT_TYPES = frozenset(str(t) for t in EventType)


@dataclass(frozen=True)
class EventQuery:
    """Which events to return. Every filter left at its default lets all events through.

    - since, until: the event's dates overlap [since, until] (undated events never match).
    - types: event types (model.EventType values); empty means every type.
    - oblast: an ISO 3166-2 code ("UA-63") or an admin1 name ("Kharkiv"), case-insensitive.
    - near: (lat, lon, km): the event's place lies within km of the point.
    - weapon: a weapon class ("attack_drone"), family ("drone", "missile") or model
      ("Shahed-136"); case, spaces and hyphens are ignored.
    - limit: at most this many events, newest first (date_start descending, then id).
    """

    since: dt.date | None = None
    until: dt.date | None = None
    types: tuple[str, ...] = ()
    oblast: str | None = None
    near: tuple[float, float, float] | None = None
    weapon: str | None = None
    limit: int = 1000

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise InputError(
                f"the time range is empty: since {self.since} is after until {self.until}; swap the two dates"
            )
        unknown = sorted(set(self.types) - _EVENT_TYPES)
        if unknown:
            raise InputError(
                f"unknown event type {', '.join(map(repr, unknown))}; use one of: {', '.join(sorted(_EVENT_TYPES))}"
            )
        if self.near is not None:
            lat, lon, km = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
                raise InputError(
                    f"near={self.near} is not (lat, lon, km): give a latitude in [-90, 90], "
                    "a longitude in [-180, 180] and a positive distance in kilometres"
                )
        if self.weapon is not None and not weapon_key(self.weapon):
            raise InputError(
                f"weapon={self.weapon!r} names no weapon: give a class, family or model, e.g. 'drone' or 'Shahed-136'"
            )
        if self.limit < 1:
            raise InputError(f"limit={self.limit} returns nothing: give a limit of 1 or more")


def _bounding_box(lat: float, lon: float, km: float) -> ColumnElement[bool]:
    """A condition on events.lat/lon true for every point within km (and some more)."""
    angle = km / EARTH_RADIUS_KM
    if angle >= math.pi:
        return true()
    dlat = math.degrees(angle)
    conditions = [events.c.lat >= lat - dlat, events.c.lat <= lat + dlat]
    if abs(lat) + dlat < 90:
        ratio = math.sin(angle) / math.cos(math.radians(lat))
        dlon = math.degrees(math.asin(min(1.0, ratio)))
        west, east = lon - dlon, lon + dlon
        if west < -180:
            conditions.append(or_(events.c.lon >= west + 360, events.c.lon <= east))
        elif east > 180:
            conditions.append(or_(events.c.lon >= west, events.c.lon <= east - 360))
        else:
            conditions.extend([events.c.lon >= west, events.c.lon <= east])
    return and_(*conditions)


def _oblast(oblast: str) -> ColumnElement[bool]:
    name = oblast.strip()
    return or_(
        events.c.admin1_code == name.upper(),
        func.lower(events.c.admin1) == name.lower(),
    )


def _weapon(weapon: str) -> ColumnElement[bool]:
    return events.c.weapon_terms.contains(f"|{weapon_key(weapon)}|", autoescape=True)


def event_select(query: EventQuery) -> Select[tuple[object, ...]]:
    """The SELECT of events rows for `query`, ordered; without its LIMIT when `near` is set,
    because the exact distance check runs afterwards (see `within_near`)."""
    conditions: list[ColumnElement[bool]] = []
    if query.since is not None:
        conditions.append(or_(events.c.date_start >= query.since, events.c.date_end >= query.since))
    if query.until is not None:
        conditions.append(events.c.date_start <= query.until)
    if query.types:
        conditions.append(events.c.type.in_(sorted(set(query.types))))
    if query.oblast is not None:
        conditions.append(_oblast(query.oblast) if query.oblast.strip() else false())
    if query.near is not None:
        conditions.append(_bounding_box(*query.near))
    if query.weapon is not None:
        conditions.append(_weapon(query.weapon))
    stmt = (
        select(events).where(and_(true(), *conditions)).order_by(events.c.date_start.desc().nulls_last(), events.c.id)
    )
    return stmt if query.near is not None else stmt.limit(query.limit)


def within_near(query: EventQuery, lat: float | None, lon: float | None) -> bool:
    """Whether a point passes the query's exact `near` distance check (True without `near`)."""
    if query.near is None:
        return True
    if lat is None or lon is None:
        return False
    near_lat, near_lon, km = query.near
    return haversine_km(near_lat, near_lon, lat, lon) <= km
