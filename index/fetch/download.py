"""Polite HTTP: conditional requests, timeouts, a per-host delay, a size cap.

httpx does the HTTP (a well-kept client with real timeouts for connecting,
reading and writing, a redirect limit, and responses read as a stream, so a
body can be stopped at the size cap instead of filling memory). What it
leaves to us is a deadline for the whole download (a server that trickles a
byte a second never trips a read timeout), the cap itself, and waiting
between two requests to one host. Every failure becomes a
:class:`FetchFailed` whose message a user can act on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

USER_AGENT = "newsdesk/0.1 (terminal news reader; feed fetcher)"


class FetchFailed(Exception):
    """One download that failed, with the reason in a user's words."""


@dataclass(frozen=True)
class Politeness:
    """How hard fetching may press on servers; the defaults are gentle."""

    timeout: float = 15.0  # seconds to connect, and between two reads
    deadline: float = 60.0  # seconds for a whole download
    host_delay: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Download:
    """A response's body and what is needed to ask again conditionally."""

    url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Downloader:
    """One HTTP client for a run, remembering when each host was last asked."""

    polite: Politeness = field(default_factory=Politeness)
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def __enter__(self) -> Downloader:
        self._client = httpx.Client(
            headers={"User-Agent": self.polite.user_agent},
            timeout=httpx.Timeout(self.polite.timeout),
            follow_redirects=True,
            max_redirects=self.polite.max_redirects,
            trust_env=False,  # no proxy or .netrc taken from the environment
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Download:
        """``url``'s body, or a 304 when neither ``etag`` nor ``modified`` changed."""
        assert self._client is not None, "use the Downloader in a with block"
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        self._wait_for(url)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                return self._read(response)
        except httpx.TooManyRedirects:
            raise FetchFailed(f"more than {self.polite.max_redirects} redirects") from None
        except httpx.TimeoutException as error:
            raise FetchFailed(f"no answer in {self.polite.timeout:g} s ({_kind(error)})") from None
        except httpx.ConnectError as error:
            raise FetchFailed(f"could not connect: {_reason(error)}") from None
        except httpx.RemoteProtocolError as error:
            raise FetchFailed(f"download cut short: {_reason(error)}") from None
        except httpx.HTTPError as error:
            raise FetchFailed(f"{type(error).__name__}: {_reason(error)}") from None
        finally:  # the delay runs from the end of this request, however it ended
            self._last[_host(url)] = time.monotonic()

    def _read(self, response: httpx.Response) -> Download:
        if response.status_code == 304:
            return Download(str(response.url), 304)
        if response.status_code >= 400:
            raise FetchFailed(f"HTTP {response.status_code} {response.reason_phrase}".strip())
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.polite.max_bytes:
            raise FetchFailed(f"{int(declared):,} bytes, over the cap of {self._cap()}")
        started, chunks, size = time.monotonic(), [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.polite.max_bytes:
                raise FetchFailed(f"more than the cap of {self._cap()}; stopped reading")
            if time.monotonic() - started > self.polite.deadline:
                raise FetchFailed(f"still downloading after {self.polite.deadline:g} s; stopped")
            chunks.append(chunk)
        return Download(
            url=str(response.url),
            status=response.status_code,
            content=b"".join(chunks),
            content_type=response.headers.get("Content-Type", ""),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )

    def _wait_for(self, url: str) -> None:
        """Sleep until the last request to the host of ``url`` ended ``host_delay``
        seconds ago: counted from its end, the host sees the next request that
        long after it received the last, however slowly that one arrived."""
        last = self._last.get(_host(url))
        if last is not None:
            time.sleep(max(0.0, last + self.polite.host_delay - time.monotonic()))

    def _cap(self) -> str:
        return f"{self.polite.max_bytes / 1024 / 1024:g} MB"


def _kind(error: httpx.TimeoutException) -> str:
    return {
        httpx.ConnectTimeout: "connecting",
        httpx.ReadTimeout: "waiting for data",
        httpx.WriteTimeout: "sending",
        httpx.PoolTimeout: "waiting for a connection",
    }.get(type(error), "timed out")


def _reason(error: Exception) -> str:
    return str(error) or type(error).__name__


def _host(url: str) -> str:
    """The host the delay between requests is kept per."""
    return (urlsplit(url).hostname or "").lower()
