"""Fetching from the web, with manners and limits.

One `Fetcher` serves one build. It asks for one URL at a time (so never two
requests at once to a host), waits `host_delay` seconds (or the host's
robots.txt Crawl-delay, if longer) between two requests to a host, honours
robots.txt, and sends a user agent that says what it is. It refuses what a
briefing has no business fetching: schemes other than http and https, and
addresses of this machine or of private networks unless `allow_private`.
Every answer is bounded: in time (per request and for the whole build), in
size (counted again after decompression, so a gzip bomb stops at the cap), and
in redirects, each of which is checked like the first URL.

httpx is imported only when a request is to be made, so builds from files
never pay for it. Errors are `FetchError`s whose message is one line.
"""
from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urljoin, urlsplit

from . import __version__
from .files import _mb  # sizes written as the file limits write them

USER_AGENT = f"briefing/{__version__} (news briefing builder; fetches only the articles and feeds its user names)"
ROBOTS_AGENT = "briefing"  # the token robots.txt rules name
MAX_CRAWL_DELAY = 60.0  # a longer Crawl-delay would stall a build; the build's timeout bounds it anyway
MAX_ROBOTS_BYTES = 512 * 1024
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how far a build fetches; the CLI's options set these."""

    timeout: float = 20.0  # seconds for one request, first byte to last
    build_timeout: float = 300.0  # seconds for all the requests of one build
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to one host
    allow_private: bool = False  # fetch from this machine and private networks (tests, intranets)


class FetchError(Exception):
    """A URL that could not be fetched; the message says why in one line."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status  # the HTTP status, when the server answered with an error


class OutOfTime(FetchError):
    """The build's time for fetching has run out."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int  # 200, or 304 when the copy we hold is still current (then `body` is empty)
    body: bytes
    content_type: str  # "text/html", without parameters
    etag: str | None
    last_modified: str | None


def is_url(text: str) -> bool:
    """A source given as a URL rather than a path (any scheme, so that ftp:// is refused, not looked for)."""
    scheme = urlsplit(text).scheme
    return len(scheme) > 1 and "://" in text


def check_url(url: str) -> None:
    """Only http and https URLs with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'}")
    if not parts.hostname:
        raise FetchError("no host in the URL")


def check_address(host: str, port: int, allow_private: bool) -> None:
    """Refuse hosts that resolve to this machine or to a private, link-local or reserved network.

    The name is resolved here and again by the HTTP client; a name that changes its
    address in between (DNS rebinding) could slip through, which a briefing tool accepts.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host} ({getattr(exc, 'strerror', None) or exc})") from None
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        mapped = getattr(address, "ipv4_mapped", None)
        address = mapped or address
        if not address.is_global or address.is_multicast:
            raise FetchError(f"{host} is an address of this machine or of a private network ({address}); "
                             "pass --allow-private to fetch from it")


class Fetcher:
    """Fetches for one build; `close()` when done (or use it as a context manager)."""

    def __init__(self, policy: FetchPolicy, max_bytes: int,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        import httpx

        self.policy = policy
        self.max_bytes = max_bytes
        self.clock = clock
        self.sleep = sleep
        self.deadline = clock() + policy.build_timeout
        self.requests = 0  # made so far
        self._last: dict[str, float] = {}  # host -> when its last answer ended
        self._robots: dict[str, object] = {}  # origin -> Protego rules, or None when all is allowed
        self._httpx = httpx
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,  # each hop is checked like the first URL
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            accept: str = "*/*") -> Response:
        """The answer to GET url, following redirects; 304 when `etag`/`last_modified` are still current."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            self._check(current)
            if not self._robots_allow(current):
                raise FetchError(f"robots.txt of {urlsplit(current).hostname} forbids fetching it")
            answer = self._request(current, headers)
            if answer.status not in REDIRECTS:
                return Response(url, current, answer.status, answer.body, answer.content_type, answer.etag,
                                answer.last_modified)
            current = answer.final_url
        raise FetchError(f"more than {self.policy.max_redirects} redirects")

    # --- one request -------------------------------------------------------------

    def _check(self, url: str) -> None:
        check_url(url)
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        check_address(parts.hostname, port, self.policy.allow_private)

    def _request(self, url: str, headers: dict[str, str], max_bytes: int | None = None) -> Response:
        """One request, no redirect followed: a redirect's `final_url` is where it points."""
        httpx = self._httpx
        host = urlsplit(url).netloc.lower()
        self._wait_turn(host)
        remaining = self.deadline - self.clock()
        budget = min(self.policy.timeout, remaining)
        started = self.clock()
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers, timeout=httpx.Timeout(budget)) as r:
                etag, last_modified = r.headers.get("etag"), r.headers.get("last-modified")
                if r.status_code in REDIRECTS:
                    target = r.headers.get("location")
                    if not target:
                        raise FetchError(f"HTTP {r.status_code} redirect without a Location")
                    return Response(url, urljoin(url, target.strip()), r.status_code, b"", "", None, None)
                if r.status_code == 304:
                    return Response(url, url, 304, b"", "", etag, last_modified)
                if r.status_code != 200:
                    raise FetchError(f"HTTP {r.status_code} {r.reason_phrase}".rstrip(), r.status_code)
                body = self._read_body(r, started + budget, max_bytes or self.max_bytes)
                content_type = r.headers.get("content-type", "").split(";")[0].strip().lower()
                return Response(url, url, 200, body, content_type, etag, last_modified)
        except httpx.TimeoutException:
            raise self._timed_out(budget) from None
        except httpx.HTTPError as exc:
            raise FetchError(_one_line(exc) or type(exc).__name__) from None
        finally:
            self._last[host] = self.clock()

    def _timed_out(self, budget: float) -> FetchError:
        if self.clock() >= self.deadline - 0.01:
            return OutOfTime(f"the build's {self.policy.build_timeout:g} s for fetching ran out")
        return FetchError(f"no complete answer within {budget:g} s")

    def _read_body(self, r, deadline: float, max_bytes: int) -> bytes:
        """The body, decompressed, at most `max_bytes` before and after decompression."""
        limit = f"over the {_mb(max_bytes)} limit per article"
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"{_mb(int(declared))}, {limit}")
        encoding = r.headers.get("content-encoding", "identity").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            inflate = zlib.decompressobj()
        elif encoding in ("", "identity"):
            inflate = None
        else:
            raise FetchError(f"content encoding '{encoding}' is not supported")
        body = bytearray()
        received = 0
        for chunk in r.iter_raw():
            if self.clock() > deadline:
                raise self._timed_out(self.policy.timeout)
            received += len(chunk)
            if received > max_bytes:
                raise FetchError(limit)
            if inflate is None:
                body += chunk
                continue
            try:
                room = max_bytes - len(body)
                out = inflate.decompress(chunk, room + 1)
            except zlib.error:
                raise FetchError(f"the {encoding} body is corrupt") from None
            if len(out) > room or inflate.unconsumed_tail:
                raise FetchError(f"{limit} after decompression")
            body += out
        return bytes(body)

    def _wait_turn(self, host: str) -> None:
        """At most one request at a time per host, `host_delay` (or Crawl-delay) apart."""
        last = self._last.get(host)
        if last is None:
            return
        delay = self.policy.host_delay
        rules = self._robots.get(host)
        if rules is not None:
            crawl_delay = rules.crawl_delay(ROBOTS_AGENT)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
        wait = last + delay - self.clock()
        if wait > 0:
            if self.clock() + wait >= self.deadline:
                raise OutOfTime(f"the build's {self.policy.build_timeout:g} s for fetching ran out")
            self.sleep(wait)
        if self.clock() >= self.deadline:
            raise OutOfTime(f"the build's {self.policy.build_timeout:g} s for fetching ran out")

    # --- robots.txt --------------------------------------------------------------

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self._robots:
            self._robots[host] = self._load_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
        rules = self._robots[host]
        return rules is None or rules.can_fetch(url, ROBOTS_AGENT)

    def _load_robots(self, robots_url: str):
        """The host's rules (RFC 9309): none on 4xx, all forbidden when it cannot be read."""
        from protego import Protego

        current = robots_url
        for _hop in range(self.policy.max_redirects + 1):
            try:
                self._check(current)
                answer = self._request(current, {"Accept": "text/plain"}, MAX_ROBOTS_BYTES)
            except OutOfTime:
                raise
            except FetchError as exc:
                if exc.status is not None and 400 <= exc.status < 500:
                    return None  # no robots.txt: everything is allowed
                return Protego.parse("User-agent: *\nDisallow: /\n")  # unreachable: nothing is
            if answer.status not in REDIRECTS:
                return Protego.parse(answer.body.decode("utf-8", errors="replace"))
            current = answer.final_url
        return None  # RFC 9309: after five redirects, as if there were no robots.txt


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
