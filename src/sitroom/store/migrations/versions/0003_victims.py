"""Who the victims were, and the Air Force's hits, debris and radar losses, on mentions and events.

Revision ID: 0003
Revises: 0002api, 0002gazetteer, 0002merge, 0002_web_sources
Create Date: 2026-11-26

- victims: "civilian" or "military" when the report says who the killed and injured were.
- place_estimated: the place's coordinates are an estimate (a village of the KATOTTG codifier
  placed at its hromada's seat, a postal code at its raion's centre).
- hits, debris_locations, lost_from_radar: the Ukrainian Air Force's counts of locations hit,
  locations where debris fell, and weapons lost from radar (`sitroom.extract.uk`), which the
  store did not keep before.
Also joins the four branches of 0002 into one head.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: tuple[str, ...] = ("0002api", "0002gazetteer", "0002merge", "0002_web_sources")
branch_labels: str | None = None
depends_on: str | None = None

_TABLES = ("mentions", "events")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column("victims", sa.String(16), nullable=True))
        op.add_column(table, sa.Column("hits", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column("debris_locations", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column("lost_from_radar", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column("place_estimated", sa.Boolean(), nullable=True))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("place_estimated")
            batch.drop_column("lost_from_radar")
            batch.drop_column("debris_locations")
            batch.drop_column("hits")
            batch.drop_column("victims")
