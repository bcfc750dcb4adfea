"""Polite, robust HTTP fetching: whatever a server does, `fetch` returns a `Response`, never raises.

- a clear User-Agent (sitroom, its version, the contact URL of SITROOM_CONTACT_URL);
- conditional GET: pass the ETag and Last-Modified of the previous response, get a 304 back;
- timeouts (connect/read, and a deadline for the whole body), bounded retries with exponential
  backoff on timeouts, connection errors, 429 and 5xx;
- a per-host rate limit (`HostPacer`, a minimum delay between two requests to one host);
- a size limit: the body is streamed and the download stops past `max_bytes`;
- redirects are followed (at most `MAX_REDIRECTS`) and the final URL is recorded.

Failures are data: `Response.error` says what went wrong, for the caller to record.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.message import Message
from typing import TYPE_CHECKING

from sitroom import __version__
from sitroom.ingest.identity import host_of

if TYPE_CHECKING:
    import httpx

    from sitroom.config import Settings

MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0
"""The longest a Retry-After header can make sitroom wait (seconds)."""

Sleep = Callable[[float], None]
Clock = Callable[[], float]


def user_agent(contact_url: str | None) -> str:
    """sitroom's User-Agent: name, version and, when configured, where to reach its operator."""
    base = f"sitroom/{__version__}"
    return f"{base} (+{contact_url})" if contact_url else f"{base} (news event extraction)"


@dataclass(frozen=True)
class FetchPolicy:
    """How to fetch: limits, retries and manners. `from_settings` reads them from SITROOM_*."""

    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 5_000_000
    host_delay: float = 1.0
    user_agent: str = field(default_factory=lambda: user_agent(None))

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        return cls(
            timeout=settings.fetch_timeout,
            retries=settings.fetch_retries,
            backoff=settings.fetch_backoff,
            max_bytes=settings.fetch_max_bytes,
            host_delay=settings.host_delay,
            user_agent=user_agent(settings.contact_url),
        )


@dataclass(frozen=True)
class Response:
    """What one fetch brought back: the body (possibly empty), or an error saying why not."""

    url: str
    final_url: str
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        """True for a 304: the resource did not change since the ETag / Last-Modified sent."""
        return self.status == 304 and self.error is None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


class HostPacer:
    """A per-host rate limit: `wait(url)` sleeps until `delay` seconds have passed since the
    previous request to the same host. One pacer is made per watcher and passed in."""

    def __init__(self, delay: float, *, clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> None:
        self._delay = max(0.0, delay)
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = host_of(url)
        last = self._last.get(host)
        if last is not None:
            remaining = last + self._delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()


def open_client(policy: FetchPolicy) -> httpx.Client:
    """An httpx client with sitroom's User-Agent, timeouts and redirect limit; close it after use."""
    import httpx

    return httpx.Client(
        headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(policy.timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def fetch(
    client: httpx.Client,
    url: str,
    policy: FetchPolicy,
    pacer: HostPacer,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = "*/*",
    sleep: Sleep = time.sleep,
) -> Response:
    """GET `url` politely and within limits, retrying transient failures (see the module doc)."""
    headers = {"Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    attempt = 0
    while True:
        attempt += 1
        pacer.wait(url)
        response, retry_after = _fetch_once(client, url, headers, policy)
        retryable = retry_after is not None
        if not retryable or attempt > policy.retries:
            return replace(response, attempts=attempt)
        backoff = policy.backoff * 2 ** (attempt - 1)
        sleep(min(max(backoff, retry_after or 0.0), MAX_RETRY_AFTER))


def _fetch_once(
    client: httpx.Client, url: str, headers: dict[str, str], policy: FetchPolicy
) -> tuple[Response, float | None]:
    """One attempt: the response, and how long to wait before a retry (None: do not retry)."""
    import httpx

    deadline = time.monotonic() + policy.timeout * 2
    try:
        with client.stream("GET", url, headers=headers) as reply:
            content_type, charset = _content_type(reply.headers.get("content-type"))
            base = Response(
                url=url,
                final_url=str(reply.url),
                status=reply.status_code,
                content_type=content_type,
                charset=charset,
                etag=reply.headers.get("etag"),
                last_modified=reply.headers.get("last-modified"),
            )
            if reply.status_code == 304:
                return base, None
            if reply.status_code >= 400:
                error = f"the server answered HTTP {reply.status_code} {reply.reason_phrase}".rstrip()
                retry = _retry_after(reply.headers.get("retry-after")) if reply.status_code in RETRY_STATUSES else None
                return replace(base, error=error), retry
            declared = reply.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                return replace(base, error=_too_big(policy.max_bytes)), None
            chunks: list[bytes] = []
            size = 0
            for chunk in reply.iter_bytes():
                size += len(chunk)
                if size > policy.max_bytes:
                    return replace(base, error=_too_big(policy.max_bytes)), None
                if time.monotonic() > deadline:
                    error = f"the body took longer than {policy.timeout * 2:g} s to arrive"
                    return replace(base, error=error), 0.0
                chunks.append(chunk)
            return replace(base, body=b"".join(chunks)), None
    except httpx.TimeoutException:
        return Response(url, url, error=f"timed out after {policy.timeout:g} s"), 0.0
    except httpx.TooManyRedirects:
        return Response(url, url, error=f"more than {MAX_REDIRECTS} redirects"), None
    except httpx.TransportError as exc:
        return Response(url, url, error=f"cannot reach the server ({type(exc).__name__}: {exc})"), 0.0
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        return Response(url, url, error=f"cannot fetch the URL ({type(exc).__name__}: {exc})"), None


def _too_big(limit: int) -> str:
    return f"larger than {limit} bytes (SITROOM_FETCH_MAX_BYTES); download stopped"


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    """The media type and the declared charset of a Content-Type header."""
    if not value:
        return None, None
    message = Message()
    message["content-type"] = value
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) and charset else None


def _retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (0 when absent or a date we do not parse)."""
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_RETRY_AFTER)
    return 0.0
