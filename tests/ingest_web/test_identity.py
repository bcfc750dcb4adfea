"""Canonical URLs, ids from them, near duplicates, sources files and feed parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.dedupe import simhash
from sitroom.errors import InputError
from sitroom.ingest.feeds import SourceKind, guess_kind, parse_feed, parse_sitemap
from sitroom.ingest.identity import canonical_url, is_web_url, near_duplicate_of, url_article_id
from sitroom.ingest.pages import canonical_link, decode
from sitroom.watch import read_sources_file


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://News.Example.COM:443/a/b/?utm_source=x&id=2&fbclid=1#top", "https://news.example.com/a/b?id=2"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x/", "http://example.com:8080/x"),
        ("https://example.com/story?b=2&a=1&gclid=z&ref=home&utm_campaign=c", "https://example.com/story?a=1&b=2"),
        ("https://example.com/", "https://example.com/"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical
    assert canonical_url(canonical) == canonical


def test_article_id_depends_on_the_canonical_url_only() -> None:
    a = url_article_id(canonical_url("https://x.org/news/1/?utm_medium=rss"))
    assert a == url_article_id(canonical_url("https://X.org/news/1#comments"))
    assert a.startswith("web-") and a != url_article_id("https://x.org/news/2")


def test_near_duplicates_match_the_first_close_candidate() -> None:
    text = "Russian drones struck an apartment block in Kharkiv overnight, injuring nine people, the mayor said."
    copy = text + " (Kyiv Wire)"
    other = "Two people were killed when a missile hit the port of Odesa on Monday, officials said."
    candidates = [("other", simhash(other)), ("first", simhash(text)), ("second", simhash(text))]
    assert near_duplicate_of(simhash(copy), candidates) == "first"
    assert near_duplicate_of(simhash(other + " More later."), candidates[1:]) is None
    assert near_duplicate_of(0, candidates) is None


def test_is_web_url_and_guess_kind() -> None:
    assert is_web_url("https://x.org/feed") and not is_web_url("feeds/file.html")
    assert guess_kind("https://x.org/sitemap-news.xml") is SourceKind.SITEMAP
    assert guess_kind("https://x.org/rss") is SourceKind.FEED


def test_sources_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.txt"
    path.write_text("# outlets\nhttps://a.org/rss\n\nhttps://b.org/news.xml sitemap  # B\n", encoding="utf-8")
    assert read_sources_file(path) == [("https://a.org/rss", SourceKind.FEED), ("https://b.org/news.xml", "sitemap")]
    path.write_text("a.org/rss\n", encoding="utf-8")
    with pytest.raises(InputError, match="sources.txt:1"):
        read_sources_file(path)


def test_feed_items_are_absolute_canonical_and_deduplicated() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>One</title><link>/news/1/?utm_source=rss</link><pubDate>Mon, 01 Dec 2025 06:00:00 GMT</pubDate></item>
    <item><title>One again</title><link>https://x.org/news/1</link></item>
    <item><title>No link</title></item></channel></rss>"""
    listing = parse_feed(body, base_url="https://X.org/feed")
    assert listing.error is None
    assert [i.url for i in listing.items] == ["https://x.org/news/1"]
    assert listing.items[0].published is not None and listing.items[0].published.day == 1


def test_broken_feed_keeps_what_was_read() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>One</title><link>https://x.org/1</link></item>
    <item><title>Two & three</title><link>https://x.org/2</link></item><item><title>cut"""
    listing = parse_feed(body, base_url="https://x.org/feed")
    assert "broken feed" in (listing.error or "")
    assert [i.url for i in listing.items][:1] == ["https://x.org/1"]


def test_sitemap_index_and_urlset() -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.org/sitemap-1.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index, base_url="https://x.org/").sitemaps == ("https://x.org/sitemap-1.xml",)
    urlset = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://x.org/a/</loc><lastmod>2025-12-01</lastmod></url><url><loc>ftp://x.org/b</loc></url></urlset>"""
    listing = parse_sitemap(urlset, base_url="https://x.org/")
    assert [(i.url, i.version) for i in listing.items] == [("https://x.org/a", "2025-12-01")]
    assert parse_sitemap(
        b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>", base_url="https://x.org/"
    ).error


def test_decode_uses_the_declared_charset_else_detects() -> None:
    text = "Шахеди атакували Харків уночі, поранено дев'ятьох людей. " * 5
    assert decode(text.encode("cp1251"), "windows-1251") == text
    assert decode(text.encode("cp1251"), "utf-8") == text  # a wrong header is ignored
    assert decode(text.encode("utf-8"), None) == text
    assert decode(b"\xff\xfe\x00broken \x80\x81", "no-such-charset")  # never raises


def test_canonical_link() -> None:
    html = '<html><head><link rel="Canonical" href="/news/1?utm_source=x"></head><body></body></html>'
    assert canonical_link(html, "https://x.org/amp/news/1") == "https://x.org/news/1?utm_source=x"
    assert (
        canonical_link("<html><head><link rel=canonical href='javascript:x'></head></html>", "https://x.org/") is None
    )
