"""Opening a store: the schema is created by the migrations and matches the table metadata."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from store_values import ARTICLE_A

from sitroom.errors import StoreError
from sitroom.store import Store
from sitroom.store.tables import METADATA

TABLES = {"articles", "mentions", "events", "event_sources", "statements", "places", "runs"}


def test_open_creates_the_schema(store: Store) -> None:
    names = set(inspect(store.engine).get_table_names())
    assert TABLES | {"alembic_version"} <= names
    assert store.counts() == {"articles": 0, "mentions": 0, "events": 0, "statements": 0}


def test_migrations_produce_the_table_metadata(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, METADATA) == []


def test_migrations_reach_the_newest_revision(store: Store) -> None:
    with store.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    from alembic.script import ScriptDirectory

    from sitroom.store.migrate import alembic_config

    assert current == set(ScriptDirectory.from_config(alembic_config()).get_heads())


def test_reopening_keeps_the_data(database_url: str) -> None:
    with Store.open(database_url) as first:
        assert first.add_article(ARTICLE_A)
    with Store.open(database_url) as second:
        assert second.counts()["articles"] == 1


def test_open_creates_the_sqlite_file_and_its_directory(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "sitroom.db"
    with Store.open(f"sqlite:///{path}"):
        pass
    assert path.is_file()


def test_open_in_memory_sqlite() -> None:
    with Store.open("sqlite://") as store:
        assert store.counts()["events"] == 0


@pytest.mark.parametrize(
    ("url", "advice"),
    [
        ("not a url", "SITROOM_DATABASE_URL"),
        ("mysql://user@localhost/sitroom", "SQLite or PostgreSQL"),
        ("postgresql+pg8000://user@127.0.0.1/sitroom", "pip install 'pg8000'"),
    ],
)
def test_open_explains_a_bad_url(url: str, advice: str) -> None:
    with pytest.raises(StoreError, match=advice):
        Store.open(url)


def test_open_explains_an_unwritable_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="writable"):
        Store.open(f"sqlite:///{blocker / 'sub' / 'sitroom.db'}")


def test_open_explains_a_database_from_a_newer_sitroom(database_url: str) -> None:
    with Store.open(database_url) as store, store.engine.begin() as connection:
        connection.execute(text("DELETE FROM alembic_version"))  # one row per head
        connection.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999')"))
    with pytest.raises(StoreError, match="upgrade sitroom"):
        Store.open(database_url)


def test_import_opens_nothing_and_loads_no_alembic() -> None:
    code = "import sys, sitroom.store; sys.exit(sorted({'alembic', 'sqlite3'} & set(sys.modules)) != [])"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0
