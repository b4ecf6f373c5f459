"""Stage 1, ingest: files in, `Source` objects out.

Reads each file (UTF-8, falling back to a detected encoding), takes the
headline, outlet line and dateline from the top where they are there, and drops
page furniture. Furniture is recognised by the shape and position of lines
(short lines without sentence punctuation above and below the article, runs of
link-like lines) and by the patterns in `data/furniture.toml`. Lines are
dropped, never rewritten, so every line of `Source.text` is a line of the file.
"""
from __future__ import annotations

import hashlib
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .dates import parse_dateline
from .errors import BriefingError
from .model import Skipped, Source
from .readers import SUFFIXES as ARTICLE_SUFFIXES
from .readers import Metadata, MetadataFiles, Unreadable, read_text

DATA = Path(__file__).parent / "data"

# A line "ends like a sentence" when its last letter-ish character is followed
# only by sentence punctuation and closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_STATEMENT_END = re.compile(r"[.…][\"'”’»)\]]*$")


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    lines: tuple[re.Pattern, ...]
    list_headers: tuple[re.Pattern, ...]
    sentences: tuple[re.Pattern, ...]

    @classmethod
    def load(cls, path: Path = DATA / "furniture.toml") -> "FurnitureRules":
        with open(path, "rb") as f:
            data = tomllib.load(f)

        def compile_all(key: str) -> tuple[re.Pattern, ...]:
            return tuple(re.compile(p, re.IGNORECASE) for p in data.get(key, []))

        return cls(compile_all("lines"), compile_all("list_headers"), compile_all("sentences"))

    def is_furniture(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.lines)

    def is_list_header(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.list_headers)

    def is_boilerplate_sentence(self, sentence: str) -> bool:
        return any(p.fullmatch(sentence.strip()) for p in self.sentences)


@dataclass(frozen=True, slots=True)
class Ingested:
    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


def read_sources(
    paths: Sequence[str],
    rules: FurnitureRules | None = None,
    contents: dict[str, bytes] | None = None,
) -> Ingested:
    """Read every article under `paths` (files or folders) into `Source` objects.

    `contents` may hold bytes already read, by path. Raises BriefingError when a
    path does not exist or nothing readable is found; files that cannot be used
    are returned in `skipped`, with the reason.
    """
    rules = rules or FurnitureRules.load()
    files = list_article_files(paths)
    metadata = MetadataFiles()
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for path in files:
        try:
            raw = contents[path] if contents and path in contents else Path(path).read_bytes()
            text, notes = decode(raw)
            body, meta, plain = read_text(path, text)
            cleaned = clean(body, rules)
            if not cleaned.text.strip():
                raise Unreadable("no article text after removing page furniture")
            modified = os.stat(path).st_mtime
        except OSError as exc:
            skipped.append(Skipped(path, f"cannot be read ({exc.strerror or exc})"))
            continue
        except Unreadable as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        inferred = Metadata(cleaned.title, cleaned.outlet, cleaned.published or _date_in_name(path))
        meta = metadata.for_file(path).over(meta).over(inferred)
        sources.append(
            Source(
                id=f"S{len(sources) + 1}",
                path=path,
                sha256=hashlib.sha256(raw).hexdigest(),
                text=cleaned.text,
                title=meta.title,
                outlet=meta.outlet,
                published=meta.published,
                url=meta.url,
                modified=modified,
                notes=tuple(notes),
            )
        )
    skipped += [Skipped(path, reason) for path, reason in metadata.errors]
    if not sources:
        where = ", ".join(paths)
        detail = f" ({len(skipped)} file(s) skipped: {skipped[0].path}: {skipped[0].reason})" if skipped else ""
        raise BriefingError(
            f"no readable article in {where}{detail}; add .txt articles or name the files directly"
        )
    return Ingested(tuple(sources), tuple(skipped))


def _date_in_name(path: str) -> str | None:
    """Archives often name files "2020-01-05_headline.txt": the date is the publication date."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?!\d)", os.path.basename(path))
    return parse_dateline(m.group(1)) if m else None


def list_article_files(paths: Sequence[str]) -> list[str]:
    """The article files named by `paths`, folders expanded, in a stable order."""
    files: list[str] = []
    for given in paths:
        if os.path.isdir(given):
            found = []
            for root, dirs, names in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    os.path.join(root, n)
                    for n in names
                    if not n.startswith(".") and n.lower().endswith(ARTICLE_SUFFIXES)
                ]
            files += sorted(found)
        elif os.path.isfile(given):
            files.append(given)
        elif os.path.lexists(given):
            raise BriefingError(f"{given}: not a file or folder")
        else:
            raise BriefingError(f"{given}: no such file or folder")
    seen: set[str] = set()
    unique = []
    for f in files:
        real = os.path.realpath(f)
        if real not in seen:
            seen.add(real)
            unique.append(f)
    return unique


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Bytes to text with newlines normalised; raises Unreadable for non-text."""
    if not raw.strip():
        raise Unreadable("empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _normalise_newlines(raw.decode("utf-16")), ["decoded as UTF-16"]
    try:
        text = raw.decode("utf-8-sig")
        notes: list[str] = []
    except UnicodeDecodeError:
        text, notes = _decode_legacy(raw)
    if _looks_binary(text):
        raise Unreadable("binary data, not text")
    if not text.strip():
        raise Unreadable("only whitespace")
    return _normalise_newlines(text), notes


def _decode_legacy(raw: bytes) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise Unreadable("binary data, not text")
    return str(best), [f"decoded as {best.encoding}"]


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls > max(2, len(sample) // 100)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- cleaning -------------------------------------------------------------------------


def _words(line: str) -> int:
    return len(line.split())


def ends_like_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_headline_shaped(line: str) -> bool:
    """Short, and not ending in a full stop: a title, a link, a label or a button."""
    return 0 < _words(line) <= 25 and len(line) <= 200 and not _STATEMENT_END.search(line)


def is_widget_shaped(line: str) -> bool:
    """Very short and without sentence punctuation: a button, a counter, a label."""
    return _words(line) <= 6 and not ends_like_sentence(line)


def _is_outlet_line(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 6
        and not ends_like_sentence(line)
        and not any(ch.isdigit() for ch in line)
        and all(w[0].isupper() or not w[0].isalpha() for w in words if len(w) > 3)
    )


def clean(text: str, rules: FurnitureRules) -> Cleaned:
    """Split off headline, outlet and dateline; drop furniture lines."""
    lines = [line.strip() for line in text.split("\n")]
    keep = [bool(line) for line in lines]
    nonblank = [i for i, line in enumerate(lines) if line]
    if not nonblank:
        return Cleaned("")

    title = outlet = published = None
    # The top of the page: everything before the first line that reads like
    # article text. The headline, outlet and dateline live here; anything else
    # short here is furniture (newsletter prompts, map legends, share bars).
    body_start = next(
        (i for i in nonblank if ends_like_sentence(lines[i]) and _words(lines[i]) > 6), len(lines)
    )
    for n, i in enumerate(i for i in nonblank if i < body_start):
        line = lines[i]
        date = parse_dateline(line)
        if date and published is None:
            published = date
        elif n == 0 and is_headline_shaped(line):
            title = line
        elif title is not None and outlet is None and published is None and n == 1 and _is_outlet_line(line):
            outlet = line
        keep[i] = False

    for i in nonblank:
        if keep[i] and rules.is_furniture(lines[i]):
            keep[i] = False

    _drop_link_lists(lines, keep, rules)
    _drop_trailing_widgets(lines, keep)

    kept = [lines[i] if keep[i] else "" for i in range(len(lines))]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return Cleaned(body, title, outlet, published)


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
