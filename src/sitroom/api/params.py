"""Query parameters shared by the event routes, parsed into a `reads.EventFilter`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from sitroom.errors import InputError
from sitroom.store.reads import EventFilter


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """ "min_lon,min_lat,max_lon,max_lat" as four floats; InputError saying the form otherwise."""
    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4:
        raise InputError(
            f"bbox={text!r} is not four numbers min_lon,min_lat,max_lon,max_lat; e.g. bbox=35.5,49.5,37,50.5"
        )
    return numbers[0], numbers[1], numbers[2], numbers[3]


def event_filter(
    since: Annotated[
        dt.date | None, Query(description="Events whose dates reach this day or later (YYYY-MM-DD).")
    ] = None,
    until: Annotated[dt.date | None, Query(description="Events that start on or before this day (YYYY-MM-DD).")] = None,
    bbox: Annotated[
        str | None, Query(description="Map box min_lon,min_lat,max_lon,max_lat (WGS 84), e.g. 35.5,49.5,37,50.5.")
    ] = None,
    oblast: Annotated[str | None, Query(description="ISO 3166-2 code (UA-63) or name (Kharkiv Oblast).")] = None,
    type: Annotated[list[str] | None, Query(description="Event type (strike, shelling, ...); repeatable.")] = None,
    weapon: Annotated[str | None, Query(description="Weapon class, family or model (drone, Shahed-136).")] = None,
    attacker: Annotated[str | None, Query(description="Attacker (Russia, Ukraine, ...).")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Words in the place name, the attacker or an evidence sentence.")
    ] = None,
    min_killed: Annotated[int | None, Query(ge=0, description="At least this many killed.")] = None,
) -> EventFilter:
    """The event filter of a request's query parameters."""
    return EventFilter(
        since=since,
        until=until,
        bbox=parse_bbox(bbox) if bbox else None,
        oblast=oblast or None,
        types=tuple(t for t in type or () if t),
        weapon=weapon or None,
        attacker=attacker or None,
        text=q or None,
        min_killed=min_killed,
    )
