"""The store's side of watching the web: sources, the feed items already handled, fetched pages.

- `sources`: the feeds and sitemaps `sitroom watch` polls, with how their last poll went and
  the ETag / Last-Modified to send next time.
- `seen_items`: every feed or sitemap item handled, with the version (updated / lastmod) it had;
  an item is fetched again only when its version changes, or after a failure (a few times).
- `web_pages`: every fetched page by canonical URL: the article holding its text, the article
  it is a copy of (`duplicate_of`), its content hash and SimHash, how often it changed.

`save_item` writes an item's article, extraction, page, seen mark and its source's counter in
one transaction: a watcher killed at any moment has either done all of it or none of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, delete, select, update

from sitroom.model import Article, Extraction
from sitroom.store import rows
from sitroom.store.database import Store
from sitroom.store.tables import articles, seen_items, sources, web_pages
from sitroom.store.upserts import insert_new, upsert


class ItemStatus(StrEnum):
    """What became of one feed item or page."""

    STORED = "stored"  # a new article, extracted
    UPDATED = "updated"  # new text at a known URL: the text and its extraction replaced
    UNCHANGED = "unchanged"  # fetched again, same text
    DUPLICATE = "duplicate"  # a copy of an article stored earlier (kept, not extracted)
    SKIPPED = "skipped"  # not an article (too little text, not HTML), recorded and not retried
    FAILED = "failed"  # fetching failed; retried on later polls, up to SITROOM_MAX_ITEM_ATTEMPTS


@dataclass(frozen=True)
class WatchedSource:
    """A feed or sitemap and how polling it went."""

    url: str
    kind: str
    added_at: dt.datetime
    last_success: dt.datetime | None = None
    last_error: str | None = None
    last_error_at: dt.datetime | None = None
    items_seen: int = 0
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class SeenItem:
    url: str
    version: str
    status: ItemStatus
    attempts: int
    article_id: str | None
    source_url: str | None


@dataclass(frozen=True)
class WebPage:
    """A fetched page by canonical URL: where its text is stored and whose copy it is."""

    url: str
    final_url: str
    content_hash: str
    simhash: str
    article_id: str | None = None
    duplicate_of: str | None = None
    revisions: int = 1


@dataclass(frozen=True)
class ItemWrite:
    """Everything one handled item changes, written together by `save_item`.

    `article` is stored (inserted, or its text replaced when the page changed); `extraction`
    replaces the article's extraction (an empty one removes its events); `page` is upserted;
    `item_url` gets its seen mark; `new_for_source` adds one to the source's items_seen."""

    status: ItemStatus
    source_url: str | None = None
    item_url: str | None = None
    version: str = ""
    reason: str | None = None
    attempts: int = 0
    article: Article | None = None
    extraction: Extraction | None = None
    page: WebPage | None = None
    new_for_source: bool = False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else rows.to_utc(value)


# Sources ---------------------------------------------------------------------------------------


def add_source(store: Store, url: str, kind: str) -> bool:
    """Add a source to watch; True if it is new (an existing one is left as it is)."""
    row = {"url": url, "kind": kind, "added_at": _now(), "items_seen": 0}
    with store.transaction() as connection:
        return insert_new(connection, sources, row)


def remove_source(store: Store, url: str) -> bool:
    """Stop watching `url`; True if it was watched. Its items stay marked as seen."""
    with store.transaction() as connection:
        return bool(connection.execute(delete(sources).where(sources.c.url == url)).rowcount)


def list_sources(store: Store) -> list[WatchedSource]:
    """Every watched source, in the order they were added (the order they are polled in)."""
    with store.reading() as connection:
        result = connection.execute(select(sources).order_by(sources.c.added_at, sources.c.url)).mappings()
        return [_source(row) for row in result]


def _source(row: rows.ReadRow) -> WatchedSource:
    return WatchedSource(
        url=row["url"],
        kind=row["kind"],
        added_at=rows.to_utc(row["added_at"]),
        last_success=_utc(row["last_success"]),
        last_error=row["last_error"],
        last_error_at=_utc(row["last_error_at"]),
        items_seen=int(row["items_seen"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
    )


def record_success(
    store: Store, url: str, *, etag: str | None, last_modified: str | None, warning: str | None = None
) -> None:
    """A completed poll: its time, the validators for the next conditional GET, and a warning
    (a broken feed read in part, an item that failed) as the last error when there is one."""
    values: dict[str, object] = {"last_success": _now(), "etag": etag, "last_modified": last_modified}
    if warning:
        values.update(last_error=warning, last_error_at=_now())
    with store.transaction() as connection:
        connection.execute(update(sources).where(sources.c.url == url).values(**values))


def record_error(store: Store, url: str, error: str) -> None:
    """A failed poll (or item): the error and its time."""
    with store.transaction() as connection:
        connection.execute(update(sources).where(sources.c.url == url).values(last_error=error, last_error_at=_now()))


# Items and pages -------------------------------------------------------------------------------


def seen_item(store: Store, url: str) -> SeenItem | None:
    with store.reading() as connection:
        row = connection.execute(select(seen_items).where(seen_items.c.url == url)).mappings().first()
    if row is None:
        return None
    return SeenItem(
        row["url"],
        row["version"],
        ItemStatus(row["status"]),
        int(row["attempts"]),
        row["article_id"],
        row["source_url"],
    )


def web_page(store: Store, url: str) -> WebPage | None:
    with store.reading() as connection:
        row = connection.execute(select(web_pages).where(web_pages.c.url == url)).mappings().first()
    if row is None:
        return None
    return WebPage(
        url=row["url"],
        final_url=row["final_url"],
        content_hash=row["content_hash"],
        simhash=row["simhash"],
        article_id=row["article_id"],
        duplicate_of=row["duplicate_of"],
        revisions=int(row["revisions"]),
    )


def article_with_text(store: Store, content_hash: str) -> str | None:
    """The id of the stored article with exactly this text, if any."""
    with store.reading() as connection:
        found = connection.execute(select(articles.c.id).where(articles.c.content_hash == content_hash)).scalar()
    return None if found is None else str(found)


def stored_article(store: Store, article_id: str) -> Article | None:
    with store.reading() as connection:
        row = connection.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
    return None if row is None else rows.article_from_row(row)


def original_fingerprints(store: Store, *, exclude_url: str) -> list[tuple[str, int]]:
    """(article id, SimHash) of every fetched page that is an original (not a copy), first seen
    first: the candidates a new page may be a copy of."""
    query = (
        select(web_pages.c.article_id, web_pages.c.simhash)
        .where(web_pages.c.article_id.is_not(None), web_pages.c.duplicate_of.is_(None), web_pages.c.url != exclude_url)
        .order_by(web_pages.c.first_seen, web_pages.c.url)
    )
    with store.reading() as connection:
        return [(str(article_id), int(simhash, 16)) for article_id, simhash in connection.execute(query)]


def save_item(store: Store, write: ItemWrite) -> None:
    """Write everything of one item in one transaction (see ItemWrite)."""
    now = _now()
    with store.transaction() as connection:
        if write.article is not None:
            _put_article(connection, write.article, now)
            if write.extraction is not None:
                store.save_extraction(write.article, write.extraction, connection=connection)
        if write.page is not None:
            page = write.page
            row = {
                "url": page.url,
                "article_id": page.article_id,
                "duplicate_of": page.duplicate_of,
                "final_url": page.final_url,
                "content_hash": page.content_hash,
                "simhash": page.simhash,
                "first_seen": now,
                "updated_at": now,
                "revisions": page.revisions,
            }
            if not insert_new(connection, web_pages, row):
                del row["first_seen"]
                connection.execute(update(web_pages).where(web_pages.c.url == page.url).values(**row))
        if write.item_url is not None:
            upsert(
                connection,
                seen_items,
                [
                    {
                        "url": write.item_url,
                        "source_url": write.source_url,
                        "version": write.version,
                        "status": str(write.status),
                        "reason": write.reason,
                        "attempts": write.attempts,
                        "article_id": write.article.id if write.article is not None else None,
                        "seen_at": now,
                    }
                ],
                key=["url"],
            )
        if write.source_url is not None and write.new_for_source:
            connection.execute(
                update(sources).where(sources.c.url == write.source_url).values(items_seen=sources.c.items_seen + 1)
            )


def _put_article(connection: Connection, article: Article, now: dt.datetime) -> None:
    """Insert the article, or replace the text (and metadata) stored under its id."""
    row = rows.article_row(article, now)
    if insert_new(connection, articles, row):
        return
    del row["ingested_at"], row["id"]
    connection.execute(update(articles).where(articles.c.id == article.id).values(**row))
