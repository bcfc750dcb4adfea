"""The phases of the war: which oblasts and front lines make a place the likelier one on a day."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.geocode.gazetteer import Gazetteer
from sitroom.geocode.resolve import Geocoder
from sitroom.geocode.theatre import Phase, Theatre, load_theatre


def _phase(since: str, **prior: float) -> Phase:
    return Phase(dt.date.fromisoformat(since), prior, ())


def test_the_phase_of_a_day_is_the_latest_begun_by_then() -> None:
    theatre = Theatre([_phase("2022-02-24", a=1.0), _phase("2014-04-06", b=1.0)])
    assert theatre.on(dt.date(2016, 5, 1)).since == dt.date(2014, 4, 6)
    assert theatre.on(dt.date(2022, 2, 24)).since == dt.date(2022, 2, 24)
    assert theatre.on(None).since == dt.date(2022, 2, 24)  # an undated report: today's war
    assert theatre.on(dt.date(2010, 1, 1)).since == dt.date(2014, 4, 6)  # before it: the first


def test_a_theatre_needs_a_phase() -> None:
    with pytest.raises(ValueError):
        Theatre([])


def test_shipped_phases_follow_the_war(gazetteer: Gazetteer) -> None:
    theatre = load_theatre(gazetteer)
    donbas, invasion, now = (theatre.on(dt.date(*day)) for day in ((2016, 5, 1), (2022, 3, 10), (2025, 1, 1)))
    assert donbas.prior.keys() <= {"UA-14", "UA-09"}
    assert invasion.prior["UA-32"] >= 1.0 > now.prior["UA-32"]  # the north, in spring 2022 only
    assert len(donbas.front) < len(now.front) < len(invasion.front)
    kyiv_oblast = next(e for e in gazetteer.lookup("Bucha") if e.admin1_code == "UA-32")
    assert invasion.front_km(kyiv_oblast) < 1.0 and now.front_km(kyiv_oblast) > 100.0


def test_a_village_named_alone_is_placed_where_the_war_was_then(geocoder: Geocoder) -> None:
    text = "Destroyed houses in Horenka"  # a village near Kyiv, fought over in March 2022
    assert [p.name for p in geocoder.places_in_text(text, dt.date(2022, 3, 20))] == ["Horenka"]
    assert geocoder.places_in_text(text, dt.date(2016, 3, 20)) == ()  # then it was no war's place


def test_a_village_named_alone_near_the_front_of_the_time_is_placed(geocoder: Geocoder) -> None:
    """Mykolaiv Oblast is one of the lesser oblasts of the war from June 2022, but its villages on
    the Kherson front line were fought over until that November."""
    text = "Shelling of Vysunsk"  # a village of Mykolaiv Oblast, ~20 km from the 2022 front line
    assert [p.admin1_code for p in geocoder.places_in_text(text, dt.date(2022, 8, 1))] == ["UA-48"]
    assert geocoder.places_in_text(text, dt.date(2024, 1, 1)) == ()  # by then the front was beyond the Dnipro
