"""Readers: one per input format, each turning a file's bytes into article text and metadata.

Like Pelican's readers, a reader knows its format and nothing else: `.txt` is
taken as it is, `.md` loses its markup and gives up its YAML front matter, and
`.html` pages go through trafilatura, which keeps the article and drops
navigation, scripts and comments. Metadata from a sidecar (`story.meta.toml`
beside `story.txt`) or a folder's `sources.toml` overrides what a file says.
"""
from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from .dates import parse_dateline

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
DOCUMENT_SUFFIXES = (".pdf", ".docx")  # read from their bytes by `documents`
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + DOCUMENT_SUFFIXES
SIDECAR_SUFFIX = ".meta.toml"
FOLDER_METADATA = "sources.toml"
FOLDER_SETTINGS = ("feeds",)  # keys of sources.toml that are not a file's metadata
PROJECT_FILE = "briefing.toml"


class Unreadable(Exception):
    """A file that is not usable as an article; the message says why."""


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    byline: str | None = None

    def over(self, other: "Metadata") -> "Metadata":
        """These values where set, `other`'s elsewhere."""
        return Metadata(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})


def iso_date(value) -> str | None:
    """A date from TOML/YAML (date objects) or text ("2024-02-03", "February 3, 2024")."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        text = value.strip()
        return parse_dateline(text) or parse_dateline(text[:10])
    return None


def metadata_from(mapping: dict, where: str) -> Metadata:
    if not isinstance(mapping, dict):
        raise Unreadable(f"metadata in {where} is not a table of title/outlet/published/url")

    def text(key):
        v = mapping.get(key)
        return " ".join(str(v).split()) or None if v is not None else None

    return Metadata(
        title=text("title"),
        outlet=text("outlet") or text("sitename") or text("source"),
        published=iso_date(mapping.get("published") or mapping.get("date")),
        url=text("url"),
        byline=text("byline") or text("author"),
    )


def _plain_front_matter(block: str) -> dict[str, str] | None:
    """Lines of "key: value", the value being the rest of the line (quotes around it dropped);
    None when a line is not of that form."""
    out = {}
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", line)
        if m is None:
            return None
        value = m.group(2)
        if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        out[m.group(1).lower()] = value
    return out


def read_markdown(text: str) -> tuple[str, Metadata]:
    """Front matter as metadata; the body with headings, links and emphasis reduced to text."""
    meta = Metadata()
    m = re.match(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if m:
        import yaml

        try:
            front = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            # "title: Floods: toll climbs" is how people write front matter by hand: one key and the
            # rest of its line, as Pelican reads it; only what is not even that is refused
            front = _plain_front_matter(m.group(1))
            if front is None:
                raise Unreadable(f"front matter is not valid YAML ({str(exc).splitlines()[0]})") from None
        meta = metadata_from(front, "front matter")
        text = text[m.end():]
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)  # headings
        line = re.sub(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", "", line)  # list markers
        line = re.sub(r"^\s{0,3}>\s?", "", line)  # block quotes
        line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", line)  # images: alt text
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links: their text
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", line)
        line = re.sub(r"`([^`]*)`", r"\1", line)
        if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):  # horizontal rules
            line = ""
        lines.append(line)
    return "\n".join(lines), meta


def read_html(text: str) -> tuple[str, Metadata]:
    """The main text and metadata of a saved web page."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(
        text, include_comments=False, include_tables=False, include_links=False,
        include_images=False, with_metadata=True, favor_precision=True,
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise Unreadable("no article text found in this HTML page")
    meta = Metadata(
        title=getattr(doc, "title", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        published=iso_date(getattr(doc, "date", None)),
        url=getattr(doc, "url", None) or None,
        byline=getattr(doc, "author", None) or None,
    )
    # trafilatura repeats the headline as the first line; it is metadata, not text
    lines = body.split("\n")
    if meta.title and lines and lines[0].strip() == meta.title.strip():
        lines = lines[1:]
    return "\n\n".join(line for line in lines if line.strip()), meta


def read_text(path: str, text: str, suffix: str | None = None) -> tuple[str, Metadata]:
    """Article text, and the metadata the file itself carries; `suffix` says the format when the path cannot."""
    suffix = suffix or Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown(text)
    if suffix in HTML_SUFFIXES:
        return read_html(text)
    return text, Metadata()


def _entry_problems(folder: Path, name: str, table: dict, meta: Metadata) -> list[tuple[str, str]]:
    """What a sources.toml entry says that cannot be used: it would otherwise be dropped without a word."""
    where, problems = str(folder / FOLDER_METADATA), []
    if not (folder / name).is_file():
        problems.append((where, f"[{name}]: no such file in {folder}; entry ignored"))
    given = table.get("published") or table.get("date")
    if given is not None and meta.published is None:
        key = "published" if table.get("published") is not None else "date"
        problems.append((where, f"[{name}] {key} = '{given}' is not a date (write YYYY-MM-DD); ignored"))
    return problems


class MetadataFiles:
    """Sidecar and folder-level metadata, each file read once."""

    def __init__(self):
        self._folders: dict[Path, dict[str, Metadata]] = {}
        self.errors: list[tuple[str, str]] = []

    def for_file(self, path: str) -> Metadata:
        p = Path(path)
        meta = self._folder(p.parent).get(p.name, Metadata())
        sidecar = p.with_name(p.name[: -len(p.suffix)] + SIDECAR_SUFFIX) if p.suffix else None
        if sidecar and sidecar.is_file():
            table = self._load(sidecar)
            if table is not None:
                try:
                    meta = metadata_from(table, str(sidecar)).over(meta)
                except Unreadable as exc:
                    self.errors.append((str(sidecar), str(exc)))
        return meta

    def _folder(self, folder: Path) -> dict[str, Metadata]:
        if folder not in self._folders:
            entries: dict[str, Metadata] = {}
            table = self._load(folder / FOLDER_METADATA) if (folder / FOLDER_METADATA).is_file() else None
            for name, value in (table or {}).items():
                if name in FOLDER_SETTINGS:
                    continue
                try:
                    entries[name] = metadata_from(value, f"{folder / FOLDER_METADATA} [{name}]")
                except Unreadable as exc:
                    self.errors.append((str(folder / FOLDER_METADATA), str(exc)))
                    continue
                self.errors += _entry_problems(folder, name, value, entries[name])
            self._folders[folder] = entries
        return self._folders[folder]

    def _load(self, path: Path) -> dict | None:
        try:
            with open(path, "rb") as f:
                return tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            self.errors.append((str(path), f"metadata ignored: {exc}"))
            return None
