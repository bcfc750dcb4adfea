"""Builds the heavy objects once (spaCy pipeline, gazetteer, geocoder, extractor) for the edges."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitroom.config import Settings
    from sitroom.extract import Extractor


def build_extractor(settings: Settings) -> Extractor:
    """An Extractor with the English pipeline and the embedded gazetteer."""
    from sitroom import nlp
    from sitroom.extract import Extractor
    from sitroom.geocode.gazetteer import load_embedded
    from sitroom.geocode.resolve import Geocoder

    pipeline = nlp.build()
    return Extractor(pipeline, Geocoder(load_embedded(), pipeline))
