"""Alembic migrations of the store (env.py and versions/); run by sitroom.store.migrate."""
