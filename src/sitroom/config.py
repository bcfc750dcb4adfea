"""Settings: one typed object, read from SITROOM_* environment variables, with defaults that need no set-up."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """Where sitroom keeps its files when nothing else is configured (per-user data directory)."""
    return user_data_path("sitroom", appauthor=False)


class Settings(BaseSettings):
    """Every setting sitroom reads. Each can be set as an environment variable SITROOM_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="SITROOM_", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Directory for sitroom's own files (the default SQLite database lives here).",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy database URL, e.g. postgresql+psycopg://user@127.0.0.1/sitroom. "
        "Default: a SQLite file sitroom.db in data_dir.",
    )

    def resolved_database_url(self) -> str:
        """The database URL to use: the configured one, else the SQLite file in data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'sitroom.db'}"
