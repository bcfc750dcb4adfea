"""The dataflow for one fetched page: identity, then nlp + extract + geocode + time, then store.

`run_page` is `pipeline.run` for a page from the web. Its identity rules:

- The article id comes from the page's canonical URL (`<link rel=canonical>`, else the URL
  after redirects, normalised by `ingest.identity.canonical_url`).
- Same URL, same text: nothing changes (status "unchanged").
- Same URL, new text (an updated story): the stored text is replaced and the article is
  extracted again; its old mentions, statements and events are replaced (status "updated").
  The previous text is not kept; `web_pages.revisions` counts the versions seen.
- A text equal to a stored article's, or within the SimHash distance of a page stored earlier
  (a syndicated copy on another outlet): kept, marked `duplicate_of` the first, and not
  extracted, so its events count once (status "duplicate"). An exact copy stores no second
  article row, since articles are unique by content.

The page, its article, extraction, seen mark and the source's counter land in one transaction.
`ingest_urls` is `sitroom ingest URL...`: fetch each page and run it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitroom import pipeline
from sitroom.dedupe import DEFAULT_MAX_DISTANCE, simhash
from sitroom.ingest.fetch import FetchPolicy, HostPacer, fetch, open_client
from sitroom.ingest.identity import canonical_url, fingerprint_hex, near_duplicate_of
from sitroom.ingest.pages import Page, read_page
from sitroom.model import Extraction, Skip
from sitroom.store import watching
from sitroom.store.watching import ItemStatus, ItemWrite, WebPage

if TYPE_CHECKING:
    from sitroom.extract.dispatch import ArticleExtractor
    from sitroom.store import Store


@dataclass(frozen=True)
class ItemOutcome:
    """What became of one item or page."""

    url: str
    status: ItemStatus
    article_id: str | None = None
    duplicate_of: str | None = None
    mentions: int = 0
    reason: str | None = None


@dataclass(frozen=True)
class ItemContext:
    """Where a page came from: its source and item (None for `sitroom ingest URL`)."""

    source_url: str | None = None
    item_url: str | None = None
    version: str = ""
    new_for_source: bool = False


def run_page(
    page: Page,
    *,
    extractor: ArticleExtractor,
    store: Store,
    context: ItemContext | None = None,
    max_distance: int = DEFAULT_MAX_DISTANCE,
) -> ItemOutcome:
    """Store a fetched page by the identity rules of this module; the outcome."""
    context = context or ItemContext()
    article = page.article
    known = watching.web_page(store, page.canonical)
    fingerprint = fingerprint_hex(simhash(article.text))
    record = WebPage(
        url=page.canonical,
        final_url=page.final_url,
        content_hash=article.content_hash,
        simhash=fingerprint,
        article_id=article.id,
        revisions=1 if known is None else known.revisions + (known.content_hash != article.content_hash),
    )
    write = ItemWrite(
        status=ItemStatus.STORED,
        source_url=context.source_url,
        item_url=context.item_url,
        version=context.version,
        new_for_source=context.new_for_source,
    )
    if known is not None and known.content_hash == article.content_hash:
        outcome = ItemOutcome(page.canonical, ItemStatus.UNCHANGED, known.article_id, known.duplicate_of)
        watching.save_item(store, replace(write, status=ItemStatus.UNCHANGED))
        return outcome
    exact = watching.article_with_text(store, article.content_hash)
    original = exact if exact != article.id else None
    if original is None:
        candidates = watching.original_fingerprints(store, exclude_url=page.canonical)
        original = near_duplicate_of(int(fingerprint, 16), candidates, max_distance)
    if original is not None:
        stored = None if exact else article
        if stored is None and known is not None and known.article_id is not None:
            stored = watching.stored_article(store, known.article_id)  # its events must go
        record = replace(record, duplicate_of=original, article_id=stored.id if stored else None)
        empty = Extraction(article_id=stored.id if stored else article.id)
        watching.save_item(
            store,
            replace(write, status=ItemStatus.DUPLICATE, article=stored, extraction=empty, page=record),
        )
        return ItemOutcome(page.canonical, ItemStatus.DUPLICATE, stored.id if stored else None, original)
    status = ItemStatus.STORED if known is None else ItemStatus.UPDATED
    reason = None
    try:
        extraction = pipeline.read_article(article, extractor)
    except Exception as exc:  # one bad document must not stop a run; it is recorded instead
        extraction, reason = Extraction(article_id=article.id), f"extract: {type(exc).__name__}: {exc}"
    watching.save_item(
        store, replace(write, status=status, reason=reason, article=article, extraction=extraction, page=record)
    )
    return ItemOutcome(page.canonical, status, article.id, None, len(extraction.mentions), reason)


def record_skip(store: Store, skip: Skip, context: ItemContext, status: ItemStatus, attempts: int = 0) -> ItemOutcome:
    """Record an item that yielded no article (not an article, or fetching failed) as seen."""
    if context.item_url is not None:
        write = ItemWrite(
            status=status,
            source_url=context.source_url,
            item_url=context.item_url,
            version=context.version,
            reason=skip.reason,
            attempts=attempts,
            new_for_source=context.new_for_source,
        )
        watching.save_item(store, write)
    return ItemOutcome(skip.source, status, reason=skip.reason)


def ingest_urls(
    urls: Iterable[str],
    *,
    extractor: ArticleExtractor,
    store: Store,
    policy: FetchPolicy,
    min_chars: int,
) -> list[ItemOutcome]:
    """`sitroom ingest URL...`: fetch every page and store it (see `run_page`); failures are
    outcomes with a reason, never exceptions."""
    outcomes: list[ItemOutcome] = []
    pacer = HostPacer(policy.host_delay)
    with open_client(policy) as client:
        for url in urls:
            response = fetch(client, url, policy, pacer, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
            if response.error is not None:
                outcomes.append(ItemOutcome(canonical_url(url), ItemStatus.FAILED, reason=response.error))
                continue
            page = read_page(response, min_chars=min_chars)
            if isinstance(page, Skip):
                outcomes.append(ItemOutcome(canonical_url(url), ItemStatus.SKIPPED, reason=page.reason))
                continue
            outcomes.append(run_page(page, extractor=extractor, store=store))
    return outcomes
