"""RSS and Atom feeds: the items a feed lists, read with feedparser.

An item is what the feed says about an article: its link, headline, author,
date and summary. The summary and any full content in the feed are only used to
decide whether the item belongs to the story (`query.Query`); the article
itself is fetched from its link and read like a saved page.
"""
from __future__ import annotations

import datetime
import hashlib
import html
import io
import re
import warnings
from dataclasses import asdict, dataclass
from urllib.parse import urljoin

MAX_ITEMS = 200  # per feed; a feed is a list of recent stories, never an archive


class NotAFeed(Exception):
    """Bytes that are not an RSS or Atom feed; the message says why."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    link: str  # absolute URL of the article
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    text: str = ""  # headline, summary and content as plain text: what the query is matched against
    stamp: str = ""  # changes when the feed says the item changed (its id, dates and headline)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "FeedItem":
        return cls(**{k: data.get(k) for k in ("link", "title", "author", "published")},
                   text=data.get("text") or "", stamp=data.get("stamp") or "")


def parse_feed(body: bytes, url: str) -> tuple[str | None, list[FeedItem]]:
    """The feed's title and its items, links made absolute against `url`."""
    import feedparser

    # Bytes wrapped in a stream: feedparser would take a str for a URL or a file name.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser's notices about its own key mapping
        return _read(feedparser.parse(io.BytesIO(body), response_headers={"content-location": url}), url)


def _read(parsed, url: str) -> tuple[str | None, list[FeedItem]]:
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(reason).split())[:120]})" if reason else ""
        raise NotAFeed(f"not an RSS or Atom feed{detail}")
    items = []
    seen: set[str] = set()
    for entry in parsed.entries[:MAX_ITEMS]:
        link = _link_of(entry, url)
        if not link or link in seen:
            continue
        seen.add(link)
        title = _plain(entry.get("title"))
        summary = _plain(entry.get("summary"))
        content = " ".join(_plain(c.get("value")) or "" for c in entry.get("content", []) or [])
        stamp_parts = [entry.get("id") or link, entry.get("updated") or "", entry.get("published") or "", title or ""]
        items.append(FeedItem(
            link=link,
            title=title,
            author=_plain(entry.get("author")) or None,
            published=_date_of(entry),
            text="\n".join(p for p in (title, summary, content) if p),
            stamp=hashlib.sha256("\0".join(stamp_parts).encode("utf-8")).hexdigest()[:16],
        ))
    feed_title = _plain(parsed.feed.get("title")) if parsed.get("feed") else None
    return feed_title, items


def _link_of(entry, base: str) -> str | None:
    link = entry.get("link")
    if not link:
        for candidate in entry.get("links", []) or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    return urljoin(base, link.strip()) if link else None


def _date_of(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def _plain(value) -> str | None:
    """Markup in titles and summaries reduced to text."""
    if not value:
        return None
    text = html.unescape(re.sub(r"<[^>]+>", " ", str(value)))
    text = " ".join(text.split())
    # "jo@example.com (Jo Smith)": RSS authors are e-mail addresses with the name after them
    m = re.fullmatch(r"\S+@\S+\s+\((.+)\)", text)
    return (m.group(1) if m else text) or None
