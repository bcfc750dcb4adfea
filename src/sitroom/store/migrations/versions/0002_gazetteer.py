"""Imported gazetteers: where each place of the `places` table came from.

Revision ID: 0002gazetteer
Revises: 0001
Create Date: 2026-11-25

- places.source: the name of the GeoNames dump a place was imported from ("UA.txt",
  "geonames_postal_UA.txt"); re-importing a file replaces its rows (`sitroom.store.places`).
- places.estimated: the coordinates are an estimate (a postal code placed at its raion's centre).
- places.admin2: the raion as the dump names it ("Polohivskyi"), which "X, Polohy raion" matches.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002gazetteer"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("places", sa.Column("source", sa.String(), nullable=True))
    op.add_column("places", sa.Column("estimated", sa.Boolean(), nullable=True))
    op.add_column("places", sa.Column("admin2", sa.Text(), nullable=True))
    op.create_index("ix_places_source", "places", ["source"])
    op.create_index("ix_places_country", "places", ["country"])


def downgrade() -> None:
    op.drop_index("ix_places_country", table_name="places")
    op.drop_index("ix_places_source", table_name="places")
    with op.batch_alter_table("places") as batch:
        batch.drop_column("admin2")
        batch.drop_column("estimated")
        batch.drop_column("source")
