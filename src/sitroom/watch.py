"""Watching sources: poll feeds and sitemaps, fetch their new items, run each page through
`live.run_page`, record how every source did. Nothing a source sends stops the watcher.

A poll of one source:
1. conditional GET of the feed (its stored ETag / Last-Modified); a 304 ends the poll;
2. the items it lists (a broken feed: what could be read, with the error as a warning);
3. each item not seen before, or whose version (updated / lastmod) changed, or that failed
   on an earlier poll (at most SITROOM_MAX_ITEM_ATTEMPTS times) is fetched and stored, with
   its seen mark, in one transaction;
4. the new ETag / Last-Modified are stored only when every item was handled, so that a poll
   cut short (a kill, a failure) is repeated in full next time: restart-safe.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.dedupe import DEFAULT_MAX_DISTANCE
from sitroom.errors import InputError, StoreError
from sitroom.ingest.feeds import FeedItem, Listing, SourceKind, guess_kind, parse_listing
from sitroom.ingest.fetch import FetchPolicy, HostPacer, fetch, open_client
from sitroom.ingest.identity import canonical_url, is_web_url
from sitroom.ingest.pages import read_page
from sitroom.live import ItemContext, ItemOutcome, record_skip, run_page
from sitroom.model import Skip
from sitroom.store import watching
from sitroom.store.watching import ItemStatus, WatchedSource

if TYPE_CHECKING:
    import httpx

    from sitroom.config import Settings
    from sitroom.extract.dispatch import ArticleExtractor
    from sitroom.store import Store

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
MAX_ITEMS_PER_POLL = 500
MAX_CHILD_SITEMAPS = 20
MAX_WARNINGS = 3


@dataclass(frozen=True)
class WatchOptions:
    """The limits of a watch; `from_settings` reads them from SITROOM_*."""

    policy: FetchPolicy = FetchPolicy()
    min_chars: int = 200
    max_item_attempts: int = 3
    max_distance: int = DEFAULT_MAX_DISTANCE

    @classmethod
    def from_settings(cls, settings: Settings) -> WatchOptions:
        return cls(
            policy=FetchPolicy.from_settings(settings),
            min_chars=settings.min_article_chars,
            max_item_attempts=settings.max_item_attempts,
        )


@dataclass(frozen=True)
class PollReport:
    """What one poll of one source did."""

    source_url: str
    listed: int = 0
    outcomes: tuple[ItemOutcome, ...] = ()
    not_modified: bool = False
    error: str | None = None
    warning: str | None = None


@dataclass(frozen=True)
class Worker:
    """What polling needs, built once per watch and passed in."""

    store: Store
    extractor: ArticleExtractor
    client: httpx.Client
    pacer: HostPacer
    options: WatchOptions


def read_sources_file(path: Path) -> list[tuple[str, SourceKind]]:
    """The sources of a file: one URL a line, optionally followed by `feed` or `sitemap`;
    blank lines and `#` comments ignored. InputError naming the line for anything else."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the sources file {path} ({exc}); give a text file, one URL a line") from exc
    found: list[tuple[str, SourceKind]] = []
    for number, line in enumerate(lines, 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if not is_web_url(words[0]) or len(words) > 2 or (len(words) == 2 and words[1] not in set(SourceKind)):
            raise InputError(f"{path}:{number}: expected 'URL [feed|sitemap]', got {line.strip()!r}")
        found.append((words[0], SourceKind(words[1]) if len(words) == 2 else guess_kind(words[0])))
    return found


def add_sources(store: Store, entries: Iterable[tuple[str, SourceKind]]) -> list[str]:
    """Register sources (those known stay as they are); their canonical URLs, in order."""
    urls = []
    for url, kind in entries:
        canonical = canonical_url(url)
        watching.add_source(store, canonical, str(kind))
        urls.append(canonical)
    return urls


def poll_sources(worker: Worker, urls: Sequence[str] | None = None) -> list[PollReport]:
    """Poll every watched source (or those of `urls`) once, in URL order."""
    chosen = watching.list_sources(worker.store)
    if urls is not None:
        wanted = set(urls)
        chosen = [s for s in chosen if s.url in wanted]
    return [poll_source(worker, source) for source in chosen]


def poll_source(worker: Worker, source: WatchedSource) -> PollReport:
    """Poll one source (see the module doc). Errors are recorded on the source, not raised;
    only a failing database (StoreError) propagates."""
    try:
        return _poll(worker, source)
    except StoreError:
        raise
    except Exception as exc:  # a source must never stop the watcher; recorded instead
        error = f"internal error while polling ({type(exc).__name__}: {exc})"
        watching.record_error(worker.store, source.url, error)
        return PollReport(source.url, error=error)


def _poll(worker: Worker, source: WatchedSource) -> PollReport:
    store, policy = worker.store, worker.options.policy
    response = fetch(
        worker.client,
        source.url,
        policy,
        worker.pacer,
        etag=source.etag,
        last_modified=source.last_modified,
        accept=FEED_ACCEPT,
    )
    if response.error is not None:
        watching.record_error(store, source.url, response.error)
        return PollReport(source.url, error=response.error)
    if response.not_modified:
        etag = response.etag or source.etag
        watching.record_success(
            store, source.url, etag=etag, last_modified=response.last_modified or source.last_modified
        )
        return PollReport(source.url, not_modified=True)
    listing = _listing(worker, SourceKind(source.kind), response.body, response.final_url, response.content_type)
    if not listing.items and listing.error:
        watching.record_error(store, source.url, listing.error)
        return PollReport(source.url, error=listing.error)
    warnings = [listing.error] if listing.error else []
    outcomes: list[ItemOutcome] = []
    complete = True
    for item in listing.items[:MAX_ITEMS_PER_POLL]:
        outcome = _handle_item(worker, source.url, item)
        if outcome is None:
            continue
        outcomes.append(outcome)
        if outcome.status is ItemStatus.FAILED:
            complete = False
        if outcome.reason and outcome.status in (ItemStatus.FAILED, ItemStatus.STORED, ItemStatus.UPDATED):
            warnings.append(f"{outcome.url}: {outcome.reason}")
    warning = "; ".join(warnings[:MAX_WARNINGS]) or None
    watching.record_success(
        store,
        source.url,
        etag=response.etag if complete else None,
        last_modified=response.last_modified if complete else None,
        warning=warning,
    )
    return PollReport(source.url, len(listing.items), tuple(outcomes), warning=warning)


def _listing(worker: Worker, kind: SourceKind, body: bytes, url: str, content_type: str | None) -> Listing:
    """The items of a feed or sitemap; a sitemap index's child sitemaps are fetched and read."""
    listing = parse_listing(body, kind=kind, base_url=url, content_type=content_type)
    if not listing.sitemaps:
        return listing
    items: list[FeedItem] = list(listing.items)
    errors = [listing.error] if listing.error else []
    for child in listing.sitemaps[:MAX_CHILD_SITEMAPS]:
        response = fetch(worker.client, child, worker.options.policy, worker.pacer, accept=FEED_ACCEPT)
        if response.error is not None:
            errors.append(f"{child}: {response.error}")
            continue
        part = parse_listing(response.body, kind=SourceKind.SITEMAP, base_url=response.final_url)
        items.extend(part.items)
        if part.error:
            errors.append(f"{child}: {part.error}")
    return Listing(items=tuple(dict.fromkeys(items)), error="; ".join(errors) or None)


def _handle_item(worker: Worker, source_url: str, item: FeedItem) -> ItemOutcome | None:
    """Fetch and store one item; None when it needs nothing (seen, same version)."""
    store, options = worker.store, worker.options
    seen = watching.seen_item(store, item.url)
    attempts = 0
    if seen is not None:
        if seen.status is ItemStatus.FAILED:
            if seen.attempts >= options.max_item_attempts:
                return None
            attempts = seen.attempts
        elif seen.version == item.version or seen.source_url != source_url:
            return None  # unchanged, or another source lists it too: that one follows its updates
    context = ItemContext(source_url, item.url, item.version, new_for_source=seen is None)
    response = fetch(worker.client, item.url, options.policy, worker.pacer, accept=PAGE_ACCEPT)
    if response.error is not None:
        return record_skip(store, Skip(item.url, "fetch", response.error), context, ItemStatus.FAILED, attempts + 1)
    page = read_page(response, min_chars=options.min_chars, published=item.published, title=item.title)
    if isinstance(page, Skip):
        return record_skip(store, page, context, ItemStatus.SKIPPED)
    return run_page(page, extractor=worker.extractor, store=store, context=context, max_distance=options.max_distance)


def watch(
    store: Store,
    extractor: ArticleExtractor,
    options: WatchOptions,
    *,
    urls: Sequence[str] | None = None,
    interval: float = 300.0,
    passes: int | None = None,
    on_pass: Callable[[list[PollReport]], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll the sources every `interval` seconds, `passes` times (None: until interrupted);
    the number of passes made. Each pass's reports go to `on_pass`. A database failure ends the
    pass (reported as a "(database)" error) and the next pass tries again; on the last pass it
    is raised."""
    done = 0
    with open_client(options.policy) as client:
        worker = Worker(store, extractor, client, HostPacer(options.policy.host_delay), options)
        while passes is None or done < passes:
            started = time.monotonic()
            try:
                reports = poll_sources(worker, urls)
            except StoreError as exc:  # the database failed (locked, restarting): retried next pass
                if passes is not None and done + 1 >= passes:
                    raise
                reports = [PollReport("(database)", error=str(exc))]
            done += 1
            if on_pass is not None:
                on_pass(reports)
            if passes is not None and done >= passes:
                break
            sleep(max(0.0, interval - (time.monotonic() - started)))
    return done
