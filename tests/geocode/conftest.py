"""Shared fixtures: the real embedded gazetteer and a real blank English spaCy pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sitroom.geocode.gazetteer import Gazetteer, load_embedded
from sitroom.geocode.resolve import Geocoder


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_embedded()


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="session")
def geocoder(gazetteer: Gazetteer, nlp: Language) -> Geocoder:
    return Geocoder(gazetteer, nlp)
