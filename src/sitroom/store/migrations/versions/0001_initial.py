"""The initial schema: articles, mentions, events, event_sources, statements, places, runs.

Revision ID: 0001
Revises:
Create Date: 2025-11-25

A frozen snapshot: it spells every column out instead of importing sitroom.store.tables, so that
later changes to the tables need a migration of their own.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _fact_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(8), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_text", sa.Text(), nullable=True),
        sa.Column("place_start", sa.Integer(), nullable=True),
        sa.Column("place_end", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin1_code", sa.String(16), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("place_precision", sa.String(16), nullable=True),
        sa.Column("gazetteer_id", sa.String(), nullable=True),
        sa.Column("attacker", sa.String(), nullable=True),
        sa.Column("claimed_by", sa.String(), nullable=True),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("children_killed", sa.Integer(), nullable=True),
        sa.Column("children_injured", sa.Integer(), nullable=True),
        sa.Column("weapons", sa.JSON(), nullable=False),
        sa.Column("weapon_terms", sa.Text(), nullable=False),
        sa.Column("damage", sa.JSON(), nullable=False),
        sa.Column("damage_objects", sa.JSON(), nullable=False),
        sa.Column("outages", sa.JSON(), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.DateTime(timezone=True), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"], unique=True)
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        *_fact_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_mentions_article_id_articles"),
        sa.UniqueConstraint("article_id", "ordinal", name="uq_mentions_article_id_ordinal"),
    )

    op.create_table(
        "events",
        sa.Column("id", sa.String(16), nullable=False),
        *_fact_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_admin1_code", "events", ["admin1_code"])
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon"])

    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(16), nullable=False),
        sa.Column("mention_id", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "mention_id", name="pk_event_sources"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_event_sources_event_id_events"),
        sa.ForeignKeyConstraint(["mention_id"], ["mentions.id"], name="fk_event_sources_mention_id_mentions"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_event_sources_article_id_articles"),
    )
    op.create_index("ix_event_sources_article_id", "event_sources", ["article_id"])
    op.create_index("ix_event_sources_mention_id", "event_sources", ["mention_id"])

    op.create_table(
        "statements",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_statements"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_statements_article_id_articles"),
        sa.UniqueConstraint("article_id", "ordinal", name="uq_statements_article_id_ordinal"),
    )
    op.create_index("ix_statements_speaker", "statements", ["speaker"])

    op.create_table(
        "places",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lat", sa.Double(), nullable=False),
        sa.Column("lon", sa.Double(), nullable=False),
        sa.Column("country", sa.String(), nullable=False),
        sa.Column("admin1_code", sa.String(16), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("feature", sa.String(16), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
    )
    op.create_index("ix_places_name", "places", ["name"])
    op.create_index("ix_places_admin1_code", "places", ["admin1_code"])
    op.create_index("ix_places_lat_lon", "places", ["lat", "lon"])

    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("articles_read", sa.Integer(), nullable=False),
        sa.Column("articles_new", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("statements", sa.Integer(), nullable=False),
        sa.Column("skips", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )


def downgrade() -> None:
    op.drop_table("runs")
    op.drop_index("ix_places_lat_lon", table_name="places")
    op.drop_index("ix_places_admin1_code", table_name="places")
    op.drop_index("ix_places_name", table_name="places")
    op.drop_table("places")
    op.drop_index("ix_statements_speaker", table_name="statements")
    op.drop_table("statements")
    op.drop_index("ix_event_sources_mention_id", table_name="event_sources")
    op.drop_index("ix_event_sources_article_id", table_name="event_sources")
    op.drop_table("event_sources")
    op.drop_index("ix_events_lat_lon", table_name="events")
    op.drop_index("ix_events_admin1_code", table_name="events")
    op.drop_index("ix_events_type", table_name="events")
    op.drop_index("ix_events_date_start", table_name="events")
    op.drop_table("events")
    op.drop_table("mentions")
    op.drop_index("ix_articles_published", table_name="articles")
    op.drop_index("ix_articles_content_hash", table_name="articles")
    op.drop_table("articles")
