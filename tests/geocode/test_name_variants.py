"""Forms of place names that differ from every alias: adjectives before a landmark word, Ukrainian
adjectives that drop a kh or s, compound adjectives of two-word names, mistyped town names,
hyphenated names with Russian endings, and a city's district named after another place."""

from __future__ import annotations

import pytest
from first_place import first

from sitroom.geocode.aliases import adjective_bases, compound_bases
from sitroom.geocode.cues import load_cues
from sitroom.geocode.gazetteer import Gazetteer
from sitroom.geocode.resolve import Geocoder


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("shelling near the Kurakhivska TPP", "Kurakhove", "UA-14"),  # the town, not Kurakhivka
        ("fighting in the Ocheretynsky area", "Ocheretyne", "UA-14"),
        ("a drone hit the Zmiivska power plant", "Zmiiv", "UA-63"),
    ],
)
def test_adjective_before_a_landmark_names_the_place(geocoder: Geocoder, text: str, name: str, code: str) -> None:
    assert first(geocoder, text) == (name, code, "settlement")


def test_common_adjective_before_area_is_no_place(geocoder: Geocoder) -> None:
    assert geocoder.places_in_text("Residential area damaged") == ()


def test_ukrainian_adjective_that_drops_kh() -> None:
    assert "volnovakha" in adjective_bases("volnovaska")
    assert "volnovakha" in adjective_bases("volnovaskyi")


def test_hromada_named_by_an_adjective_without_kh(geocoder: Geocoder) -> None:
    assert first(geocoder, "shelling of the Volnovaska hromada") == ("Volnovakha hromada", "UA-14", "district")


def test_compound_adjective_of_a_two_word_name() -> None:
    compounds = load_cues().compounds
    assert "velyka pysarivka" in compound_bases("velykopysarivska", compounds)
    assert "staryi saltiv" in compound_bases("starosaltivskyi", compounds)
    assert compound_bases("pokrovsky", compounds) == []


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Velykopysarivska hromada", "Velyka Pysarivka hromada", "UA-59"),
        ("the Starosaltivska community", "Staryi Saltiv hromada", "UA-63"),
    ],
)
def test_hromada_named_by_a_compound_adjective(geocoder: Geocoder, text: str, name: str, code: str) -> None:
    assert first(geocoder, text)[:2] == (name, code)


def test_one_word_adjective_is_not_split(geocoder: Geocoder) -> None:
    assert first(geocoder, "Novopavlivsky district")[0] == "Novopavlivka Raion"


@pytest.mark.parametrize(("typo", "town"), [("Kramatorks", "Kramatorsk"), ("Bahkmut", "Bakhmut")])
def test_mistyped_town(gazetteer: Gazetteer, typo: str, town: str) -> None:
    # consonants swapped or one added: the consonant skeleton differs from the town's
    assert gazetteer.fuzzy_lookup(typo)[0].name == town


def test_english_word_is_no_mistyped_town(gazetteer: Gazetteer) -> None:
    assert gazetteer.fuzzy_lookup("Central") == ()  # not Tsentralnyi: two letters shorter


def test_mistyped_town_in_text(geocoder: Geocoder) -> None:
    assert first(geocoder, "explosions in the town of Kramatorks") == ("Kramatorsk", "UA-14", "settlement")


def test_hyphenated_name_read_whole(geocoder: Geocoder) -> None:
    # "Orekhovo" alone is another place; the whole is the Russian form of Orikhovo-Vasylivka
    assert first(geocoder, "near Orekhovo-Vasilevka") == ("Orikhovo-Vasylivka", "UA-14", "settlement")


def test_prefixed_word_is_no_hyphenated_name(geocoder: Geocoder) -> None:
    assert geocoder.places_in_text("Pro-Russian separatists shelled the positions") == ()


def test_pair_of_towns_stays_two_places(geocoder: Geocoder) -> None:
    names = [p.name for p in geocoder.places_in_text("the Kramatorsk-Lviv train")]
    assert names == ["Kramatorsk", "Lviv"]


@pytest.mark.parametrize("text", ["Dnipro (Kharkiv district of the city)", "Dnipro, Kharkiv district of the city"])
def test_city_district_named_after_another_place(geocoder: Geocoder, text: str) -> None:
    places = geocoder.places_in_text(text)
    assert [(p.name, p.admin1_code) for p in places] == [("Dnipro", "UA-12"), ("Dnipro", "UA-12")]
