"""The place a text is about, as the geocoding tests compare it."""

from __future__ import annotations

from sitroom.geocode.resolve import Geocoder


def first(geocoder: Geocoder, text: str) -> tuple[str, str | None, str]:
    """Name, oblast code and precision of the first place of `text`; fails when there is none."""
    places = geocoder.places_in_text(text)
    assert places, f"nothing found in {text!r}"
    return places[0].name, places[0].admin1_code, places[0].precision.value
