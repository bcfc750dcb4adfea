"""Deterministic ids: the same content always gets the same id (16 hex characters of a SHA-1)."""

from __future__ import annotations

from hashlib import sha1

from sitroom.model import Mention

ID_LENGTH = 16


def content_id(*parts: str) -> str:
    """A short stable id for the given parts (joined with the ASCII unit separator)."""
    joined = "\x1f".join(parts)
    return sha1(joined.encode("utf-8")).hexdigest()[:ID_LENGTH]


def mention_id(article_id: str, index: int) -> str:
    """The id of the `index`-th mention extracted from an article."""
    return content_id("mention", article_id, str(index))


def statement_id(article_id: str, index: int) -> str:
    """The id of the `index`-th statement extracted from an article."""
    return content_id("statement", article_id, str(index))


def event_id(article_id: str, index: int, mention: Mention) -> str:
    """The id of the event first reported as the `index`-th mention of an article.

    SHA-1 of article id, mention index, event type and gazetteer id of the place ("" when the
    mention has no place), shortened to 16 hex characters.
    """
    place_id = mention.location.gazetteer_id if mention.location else ""
    return content_id(article_id, str(index), str(mention.type), place_id)
