"""Fetched web pages -> Articles: decoding, the canonical link, trafilatura, the article test.

A page that is not an article (not HTML, or too little text) becomes a Skip with the reason.
Bad bytes never raise: the declared charset is tried, then UTF-8, then detection, and in the
end undecodable bytes are replaced.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from sitroom.contract import parse_published
from sitroom.errors import InputError
from sitroom.ingest.fetch import Response
from sitroom.ingest.identity import canonical_url, url_article_id
from sitroom.model import Article, Skip

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "application/octet-stream"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """An article read from a page, with the URL it is known by (its canonical URL)."""

    article: Article
    canonical: str
    final_url: str


def decode(body: bytes, declared: str | None) -> str:
    """`body` as text: the declared charset, else a <meta charset>, else UTF-8, else detected.

    A declared charset that does not fit the bytes (a wrong header) is ignored; never raises."""
    candidates = [declared, _meta_charset(body), "utf-8"]
    for name in candidates:
        if name and _known(name):
            try:
                return body.decode(name)
            except (UnicodeDecodeError, LookupError):
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is not None:
        return str(best)
    return body.decode("utf-8", errors="replace")


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def canonical_link(html: str, base_url: str) -> str | None:
    """The absolute href of the page's <link rel="canonical">, if it has an http(s) one."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = str(link.get("href") or "").strip()
        if "canonical" in rel and href:
            absolute: str = urljoin(base_url, href)
            if absolute.startswith(("http://", "https://")):
                return absolute
    return None


def read_page(
    response: Response,
    *,
    min_chars: int,
    published: dt.datetime | None = None,
    title: str | None = None,
) -> Page | Skip:
    """The article of a fetched page, or a Skip saying why the page is not one.

    `published` and `title` (from the feed item, when there is one) are used where the page
    gives none; the feed's timestamp wins over a page date, which has no time of day."""
    import trafilatura

    if response.content_type and response.content_type not in HTML_TYPES:
        return Skip(response.final_url, "ingest", f"not a web page ({response.content_type})")
    html = decode(response.body, response.charset)
    canonical = canonical_url(canonical_link(html, response.final_url) or response.final_url)
    try:
        document = trafilatura.bare_extraction(html, url=canonical, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura on hostile markup: recorded, never fatal
        return Skip(response.final_url, "ingest", f"cannot read the page ({type(exc).__name__}: {exc})")
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text) < min_chars:
        return Skip(
            response.final_url,
            "ingest",
            f"not an article: {len(text)} characters of text, at least {min_chars} needed (SITROOM_MIN_ARTICLE_CHARS)",
        )
    page_date = getattr(document, "date", None)
    try:
        page_published = parse_published(page_date) if isinstance(page_date, str) else None
    except InputError:
        page_published = None
    article = Article(
        id=url_article_id(canonical),
        text=text,
        title=getattr(document, "title", None) or title or None,
        published=published or page_published,
        url=canonical,
        language=getattr(document, "language", None) or None,
        source=_host(canonical),
    )
    return Page(article=article, canonical=canonical, final_url=response.final_url)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc
