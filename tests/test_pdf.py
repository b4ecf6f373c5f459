"""The PDF, read back structurally with pypdf: outline, page labels, links, metadata, marking, fonts."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefing import render
from briefing.cli import cli
from briefing.render import RenderOptions

MARKING = "UNCLASSIFIED // FOR OFFICIAL USE ONLY"
# Accents, transliterated Arabic, curly quotes, dashes, and what else news text brings.
TRICKY = ("Mohammed Shiaʿ al-Sudani, Kataʾib Ḥizballāh, Ṣadr City, Muqtadā al-Ṣadr, Abū Mahdī, "
          "Recep Tayyip Erdoğan, İstanbul, Şırnak, São Tomé, Đakovo, Łódź, Ñuñoa, Ærø, Œuvre, "
          "“quoted” ‘single’ «guillemets» — em – en … 1½ £5 €7 №3 ±2 ×3 → █ ‐hyphen")


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def marked(seed_build, tmp_path_factory):
    """The seed briefing rebuilt through the CLI with a marking on letter paper (reusing the seed build's cache)."""
    out, _, work = seed_build
    target = tmp_path_factory.mktemp("pdf") / "out"
    shutil.copytree(out, target)
    cwd = os.getcwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(cli, ["build", "seeds", "-o", str(target), "--marking", MARKING,
                                          "--paper", "letter", "-q"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    import json

    doc = json.loads((target / "briefing.json").read_text(encoding="utf-8"))
    reader = PdfReader(target / "briefing.pdf")
    texts = [page.extract_text() for page in reader.pages]
    return target, doc, reader, texts


def expected_sections(doc) -> list[str]:
    titles = ["Executive summary"] if doc["summary"] else []
    if doc["places"]:  # the map
        titles.append("Places")
    if not doc["changes"]["first_build"]:
        titles.append("What changed")
    titles += [t for key, t in (("figures", "Key figures"), ("discrepancies", "Conflicting reports")) if doc[key]]
    if any(len({v["reported"] for v in r["values"] if v["reported"]}) >= 2 for r in doc["ledger"]):
        titles.append("Tolls over time")
    compared = [r for r in doc["ledger"] if r["part_of"] is None
                and (len(r["values"]) > 1 or len({s for v in r["values"] for s in v["sources"]}) > 1)][:8]
    if len({s for r in compared for v in r["values"] for s in v["sources"]}) >= 2:
        titles.append("Who reports what")
    titles += [s["title"] for s in doc["sections"]]
    titles += [t for key, t in (("quotes", "Who said what"), ("timeline", "Timeline")) if doc[key]]
    if any(e["mentions"] >= render.MIN_CARD_MENTIONS for e in doc["entities"]):
        titles.append("Who and where")
    return titles + ["Sources"]


def test_outline_has_an_entry_for_every_section_pointing_at_its_page(marked):
    _, doc, reader, texts = marked
    entries = [o for o in reader.outline if not isinstance(o, list)]
    assert [o.title for o in entries] == expected_sections(doc)
    for entry in entries:
        page = reader.get_destination_page_number(entry)
        assert squash(entry.title) in squash(texts[page]), (entry.title, page)


def test_page_labels_and_page_x_of_y(marked):
    _, _, reader, texts = marked
    n = len(reader.pages)
    assert n >= 2
    assert reader.page_labels == [str(i) for i in range(1, n + 1)]
    for i, text in enumerate(texts, 1):
        assert f"Page {i} of {n}" in text


def test_handling_line_is_on_every_page_top_and_bottom(marked):
    _, _, reader, texts = marked
    for i, text in enumerate(texts, 1):
        assert text.count(MARKING) >= 2, f"page {i}"


def test_citation_markers_link_to_their_entry_in_the_sources_list(marked):
    _, doc, reader, texts = marked
    dests = reader.named_destinations
    sources_page = next(i for i, t in enumerate(texts) if re.search(r"^Sources$", t, re.M))
    linked = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link" or not re.fullmatch(r"S\d+", str(annot.get("/Dest", ""))):
                continue
            sid = str(annot["/Dest"])
            linked.add(sid)
            assert str(annot["/Contents"]).startswith(f"Go to source {sid}:")  # what a screen reader says
            target = reader.get_destination_page_number(dests[sid])
            assert target >= sources_page
            entry = next(s for s in doc["sources"] if s["id"] == sid)
            assert squash(os.path.basename(entry["path"])) in squash(texts[target])
    cited = {c["source"] for x in doc["summary"] for c in x["citations"]}
    assert cited and cited <= linked


def test_sources_list_names_headline_outlet_date_and_file(marked):
    _, doc, _, texts = marked
    tail = squash("".join(texts))
    folder = os.path.commonpath([os.path.dirname(s["path"]) for s in doc["sources"]])
    assert squash(f"Files are in {folder}/") in tail  # said once, not on every entry
    for s in doc["sources"]:
        assert squash(os.path.relpath(s["path"], folder)) in tail
        if s["title"]:
            assert squash(s["title"]) in tail
        if s["outlet"]:
            assert squash(s["outlet"]) in tail


def test_document_metadata(marked):
    _, doc, reader, _ = marked
    meta = reader.metadata
    assert meta.title == doc["title"]
    assert meta.author == "briefing"
    assert meta.subject.startswith("Briefing of") and "Executive summary" in meta.subject
    assert "Strikes" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:" + doc["generated"].replace("-", ""))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged by default
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_text_extraction_finds_every_section_and_every_quoted_sentence(marked):
    _, doc, _, texts = marked
    everything = squash("\n".join(texts))
    for title in expected_sections(doc):
        assert squash(title) in everything, title
    for x in doc["summary"] + [x for sec in doc["sections"] for x in sec["sentences"]]:
        assert squash(x["text"]) in everything, x["text"][:60]


def test_paper_sizes(marked, seed_build):
    _, _, reader, _ = marked
    assert [round(float(v)) for v in reader.pages[0].mediabox] == [0, 0, 612, 792]  # --paper letter
    default = PdfReader(seed_build[0] / "briefing.pdf")
    assert [round(float(v)) for v in default.pages[0].mediabox] == [0, 0, 595, 842]  # A4


def _fonts(reader):
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            yield font.get_object()


def test_fonts_are_dejavu_embedded_and_no_glyph_is_missing(marked):
    _, _, reader, _ = marked
    names = set()
    for font in _fonts(reader):
        names.add(str(font["/BaseFont"]))
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
    assert names and all("DejaVu" in n for n in names), names
    assert_no_missing_glyphs(reader)


def assert_no_missing_glyphs(reader):
    """Glyph 0 is .notdef, the box drawn for a character the font lacks."""
    for i, page in enumerate(reader.pages, 1):
        data = page.get_contents().get_data().decode("latin-1")
        for text_object in re.findall(r"BT\n(.*?)\nET", data, re.S):
            for hexstring in re.findall(r"<([0-9a-fA-F]*)>", text_object):
                glyphs = [hexstring[k:k + 4] for k in range(0, len(hexstring), 4)]
                assert "0000" not in glyphs, f"missing glyph on page {i}"


def test_every_character_of_the_sources_and_of_tricky_names_renders(marked, tmp_path):
    _, doc, _, _ = marked
    html = ('<html lang="en"><head><style>body { font-family: "DejaVu Serif", "DejaVu Sans", serif; }'
            ' i { font-family: "DejaVu Sans", sans-serif; }</style></head><body>'
            f"<p>{TRICKY}</p><p><b>{TRICKY}</b></p><p><em>{TRICKY}</em></p><p><i>{TRICKY}</i></p>"
            + "".join(f"<p>{chars}</p>" for chars in sorted({c for s in doc['sources'] for c in s['text']
                                                             if not c.isspace() and c not in '<>&'}))
            + "</body></html>")
    path = tmp_path / "tricky.pdf"
    path.write_bytes(render.render_pdf(html, "2024-02-08"))
    reader = PdfReader(path)
    assert_no_missing_glyphs(reader)
    assert squash(TRICKY) in squash(reader.pages[0].extract_text())


@pytest.mark.parametrize("variant, claims", [
    ("tagged", []),
    ("pdf/a-3b", ['pdfaid:part="3"', 'pdfaid:conformance="B"']),
    ("pdf/ua-1", ['pdfuaid:part="1"']),
])
def test_pdf_variants_are_tagged_claim_conformance_and_stay_deterministic(marked, variant, claims, tmp_path):
    out, doc, _, _ = marked
    html = (out / "briefing.html").read_text(encoding="utf-8")
    options = RenderOptions(marking=MARKING, paper="letter", pdf_variant=variant)
    first = render.render_pdf(html, doc["generated"], options)
    assert render.render_pdf(html, doc["generated"], options) == first
    (tmp_path / "v.pdf").write_bytes(first)
    reader = PdfReader(tmp_path / "v.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8") if "/Metadata" in root else ""
    for claim in claims:
        assert claim in xmp
    if variant == "pdf/a-3b":
        assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"


def test_cli_refuses_an_unknown_paper_or_variant(tmp_path):
    for args in (["--paper", "a5"], ["--pdf-variant", "pdf/x-4"]):
        result = CliRunner().invoke(cli, ["build", "seeds", "-o", str(tmp_path), *args])
        assert result.exit_code == 2 and "Invalid value" in result.output


def test_the_pdf_is_laid_out_with_the_cyclic_collector_paused():
    """WeasyPrint's boxes live until the PDF is written: the collector walking them (and a
    build's kept work) again and again found nothing to free, so it waits until the end."""
    import gc

    import weasyprint  # noqa: F401  (importing it is not laying out)

    runs = []

    def count(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    html = '<html lang="en"><body>' + "".join(f"<p>Paragraph {i} <b>bold</b> <i>it</i></p>" for i in range(300)) + "</body></html>"
    was = gc.isenabled()
    gc.enable()
    gc.callbacks.append(count)
    try:
        pdf = render.render_pdf(html, "2024-02-08")
    finally:
        gc.callbacks.remove(count)
        if not was:
            gc.disable()
    assert pdf.startswith(b"%PDF")
    assert len(runs) <= 1  # the one that follows, once the collector is back (169 without the pause)
    assert gc.isenabled()
