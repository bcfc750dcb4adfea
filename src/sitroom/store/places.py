"""The imported gazetteer in the `places` table: replace one dump's places, count them, read them.

Each row is one `geocode.Entry` with its aliases (JSON) and the dump it came from (`source`).
Importing a dump again replaces its rows (and takes over rows of the same id from another dump),
so nothing is ever doubled. Rows are written with executemany in batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Connection, delete, func, inspect, select

from sitroom.geocode.dumps import ImportedPlace
from sitroom.geocode.gazetteer import Entry
from sitroom.model import Precision
from sitroom.store.tables import places

BATCH = 2_000
_COLUMNS = (
    "id",
    "name",
    "lat",
    "lon",
    "country",
    "admin1_code",
    "admin1",
    "precision",
    "population",
    "feature",
    "aliases",
    "estimated",
    "admin2",
)


@dataclass(frozen=True)
class SourceCount:
    """How many places of one country an imported dump holds."""

    source: str
    country: str
    places: int


def replace_places(
    connection: Connection, source: str, found: Iterable[ImportedPlace], progress: Callable[[int], None] | None = None
) -> int:
    """Replace the places imported from `source` with `found`; how many were written."""
    connection.execute(delete(places).where(places.c.source == source))
    written = 0
    items = iter(found)
    while batch := list(islice(items, BATCH)):
        rows = {place.entry.id: _row(place, source) for place in batch}
        ids = list(rows)
        connection.execute(delete(places).where(places.c.id.in_(ids)))
        connection.execute(places.insert(), list(rows.values()))
        written += len(rows)
        if progress is not None:
            progress(len(batch))
    return written


def source_counts(connection: Connection) -> list[SourceCount]:
    """Imported places by source dump and country, sorted."""
    query = (
        select(places.c.source, places.c.country, func.count())
        .where(places.c.source.is_not(None))
        .group_by(places.c.source, places.c.country)
        .order_by(places.c.source, places.c.country)
    )
    return [SourceCount(str(s), str(c), int(n)) for s, c, n in connection.execute(query)]


def has_imported_places(connection: Connection) -> bool:
    """True when the database has a `places` table of this schema holding an imported place."""
    columns = (
        {c["name"] for c in inspect(connection).get_columns("places")}
        if inspect(connection).has_table("places")
        else set()
    )
    if not {"source", "estimated", "admin2"} <= columns:
        return False
    return connection.execute(select(places.c.id).where(places.c.source.is_not(None)).limit(1)).first() is not None


def read_places(connection: Connection) -> Iterator[ImportedPlace]:
    """Every imported place with its aliases, in id order."""
    query = select(*(places.c[name] for name in _COLUMNS)).where(places.c.source.is_not(None)).order_by(places.c.id)
    for row in connection.execute(query):
        (
            id_,
            name,
            lat,
            lon,
            country,
            admin1_code,
            admin1,
            precision,
            population,
            feature,
            aliases,
            estimated,
            admin2,
        ) = row
        entry = Entry(
            id=id_,
            name=name,
            lat=lat,
            lon=lon,
            country=country,
            admin1_code=admin1_code,
            admin1=admin1,
            precision=Precision(precision),
            population=population or 0,
            feature=feature or "settlement",
            estimated=bool(estimated),
            admin2=admin2,
        )
        yield ImportedPlace(entry, tuple(aliases))


def _row(place: ImportedPlace, source: str) -> dict[str, Any]:
    e = place.entry
    return {
        "id": e.id,
        "name": e.name,
        "lat": e.lat,
        "lon": e.lon,
        "country": e.country,
        "admin1_code": e.admin1_code,
        "admin1": e.admin1,
        "precision": e.precision.value,
        "population": e.population,
        "feature": e.feature,
        "aliases": list(place.aliases),
        "estimated": e.estimated,
        "admin2": e.admin2,
        "source": source,
    }
