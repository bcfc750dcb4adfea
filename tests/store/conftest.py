"""Fixtures: a store on a fresh SQLite file, and on PostgreSQL when SITROOM_TEST_POSTGRES_URL
is set (e.g. postgresql+psycopg://postgres@127.0.0.1/sitroom_test; its tables are dropped
before each test)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sitroom.store import Store
from sitroom.store.tables import METADATA

POSTGRES_URL_VARIABLE = "SITROOM_TEST_POSTGRES_URL"


def _drop_everything(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            METADATA.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: a SQLite file in a directory yet to be made, or the
    PostgreSQL database named by SITROOM_TEST_POSTGRES_URL (skipped when unset)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'sitroom.db'}"
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"set {POSTGRES_URL_VARIABLE} to run the store tests on PostgreSQL")
    _drop_everything(url)
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    with Store.open(database_url) as opened:
        yield opened
