"""Ingest: files and folders -> Articles. A document that cannot be read becomes a Skip, not a crash."""

from sitroom.ingest.files import read_paths, read_records

__all__ = ["read_paths", "read_records"]
