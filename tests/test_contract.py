from __future__ import annotations

import datetime as dt

import pytest

from sitroom.contract import article_from_record, extraction_record, parse_published
from sitroom.errors import InputError
from sitroom.model import (
    DamageCategory,
    DamageObject,
    DatePrecision,
    DateSpan,
    EventType,
    Extraction,
    Mention,
    Outage,
    OutageUnit,
    Place,
    Precision,
    Service,
    Span,
    Statement,
    Weapon,
    WeaponClass,
)


def test_record_has_exactly_the_contract_keys() -> None:
    place = Place(
        "Kharkiv",
        "Kharkiv",
        49.98,
        36.25,
        "Kharkiv Oblast",
        "UA-63",
        "UA",
        Precision.SETTLEMENT,
        "geonames:706483",
        10,
        17,
    )
    mention = Mention(
        type=EventType.STRIKE,
        date=DateSpan(dt.date(2025, 12, 2), dt.date(2025, 12, 3), DatePrecision.DAY, "overnight"),
        location=place,
        attacker="Russia",
        weapons=(Weapon(WeaponClass.ATTACK_DRONE, "Shahed-136", 50, 45),),
        damage_objects=(DamageObject(DamageCategory.EDUCATION, "kindergarten"),),
        outages=(Outage(Service.HEATING, 1100, OutageUnit.HOMES),),
        evidence=(Span(0, 40),),
    )
    record = extraction_record(
        Extraction("a1", (mention,), (Statement("Ihor Terekhov", "q", False, "Mayor"),), (place,))
    )
    assert set(record) == {"id", "events", "statements", "places"}
    event = record["events"][0]
    assert {
        "type",
        "date",
        "location",
        "attacker",
        "weapons",
        "killed",
        "injured",
        "children_killed",
        "children_injured",
        "damage",
        "damage_objects",
        "outages",
        "parties",
        "evidence",
    } <= set(event)
    assert event["date"] == {"start": "2025-12-02", "end": "2025-12-03", "precision": "day", "text": "overnight"}
    assert event["weapons"][0]["class"] == "attack_drone" and event["weapons"][0]["intercepted"] == 45
    assert event["damage"] == ["education"]
    assert event["outages"] == [{"service": "heating", "count": 1100, "unit": "homes"}]
    assert set(record["places"][0]) == {
        "name",
        "text",
        "lat",
        "lon",
        "admin1",
        "admin1_code",
        "country",
        "precision",
        "gazetteer_id",
        "start",
        "end",
        "estimated",  # sitroom's addition: the coordinates are an estimate
    }
    assert record["statements"][0]["direct"] is False


def test_input_record() -> None:
    article = article_from_record({"id": 7, "text": "t", "published": "2025-12-03T07:40:00Z"})
    assert article.id == "7"
    assert article.published == dt.datetime(2025, 12, 3, 7, 40, tzinfo=dt.UTC)
    assert article_from_record({"text": "same"}).id == article_from_record({"text": "same"}).id


@pytest.mark.parametrize("record", [{"id": "x"}, {"id": "x", "text": "  "}, ["not", "an", "object"]])
def test_bad_input_says_what_is_wrong(record: object) -> None:
    with pytest.raises(InputError, match="text|object"):
        article_from_record(record)  # type: ignore[arg-type]


def test_published_forms() -> None:
    assert parse_published("2025-12-03") == dt.datetime(2025, 12, 3)
    assert parse_published(None) is None
    with pytest.raises(InputError, match="not a date"):
        parse_published("3rd Dec")
