"""Alembic environment: migrates the connection handed in by sitroom.store.migrate.

Run from the command line instead (e.g. `alembic revision --autogenerate`), it connects to the
URL in the configuration's `sqlalchemy.url` option.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from sitroom.errors import StoreError
from sitroom.store.tables import METADATA


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=METADATA,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if isinstance(connection, Connection):
        _migrate(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise StoreError(
            "no database to migrate: pass a connection through sitroom.store.migrate.upgrade() "
            "or set sqlalchemy.url in the Alembic configuration"
        )
    engine = create_engine(url)
    try:
        with engine.begin() as own_connection:
            _migrate(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise StoreError("offline (--sql) migrations are not supported; run them against a database")
run_migrations()
