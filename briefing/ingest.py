"""Stage 1, ingest: files in, `Source` objects out.

Reads each file (UTF-8, falling back to a detected encoding), reads the
headline, outlet, byline and date the page states (`masthead`), and drops page
furniture. Furniture is recognised by the shape and position of lines (short
lines without sentence punctuation above and below the article, runs of
link-like lines) and by the line classes in `data/furniture.toml` (`pagelines`).
Lines are dropped, never rewritten, so every line of `Source.text` is a line of
the file. Sources are listed in date order, undated ones last.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, Sequence

from .dates import parse_dateline
from .errors import BriefingError
from .files import Limits, _mb, article_files
from .masthead import read_masthead
from .model import FetchedPage, Skipped, Source
from .pagelines import (FurnitureRules, ends_like_sentence, is_headline_shaped, is_widget_shaped, labelled_number_label,
                        reads_like_text)
from .readers import DOCUMENT_SUFFIXES, Metadata, MetadataFiles, Unreadable, read_text
from .documents import read_document, suffix_for

__all__ = ["FurnitureRules", "ends_like_sentence", "read_sources", "clean", "decode", "Unreadable"]

@dataclass(frozen=True, slots=True)
class Ingested:
    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    byline: str | None = None
    date_inferred: bool = False  # `published` is a date the text states about its present
    reasons: tuple[str, ...] = ()  # where each of the above was read


@dataclass(frozen=True, slots=True)
class Read:
    """What reading and cleaning one file's bytes gave: a function of its name, its bytes, its
    Content-Type, the year it was saved and the furniture rules."""

    cleaned: Cleaned
    meta: Metadata
    notes: tuple[str, ...]
    english: bool  # `looks_english` of the cleaned text


class ReadKept(Protocol):
    """Files read in earlier builds, by (path, sha256 of the bytes, Content-Type, year saved)."""

    def get(self, key: tuple) -> Read | None: ...

    def put(self, key: tuple, read: Read) -> None: ...


def read_sources(
    paths: Sequence[str],
    rules: FurnitureRules | None = None,
    contents: dict[str, bytes] | None = None,
    limits: Limits = Limits(),
    pages: Sequence[FetchedPage] = (),
    kept: "ReadKept | None" = None,
) -> Ingested:
    """Read every article under `paths` (files or folders), and `pages` fetched from the web, into `Source` objects.

    `contents` may hold bytes already read, by path. A page's URL is its source's path. Raises BriefingError when a
    path does not exist, the input is over `limits`, or nothing readable is
    found; files that cannot be used are returned in `skipped`, with the reason.
    The same bytes under two names are one source that lists both paths. `kept`: what reading
    and cleaning gave for the same bytes under the same name in an earlier build, and where to
    keep what this build reads (see `ReadKept`).
    """
    rules = rules or FurnitureRules.load()
    sizes = article_files(paths, limits)
    files = list(sizes)
    metadata = MetadataFiles()
    sources: list[Source] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    by_hash: dict[str, int] = {}
    fetched = {page.url: page for page in pages}
    for path in files + list(fetched):
        page = fetched.get(path)
        if sizes.get(path, 0) > limits.max_file_bytes:
            skipped.append(Skipped(path, f"{_mb(sizes[path])}, over the {_mb(limits.max_file_bytes)} limit "
                                         "per file (raise it with --max-file-mb)"))
            continue
        try:
            raw = page.body if page else contents[path] if contents and path in contents else Path(path).read_bytes()
            digest = hashlib.sha256(raw).hexdigest()
            if digest in by_hash:
                first = by_hash[digest]
                sources[first] = replace(sources[first], duplicates=sources[first].duplicates + (path,))
                warnings.append(f"{path}: same content as {sources[first].path}; used once")
                continue
            modified = page.fetched if page else os.stat(path).st_mtime
            key = (path, digest, page.content_type if page else None, _year_of(modified))
            done = kept.get(key) if kept is not None else None
            if done is None:
                body, meta, notes = _read_any(path, raw, page.content_type if page else None)
                cleaned = clean(body, rules, _year_of(modified))
                if not cleaned.text.strip():
                    raise Unreadable("no article text after removing page furniture")
                done = Read(cleaned, meta, tuple(notes), looks_english(cleaned.text))
                if kept is not None:
                    kept.put(key, done)
            cleaned, meta, notes = done.cleaned, done.meta, done.notes
        except OSError as exc:
            skipped.append(Skipped(path, f"cannot be read ({exc.strerror or exc})"))
            continue
        except Unreadable as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        if not done.english:
            warnings.append(f"{path}: does not look like English; the language model is English, "
                            "so its sentences and facts may be poor")
        stated = cleaned.published if not cleaned.date_inferred else None
        from_text = Metadata(cleaned.title, cleaned.outlet, stated or _date_in_name(path) or cleaned.published,
                             byline=cleaned.byline)
        given = Metadata(page.title, None, page.published, page.url, page.byline) if page else metadata.for_file(path)
        meta = given.over(meta).over(from_text)
        by_hash[digest] = len(sources)
        sources.append(
            Source(
                id=f"S{len(sources) + 1}",
                path=path,
                sha256=digest,
                text=cleaned.text,
                title=meta.title,
                outlet=meta.outlet,
                published=meta.published,
                url=meta.url,
                modified=modified,
                notes=tuple(notes),
                byline=meta.byline,
                date_inferred=cleaned.date_inferred and meta.published == cleaned.published,
                reasons=_reasons_kept(cleaned, meta),
            )
        )
    sources = _in_date_order(sources)
    warnings += [f"{path}: {reason}" for path, reason in metadata.errors]
    if not sources:
        where = ", ".join([*paths, *fetched])
        detail = f" ({len(skipped)} file(s) skipped: {skipped[0].path}: {skipped[0].reason})" if skipped else ""
        raise BriefingError(
            f"no readable article in {where}{detail}; add .txt, .md, .html, .pdf or .docx articles or name the files directly"
        )
    return Ingested(tuple(sources), tuple(skipped), tuple(warnings))


@functools.lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))


def looks_english(text: str) -> bool:
    """English prose is about half stop words; other languages share few of them."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 30:
        return True  # too little to tell
    stop = _english_stop_words()
    return sum(w in stop for w in words) / len(words) >= 0.2


def _read_any(path: str, raw: bytes, content_type: str | None) -> tuple[str, Metadata, list[str]]:
    """Text, metadata and notes of a file, or of a page by its Content-Type."""
    suffix = suffix_for(path, content_type, raw[:512])
    if content_type is not None and not suffix:
        raise Unreadable(f"{content_type} is not an article format")
    if suffix in DOCUMENT_SUFFIXES:
        body, meta = read_document(suffix, raw)
        return body, meta, []
    text, notes = decode(raw)
    body, meta = read_text(path, text, suffix)
    return body, meta, notes


def _year_of(timestamp: float) -> int:
    import datetime

    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).year


_REASON_FIELDS = {"headline": "title", "outlet": "outlet", "byline": "byline", "date": "published"}


def _reasons_kept(cleaned: Cleaned, meta: Metadata) -> tuple[str, ...]:
    """The text's reasons for the values that were used (a sidecar or the HTML may overrule them)."""
    kept = []
    for reason in cleaned.reasons:
        field = _REASON_FIELDS[reason.split()[0]]
        if getattr(meta, field) == getattr(cleaned, field):
            kept.append(reason)
    return tuple(kept)


def _in_date_order(sources: list[Source]) -> list[Source]:
    """Oldest first, undated last, ties in file order; ids follow the new order."""
    ordered = sorted(sources, key=lambda s: (s.published is None, s.published or ""))
    return [replace(s, id=f"S{n}") for n, s in enumerate(ordered, start=1)]


def _date_in_name(path: str) -> str | None:
    """Archives often name files "2020-01-05_headline.txt": the date is the publication date."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?!\d)", os.path.basename(path))
    return parse_dateline(m.group(1)) if m else None


_MAGIC = {b"%PDF-": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
          b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (or Office document)",
          b"\x1f\x8b": "a gzip archive", b"\x7fELF": "a program"}


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Bytes to text with newlines normalised; raises Unreadable for non-text."""
    if not raw:
        raise Unreadable("empty file")
    if not raw.strip():
        raise Unreadable("only whitespace")
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise Unreadable(f"{kind}, not text")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _normalise_newlines(raw.decode("utf-16", errors="replace")), ["decoded as UTF-16"]
    notes: list[str] = []
    nuls = raw.count(0)
    if nuls:
        utf16 = _utf16_without_bom(raw)
        if utf16 is not None:
            return _normalise_newlines(utf16), ["decoded as UTF-16 (no byte-order mark)"]
        if nuls <= max(8, len(raw) // 100):
            raw = raw.replace(b"\x00", b"")
            notes.append(f"removed {nuls} stray NUL byte{'s' if nuls > 1 else ''}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, legacy = _decode_legacy(raw)
        notes += legacy
    text, repaired = _windows_1252_controls(text)
    if repaired:
        notes.append(f"read {repaired} control character{'s' if repaired > 1 else ''} as the Windows-1252 "
                     "punctuation they stand for")
    if _looks_binary(text):
        raise Unreadable("binary data, not text")
    if not text.strip():
        raise Unreadable("only whitespace")
    return _normalise_newlines(text), notes


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text puts a NUL beside nearly every ASCII letter, on the odd or the even bytes."""
    if len(raw) < 4:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    half = len(raw) // 2
    for codec, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros > 0.4 * half and raw.count(0) - zeros < 0.05 * half:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _decode_legacy(raw: bytes) -> tuple[str, list[str]]:
    """Text that is not UTF-8: Windows-1252 when it is mostly ASCII, else whatever is detected.

    English news with a stray "£" or curly quote is almost always Windows-1252 (or
    Latin-1, its subset); a detector asked about one byte in a thousand guesses wildly.
    """
    high = sum(b >= 0x80 for b in raw)
    if high <= max(16, len(raw) // 50):
        try:
            return raw.decode("cp1252"), ["decoded as Windows-1252"]
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise Unreadable("binary data, not text")
    return str(best), [f"decoded as {best.encoding}"]


# Control characters (Unicode category Cc, which is fixed: U+0000-001F and U+007F-009F) but
# line breaks, tabs and form feeds
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


_C1 = re.compile("[\x80-\x9f]")


def _windows_1252_controls(text: str) -> tuple[str, int]:
    """Curly quotes and dashes of a Windows page decoded as Latin-1 and saved again as UTF-8 arrive
    as the C1 control characters of the same numbers (U+0091 for a left quote, U+0097 for a dash),
    which no news text means: the punctuation they stand for (one with no such character goes)."""
    def repair(m: re.Match) -> str:
        try:
            return m.group(0).encode("latin-1").decode("cp1252")
        except UnicodeDecodeError:
            return ""
    return _C1.subn(repair, text)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROLS.findall(sample)) > max(2, len(sample) // 100)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- cleaning -------------------------------------------------------------------------


def clean(text: str, rules: FurnitureRules, latest_year: int | None = None) -> Cleaned:
    """Read headline, outlet, byline and date from the page's lines; drop furniture lines.

    `latest_year` is the year the page was saved at the latest: it fixes the year of a date
    inferred from a weekday ("on Thursday, June 5").
    """
    lines = [line.strip() for line in text.split("\n")]
    keep = [bool(line) for line in lines]
    nonblank = [i for i, line in enumerate(lines) if line]
    if not nonblank:
        return Cleaned("")

    classes = [rules.line_class(line) if line else None for line in lines]
    head = read_masthead(lines, rules, classes, latest_year)
    # The top of the page: everything before the first line that reads like article text.
    # The headline, outlet and date live here; anything else short here is furniture
    # (newsletter prompts, map legends, share bars).
    body_start = next((i for i in nonblank if classes[i] is None and reads_like_text(lines[i])), len(lines))
    for i in nonblank:
        if i < body_start or i in head.used or rules.is_furniture(lines[i]):
            keep[i] = False

    shown = list(keep)
    _drop_link_lists(lines, keep, rules)
    _drop_trailing_widgets(lines, keep)
    # a table's rows ("Peru: 1,204") are short and unpunctuated like links and counters, but they
    # are content, unless their label is furniture ("Comments: 12")
    for i, line in enumerate(lines):
        label = labelled_number_label(line) if shown[i] and not keep[i] else None
        if label and not rules.is_furniture(label):
            keep[i] = True

    kept = [lines[i] if keep[i] else "" for i in range(len(lines))]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return Cleaned(body, head.title, head.outlet, head.published, head.byline, head.date_inferred, head.reasons)


def _drop_link_lists(lines: list[str], keep: list[bool], rules: FurnitureRules) -> None:
    """A list header and the headline-like lines after it; or a run of 3+ headline-like lines."""
    n = len(lines)
    i = 0
    while i < n:
        if keep[i] and rules.is_list_header(lines[i]):
            keep[i] = False
            j = i + 1
            while j < n and (not lines[j] or is_headline_shaped(lines[j])):
                keep[j] = False
                j += 1
            i = j
            continue
        i += 1
    run: list[int] = []
    for i in range(n + 1):
        line = lines[i] if i < n else ""
        if i < n and not line:
            continue
        if i < n and keep[i] and is_headline_shaped(line) and not ends_like_sentence(line):
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                keep[j] = False
        run = []


def _drop_trailing_widgets(lines: list[str], keep: list[bool]) -> None:
    """Below the article: comment widgets, counters, buttons, unlinked headlines."""
    tail = [i for i in range(len(lines)) if keep[i]]
    run = []
    for i in reversed(tail):
        if is_widget_shaped(lines[i]) or (run and is_headline_shaped(lines[i]) and not ends_like_sentence(lines[i])):
            run.append(i)
        else:
            break
    for i in run:
        keep[i] = False
