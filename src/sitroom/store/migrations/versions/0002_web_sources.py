"""Watching the web: sources (feeds, sitemaps), seen_items (feed items handled), web_pages.

Revision ID: 0002_web_sources
Revises: 0001
Create Date: 2026-11-25

A frozen snapshot of the three tables as sitroom.store.tables declares them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_web_sources"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_success", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("url", name="pk_sources"),
    )
    op.create_table(
        "seen_items",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("url", name="pk_seen_items"),
    )
    op.create_index("ix_seen_items_source_url", "seen_items", ["source_url"])
    op.create_table(
        "web_pages",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=True),
        sa.Column("duplicate_of", sa.String(), nullable=True),
        sa.Column("final_url", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("simhash", sa.String(16), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revisions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("url", name="pk_web_pages"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_web_pages_article_id_articles"),
        sa.ForeignKeyConstraint(["duplicate_of"], ["articles.id"], name="fk_web_pages_duplicate_of_articles"),
    )
    op.create_index("ix_web_pages_article_id", "web_pages", ["article_id"])
    op.create_index("ix_web_pages_content_hash", "web_pages", ["content_hash"])


def downgrade() -> None:
    op.drop_index("ix_web_pages_content_hash", table_name="web_pages")
    op.drop_index("ix_web_pages_article_id", table_name="web_pages")
    op.drop_table("web_pages")
    op.drop_index("ix_seen_items_source_url", table_name="seen_items")
    op.drop_table("seen_items")
    op.drop_table("sources")
