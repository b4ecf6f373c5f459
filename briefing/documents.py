"""Office documents: PDF (pypdf) and Word .docx (python-docx) as articles; files no reader takes.

A document's headline, author and date come from its own metadata (the PDF's
document information, the .docx's core properties); a first line or heading
equal to the title is metadata, not text. PDF text comes in lines broken where
the page broke them; lines are joined back into paragraphs, since a sentence
must not end where a line did. A PDF without a text layer (scanned pages) is
skipped with a warning: it needs OCR first.
"""
from __future__ import annotations

import datetime
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from typing import Sequence

from .pagelines import ends_like_sentence
from .readers import (DOCUMENT_SUFFIXES, FOLDER_METADATA, PROJECT_FILE, SIDECAR_SUFFIX, SUFFIXES, Metadata,
                      Unreadable, iso_date)

PDF_SUFFIX, DOCX_SUFFIX = DOCUMENT_SUFFIXES
PROJECT_FILES = (FOLDER_METADATA, PROJECT_FILE)  # read as settings, not as articles

# What a server's Content-Type means for the reader to use (as a file suffix would).
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": PDF_SUFFIX,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DOCX_SUFFIX,
}


def suffix_for(path: str, content_type: str | None = None, head: bytes = b"") -> str:
    """The suffix whose reader takes a file (by its name) or a fetched page (by its Content-Type).

    "" when no reader takes the page; a page served without a useful type is known by its
    URL's suffix or its first bytes (`head`).
    """
    if content_type is None:
        return Path(path).suffix.lower()
    if content_type in CONTENT_TYPES:
        return CONTENT_TYPES[content_type]
    if content_type in ("", "application/octet-stream", "binary/octet-stream"):
        suffix = Path(urlsplit(path).path).suffix.lower()
        if suffix in SUFFIXES:
            return suffix
        if head.startswith(b"%PDF-"):
            return PDF_SUFFIX
        return ".html" if head.lstrip()[:1] == b"<" else ".txt"
    return ""


def read_document(suffix: str, raw: bytes) -> tuple[str, Metadata]:
    """Text and metadata of a PDF or .docx; Unreadable when there is no text to take."""
    if suffix == PDF_SUFFIX:
        return read_pdf(raw)
    return read_docx(raw)


def read_pdf(raw: bytes) -> tuple[str, Metadata]:
    import logging  # here, with pypdf: a build of no PDF (or with nothing to do) needs neither

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("an encrypted PDF; save it without a password")
        pages = [_paragraphs([line for line in _page_lines(page) if not _PAGE_NUMBER.fullmatch(line.text)])
                 for page in reader.pages]
        info = reader.metadata or {}
        title, author = info.get("/Title"), info.get("/Author")
        created = _pdf_date(info.get("/CreationDate")) or _pdf_date(info.get("/ModDate"))
    except Unreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise Unreadable(f"not a readable PDF ({' '.join(str(exc).split())[:100] or type(exc).__name__})") from None
    if not any(pages):
        raise Unreadable(f"a PDF without text ({len(pages)} page(s), scanned?); run OCR on it first")
    meta = Metadata(title=_text(title), published=created, byline=_text(author))
    paragraphs: list[str] = []
    for page in pages:
        if paragraphs and page and not ends_like_sentence(paragraphs[-1]) and page[0][:1].islower():
            paragraphs[-1] += " " + page.pop(0)  # a paragraph running on over the page break
        paragraphs += page
    return _without_title("\n\n".join(paragraphs), meta.title), meta


def read_docx(raw: bytes) -> tuple[str, Metadata]:
    import zipfile

    from docx import Document

    try:
        doc = Document(io.BytesIO(raw))
        props = doc.core_properties
        paragraphs = [(p.style.name if p.style is not None else "", p.text.strip()) for p in doc.paragraphs]
        title, author, created = props.title, props.author, props.created
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise Unreadable(f"not a readable Word document ({' '.join(str(exc).split())[:100]})") from None
    except Exception as exc:  # python-docx raises its own types for a broken package
        raise Unreadable(f"not a readable Word document ({type(exc).__name__})") from None
    if not title:  # the document's first Title or Heading 1 paragraph stands for it
        title = next((t for style, t in paragraphs if t and style in ("Title", "Heading 1")), None)
    text = "\n\n".join(t for _style, t in paragraphs if t)
    if not text.strip():
        raise Unreadable("a Word document without text")
    meta = Metadata(title=_text(title), published=iso_date(created), byline=_text(author))
    return _without_title(text, meta.title), meta


def _text(value) -> str | None:
    return " ".join(str(value).split()) or None if value else None


def _pdf_date(value) -> str | None:
    """'D:20250106093000Z' and the like, as YYYY-MM-DD."""
    m = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", str(value or ""))
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)).isoformat()
    except ValueError:
        return None


def _without_title(text: str, title: str | None) -> str:
    """The headline is metadata; a first paragraph that only repeats it is not article text."""
    head, _, rest = text.partition("\n\n")
    if title and " ".join(head.split()) == title and rest.strip():
        return rest
    return text


_PAGE_NUMBER = re.compile(r"(?i)(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–]")


@dataclass
class _Line:
    text: str = ""
    y: float | None = None  # its baseline, down or up the page: only differences count
    size: float = 0.0  # font size


def _page_lines(page) -> list[_Line]:
    """The page's lines as pypdf reads them, each with where it stands and its font size."""
    lines = [_Line()]

    def visit(text, cm, tm, _font, size):
        parts = text.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append(_Line())
            if part.strip() and lines[-1].y is None:
                lines[-1].y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                lines[-1].size = round(size * (abs(tm[3]) or 1) * (abs(cm[3]) or 1), 1)
            lines[-1].text += part

    page.extract_text(visitor_text=visit)
    for line in lines:
        line.text = " ".join(line.text.split())
    return lines


def _paragraphs(lines: list[_Line]) -> list[str]:
    """A page's lines joined into paragraphs.

    A paragraph ends at a blank line, a change of font size (a heading), a gap wider than
    the usual line spacing, or a line clearly shorter than the full lines set in its size
    (a paragraph's last line, a byline); other lines run on into the next one.
    """
    lines = [line for line in lines if line.text or line.y is None]
    gaps: dict[float, list[float]] = {}  # line spacing by font size
    for a, b in zip(lines, lines[1:]):
        if a.y is not None and b.y is not None and a.size == b.size and a.text and b.text:
            gaps.setdefault(a.size, []).append(abs(b.y - a.y))
    spacing = {size: sorted(g)[len(g) // 3] for size, g in gaps.items()}
    widths: dict[float, list[int]] = {}
    for line in lines:
        widths.setdefault(line.size, []).append(len(line.text))
    measure = {size: sorted(w)[int(0.8 * (len(w) - 1))] for size, w in widths.items()}
    paragraphs: list[str] = []
    current = ""
    for line, after in zip(lines, [*lines[1:], None]):
        if line.text:
            current = f"{current}{'' if current.endswith('-') or not current else ' '}{line.text}"
        ends = (not line.text or after is None or not after.text or after.size != line.size
                or len(line.text) < 0.75 * measure[line.size]
                or (line.y is not None and after.y is not None
                    and abs(after.y - line.y) > 1.4 * spacing.get(line.size, float("inf"))))
        if ends and current:
            paragraphs.append(current)
            current = ""
    return paragraphs


def unread_files(paths: Sequence[str]) -> list[str]:
    """Files in the sources folders that no reader takes (listed so that none is ignored silently)."""
    found = []
    for given in paths:
        if not os.path.isdir(given):
            continue
        for root, dirs, names in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                low = name.lower()
                if name.startswith(".") or low.endswith(SUFFIXES + (SIDECAR_SUFFIX,)) or low in PROJECT_FILES:
                    continue
                found.append(os.path.relpath(os.path.join(root, name), given))
    return found


def unread_note(paths: Sequence[str], shown: int = 10) -> str | None:
    """One line for them all: "not read: notes.xlsx (unsupported format), ..."."""
    files = unread_files(paths)
    if not files:
        return None
    listed = ", ".join(f"{f} (unsupported format)" for f in files[:shown])
    more = f", and {len(files) - shown} more" if len(files) > shown else ""
    return f"not read: {listed}{more}"
