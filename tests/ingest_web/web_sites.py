"""The two outlets of the watcher tests, served by local `Site`s from the reports of `corpus`.

Outlet A (Kyiv Wire) links its pages from its feeds with tracking parameters and a trailing
slash, and names the canonical URL in each page; one feed link goes through a redirect.
Outlet B (Eastern Post) gives no canonical link."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from email.utils import format_datetime

from web_corpus import REPORTS, Report
from web_server import Site

REDIRECTED_SLUG = "sumy-drone-bus"


@dataclass(frozen=True)
class Outlets:
    a: Site
    b: Site

    @property
    def feeds(self) -> list[str]:
        return [self.a.url("/feeds/rss.xml"), self.a.url("/feeds/atom.xml"), self.b.url("/rss")]

    def canonical(self, report: Report) -> str:
        if report.outlet == "a":
            return self.a.url(f"/news/{report.slug}")
        return self.b.url(f"/story/{report.slug}.html")

    def feed_link(self, report: Report) -> str:
        if report.outlet == "b":
            return self.canonical(report)
        if report.slug == REDIRECTED_SLUG:
            return self.a.url(f"/go/{report.slug}")
        return self.a.url(f"/news/{report.slug}/?utm_source=rss&utm_medium=feed#top")

    def site(self, report: Report) -> Site:
        return self.a if report.outlet == "a" else self.b

    def page_path(self, report: Report) -> str:
        return f"/news/{report.slug}/" if report.outlet == "a" else f"/story/{report.slug}.html"


def page_html(report: Report, canonical: str | None, text: str | None = None) -> str:
    outlet = "Kyiv Wire" if report.outlet == "a" else "Eastern Post"
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in (text or report.text).split("\n\n"))
    link = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(report.title)} | {outlet}</title>
{link}<meta property="article:published_time" content="{report.published}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/war">War</a> <a href="/about">About us</a></nav>
<main><article><h1>{html.escape(report.title)}</h1><p class="byline">By the {outlet} staff</p>
{paragraphs}
</article></main>
<footer><p>Copyright 2025 {outlet}. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def _when(report: Report) -> dt.datetime:
    return dt.datetime.fromisoformat(report.published.replace("Z", "+00:00"))


def rss(title: str, link: str, entries: list[tuple[Report, str, str]]) -> str:
    """entries: (report, link, title shown)."""
    items = "\n".join(
        f"<item><title>{html.escape(shown)}</title><link>{html.escape(url)}</link>"
        f'<guid isPermaLink="false">{r.slug}</guid><pubDate>{format_datetime(_when(r))}</pubDate>'
        f"<description>{html.escape(r.text[:120])}</description></item>"
        for r, url, shown in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>{link}</link><description>News</description>
{items}
</channel></rss>"""


def atom(title: str, link: str, entries: list[tuple[Report, str, str]]) -> str:
    items = "\n".join(
        f'<entry><title>{html.escape(shown)}</title><link rel="alternate" href="{html.escape(url)}"/>'
        f"<id>urn:kyivwire:{r.slug}</id><published>{r.published}</published><updated>{r.published}</updated>"
        f"<summary>{html.escape(r.text[:120])}</summary></entry>"
        for r, url, shown in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:kyivwire</id>
<updated>2025-12-14T00:00:00Z</updated><link href="{link}"/>
{items}
</feed>"""


def publish(outlets: Outlets, reports: list[Report] = REPORTS, *, delay: float = 0.0) -> None:
    """Serve every report's page and the three feeds listing them."""
    for report in reports:
        canonical = outlets.canonical(report) if report.outlet == "a" else None
        outlets.site(report).put(outlets.page_path(report), page_html(report, canonical), delay=delay)
        if report.slug == REDIRECTED_SLUG:
            outlets.a.put(f"/go/{report.slug}", redirect=outlets.a.url(outlets.page_path(report)))
    publish_feeds(outlets, reports)


def publish_feeds(outlets: Outlets, reports: list[Report], titles: dict[str, str] | None = None) -> None:
    titles = titles or {}

    def entries(feed: str) -> list[tuple[Report, str, str]]:
        return [(r, outlets.feed_link(r), titles.get(r.slug, r.title)) for r in reports if r.feed == feed]

    outlets.a.put(
        "/feeds/rss.xml", rss("Kyiv Wire", outlets.a.url("/"), entries("rss")), content_type="application/rss+xml"
    )
    outlets.a.put(
        "/feeds/atom.xml", atom("Kyiv Wire", outlets.a.url("/"), entries("atom")), content_type="application/atom+xml"
    )
    outlets.b.put(
        "/rss",
        rss("Eastern Post", outlets.b.url("/"), entries("east")),
        content_type="application/rss+xml; charset=utf-8",
    )
