"""Sources from the web: the URLs and feeds of a build, fetched politely and kept in the build state.

`gather` is the ingest stage's web half. It reads each feed (given with
`--feed`, or listed as `feeds` in a sources folder's `sources.toml`), keeps the
items the `--match` query selects, and fetches their pages and the URLs named
as sources. Every answer's bytes, ETag and Last-Modified are kept in
`OUT/.briefing/web.sqlite`, so that a rebuild:

- asks for each feed and URL with If-None-Match / If-Modified-Since, and a
  `304 Not Modified` costs no bytes and no parse;
- asks nothing for a feed item the feed says is unchanged (same id, dates and
  headline) and whose page it holds;
- with `offline`, asks nothing at all and builds from what it holds.

A URL that fails is one warning and the build goes on; a feed that fails keeps
the items it listed last time; a page that fails is used as last fetched.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import sqlite3
import time
import tomllib
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .files import Limits, _mb
from .fetch import FetchError, FetchPolicy, OutOfTime, check_url, is_url
from .model import FetchedPage
from .readers import FOLDER_METADATA

if TYPE_CHECKING:
    from .feeds import FeedItem

# The feed reader and the query parser are imported where a feed is read or a query given: every
# build calls `gather`, and most name neither.

CACHE_NAME = "web.sqlite"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml, application/pdf;q=0.9, text/plain;q=0.8, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class WebSources:
    pages: tuple[FetchedPage, ...] = ()
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # how many feed items the query left out
    requests: int = 0  # made in this build

    def digest(self) -> str:
        """What the briefing depends on from the web: each page's bytes and what its feed said of it."""
        h = hashlib.sha256()
        for p in self.pages:
            h.update(json.dumps([p.url, p.content_type, p.title, p.byline, p.published, p.fetched]).encode("utf-8"))
            h.update(hashlib.sha256(p.body).digest())
        return h.hexdigest()


def local_paths(sources: Sequence[str]) -> list[str]:
    """The sources that are files or folders, not URLs."""
    return [s for s in sources if not is_url(s)]


def has_web_sources(sources: Sequence[str], feeds: Sequence[str]) -> bool:
    paths = local_paths(sources)
    return bool(feeds) or len(paths) < len(sources) or bool(folder_settings(paths)[0])


def folder_settings(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Feeds listed in each folder's sources.toml, and problems found.

    (The `match` of a folder's briefing.toml reaches `gather` through the project file's
    loader, `config.py`, as the other keys of that file do.)
    """
    feeds: list[str] = []
    problems: list[str] = []
    for folder in (Path(p) for p in paths if os.path.isdir(p)):
        table = _toml(folder / FOLDER_METADATA)
        listed = table.get("feeds", [])
        if isinstance(listed, str):
            listed = [listed]
        if not isinstance(listed, list) or not all(isinstance(f, str) for f in listed):
            problems.append(f"{folder / FOLDER_METADATA}: feeds must be a list of URLs; ignored")
        else:
            feeds += [f.strip() for f in listed if f.strip()]
    return feeds, problems


def _toml(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return {}  # a broken sources.toml is reported where its metadata is read


def gather(sources: Sequence[str], feeds: Sequence[str], match: str | None, policy: FetchPolicy,
           limits: Limits, state_dir: Path, offline: bool = False) -> WebSources:
    """The pages of the URLs in `sources` and of the matching items of `feeds` (and folders' feeds).

    `limits` caps each answer (`max_file_bytes`) and all the pages together (`max_total_bytes`).
    """
    paths = local_paths(sources)
    urls = [s for s in sources if is_url(s)]
    listed, problems = folder_settings(paths)
    feeds = _unique([*feeds, *listed])
    query = None
    if match is not None:
        from .query import Query

        query = Query.parse(match)  # a bad query is an error even without feeds
    if query is not None and not feeds:
        problems.append(f"the query {query} selects feed items, and this build has no feed")
    if not urls and not feeds:
        return WebSources(warnings=tuple(problems))
    run = _Run(WebCache(Path(state_dir)), policy, limits.max_file_bytes, offline)
    try:
        targets: list[tuple[str, FeedItem | None]] = []
        for feed in feeds:
            items = run.feed_items(feed)
            chosen = [i for i in items if query is None or query.matches(i.text)]
            if query is not None and items:
                run.notes.append(f"{feed}: {len(items) - len(chosen)} of {len(items)} items left out "
                                 f"(not matching {query})")
            targets += [(item.link, item) for item in chosen]
        targets += [(url, None) for url in urls]
        pages: list[FetchedPage] = []
        seen: set[str] = set()
        total, over = 0, 0
        for url, item in targets:
            if url in seen:  # an article in two feeds, or named too, is fetched once
                continue
            seen.add(url)
            if over:
                over += 1
                continue
            page = run.page(url, item)
            if page is None:
                continue
            if total + len(page.body) > limits.max_total_bytes:
                over += 1
                continue
            pages.append(page)
            total += len(page.body)
        if over:
            run.warnings.append(f"the fetched articles add up to over {_mb(limits.max_total_bytes)}, the "
                                f"limit for one build; {over} left out (raise it with --max-total-mb)")
        if not offline:
            run.cache.keep_only(seen | set(feeds))
        warnings = problems + run.warnings
        if run.not_fetched:
            warnings.append(f"the build's {policy.build_timeout:g} s for fetching ran out; {run.not_fetched} "
                            "URL(s) not fetched (their copies from the last build are used where there are)")
        return WebSources(tuple(pages), tuple(warnings), tuple(run.notes), run.requests)
    finally:
        run.close()


class _Run:
    """One build's fetching: the cache, the fetcher (none offline) and what was said."""

    def __init__(self, cache: "WebCache", policy: FetchPolicy, max_bytes: int, offline: bool):
        self.cache = cache
        self.offline = offline
        self.policy = policy
        self.max_bytes = max_bytes
        self._fetcher = None
        self.warnings: list[str] = list(cache.warnings)
        self.notes: list[str] = []
        self.not_fetched = 0  # URLs left when the build's time ran out

    @property
    def requests(self) -> int:
        return self._fetcher.requests if self._fetcher else 0

    def fetcher(self):
        if self._fetcher is None:
            from .fetch import Fetcher

            self._fetcher = Fetcher(self.policy, self.max_bytes)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
        self.cache.close()

    def _get(self, url: str, cached: "CachedPage | None", accept: str):
        """The fresh answer, or None when the copy held is current; FetchError otherwise."""
        if self.not_fetched:
            raise OutOfTime("out of time")
        check_url(url)
        try:
            r = self.fetcher().get(url, cached.etag if cached else None, cached.last_modified if cached else None,
                                   accept=accept)
        except OutOfTime:
            raise
        if r.status == 304:
            if cached is None:
                raise FetchError("HTTP 304 for a page never fetched")
            return None
        return r

    def feed_items(self, feed: str) -> list[FeedItem]:
        from .feeds import NotAFeed, parse_feed

        previous = self.cache.feed(feed)
        if self.offline:
            if previous is None:
                self.warnings.append(f"{feed}: not fetched by an earlier build, so nothing from it offline")
            return previous or []
        cached = self.cache.page(feed) if previous is not None else None
        try:
            r = self._get(feed, cached, FEED_ACCEPT)
            if r is None:
                return previous
            _title, items = parse_feed(r.body, r.final_url)
        except OutOfTime:
            self.not_fetched += 1
            return previous or []
        except (FetchError, NotAFeed) as exc:
            kept = f"; keeping its {len(previous)} item(s) from the last build" if previous else ""
            self.warnings.append(f"{feed}: {exc}{kept}")
            return previous or []
        self.cache.save_page(feed, r, stamp="")
        self.cache.save_feed(feed, items)
        return items

    def page(self, url: str, item: FeedItem | None) -> FetchedPage | None:
        cached = self.cache.page(url)
        stamp = item.stamp if item else ""
        if self.offline or (cached is not None and stamp and cached.stamp == stamp):
            # offline, or the feed says the article has not changed since we fetched it
            if cached is None:
                self.warnings.append(f"{url}: not fetched by an earlier build, so not used offline")
                return None
            return _page(url, cached, item)
        try:
            r = self._get(url, cached, PAGE_ACCEPT)
        except OutOfTime:
            self.not_fetched += 1
            return _page(url, cached, item) if cached else None
        except FetchError as exc:
            if cached is not None:
                when = datetime.datetime.fromtimestamp(cached.fetched, datetime.timezone.utc).date().isoformat()
                self.warnings.append(f"{url}: {exc}; using the copy fetched on {when}")
                return _page(url, cached, item)
            self.warnings.append(f"{url}: {exc}")
            return None
        if r is None:
            self.cache.restamp(url, stamp)
            return _page(url, cached, item)
        return _page(url, self.cache.save_page(url, r, stamp), item)


def _page(url: str, cached: "CachedPage", item: FeedItem | None) -> FetchedPage:
    return FetchedPage(
        url=url, body=cached.body, content_type=cached.content_type, fetched=cached.fetched,
        title=item.title if item else None, byline=item.author if item else None,
        published=item.published if item else None,
    )


def _unique(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


# --- the cache ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CachedPage:
    final_url: str
    content_type: str
    etag: str | None
    last_modified: str | None
    fetched: float  # seconds since the epoch
    stamp: str  # the feed item's stamp when it was fetched
    body: bytes


class WebCache:
    """Fetched bytes and validators, and each feed's last items, in OUT/.briefing/web.sqlite."""

    def __init__(self, state_dir: Path):
        self.path = Path(state_dir) / CACHE_NAME
        self.warnings: list[str] = []
        Path(state_dir).mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            self.warnings.append(f"{self.path}: fetched copies unreadable ({exc}); fetching afresh")
            for suffix in ("", "-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.executescript(
                """
                CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, final_url TEXT, content_type TEXT,
                    etag TEXT, last_modified TEXT, fetched REAL, stamp TEXT, body BLOB);
                CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, items TEXT);
                """
            )
            db.execute("SELECT count(*) FROM pages").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def close(self) -> None:
        self.db.close()

    def page(self, url: str) -> CachedPage | None:
        try:
            row = self.db.execute("SELECT final_url, content_type, etag, last_modified, fetched, stamp, body "
                                  "FROM pages WHERE url = ?", (url,)).fetchone()
            return CachedPage(*row[:6], zlib.decompress(row[6])) if row else None
        except (sqlite3.DatabaseError, zlib.error):
            return None  # fetched again

    def save_page(self, url: str, r, stamp: str) -> CachedPage:
        old = self.page(url)
        # the same bytes again (a server without validators) keep their date, so the build stays up to date
        fetched = old.fetched if old is not None and old.body == r.body else time.time()
        page = CachedPage(r.final_url, r.content_type, r.etag, r.last_modified, fetched, stamp, r.body)
        self.db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (url, page.final_url, page.content_type, page.etag, page.last_modified, page.fetched,
                         stamp, zlib.compress(page.body)))
        return page

    def restamp(self, url: str, stamp: str) -> None:
        self.db.execute("UPDATE pages SET stamp = ? WHERE url = ?", (stamp, url))

    def feed(self, url: str) -> list[FeedItem] | None:
        from .feeds import FeedItem

        try:
            row = self.db.execute("SELECT items FROM feeds WHERE url = ?", (url,)).fetchone()
            return [FeedItem.from_json(x) for x in json.loads(row[0])] if row else None
        except (sqlite3.DatabaseError, ValueError, TypeError):
            return None

    def save_feed(self, url: str, items: list[FeedItem]) -> None:
        self.db.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?)",
                        (url, json.dumps([i.to_json() for i in items], ensure_ascii=False)))

    def keep_only(self, urls: set[str]) -> None:
        """Forget pages and feeds this build no longer uses."""
        with self.db:
            self.db.execute("BEGIN")
            for table in ("pages", "feeds"):
                stale = [u for (u,) in self.db.execute(f"SELECT url FROM {table}") if u not in urls]
                self.db.executemany(f"DELETE FROM {table} WHERE url = ?", [(u,) for u in stale])
