"""Builds the heavy objects once (spaCy pipeline, gazetteer, geocoder, extractor) for the edges."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitroom.config import Settings
    from sitroom.extract.dispatch import MultilingualExtractor


def build_extractor(settings: Settings) -> MultilingualExtractor:
    """The English Extractor and the Ukrainian one, sharing the gazetteer (the embedded one plus the
    places imported into the configured database, `geocode.sources.load_gazetteer`), behind the
    language dispatch (`extract.dispatch`)."""
    from sitroom import nlp
    from sitroom.extract import Extractor
    from sitroom.extract.dispatch import MultilingualExtractor
    from sitroom.extract.uk import UkrainianExtractor
    from sitroom.geocode.resolve import Geocoder
    from sitroom.geocode.sources import load_gazetteer

    gazetteer = load_gazetteer(settings.resolved_database_url(), settings.codifier_file)  # embedded + imported
    english = nlp.build()
    ukrainian = nlp.build("uk")
    return MultilingualExtractor(
        Extractor(english, Geocoder(gazetteer, english)),
        {"uk": UkrainianExtractor(ukrainian, Geocoder(gazetteer, ukrainian))},
    )
