"""A small web site on 127.0.0.1 for the tests: made-up news pages, feeds and misbehaving answers.

Started and stopped by the test that uses it (the `site` fixture in test files); it listens on
127.0.0.1 only, logs every request it gets (path and headers), answers conditional requests with
304 when the page is unchanged, and never sleeps more than a few seconds.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

LAST_MODIFIED = "Mon, 06 Jan 2025 09:00:00 GMT"


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when it arrived


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (at most 5)
    chunked: bool = False  # no Content-Length: the size is known only by reading


class Site:
    def __init__(self, port: int = 0):
        self.routes: dict[str, Callable[[Request], Answer]] = {}
        self.bodies: dict[str, bytes] = {}  # what each page serves now
        self.stopped = False
        self.log: list[Request] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with site._lock:
                    site.log.append(request)
                route = site.routes.get(self.path.split("?")[0])
                answer = route(request) if route else Answer(404, b"not found", {"Content-Type": "text/plain"})
                if answer.delay:
                    time.sleep(min(answer.delay, 5.0))
                try:
                    self.send_response(answer.status)
                    for k, v in answer.headers.items():
                        self.send_header(k, v)
                    if answer.chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        for i in range(0, len(answer.body), 65536):
                            piece = answer.body[i:i + 65536]
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                        self.wfile.write(b"0\r\n\r\n")
                        return
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a client that gave up on a slow or huge answer resets the connection: expected

        self.server = Server(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "Site":
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)

    # --- what it serves --------------------------------------------------------

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8") -> None:
        """A page with an ETag and Last-Modified; 304 to a request that holds them."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        self.bodies[path] = data

        def answer(request: Request) -> Answer:
            if request.headers.get("if-none-match") == etag:
                return Answer(304, b"", {"ETag": etag})
            return Answer(200, data, {"Content-Type": content_type, "ETag": etag, "Last-Modified": LAST_MODIFIED})

        self.routes[path] = answer

    def answer(self, path: str, answer: Answer) -> None:
        self.routes[path] = lambda request: answer

    def gzip_bomb(self, path: str, megabytes: int) -> None:
        """A small gzip body that inflates to `megabytes` of zeros."""
        packed = gzip.compress(b"\0" * (megabytes * 2**20), compresslevel=9)
        self.answer(path, Answer(200, packed, {"Content-Type": "text/html", "Content-Encoding": "gzip"}))

    def redirect_loop(self, a: str, b: str) -> None:
        self.answer(a, Answer(302, b"", {"Location": b}))
        self.answer(b, Answer(302, b"", {"Location": a}))

    def requested(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.path == path]

    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.log]

    def forget(self) -> None:
        with self._lock:
            self.log.clear()


def rss(base: str, items: list[dict]) -> str:
    entries = "".join(
        f"<item><title>{i['title']}</title><link>{base}{i['path']}</link><guid>{base}{i['path']}</guid>"
        f"<pubDate>{i['date']}</pubDate><description>{i['summary']}</description></item>"
        for i in items
    )
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Coastal Times</title>'
            f"<link>{base}/</link><description>News</description>{entries}</channel></rss>")


def atom(base: str, items: list[dict]) -> str:
    entries = "".join(
        f"<entry><title>{i['title']}</title><link href=\"{i['path']}\"/><id>{base}{i['path']}</id>"
        f"<updated>{i['date']}</updated><author><name>{i.get('author', 'Staff')}</name></author>"
        f"<summary>{i['summary']}</summary></entry>"
        for i in items
    )
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>Harbour Wire</title><id>{base}/</id><updated>2025-01-07T10:00:00Z</updated>'
            f'<link href="{base}/"/>{entries}</feed>')


def article(title: str, paragraphs: list[str], author: str = "Nadia Kerr", date: str = "2025-01-06",
            site: str = "Coastal Times") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>'
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">'
            f'<meta name="author" content="{author}"><meta property="article:published_time" content="{date}">'
            f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1><p class='byline'>By {author}</p>{body}</article>"
            f"<footer>Subscribe to our newsletter</footer></body></html>")
