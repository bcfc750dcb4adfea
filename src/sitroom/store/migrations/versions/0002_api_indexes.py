"""Indexes for the API's most common read: events in a time range and a map box.

Revision ID: 0002api
Revises: 0001
Create Date: 2026-11-25

The time filter of `sitroom.store.reads` asks for events that start in a range or end in it;
(date_start, date_end, lat, lon) and (date_end, date_start, lat, lon) make each of those one
narrow index range whose entries also answer the map box before any row is read. The index on
date_start alone goes: the first of the new ones serves its uses, and SQLite's planner would
pick it over them.
"""

from __future__ import annotations

from alembic import op

revision: str = "0002api"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.drop_index("ix_events_date_start", table_name="events")
    op.create_index("ix_events_date_start_date_end_lat_lon", "events", ["date_start", "date_end", "lat", "lon"])
    op.create_index("ix_events_date_end_date_start_lat_lon", "events", ["date_end", "date_start", "lat", "lon"])


def downgrade() -> None:
    op.drop_index("ix_events_date_end_date_start_lat_lon", table_name="events")
    op.drop_index("ix_events_date_start_date_end_lat_lon", table_name="events")
    op.create_index("ix_events_date_start", "events", ["date_start"])
