"""Regional reports: places in their case forms, casualties and outages."""

from __future__ import annotations

from spacy.tokens import Doc
from uk_reading import Read

from sitroom.extract.uk.morph import Morphology
from sitroom.extract.uk.places import inflected
from sitroom.extract.uk.units import units
from sitroom.geocode.gazetteer import Entry
from sitroom.model import Place


def test_places_in_their_case_forms(read: Read) -> None:
    record = read(
        "Вибухи пролунали у Києві, в Дніпрі, на Харківщині та в Одесі. Ворог атакував Одещину. "
        "Уламки впали у Кривому Розі, у Білій Церкві, в Сумах та біля Кременчука."
    )
    names = {p["name"] for p in record["places"]}
    expected = {"Kyiv", "Dnipro", "Kharkiv Oblast", "Odesa", "Odesa Oblast", "Kryvyi Rih", "Bila Tserkva", "Sumy"}
    assert expected | {"Kremenchuk"} <= names


def test_an_adjective_alone_is_not_looked_up(morph: Morphology) -> None:
    asked: list[str] = []

    class Recorder:
        def places(self, doc: Doc) -> tuple[Place, ...]:
            return ()

        def resolve_name(self, name: str, context_admin1: str | None = None) -> Entry | None:
            asked.append(name)
            return None

    text = "Уламки впали на Білій вулиці."
    inflected(units(text, 0, len(text), morph), [], Recorder(), morph, frozenset({"на"}))
    assert asked == []  # an adjective of the common noun after it is no name
    text = "Уламки впали у Білій Церкві."
    inflected(units(text, 0, len(text), morph), [], Recorder(), morph, frozenset({"у"}))
    assert asked[0] == "біла церква"


def test_casualties_with_children(read: Read) -> None:
    record = read("Внаслідок ранкової атаки на Харків загинули двоє людей, ще 12 поранені, серед них троє дітей.")
    [event] = record["events"]
    assert event["location"]["name"] == "Kharkiv"
    assert (event["killed"], event["injured"], event["children_injured"]) == (2, 12, 3)
    assert event["type"] == "strike"


def test_outages_go_to_their_place(read: Read) -> None:
    record = read(
        "Ворог атакував енергетику. Знеструмлені 12 тисяч абонентів у Києві. "
        "У Дніпрі без світла залишилися 500 будинків."
    )
    outages = {e["location"]["name"]: e["outages"] for e in record["events"]}
    assert outages["Kyiv"] == [{"service": "power", "count": 12000, "unit": "consumers"}]
    assert outages["Dnipro"] == [{"service": "power", "count": 500, "unit": "buildings"}]


def test_shelling_with_a_relative_date(read: Read) -> None:
    record = read("Вчора ввечері ворог обстріляв Херсон. Загинула одна людина, поранено 5 осіб.")
    [event] = record["events"]
    assert (event["type"], event["location"]["name"], event["killed"], event["injured"]) == (
        "shelling",
        "Kherson",
        1,
        5,
    )
    assert event["date"]["start"] == "2026-07-09"
