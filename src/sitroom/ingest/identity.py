"""Article identity on the web: canonical URLs, the ids derived from them, and near duplicates.

- `canonical_url` makes the many spellings of one page one string: scheme and host lowercased,
  default ports, fragments and tracking parameters (utm_*, fbclid, gclid, ref, ...) dropped,
  the remaining query parameters sorted, a trailing slash removed (except on the root path).
- `url_article_id` is the article id of a fetched page: derived from its canonical URL only,
  so a story updated at the same URL keeps its id (the update replaces the stored text and its
  extraction) while the same story at another URL is another article.
- `near_duplicate_of` finds the first stored article a text is a near copy of (SimHash from
  `sitroom.dedupe`), so that syndicated copies on other outlets are kept but counted once.
"""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import sha1
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sitroom.dedupe import DEFAULT_MAX_DISTANCE, distance

TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "ref_url",
        "_ga",
        "_gl",
        "cmpid",
        "ncid",
        "ocid",
        "spm",
        "share",
        "at_medium",
        "at_campaign",
    }
)
"""Query parameters that say how a reader arrived, not which page they read."""

TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")

DEFAULT_PORTS = {"http": 80, "https": 443}


def is_web_url(value: str) -> bool:
    """True for an http:// or https:// URL (what `sitroom ingest` fetches instead of reading a file)."""
    return value.strip().lower().startswith(("http://", "https://"))


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The canonical form of `url` (see the module docstring); idempotent."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def host_of(url: str) -> str:
    """The host (with a non-default port) of `url`, lowercased: the unit of the per-host rate limit."""
    return urlsplit(canonical_url(url)).netloc


def url_article_id(canonical: str) -> str:
    """The article id of the page at canonical URL `canonical` ("web-" and 16 hex characters)."""
    return "web-" + sha1(canonical.encode("utf-8")).hexdigest()[:16]


def fingerprint_hex(value: int) -> str:
    """A 64-bit SimHash as 16 hex characters (how it is stored)."""
    return f"{value:016x}"


def near_duplicate_of(
    fingerprint: int,
    candidates: Iterable[tuple[str, int]],
    max_distance: int = DEFAULT_MAX_DISTANCE,
) -> str | None:
    """The id of the first candidate (article id, SimHash) within `max_distance` bits of
    `fingerprint`, in the order given (first seen first); None when there is none.

    A zero fingerprint (a text without words) matches nothing."""
    if fingerprint == 0:
        return None
    for article_id, other in candidates:
        if other != 0 and distance(fingerprint, other) <= max_distance:
            return article_id
    return None
