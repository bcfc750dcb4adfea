"""Opening a database: URL checks, the SQLite file's directory, driver and connection errors.

SQLite connections get foreign keys switched on and real transactions (BEGIN at the start of
each transaction, also around schema changes), so that a write killed half way leaves nothing;
connections opened with WRITE_OPTIONS take the write lock when they begin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from sitroom.errors import StoreError
from sitroom.store.upserts import SUPPORTED_DIALECTS

_DRIVER_PACKAGES = {
    "postgresql": "psycopg2-binary",
    "postgresql+psycopg2": "psycopg2-binary",
    "postgresql+psycopg": "psycopg[binary]",
    "postgresql+pg8000": "pg8000",
}

URL_EXAMPLES = "sqlite:////path/to/sitroom.db or postgresql+psycopg://user@host/sitroom"


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL of a SQLite or PostgreSQL database, or StoreError saying what to fix."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"the database URL cannot be read ({exc}); give a SQLAlchemy URL such as "
            f"{URL_EXAMPLES} (setting SITROOM_DATABASE_URL)"
        ) from exc
    if parsed.get_backend_name() not in SUPPORTED_DIALECTS:
        raise StoreError(
            f"the database {parsed.render_as_string(hide_password=True)} is not supported; "
            f"use SQLite or PostgreSQL, e.g. {URL_EXAMPLES}"
        )
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for an in-memory or `file:` URI database."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:") or url.query.get("uri") == "true":
        return None
    return Path(database).expanduser()


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the directory {path.parent} for the database ({exc}); choose a "
            "writable location with SITROOM_DATA_DIR or SITROOM_DATABASE_URL"
        ) from exc


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event below start transactions instead of the sqlite3 module,
    # which would skip BEGIN before schema changes and SELECTs.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


WRITE_OPTIONS = {"sitroom_sqlite_begin": "BEGIN IMMEDIATE"}
"""Execution options for a connection that will write: on SQLite its transactions take the
write lock at BEGIN, so that two writers wait for each other instead of failing half way."""


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql(connection.get_execution_options().get("sitroom_sqlite_begin", "BEGIN"))


def create_store_engine(url: str) -> Engine:
    """An Engine for `url` (no connection opened yet); creates a SQLite file's directory."""
    parsed = parse_url(url)
    path = sqlite_path(parsed)
    if path is not None:
        _make_parent(path)
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ImportError) as exc:
        package = _DRIVER_PACKAGES.get(parsed.drivername)
        todo = f"install it with: pip install '{package}'" if package else "install the Python package of that driver"
        raise StoreError(f"the database driver for {parsed.drivername} is missing ({exc}); {todo}") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def describe(engine: Engine) -> str:
    """The engine's URL for messages, without its password."""
    return engine.url.render_as_string(hide_password=True)
