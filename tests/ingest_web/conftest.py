"""Fixtures of the watcher tests: two local outlets, a database (SQLite, and PostgreSQL when
SITROOM_TEST_POSTGRES_URL is set), and fast, polite-enough watch options."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).parent))

from web_server import running_site  # noqa: E402
from web_sites import Outlets  # noqa: E402

from sitroom.ingest.fetch import FetchPolicy  # noqa: E402
from sitroom.store.tables import METADATA  # noqa: E402
from sitroom.watch import WatchOptions  # noqa: E402

POSTGRES_URL_VARIABLE = "SITROOM_TEST_POSTGRES_URL"


@pytest.fixture
def outlets() -> Iterator[Outlets]:
    with running_site() as a, running_site() as b:
        yield Outlets(a, b)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'sitroom.db'}"
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"set {POSTGRES_URL_VARIABLE} to run the watcher tests on PostgreSQL")
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            METADATA.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        engine.dispose()
    return url


@pytest.fixture
def options() -> WatchOptions:
    return WatchOptions(policy=FetchPolicy(timeout=2.0, retries=1, backoff=0.0, host_delay=0.0), min_chars=150)
