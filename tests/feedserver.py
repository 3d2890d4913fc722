"""A real HTTP server on 127.0.0.1 for the fetching tests, in a thread.

Each path is a :class:`Route`: a feed answered with an ETag and
Last-Modified (and a 304 when the client already has them), a status code,
a redirect, or a misbehaving server (a body cut short, a stream without end,
no answer at all). Every request is recorded with its headers and time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    etag: str | None = '"v1"'
    last_modified: str | None = "Fri, 16 May 2025 10:00:00 GMT"
    location: str | None = None  # a redirect's target path
    behaviour: str = "normal"  # normal, truncated, endless, silent, trickle


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    port: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def asked(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            server.requests.append(Request(self.path, dict(self.headers), time.monotonic()))
            route = server.routes.get(self.path) or Route(status=404, etag=None)
            if route.behaviour != "normal":
                return getattr(self, f"_{route.behaviour}")(route)
            if route.location:
                return self._send(route.status or 302, b"", {"Location": route.location})
            if route.status >= 400:
                return self._send(route.status, b"no", {"Content-Type": "text/plain"})
            if self._fresh(route):
                return self._send(304, b"", {})
            headers = {"Content-Type": route.content_type}
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
            self._send(route.status, route.body, headers)

        def _fresh(self, route: Route) -> bool:
            """The client's copy is current: If-None-Match, when sent, decides alone."""
            if "If-None-Match" in self.headers:
                return bool(route.etag) and self.headers["If-None-Match"] == route.etag
            since = self.headers.get("If-Modified-Since")
            return bool(route.last_modified) and since == route.last_modified

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _truncated(self, route: Route) -> None:
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body) * 2))
            self.end_headers()
            self.wfile.write(route.body)
            self.wfile.flush()
            self.close_connection = True

        def _endless(self, route: Route) -> None:
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<item><title>more</title></item>" * 1000
            try:
                self.wfile.write(b"e\r\n<rss><channel>\r\n")
                while not server.stop.is_set():
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                pass
            self.close_connection = True

        def _trickle(self, route: Route) -> None:
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                while not server.stop.wait(0.05):
                    self.wfile.write(b"1\r\n \r\n")
                    self.wfile.flush()
            except OSError:
                pass
            self.close_connection = True

        def _silent(self, route: Route) -> None:
            server.stop.wait(5)
            self.close_connection = True

    return Handler


@contextmanager
def serving(routes: dict[str, Route] | None = None) -> Iterator[FeedServer]:
    """A server on 127.0.0.1 for the ``with`` block, on a free port."""
    state = FeedServer(dict(routes or {}))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()
