"""A local web site for the watcher tests: a threaded HTTP server on 127.0.0.1 whose pages and
feeds the test sets (and changes) while it runs, and which logs every request it gets.

It honours conditional GET (ETag from the body, Last-Modified from when the resource was set),
can delay an answer (slow sources), answer a list of statuses in turn (retries), redirect,
stream a huge body, and send any bytes with any Content-Type (broken encodings and XML)."""

from __future__ import annotations

import hashlib
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Resource:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    statuses: list[int] = field(default_factory=list)  # answered in turn before the body
    redirect: str | None = None
    conditional: bool = True
    stream_bytes: int = 0  # when set: a body of this many bytes, streamed without Content-Length
    last_modified: str = field(default_factory=lambda: formatdate(time.time(), usegmt=True))

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    status: int


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up mid-answer (the timeout and size-limit tests) are expected here."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class Site:
    """A web site: `put` resources by path, read `requests`, `url(path)` for their addresses."""

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: bytes | str = b"", **options: object) -> Resource:
        data = body.encode("utf-8") if isinstance(body, str) else body
        resource = Resource(body=data, **options)  # type: ignore[arg-type]
        with self._lock:
            old = self.resources.get(_key(path))
            if old is not None and old.body == data and "last_modified" not in options:
                resource.last_modified = old.last_modified
            self.resources[_key(path)] = resource
        return resource

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if _key(r.path) == _key(path)]

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, Resource | None]:
        with self._lock:
            resource = self.resources.get(_key(path))
            status = 404
            if resource is not None and resource.statuses:
                status = resource.statuses.pop(0)
            elif resource is not None:
                status = 200
        if resource is None or status != 200:
            return status, {"Content-Type": "text/plain"}, b"no", resource
        if resource.redirect:
            return 301, {"Location": resource.redirect}, b"", resource
        out = {"Content-Type": resource.content_type}
        if resource.conditional:
            out["ETag"] = resource.etag
            out["Last-Modified"] = resource.last_modified
            if headers.get("if-none-match") == resource.etag or (
                "if-none-match" not in headers and headers.get("if-modified-since") == resource.last_modified
            ):
                return 304, out, b"", resource
        return 200, out, resource.body, resource

    def log(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def start(self) -> Site:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _key(path: str) -> str:
    bare = urlsplit(path).path
    return bare.rstrip("/") or "/"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, out, body, resource = site.answer(self.path, headers)
            site.log(Request(self.path, headers, status))
            if resource is not None and resource.delay:
                time.sleep(resource.delay)
            try:
                self.send_response(status)
                for name, value in out.items():
                    self.send_header(name, value)
                if status == 200 and resource is not None and resource.stream_bytes:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"<p>" + b"x" * 65_530 + b"</p>"
                    for _ in range(resource.stream_bytes // len(chunk) + 1):
                        self.wfile.write(chunk)
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


@contextmanager
def running_site() -> Iterator[Site]:
    site = Site().start()
    try:
        yield site
    finally:
        site.stop()
