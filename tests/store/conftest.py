"""Fixtures: a store on each test database (`database_url`, from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sitroom.store import Store


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    with Store.open(database_url) as opened:
        yield opened
