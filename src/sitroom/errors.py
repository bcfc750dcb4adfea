"""The error tree. Every message says what happened and what to do next."""

from __future__ import annotations


class SitroomError(Exception):
    """Base of every error sitroom raises on purpose."""


class ConfigError(SitroomError):
    """A setting is missing or wrong."""


class InputError(SitroomError):
    """An input file or document cannot be read."""


class StoreError(SitroomError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(SitroomError):
    """A requested record does not exist."""


class GazetteerError(SitroomError):
    """The gazetteer cannot be loaded or a place cannot be looked up."""
