"""The tables of the store, declared once with SQLAlchemy Core, portable to SQLite and PostgreSQL.

`METADATA` is a declaration, not state: nothing here connects to a database. The migrations in
`migrations/versions/` must produce exactly this schema (a test compares them); when you change a
table here, add a migration that makes the same change.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

METADATA = MetaData(naming_convention=NAMING_CONVENTION)


def fact_columns() -> list[Column[Any]]:
    """The columns of one event's facts, shared by `mentions` and `events` (new objects each call).

    A `model.Mention` flattened: its date, its place, its counts; lists as JSON.
    `weapon_terms` is derived: "|class|family|model|..." keys that the weapon filter matches.
    """
    return [
        Column("type", String(32), nullable=False),
        Column("date_start", Date, nullable=True),
        Column("date_end", Date, nullable=True),
        Column("date_precision", String(8), nullable=True),
        Column("date_text", Text, nullable=True),
        Column("place_name", Text, nullable=True),
        Column("place_text", Text, nullable=True),
        Column("place_start", Integer, nullable=True),
        Column("place_end", Integer, nullable=True),
        Column("lat", Double, nullable=True),
        Column("lon", Double, nullable=True),
        Column("admin1", Text, nullable=True),
        Column("admin1_code", String(16), nullable=True),
        Column("country", String, nullable=True),
        Column("place_precision", String(16), nullable=True),
        Column("gazetteer_id", String, nullable=True),
        Column("place_estimated", Boolean, nullable=True),
        Column("attacker", String, nullable=True),
        Column("claimed_by", String, nullable=True),
        Column("victims", String(16), nullable=True),
        Column("hits", Integer, nullable=True),
        Column("debris_locations", Integer, nullable=True),
        Column("lost_from_radar", Integer, nullable=True),
        Column("killed", Integer, nullable=True),
        Column("injured", Integer, nullable=True),
        Column("children_killed", Integer, nullable=True),
        Column("children_injured", Integer, nullable=True),
        Column("weapons", JSON, nullable=False),
        Column("weapon_terms", Text, nullable=False),
        Column("damage", JSON, nullable=False),
        Column("damage_objects", JSON, nullable=False),
        Column("outages", JSON, nullable=False),
        Column("parties", JSON, nullable=False),
        Column("evidence", JSON, nullable=False),
    ]


articles = Table(
    "articles",
    METADATA,
    Column("id", String, primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text, nullable=True),
    Column("published", DateTime(timezone=True), nullable=True),
    Column("url", Text, nullable=True),
    Column("language", String(16), nullable=True),
    Column("source", String, nullable=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("simhash", String(16), nullable=True),  # dedupe.simhash of the text, 16 hex digits (migration 0002merge)
    Index(None, "content_hash", unique=True),
    Index(None, "published"),
)

mentions = Table(
    "mentions",
    METADATA,
    Column("id", String(16), primary_key=True),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    *fact_columns(),
    UniqueConstraint("article_id", "ordinal"),
)

events = Table(
    "events",
    METADATA,
    Column("id", String(16), primary_key=True),
    *fact_columns(),
    Index(None, "type"),
    Index(None, "admin1_code"),
    Index(None, "lat", "lon"),
    # time + map box filters of the API (store/reads.py, migration 0002api, which dropped the
    # index on date_start alone: these serve its uses and SQLite would prefer it to them)
    Index(None, "date_start", "date_end", "lat", "lon"),
    Index(None, "date_end", "date_start", "lat", "lon"),
    Column("wave_id", String(16), nullable=True),  # events of one attack wave (migration 0002merge)
    Index(None, "wave_id"),
)

event_sources = Table(
    "event_sources",
    METADATA,
    Column("event_id", String(16), ForeignKey("events.id"), nullable=False),
    Column("mention_id", String(16), ForeignKey("mentions.id"), nullable=False),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("duplicate_of", String, nullable=True),  # a near-duplicate copy of this source article (0002merge)
    PrimaryKeyConstraint("event_id", "mention_id"),
    Index(None, "article_id"),
    Index(None, "mention_id"),
)

# An event's counts as its sources gave them: one model.Estimate a row, figures as
# [[article_id, value], ...] (migration 0002merge).
event_counts = Table(
    "event_counts",
    METADATA,
    Column("event_id", String(16), ForeignKey("events.id"), nullable=False),
    Column("name", String(64), nullable=False),
    Column("low", Integer, nullable=False),
    Column("best", Integer, nullable=False),
    Column("high", Integer, nullable=False),
    Column("figures", JSON, nullable=False),
    PrimaryKeyConstraint("event_id", "name"),
)

statements = Table(
    "statements",
    METADATA,
    Column("id", String(16), primary_key=True),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("speaker", Text, nullable=False),
    Column("role", Text, nullable=True),
    Column("affiliation", Text, nullable=True),
    Column("quote", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("evidence", JSON, nullable=False),
    UniqueConstraint("article_id", "ordinal"),
    Index(None, "speaker"),
)

places = Table(
    "places",
    METADATA,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("lat", Double, nullable=False),
    Column("lon", Double, nullable=False),
    Column("country", String, nullable=False),
    Column("admin1_code", String(16), nullable=True),
    Column("admin1", Text, nullable=True),
    Column("precision", String(16), nullable=False),
    Column("population", Integer, nullable=True),
    Column("feature", String(16), nullable=True),
    Column("aliases", JSON, nullable=False),
    Index(None, "name"),
    Index(None, "admin1_code"),
    Index(None, "lat", "lon"),
    Column("source", String, nullable=True),  # the imported GeoNames dump (migration 0002gazetteer)
    Column("estimated", Boolean, nullable=True),  # coordinates estimated (GeoNames postal accuracy 1)
    Column("admin2", Text, nullable=True),  # the raion as the imported dump names it
    Index(None, "source"),
    Index(None, "country"),
)

runs = Table(
    "runs",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("articles_read", Integer, nullable=False),
    Column("articles_new", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("events", Integer, nullable=False),
    Column("statements", Integer, nullable=False),
    Column("skips", JSON, nullable=False),
)

# Watching the web (sitroom watch, sitroom sources, sitroom ingest URL) ---------------------

sources = Table(
    "sources",
    METADATA,
    Column("url", Text, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("last_success", DateTime(timezone=True), nullable=True),
    Column("last_error", Text, nullable=True),
    Column("last_error_at", DateTime(timezone=True), nullable=True),
    Column("items_seen", Integer, nullable=False),
    Column("etag", Text, nullable=True),
    Column("last_modified", Text, nullable=True),
)

seen_items = Table(
    "seen_items",
    METADATA,
    Column("url", Text, primary_key=True),
    Column("source_url", Text, nullable=True),
    Column("version", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=True),
    Column("attempts", Integer, nullable=False),
    Column("article_id", String, nullable=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Index(None, "source_url"),
)

web_pages = Table(
    "web_pages",
    METADATA,
    Column("url", Text, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id"), nullable=True),
    Column("duplicate_of", String, ForeignKey("articles.id"), nullable=True),
    Column("final_url", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("simhash", String(16), nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("revisions", Integer, nullable=False),
    Index(None, "article_id"),
    Index(None, "content_hash"),
)
