"""PDF and Word files made by the tests themselves, built and cited; files no reader takes are named."""
from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.documents import read_docx, read_pdf
from briefing.readers import Unreadable

REPORT = [
    "The defence ministry confirmed on Wednesday that four soldiers were killed and 12 were wounded in the drone "
    "attack on Camp Halden, which it said had been launched from a field about 30 kilometres north of the base.",
    "\u201cOur investigation is continuing and we will publish its findings,\u201d the ministry said in its report.",
    "Investigators recovered parts of two drones near the perimeter fence of the base on Tuesday.",
]
MEMO = [
    "Port Mirel hospital treated 12 soldiers wounded in the attack on Camp Halden, its director said on Thursday.",
    "Two of the soldiers remained in intensive care, the director said.",
    "The hospital asked the ministry for more blood donors after the attack.",
]


def make_pdf(path: Path, title: str, author: str, paragraphs: list[str], created: str) -> None:
    """A text PDF as an office would export it: WeasyPrint sets the text, pypdf adds the creation date."""
    from pypdf import PdfReader, PdfWriter
    from weasyprint import HTML

    html = (f'<html lang="en"><head><title>{title}</title><meta name="author" content="{author}"></head>'
            f'<body style="font-size: 12pt"><h1>{title}</h1>' + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</body></html>")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(HTML(string=html).write_pdf())))
    writer.add_metadata({"/CreationDate": f"D:{created.replace('-', '')}093000Z"})
    with open(path, "wb") as f:
        writer.write(f)


def make_docx(path: Path, title: str, author: str, paragraphs: list[str], created: datetime.datetime) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=0)
    for p in paragraphs:
        doc.add_paragraph(p)
    doc.core_properties.author = author
    doc.core_properties.created = created
    doc.save(str(path))


def make_scan(path: Path) -> None:
    """A PDF of pages without a text layer, as a scanner makes them."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    with open(path, "wb") as f:
        writer.write(f)


def test_pdf_and_word_files_are_read_with_their_metadata_built_and_cited(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    make_pdf(folder / "ministry-report.pdf", "Ministry report on the Camp Halden attack",
             "Defence Ministry Press Office", REPORT, "2025-01-08")
    make_docx(folder / "hospital-memo.docx", "Hospital memo on the wounded", "Dr Aino Salo", MEMO,
              datetime.datetime(2025, 1, 9, 8, 0, tzinfo=datetime.timezone.utc))
    make_scan(folder / "scan.pdf")
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    output = result.output.splitlines()
    assert [line for line in output if "scan.pdf" in line] == [
        f"warning: skipped {folder / 'scan.pdf'}: a PDF without text (2 page(s), scanned?); run OCR on it first"]
    assert [line for line in output if line.startswith("note: not read")] == [
        "note: not read: notes.xlsx (unsupported format), photo.jpg (unsupported format)"]

    b = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    by_name = {Path(s["path"]).name: s for s in b["sources"]}
    assert set(by_name) == {"ministry-report.pdf", "hospital-memo.docx"}
    pdf, docx = by_name["ministry-report.pdf"], by_name["hospital-memo.docx"]
    assert (pdf["title"], pdf["byline"], pdf["published"]) == (
        "Ministry report on the Camp Halden attack", "Defence Ministry Press Office", "2025-01-08")
    assert (docx["title"], docx["byline"], docx["published"]) == (
        "Hospital memo on the wounded", "Dr Aino Salo", "2025-01-09")
    # the headline is metadata, not text; a sentence broken over the PDF's lines is whole again
    assert not pdf["text"].startswith("Ministry report") and not docx["text"].startswith("Hospital memo")
    assert REPORT[0] in pdf["text"] and all(p in docx["text"] for p in MEMO)
    # both are quoted and cited, each quote the exact span it cites
    texts = {s["id"]: s["text"] for s in b["sources"]}
    cited = set()
    for item in b["summary"]:
        for c in item["citations"]:
            assert texts[c["source"]][c["start"]:c["end"]] == item["text"]
            cited.add(c["source"])
    assert cited == {pdf["id"], docx["id"]}
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "ministry-report.pdf" in html and "hospital-memo.docx" in html


@pytest.mark.parametrize("reader, data, complaint", [
    (read_pdf, b"%PDF-1.7\nnot really a pdf", "not a readable PDF"),
    (read_docx, b"PK\x03\x04 broken zip", "not a readable Word document"),
    (read_docx, b"plain text named .docx", "not a readable Word document"),
])
def test_a_broken_document_is_one_line_saying_so(reader, data, complaint):
    with pytest.raises(Unreadable) as error:
        reader(data)
    assert complaint in str(error.value) and "\n" not in str(error.value)


def test_a_word_file_without_a_title_property_takes_its_title_paragraph(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_heading("Camp Halden: what we know", level=0)
    doc.add_paragraph("Four soldiers were killed in the attack, the ministry said.")
    buffer = io.BytesIO()
    doc.save(buffer)
    text, meta = read_docx(buffer.getvalue())
    assert meta.title == "Camp Halden: what we know"
    assert text == "Four soldiers were killed in the attack, the ministry said."
