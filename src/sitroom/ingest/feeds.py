"""Feeds (RSS, Atom) and sitemaps -> the items they list.

Broken XML is read as far as it goes: feedparser's "bozo" flag and lxml's recovering parser
keep what they could parse and the error is returned with it, to be recorded on the source.
Every item URL is made absolute and canonical; an item's `version` (its updated / lastmod
time as the source gives it) tells a changed story from one already handled.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin

from sitroom.ingest.identity import canonical_url, is_web_url


class SourceKind(StrEnum):
    FEED = "feed"
    SITEMAP = "sitemap"


@dataclass(frozen=True)
class FeedItem:
    """One item a source lists: the page's canonical URL and what the source says about it."""

    url: str
    version: str = ""
    title: str | None = None
    published: dt.datetime | None = None


@dataclass(frozen=True)
class Listing:
    """What a source lists: its items in source order, child sitemaps, and a parse error if any."""

    items: tuple[FeedItem, ...] = ()
    sitemaps: tuple[str, ...] = ()
    error: str | None = None


def guess_kind(url: str) -> SourceKind:
    """A sitemap when the URL says so (".../sitemap...xml"), else a feed."""
    return SourceKind.SITEMAP if "sitemap" in url.lower() else SourceKind.FEED


def parse_listing(body: bytes, *, kind: SourceKind, base_url: str, content_type: str | None = None) -> Listing:
    """The items of a feed or sitemap document; never raises."""
    if kind is SourceKind.SITEMAP or _looks_like_sitemap(body):
        return parse_sitemap(body, base_url=base_url)
    return parse_feed(body, base_url=base_url, content_type=content_type)


def _looks_like_sitemap(body: bytes) -> bool:
    head = body[:1024].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_feed(body: bytes, *, base_url: str, content_type: str | None = None) -> Listing:
    import feedparser

    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser on hostile input: recorded, never fatal
        return Listing(error=f"cannot parse the feed ({type(exc).__name__}: {exc})")
    items: dict[str, FeedItem] = {}
    for entry in parsed.entries:
        link = entry.get("link") or _alternate(entry)
        if not isinstance(link, str) or not link.strip():
            continue
        absolute = urljoin(base_url, link.strip())
        if not is_web_url(absolute):
            continue
        url = canonical_url(absolute)
        version = _entry_version(entry)
        published = _struct_time(entry.get("published_parsed") or entry.get("updated_parsed"))
        title = entry.get("title")
        items.setdefault(url, FeedItem(url, version, title if isinstance(title, str) else None, published))
    error = None
    exception = parsed.get("bozo_exception")
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.get("bozo") and not isinstance(exception, benign):
        error = f"broken feed ({type(exception).__name__}: {exception}); kept the {len(items)} item(s) read"
        if not items and not parsed.get("version"):
            error = f"not a feed ({type(exception).__name__}: {exception})"
    elif not parsed.get("version") and not items:
        error = "not a feed: no RSS or Atom document found"
    return Listing(items=tuple(items.values()), error=error)


def _entry_version(entry: Any) -> str:
    """What changes when the source updates an entry: its updated (else published) time and a
    hash of its title and summary."""
    stamp = str(dict.get(entry, "updated") or dict.get(entry, "published") or "")
    words = f"{entry.get('title') or ''}\x1f{entry.get('summary') or ''}"
    return f"{stamp}|{hashlib.sha1(words.encode('utf-8')).hexdigest()[:12]}"


def _alternate(entry: object) -> str | None:
    links = getattr(entry, "get", lambda _k, _d=None: None)("links", None) or []
    for link in links:
        href = link.get("href") if hasattr(link, "get") else None
        if href and link.get("rel", "alternate") == "alternate":
            return str(href)
    return None


def _struct_time(value: object) -> dt.datetime | None:
    import time

    if not isinstance(value, time.struct_time):
        return None
    try:
        return dt.datetime(*value[:6], tzinfo=dt.UTC)
    except ValueError:
        return None


def parse_sitemap(body: bytes, *, base_url: str) -> Listing:
    """A urlset's pages (with lastmod) or a sitemap index's child sitemaps; recovers from bad XML."""
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        return Listing(error=f"not a sitemap ({exc})")
    if root is None:
        return Listing(error="not a sitemap: no XML found")
    error = None
    if parser.error_log:
        first = parser.error_log[0]
        error = f"broken sitemap (line {first.line}: {first.message}); kept what could be read"
    name = etree.QName(root).localname
    if name == "sitemapindex":
        children = [
            urljoin(base_url, loc.strip())
            for loc in root.xpath("//*[local-name()='sitemap']/*[local-name()='loc']/text()")
        ]
        return Listing(sitemaps=tuple(c for c in children if is_web_url(c)), error=error)
    if name != "urlset":
        return Listing(error=f"not a sitemap: the document is <{name}>, not <urlset> or <sitemapindex>")
    items: dict[str, FeedItem] = {}
    for node in root.xpath("//*[local-name()='url']"):
        locs = node.xpath("./*[local-name()='loc']/text()")
        if not locs:
            continue
        absolute = urljoin(base_url, str(locs[0]).strip())
        if not is_web_url(absolute):
            continue
        lastmod = node.xpath("./*[local-name()='lastmod']/text()")
        version = str(lastmod[0]).strip() if lastmod else ""
        url = canonical_url(absolute)
        items.setdefault(url, FeedItem(url, version))
    return Listing(items=tuple(items.values()), error=error)
