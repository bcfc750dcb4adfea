"""Fixtures of the watcher tests: two local outlets, a database (SQLite, and PostgreSQL when
SITROOM_TEST_POSTGRES_URL is set), and fast, polite-enough watch options."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from web_server import running_site  # noqa: E402
from web_sites import Outlets  # noqa: E402

from sitroom.ingest.fetch import FetchPolicy  # noqa: E402
from sitroom.watch import WatchOptions  # noqa: E402


@pytest.fixture
def outlets() -> Iterator[Outlets]:
    with running_site() as a, running_site() as b:
        yield Outlets(a, b)


@pytest.fixture
def options() -> WatchOptions:
    return WatchOptions(policy=FetchPolicy(timeout=2.0, retries=1, backoff=0.0, host_delay=0.0), min_chars=150)
