"""Names and context: inflected Cyrillic forms (pymorphy3), renamed places, oblast and raion forms,
and the context forms of issue 3 ("X, Donetsk Oblast", "near X", "the X direction", lists)."""

from __future__ import annotations

import pytest
from first_place import first

from sitroom.geocode.morph import Lemmatizer
from sitroom.geocode.resolve import Geocoder


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Вибухи у Харкові", "Kharkiv", "UA-63"),
        ("Атака на Київ, уламки у Києві", "Kyiv", "UA-30"),
        ("Обстріл на Одещині", "Odesa Oblast", "UA-51"),
        ("Удар у Дніпрі", "Dnipro", "UA-12"),
        ("Удар по Кривому Розі", "Kryvyi Rih", "UA-12"),
        ("Шахеди над Сумами", "Sumy", "UA-59"),
        ("Вибух у Черкасах", "Cherkasy", "UA-71"),
        ("Пожежа на Херсонщині", "Kherson Oblast", "UA-65"),
        ("Взрывы в Харькове", "Kharkiv", "UA-63"),  # Russian forms
        ("Удар по Днепру, пожар в Днепре", "Dnipro", "UA-12"),
        ("Shelling of Харкові overnight", "Kharkiv", "UA-63"),  # Cyrillic inside English text
    ],
)
def test_inflected_cyrillic(geocoder: Geocoder, text: str, name: str, code: str) -> None:
    assert first(geocoder, text)[:2] == (name, code)


def test_lemmatizer_readings() -> None:
    lemmatizer = Lemmatizer()
    assert "харків" in lemmatizer.normal_forms("Харкові")  # among the surname "Харко"
    assert lemmatizer.normal_forms("Харкові") is lemmatizer.normal_forms("Харкові")  # cached


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("Dnipropetrovsk", "Dnipro", "UA-12"),
        ("Artemivsk", "Bakhmut", "UA-14"),
        ("Krasnoarmiisk", "Pokrovsk", "UA-14"),
        ("Kirovohrad", "Kropyvnytskyi", "UA-35"),
        ("Dniprodzerzhynsk", "Kamianske", "UA-12"),
        ("Dzerzhynsk", "Toretsk", "UA-14"),
        ("Dimitrov", "Myrnohrad", "UA-14"),
        ("Komsomolsk", "Horishni Plavni", "UA-53"),
        ("Illichivsk", "Chornomorsk", "UA-51"),
        ("Kotovsk", "Podilsk", "UA-51"),
        ("Krasnyi Lyman", "Lyman", "UA-14"),
        ("Stakhanov", "Kadiivka", "UA-09"),
        ("Krasnodon", "Sorokyne", "UA-09"),
        ("Ordzhonikidze", "Pokrov", "UA-12"),
        ("Tsiurupynsk", "Oleshky", "UA-65"),
        ("Kuibysheve", "Bilmak", "UA-23"),
        ("Novomoskovsk", "Samar", "UA-12"),
        ("Chervonohrad", "Sheptytskyi", "UA-46"),
    ],
)
def test_renamed_places(geocoder: Geocoder, old: str, new: str, code: str) -> None:
    assert first(geocoder, f"Strike on {old}")[:2] == (new, code)


@pytest.mark.parametrize(
    "text",
    [
        "Kharkiv Oblast",
        "Kharkiv region",
        "the Kharkiv region",
        "Kharkivska oblast",
        "Kharkivshchyna",
        "Kharkov region",
        "Харківська область",
        "Харківщині",
    ],
)
def test_oblast_forms(geocoder: Geocoder, text: str) -> None:
    assert first(geocoder, text) == ("Kharkiv Oblast", "UA-63", "admin1")


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Polohy raion", "Polohy Raion", "UA-23"),
        ("Pokrovsk district", "Pokrovsk Raion", "UA-14"),
        ("Pokrovsky district", "Pokrovsk Raion", "UA-14"),
    ],
)
def test_raion_forms(geocoder: Geocoder, text: str, name: str, code: str) -> None:
    assert first(geocoder, text) == (name, code, "district")


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("South of Krasnohorivka, Donetsk Oblast", "Krasnohorivka", "UA-14"),
        ("near Avdiivka", "Avdiivka", "UA-14"),
        ("on the outskirts of Bakhmut", "Bakhmut", "UA-14"),
        ("north of Kupiansk", "Kupiansk", "UA-63"),
        ("fighting in the Bakhmut direction", "Bakhmut", "UA-14"),
        ("Vesele, Donetsk Oblast", "Vesele", "UA-14"),
        ("Vesele in the Zaporizhzhia region", "Vesele", "UA-23"),
    ],
)
def test_context_forms(geocoder: Geocoder, text: str, name: str, code: str) -> None:
    assert first(geocoder, text)[:2] == (name, code)


def test_list_of_villages_with_a_raion(postal_geocoder: Geocoder) -> None:
    places = postal_geocoder.places_in_text("Robotyne, Verbove and Novoprokopivka, Polohy raion")
    names = {p.name: p for p in places}
    assert {"Robotyne", "Verbove", "Novoprokopivka", "Polohy Raion"} <= set(names)
    assert all(names[n].admin1_code == "UA-23" for n in ("Robotyne", "Verbove", "Novoprokopivka"))
    assert names["Polohy Raion"].precision.value == "district"


def test_precision_follows_what_is_named(geocoder: Geocoder) -> None:
    assert first(geocoder, "Donetsk Oblast")[2] == "admin1"
    assert first(geocoder, "Avdiivka, Donetsk Oblast")[2] == "settlement"
    assert first(geocoder, "Black Sea")[2] == "country"


def test_other_places_of_the_document_disambiguate(geocoder: Geocoder) -> None:
    # Vesele near Bakhmut (Donetsk Oblast), not another Vesele, when Soledar and Bakhmut are named
    name, code, _ = first(geocoder, "Shelling of Vesele. Soledar and Bakhmut were shelled too.")
    assert (name, code) == ("Vesele", "UA-14")
