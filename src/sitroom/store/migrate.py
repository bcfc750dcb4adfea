"""Alembic, configured in code: the migrations ship inside the package, no alembic.ini needed.

Alembic is imported only when a database is migrated, so importing sitroom.store stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection

from sitroom.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "sitroom.store:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for sitroom's migrations, bound to `connection` when given
    (env.py then migrates through it instead of opening its own)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "heads") -> None:
    """Migrate the database behind `connection` to `revision` (the newest by default)."""
    from alembic import command
    from alembic.util.exc import CommandError

    try:
        command.upgrade(alembic_config(connection), revision)
    except CommandError as exc:
        database = connection.engine.url.render_as_string(hide_password=True)
        raise StoreError(
            f"cannot migrate the database {database} ({exc}); if a newer sitroom wrote it, "
            "upgrade sitroom, else point SITROOM_DATABASE_URL at another database"
        ) from exc
