"""Watcher benchmark: `python -m sitroom.bench_watch [--runs N] [--interval SECONDS]`.

Serves the bundled sample reports (src/sitroom/demo/corpus.jsonl, written by the sitroom team)
as web pages and an RSS feed from a local HTTP server on 127.0.0.1, into a SQLite database in a
temporary folder, and prints:

- latency: from an item appearing in the feed to its event being queryable through the API
  (GET /api/articles/{id}, then GET /api/events/{event id}, through FastAPI's TestClient),
  with `sitroom watch` polling every `--interval` seconds in a background thread; the median
  over `--runs` items, each published alone;
- throughput: articles per second of one poll over a feed listing every sample report (fetch,
  trafilatura, extraction, store), the per-host delay set to 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.config import Settings
from sitroom.ingest.feeds import SourceKind
from sitroom.ingest.fetch import FetchPolicy
from sitroom.ingest.identity import canonical_url, url_article_id
from sitroom.watch import WatchOptions, add_sources, watch

SEED = 20251125

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from sitroom.extract.dispatch import ArticleExtractor


class _Pages:
    """What the local server serves: path -> (content type, body); ETags from the body."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bodies: dict[str, tuple[str, bytes]] = {}
        self.first_served: dict[str, float] = {}  # path -> when its current body was first sent

    def put(self, path: str, content_type: str, body: str) -> None:
        with self.lock:
            self.bodies[path] = (content_type, body.encode("utf-8"))
            self.first_served.pop(path, None)

    def served(self, path: str) -> None:
        with self.lock:
            self.first_served.setdefault(path, time.perf_counter())

    def get(self, path: str) -> tuple[str, bytes] | None:
        with self.lock:
            return self.bodies.get(path)


@contextmanager
def _serve(pages: _Pages) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            found = pages.get(self.path)
            if found is None:
                self.send_error(404)
                return
            content_type, body = found
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            pages.served(self.path)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _reports() -> list[dict[str, str]]:
    corpus = resources.files("sitroom.demo").joinpath("corpus.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in corpus.splitlines() if line.strip()]


def _page(report: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in report["text"].split("\n") if p.strip())
    title = escape(report.get("title") or "Report")
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def _publish(pages: _Pages, base: str, reports: list[dict[str, str]]) -> list[str]:
    """Serve the reports' pages and a feed listing them; their article ids."""
    items = []
    for report in reports:
        path = f"/news/{report['id']}"
        pages.put(path, "text/html; charset=utf-8", _page(report))
        published = format_datetime(_when(report["published"]))
        items.append(
            f"<item><title>{escape(report['title'])}</title><link>{base}{path}</link><pubDate>{published}</pubDate></item>"
        )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{"".join(items)}</channel></rss>'
    pages.put("/feed.xml", "application/rss+xml", feed)
    return [url_article_id(canonical_url(f"{base}/news/{r['id']}")) for r in reports]


def _when(published: str) -> dt.datetime:
    return dt.datetime.fromisoformat(published.replace("Z", "+00:00"))


def _options() -> WatchOptions:
    return WatchOptions(policy=FetchPolicy(timeout=10.0, retries=0, host_delay=0.0), min_chars=100)


def throughput(extractor: ArticleExtractor, folder: Path) -> tuple[int, float]:
    """(articles, seconds) of one poll over a feed listing every sample report."""
    from sitroom.store import Store

    pages = _Pages()
    with _serve(pages) as base, Store.open(f"sqlite:///{folder / 'throughput.db'}") as store:
        ids = _publish(pages, base, _reports())
        add_sources(store, [(f"{base}/feed.xml", SourceKind.FEED)])
        started = time.perf_counter()
        watch(store, extractor, _options(), passes=1)
        return len(ids), time.perf_counter() - started


def _has_events(extractor: ArticleExtractor, report: dict[str, str]) -> bool:
    """Whether sitroom finds an event in the report (only those can be waited for in the API)."""
    from sitroom.model import Article

    return bool(extractor.extract(Article(id=report["id"], text=report["text"])).mentions)


class _Stop(Exception):
    pass


def latency(extractor: ArticleExtractor, folder: Path, runs: int, interval: float) -> tuple[list[float], list[float]]:
    """Per run, seconds from publishing one item to its event being served by the API, and from
    the watcher fetching the changed feed to the same. Items are published at a random moment
    of the polling interval (seeded, so runs repeat)."""
    from fastapi.testclient import TestClient

    from sitroom.api import create_app
    from sitroom.store import Store

    url = f"sqlite:///{folder / 'latency.db'}"
    reports = [r for r in _reports() if _has_events(extractor, r)][: runs + 1]
    pages = _Pages()
    stop = threading.Event()
    with _serve(pages) as base, Store.open(url) as store:
        _publish(pages, base, reports[:1])
        add_sources(store, [(f"{base}/feed.xml", SourceKind.FEED)])
        watch(store, extractor, _options(), passes=1)  # the first item, stored before timing

        def sleep(seconds: float) -> None:
            if stop.wait(seconds):
                raise _Stop

        def run_watcher() -> None:
            with suppress(_Stop):
                watch(store, extractor, _options(), interval=interval, sleep=sleep)

        watcher = threading.Thread(target=run_watcher, daemon=True)
        watcher.start()
        found: list[float] = []
        processing: list[float] = []
        phase = random.Random(SEED)
        settings = Settings(database_url=url)
        with TestClient(create_app(settings)) as client:
            for n in range(1, len(reports)):
                time.sleep(phase.uniform(0, interval))
                article_id = _publish(pages, base, reports[: n + 1])[-1]
                started = time.perf_counter()
                while not _event_served(client, article_id):
                    if time.perf_counter() - started > 60:
                        raise RuntimeError(f"article {article_id} was not served within 60 s")
                    time.sleep(0.005)
                done = time.perf_counter()
                found.append(done - started)
                processing.append(done - pages.first_served.get("/feed.xml", started))
        stop.set()
        watcher.join(timeout=30)
    return found, processing


def _event_served(client: TestClient, article_id: str) -> bool:
    response = client.get(f"/api/articles/{article_id}")
    if response.status_code != 200:
        return False
    event_ids = response.json().get("event_ids") or response.json().get("events") or []
    if not event_ids:
        return False
    first = event_ids[0] if isinstance(event_ids[0], str) else event_ids[0].get("id")
    return bool(client.get(f"/api/events/{first}").status_code == 200)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitroom.bench_watch", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="items published one at a time (default 15)")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls (default 1.0)")
    args = parser.parse_args(argv)
    from sitroom.build import build_extractor

    extractor = build_extractor(Settings())
    with tempfile.TemporaryDirectory(prefix="sitroom-bench-watch-") as tmp:
        count, seconds = throughput(extractor, Path(tmp))
        delays, processing = latency(extractor, Path(tmp), args.runs, args.interval)
    print(f"poll interval              {args.interval:g} s")
    print(
        f"feed item -> API event     median {statistics.median(delays):.3f} s over {len(delays)} runs "
        f"(min {min(delays):.3f}, max {max(delays):.3f})"
    )
    print(f"feed fetched -> API event  median {statistics.median(processing):.3f} s (the part after the poll)")
    print(f"articles per second        {count / seconds:.1f}  ({count} articles in one poll, {seconds:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
