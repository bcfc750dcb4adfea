"""Distances, and coordinates written in text."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

# "48.113889, 37.863778", "(47.6205709, 38.2638291)", "49.20107 38.0604": decimal degrees with at
# least three decimals, latitude first.
_COORDINATES = re.compile(r"(?<![\d.])(-?\d{1,2}\.\d{3,})\s*[,;]?\s*(?:N\b\s*,?\s*)?(-?\d{1,3}\.\d{3,})(?![\d.])")


EARTH_RADIUS_KM = 6371.0088  # the mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True)
class Coordinates:
    """A latitude/longitude pair written in a text, with its character offsets."""

    lat: float
    lon: float
    text: str
    start: int
    end: int


def find_coordinates(text: str) -> Iterator[Coordinates]:
    """The decimal coordinates written in a text, in text order."""
    for match in _COORDINATES.finditer(text):
        lat, lon = float(match.group(1)), float(match.group(2))
        if -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0:
            yield Coordinates(lat=lat, lon=lon, text=match.group(0), start=match.start(), end=match.end())
