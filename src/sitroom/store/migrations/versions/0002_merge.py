"""Merging: article fingerprints, attack waves, near-duplicate sources and count estimates.

Revision ID: 0002merge
Revises: 0001
Create Date: 2026-11-25

- articles.simhash: the SimHash of the text (sitroom.dedupe), 16 hex digits; filled in here for
  the articles already stored.
- events.wave_id: the wave (one night's attacks by one attacker) an event belongs to.
- event_sources.duplicate_of: the earlier source article a source nearly duplicates.
- event_counts: each count of an event as low / best / high with every source's figure.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002merge"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    from sitroom.dedupe import simhash

    op.add_column("articles", sa.Column("simhash", sa.String(16), nullable=True))
    op.add_column("events", sa.Column("wave_id", sa.String(16), nullable=True))
    op.create_index("ix_events_wave_id", "events", ["wave_id"])
    op.add_column("event_sources", sa.Column("duplicate_of", sa.String(), nullable=True))
    op.create_table(
        "event_counts",
        sa.Column("event_id", sa.String(16), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("low", sa.Integer(), nullable=False),
        sa.Column("best", sa.Integer(), nullable=False),
        sa.Column("high", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_event_counts_event_id_events"),
        sa.PrimaryKeyConstraint("event_id", "name", name="pk_event_counts"),
    )
    articles = sa.table("articles", sa.column("id", sa.String()), sa.column("text", sa.Text()), sa.column("simhash"))
    connection = op.get_bind()
    stored = connection.execute(sa.select(articles.c.id, articles.c.text)).all()
    for article_id, text in stored:
        connection.execute(
            sa.update(articles).where(articles.c.id == article_id).values(simhash=f"{simhash(text):016x}")
        )


def downgrade() -> None:
    op.drop_table("event_counts")
    with op.batch_alter_table("event_sources") as batch:
        batch.drop_column("duplicate_of")
    op.drop_index("ix_events_wave_id", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("wave_id")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("simhash")
