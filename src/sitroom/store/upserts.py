"""Idempotent writes that both SQLite and PostgreSQL do in one statement (INSERT ... ON CONFLICT)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table

from sitroom.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

SUPPORTED_DIALECTS = ("sqlite", "postgresql")


def _insert(connection: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    from sqlalchemy.dialects import postgresql, sqlite

    name = connection.dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise StoreError(
        f"the {name} database is not supported; use a SQLite or PostgreSQL URL "
        "(sqlite:///path/to/sitroom.db or postgresql+psycopg://user@host/dbname)"
    )


def insert_new(connection: Connection, table: Table, row: dict[str, Any]) -> bool:
    """Insert `row` unless it clashes with a primary key or unique index; True if inserted."""
    stmt = _insert(connection, table).values(row).on_conflict_do_nothing().returning(*table.primary_key.columns)
    return connection.execute(stmt).first() is not None


def upsert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]], key: Sequence[str]) -> None:
    """Insert `rows`, or update every other column of the rows whose `key` columns exist."""
    if not rows:
        return
    stmt = _insert(connection, table)
    updates = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in key}
    connection.execute(stmt.on_conflict_do_update(index_elements=list(key), set_=updates), rows)
