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
import logging
import os
import re
from pathlib import Path
from urllib.parse import urlsplit
from typing import Sequence

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
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("an encrypted PDF; save it without a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
        title, author = info.get("/Title"), info.get("/Author")
        created = _pdf_date(info.get("/CreationDate")) or _pdf_date(info.get("/ModDate"))
    except Unreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise Unreadable(f"not a readable PDF ({' '.join(str(exc).split())[:100] or type(exc).__name__})") from None
    if not any(p.strip() for p in pages):
        raise Unreadable(f"a PDF without text ({len(pages)} page(s), scanned?); run OCR on it first")
    meta = Metadata(title=_text(title), published=created, byline=_text(author))
    paragraphs = [p for page in pages for p in _paragraphs(page.split("\n"))]
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


def _paragraphs(lines: list[str]) -> list[str]:
    """A page's lines joined into paragraphs.

    A line ends its paragraph when it is clearly shorter than the page's full lines
    (the last line of a paragraph, a heading, a byline) or is followed by a blank line;
    other lines run on into the next one.
    """
    lines = [" ".join(line.split()) for line in lines]
    full = sorted(len(line) for line in lines if line)
    if not full:
        return []
    measure = full[int(0.8 * (len(full) - 1))]  # the length of a full line
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = f"{current}{'' if current.endswith('-') or not current else ' '}{line}"
        if len(line) < 0.75 * measure:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
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
