"""Fetching against a local server: user agent, conditional GET, retries, timeouts, size
limits, redirects and the per-host rate limit. Every failure is a Response with an error."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from web_server import Site, running_site

from sitroom import __version__
from sitroom.ingest.fetch import FetchPolicy, HostPacer, fetch, open_client, user_agent

POLICY = FetchPolicy(
    timeout=0.5,
    retries=2,
    backoff=0.0,
    max_bytes=100_000,
    host_delay=0.0,
    user_agent=user_agent("https://example.org/contact"),
)


@pytest.fixture
def site() -> Iterator[Site]:
    with running_site() as running:
        yield running


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with open_client(POLICY) as opened:
        yield opened


def _get(client: httpx.Client, site: Site, path: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return fetch(client, site.url(path), POLICY, HostPacer(0.0), sleep=lambda _s: None, **kwargs)  # type: ignore[arg-type]


def test_user_agent_and_conditional_get(site: Site, client: httpx.Client) -> None:
    site.put("/feed", "<rss/>")
    first = _get(client, site, "/feed")
    assert first.ok and first.body == b"<rss/>" and first.etag and first.last_modified
    assert site.hits("/feed")[0].headers["user-agent"] == f"sitroom/{__version__} (+https://example.org/contact)"
    again = _get(client, site, "/feed", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    assert site.hits("/feed")[1].headers["if-none-match"] == first.etag


def test_retries_with_backoff_then_success(site: Site, client: httpx.Client) -> None:
    site.put("/flaky", "ok", statuses=[503, 500])
    waits: list[float] = []
    policy = FetchPolicy(timeout=0.5, retries=2, backoff=0.25, host_delay=0.0)
    response = fetch(client, site.url("/flaky"), policy, HostPacer(0.0), sleep=waits.append)
    assert response.ok and response.attempts == 3 and waits == [0.25, 0.5]


def test_no_retry_on_404_and_bounded_retries_on_5xx(site: Site, client: httpx.Client) -> None:
    assert "HTTP 404" in (_get(client, site, "/missing").error or "")
    assert len(site.hits("/missing")) == 1
    site.put("/down", "", statuses=[502] * 10)
    assert "HTTP 502" in (_get(client, site, "/down").error or "")
    assert len(site.hits("/down")) == 3


def test_timeout(site: Site, client: httpx.Client) -> None:
    site.put("/slow", "late", delay=1.5)
    response = fetch(client, site.url("/slow"), FetchPolicy(timeout=0.3, retries=0), HostPacer(0.0))
    assert "timed out" in (response.error or "")


def test_size_limit_declared_and_streamed(site: Site, client: httpx.Client) -> None:
    site.put("/big", b"x" * 200_000)
    assert "larger than 100000 bytes" in (_get(client, site, "/big").error or "")
    site.put("/stream", b"", stream_bytes=3_000_000)
    assert "larger than 100000 bytes" in (_get(client, site, "/stream").error or "")


def test_redirects_are_followed_and_recorded(site: Site, client: httpx.Client) -> None:
    site.put("/old", redirect=site.url("/new"))
    site.put("/new", "here")
    response = _get(client, site, "/old")
    assert response.ok and response.final_url == site.url("/new") and response.body == b"here"
    site.put("/loop", redirect=site.url("/loop"))
    assert "redirects" in (_get(client, site, "/loop").error or "")


def test_unreachable_server_is_an_error_not_an_exception(client: httpx.Client) -> None:
    response = fetch(client, "http://127.0.0.1:9/nothing", FetchPolicy(timeout=0.5, retries=0), HostPacer(0.0))
    assert response.error and "cannot reach" in response.error


def test_host_pacer_waits_between_requests_to_one_host() -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    pacer = HostPacer(2.0, clock=lambda: now[0], sleep=sleep)
    pacer.wait("http://a.org/1")
    pacer.wait("http://b.org/1")
    now[0] += 0.5
    pacer.wait("http://A.org/2")
    assert waits == [1.5]
