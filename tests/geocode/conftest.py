"""Shared fixtures: the real embedded gazetteer, a real blank English spaCy pipeline, empty databases
(SQLite, and PostgreSQL when SITROOM_TEST_POSTGRES_URL is set) and the real postal dump imported."""

from __future__ import annotations

from pathlib import Path

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


# Databases and imported gazetteers ------------------------------------------------------------

POSTAL_DUMP = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "geonames_postal_UA.txt"

# `database_url` (SQLite, and PostgreSQL when SITROOM_TEST_POSTGRES_URL is set) comes from
# tests/conftest.py.


@pytest.fixture(scope="session")
def postal_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database with ../shared/data/geonames_postal_UA.txt imported, once a session."""
    from sitroom.geocode.sources import import_dump

    if not POSTAL_DUMP.is_file():
        pytest.skip(f"{POSTAL_DUMP} is absent (the GeoNames postal dump of Ukraine; CI has it)")
    url = f"sqlite:///{tmp_path_factory.mktemp('postal') / 'sitroom.db'}"
    import_dump(POSTAL_DUMP, url)
    return url


@pytest.fixture(scope="session")
def postal_geocoder(postal_database: str, nlp: Language) -> Geocoder:
    from sitroom.geocode.sources import load_gazetteer

    return Geocoder(load_gazetteer(postal_database), nlp)
