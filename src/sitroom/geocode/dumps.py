"""Reading the GeoNames dumps a user imports into the gazetteer (`sitroom gazetteer import`).

Two layouts, told apart by their number of tab-separated columns:

- the main place dump (19 columns: UA.txt, allCountries.txt, or the zip GeoNames serves them in):
  geonameid, name, asciiname, alternatenames, lat, lon, feature class and code, country, cc2,
  admin1-4 codes, population, elevation, dem, timezone, modification date. Its populated places
  (feature class P, but not historical, abandoned or destroyed ones) become settlements named and
  aliased like the embedded ones (`gazetteer._city`); GeoNames admin1 codes map to ISO 3166-2 with
  data/admin1.tsv.
- the postal-code dump (12 columns: export/zip/UA.txt): country, postal code, place name, admin1
  name and code, admin2 name and code, admin3 name and code, lat, lon, accuracy. A place has one
  row per postal code: the rows of one (country, oblast, raion, name) become one settlement at the
  mean of their coordinates, weighted by accuracy (a row of accuracy 1 was placed at its raion's
  centre and counts little; a place with only such rows is `estimated`). Its Cyrillic name stays an
  alias; its Latin name is the national transliteration (`translit`), with the other usual spellings
  as aliases. Oblast names map to ISO 3166-2 by the adjective column of data/admin1.tsv and
  data/postal_admin1.tsv.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

from sitroom.errors import InputError
from sitroom.geocode.datafiles import read_table, split_list
from sitroom.geocode.gazetteer import Entry, _city
from sitroom.geocode.normalize import fold
from sitroom.geocode.translit import latin_variants, ukrainian_national
from sitroom.model import Precision

Layout = Literal["places", "postal"]
PLACE_COLUMNS = 19
POSTAL_COLUMNS = 12
# Populated places that are no longer there (historical, abandoned, destroyed, religious sites).
_GONE = frozenset({"PPLH", "PPLQ", "PPLW", "PPLCH", "STLMT"})
# Weight of a postal row's coordinates in its place's mean, by GeoNames accuracy (1 = estimated).
_ACCURACY_WEIGHT = {"6": 1.0, "5": 1.0, "4": 1.0, "3": 0.5, "2": 0.2, "1": 0.02}
_BRACKETS = re.compile(r"\s*\([^)]*\)\s*")


class ImportedPlace(NamedTuple):
    """One place of a dump with the aliases it is known by (a pair, as `load_embedded` takes)."""

    entry: Entry
    aliases: tuple[str, ...]


def open_lines(path: Path) -> Iterator[str]:
    """The lines of a dump: a text file, or the dump inside a GeoNames zip (not its readme)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
                if not names:
                    raise InputError(f"{path} holds no GeoNames dump (.txt); download UA.zip from GeoNames again")
                with archive.open(names[0]) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
            return
        with path.open(encoding="utf-8") as lines:
            yield from lines
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise InputError(
            f"cannot read the GeoNames dump {path} ({exc}); check the path and that it is a GeoNames .txt or .zip file"
        ) from exc


def layout_of(row: list[str], where: str) -> Layout:
    """The layout a row of `PLACE_COLUMNS` or `POSTAL_COLUMNS` columns belongs to."""
    if len(row) == PLACE_COLUMNS:
        return "places"
    if len(row) == POSTAL_COLUMNS:
        return "postal"
    raise InputError(
        f"{where}: {len(row)} tab-separated columns; a GeoNames place dump has {PLACE_COLUMNS} and a "
        f"postal-code dump {POSTAL_COLUMNS}: import UA.txt from export/dump or export/zip"
    )


def read_dump(lines: Iterable[str], name: str = "dump") -> Iterator[ImportedPlace]:
    """The places of a dump of either layout (detected from its first row)."""
    rows = (line.rstrip("\r\n").split("\t") for line in lines if line.strip() and not line.startswith("#"))
    first = next(rows, None)
    if first is None:
        return
    layout = layout_of(first, name)
    chained = _chain(first, rows)
    if layout == "places":
        yield from read_place_rows(chained, name)
    else:
        yield from read_postal_rows(chained, name)


def _chain(first: list[str], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield first
    yield from rest


def read_place_rows(rows: Iterable[list[str]], name: str = "dump") -> Iterator[ImportedPlace]:
    """The populated places of the main GeoNames dump."""
    admin_rows = read_table("admin1.tsv")
    admin_codes = {(r["country"], r["geonames_admin1"]): r for r in admin_rows}
    names_fixed = {row["id"]: row["name"] for row in read_table("names.tsv")}
    spellings: dict[str, list[str]] = {}
    for n, row in enumerate(rows, 1):
        if len(row) != PLACE_COLUMNS:
            raise InputError(f"{name}, row {n}: {len(row)} columns, not {PLACE_COLUMNS}; is the file cut short?")
        if row[6] != "P" or row[7] in _GONE:
            continue
        try:
            city = {
                "geonameid": int(row[0]),
                "name": row[1],
                "latitude": float(row[4]),
                "longitude": float(row[5]),
                "countrycode": row[8],
                "admin1code": row[10],
                "population": int(row[14] or 0),
                "alternatenames": [a for a in row[3].split(",") if a] + [row[2]],
            }
        except ValueError as exc:
            raise InputError(f"{name}, row {n}: {exc}; the file is not a GeoNames place dump") from exc
        entry, aliases = _city(city, admin_codes, names_fixed, spellings)
        yield ImportedPlace(entry, tuple(aliases))


def postal_admin1(admin_rows: Iterable[Mapping[str, str]]) -> dict[tuple[str, str], Mapping[str, str]]:
    """(country, folded oblast name of a postal dump) -> its row of data/admin1.tsv."""
    rows = list(admin_rows)
    by_iso = {r["iso"]: r for r in rows}
    found: dict[tuple[str, str], Mapping[str, str]] = {}
    for row in rows:
        for form in split_list(row["adjective"]):
            found.setdefault((row["country"], fold(form)), row)
    for extra in read_table("postal_admin1.tsv"):
        found[(extra["country"], fold(extra["name"]))] = by_iso[extra["iso"]]
    return found


@dataclass
class _Group:
    first_code: str
    weight: float = 0.0
    lat: float = 0.0
    lon: float = 0.0
    best_accuracy: int = 0


def read_postal_rows(rows: Iterable[list[str]], name: str = "dump") -> Iterator[ImportedPlace]:
    """One settlement per (country, oblast, raion, place name) of a postal-code dump."""
    admin = postal_admin1(read_table("admin1.tsv"))
    groups: dict[tuple[str, str, str, str], _Group] = {}
    for n, row in enumerate(rows, 1):
        if len(row) != POSTAL_COLUMNS:
            raise InputError(f"{name}, row {n}: {len(row)} columns, not {POSTAL_COLUMNS}; is the file cut short?")
        country, code, place, admin1_name, _, admin2 = (cell.strip() for cell in row[:6])
        place = _BRACKETS.sub(" ", place).strip()
        if not place or not row[9] or not row[10]:
            continue
        try:
            lat, lon = float(row[9]), float(row[10])
        except ValueError as exc:
            raise InputError(f"{name}, row {n}: {exc}; the file is not a GeoNames postal-code dump") from exc
        accuracy = row[11].strip()
        weight = _ACCURACY_WEIGHT.get(accuracy, 0.02)
        group = groups.setdefault((country, admin1_name, admin2, place), _Group(first_code=code))
        group.weight += weight
        group.lat += lat * weight
        group.lon += lon * weight
        group.best_accuracy = max(group.best_accuracy, int(accuracy) if accuracy.isdigit() else 1)
    for (country, admin1_name, admin2, place), group in groups.items():
        unit = admin.get((country, fold(admin1_name)))
        latin = ukrainian_national(place) if country == "UA" else place
        entry = Entry(
            id=f"geonames-postal:{country}:{group.first_code}:{fold(latin).replace(' ', '-')}",
            name=latin,
            lat=round(group.lat / group.weight, 5),
            lon=round(group.lon / group.weight, 5),
            country=country,
            admin1_code=unit["iso"] if unit else None,
            admin1=unit["name"] if unit else (admin1_name or None),
            precision=Precision.SETTLEMENT,
            population=0,
            feature="settlement",
            estimated=group.best_accuracy <= 1,
            admin2=admin2 or None,
        )
        aliases = {latin: None, place: None}
        aliases.update(dict.fromkeys(sorted(latin_variants(place))))
        yield ImportedPlace(entry, tuple(aliases))
