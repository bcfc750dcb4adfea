"""A database for the merge store tests: a fresh SQLite file, and PostgreSQL when
SITROOM_TEST_POSTGRES_URL is set (as in tests/store; its tables are dropped before each test)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sitroom.store.tables import METADATA

POSTGRES_URL_VARIABLE = "SITROOM_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'merge.db'}"
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"set {POSTGRES_URL_VARIABLE} to run the store tests on PostgreSQL")
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            METADATA.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        engine.dispose()
    return url
