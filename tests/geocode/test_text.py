"""The string rules under the gazetteer: folding, transliteration, adjectives."""

from __future__ import annotations

from sitroom.geocode.aliases import adjective_bases, inflections, ukrainian_name, usable_alias
from sitroom.geocode.normalize import fold, script_of, skeleton, soft
from sitroom.geocode.translit import latin_variants, ukrainian_national


def test_fold_drops_case_diacritics_apostrophes_and_extra_spaces() -> None:
    assert fold("Kup'jans'k") == fold("Kup\u2019jans\u2019k") == fold("KUPJANSK") == "kupjansk"
    assert fold("Zaporižžia") == "zaporizzia"
    assert fold("  Kharkiv \t Oblast ") == "kharkiv oblast"
    assert fold("Orikhovo\u2013Vasylivka") == "orikhovo-vasylivka"
    assert fold("\u200b\u200bBakhmut") == "bakhmut"


def test_script_of() -> None:
    assert script_of("Kyiv") == "latin"
    assert script_of("Київ") == "cyrillic"
    assert script_of("基辅") == "other"
    assert script_of("123") is None


def test_ukrainian_national_transliteration() -> None:
    cases = {
        "Київ": "Kyiv",
        "Харків": "Kharkiv",
        "Запоріжжя": "Zaporizhzhia",
        "Одеса": "Odesa",
        "Миколаїв": "Mykolaiv",
        "Кропивницький": "Kropyvnytskyi",
        "Дніпро": "Dnipro",
        "Єнакієве": "Yenakiieve",
        "Згурівка": "Zghurivka",
        "Кам'янське": "Kamianske",
        "Ізюм": "Izium",
        "Гуляйполе": "Huliaipole",
    }
    for cyrillic, latin in cases.items():
        assert ukrainian_national(cyrillic) == latin


def test_latin_variants_cover_russian_and_other_romanisations() -> None:
    assert {"Kostiantynivka", "Kostyantynivka", "Kostjantynivka"} <= latin_variants("Костянтинівка")
    assert "Vugledar" in latin_variants("Вугледар")
    assert {"Novhorod-Siverskyi", "Novgorod-Siverskiy", "Novgorod-Siversky"} <= latin_variants("Новгород-Сіверський")
    assert {"Avdeevka", "Avdeyevka"} <= latin_variants("Авдеевка")
    assert "Maryinka" in latin_variants("Марьинка")


def test_ukrainian_name_prefers_the_ukrainian_spelling() -> None:
    assert ukrainian_name("Zaporizhzhya", ["Запоріжжя", "Запорожье"]) == "Zaporizhzhia"
    assert ukrainian_name("Kal'mius'ke", []) == "Kalmiuske"
    # A Belarusian or a Russian-only form is never taken for the Ukrainian one.
    assert ukrainian_name("Kadiyivka", ["Кадзіеўка", "Кадиевка"]) == "Kadiyivka"


def test_usable_alias() -> None:
    assert usable_alias("Kharkov")
    assert usable_alias("Харків")
    assert not usable_alias("HRK")  # airport code
    assert not usable_alias("ha er ke fu")  # machine romanisation
    assert not usable_alias("哈爾科夫")
    assert not usable_alias("Ko")


def test_inflections_of_cyrillic_oblast_names() -> None:
    assert "Харківській області" in inflections("Харківська область")
    assert "Харківщині" in inflections("Харківщина")


def test_adjective_bases() -> None:
    assert "pokrovsk" in adjective_bases("pokrovsky")
    assert "toretsk" in adjective_bases("toretska")
    assert "vasylivka" in adjective_bases("vasylivsky")
    assert "tokmak" in adjective_bases("tokmatska")
    assert "kupyansk" in adjective_bases("kupyan")


def test_soft_and_skeleton_blur_romanisation() -> None:
    assert skeleton(soft(fold("Novomikhailovka"))) == skeleton(soft(fold("Novomykhailivka")))
    assert skeleton(soft(fold("Peschanoye"))) == skeleton(soft(fold("Pishchane")))
