"""Where the gazetteer comes from: the embedded one, plus GeoNames dumps imported into the
configured database.

    report = import_dump(Path("UA.txt"), "sqlite:////tmp/sitroom.db")   # or the postal UA.txt
    gazetteer = load_gazetteer("sqlite:////tmp/sitroom.db")              # embedded + imported

`load_gazetteer` only reads: a database that does not exist yet, or holds no imported places, or
cannot be reached, gives the embedded gazetteer (so `sitroom extract` works with no database).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.errors import InputError

if TYPE_CHECKING:
    from sitroom.geocode.gazetteer import Entry, Gazetteer
    from sitroom.store.places import SourceCount

DUMP_URL_BASE = "https://download.geonames.org/export/dump/"
POSTAL_URL_BASE = "https://download.geonames.org/export/zip/"


@dataclass(frozen=True)
class ImportReport:
    """What one import wrote: the source name, its places, and how long it took."""

    source: str
    places: int
    seconds: float


@dataclass(frozen=True)
class GazetteerStats:
    """The embedded gazetteer's entries by feature, and the imported places by dump and country."""

    embedded: dict[str, int]
    imported: list[SourceCount]


def import_dump(
    path: Path, database_url: str, *, source: str | None = None, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Import a GeoNames dump (either layout, .txt or .zip) into the database, replacing what an
    earlier import of the same source (default: the file's name) wrote."""
    from sitroom.geocode.dumps import open_lines, read_dump
    from sitroom.store import Store
    from sitroom.store.places import replace_places

    if not path.is_file():
        raise InputError(f"no file {path}; give the path of a GeoNames dump (UA.txt or UA.zip)")
    started = time.perf_counter()
    name = source or path.name
    with Store.open(database_url) as store, store.transaction() as connection:
        written = replace_places(connection, name, read_dump(open_lines(path), name), progress)
    return ImportReport(source=name, places=written, seconds=time.perf_counter() - started)


def download_dump(
    country: str,
    database_url: str,
    directory: Path,
    *,
    postal: bool = False,
    url_base: str | None = None,
    timeout: float = 60.0,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Fetch GeoNames' zip of one country (`UA`; the postal-code dump when `postal`) into
    `directory` and import it."""
    import httpx

    from sitroom import __version__

    code = country.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise InputError(f"{country!r} is not a country code; give two letters, e.g. UA")
    base = url_base or (POSTAL_URL_BASE if postal else DUMP_URL_BASE)
    url = base.rstrip("/") + f"/{code}.zip"
    name = f"geonames-{'postal-' if postal else ''}{code}.zip"
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    partial = target.with_suffix(".part")
    try:
        with httpx.stream(
            "GET", url, timeout=timeout, follow_redirects=True, headers={"User-Agent": f"sitroom/{__version__}"}
        ) as response:
            response.raise_for_status()
            with partial.open("wb") as out:
                for chunk in response.iter_bytes():
                    out.write(chunk)
        partial.replace(target)
    except httpx.HTTPError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(
            f"cannot download {url} ({exc}); check the network and the country code, "
            "or download the file yourself and run: sitroom gazetteer import FILE"
        ) from exc
    return import_dump(target, database_url, source=name, progress=progress)


def load_gazetteer(database_url: str, codifier: Path | None = None) -> Gazetteer:
    """The embedded gazetteer (with the villages of the `codifier` spreadsheet, else of the
    installed one) merged with the places imported into the database, if any."""
    from functools import partial

    from sqlalchemy.exc import SQLAlchemyError

    from sitroom.errors import StoreError
    from sitroom.geocode import gazetteer
    from sitroom.store.engine import create_store_engine, parse_url, sqlite_path
    from sitroom.store.places import has_imported_places, read_places

    load_embedded = partial(gazetteer.load_embedded, codifier=codifier)

    try:
        parsed = parse_url(database_url)
    except StoreError:
        return load_embedded()
    path = sqlite_path(parsed)
    if parsed.get_backend_name() == "sqlite" and (path is None or not path.is_file()):
        return load_embedded()
    try:
        engine = create_store_engine(database_url)
    except StoreError:
        return load_embedded()
    try:
        with engine.connect() as connection:
            if not has_imported_places(connection):
                return load_embedded()
            imported = list(read_places(connection))
    except SQLAlchemyError:
        return load_embedded()
    finally:
        engine.dispose()
    return load_embedded(imported)


def gazetteer_stats(database_url: str, codifier: Path | None = None) -> GazetteerStats:
    """What is loaded: the embedded entries by feature (villages only the KATOTTG codifier knows
    apart), the imported places by source and country."""
    from sitroom.geocode.gazetteer import load_embedded
    from sitroom.geocode.katottg import CODIFIED_PREFIX
    from sitroom.store import Store
    from sitroom.store.places import source_counts

    embedded: dict[str, int] = {}
    for entry in load_embedded(codifier=codifier).entries():
        kind = "codified village" if entry.id.startswith(CODIFIED_PREFIX) else entry.feature
        embedded[kind] = embedded.get(kind, 0) + 1
    with Store.open(database_url) as store, store.engine.connect() as connection:
        imported = source_counts(connection)
    return GazetteerStats(embedded=dict(sorted(embedded.items())), imported=imported)


def locate(name: str, database_url: str, codifier: Path | None = None) -> Entry | None:
    """The gazetteer entry a bare place name means (embedded and imported places), else None."""
    from sitroom.geocode.resolve import Geocoder
    from sitroom.nlp import build

    return Geocoder(load_gazetteer(database_url, codifier), build()).resolve_name(name)
