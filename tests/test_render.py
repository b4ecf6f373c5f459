"""Rendering: escaping, the JSON contract, atomic writes, no external fetches."""
from __future__ import annotations

import json
import re

import pytest

from briefing import render
from briefing.compose import Settings, compose
from briefing.errors import BriefingError
from briefing.extract import extract
from briefing.ingest import FurnitureRules
from briefing.topics import load_topics

HOSTILE = (
    'Officials said the strike killed <script>alert("x")</script> four soldiers near the border crossing. '
    "The minister condemned the attack and said {{ 7*7 }} would not be tolerated by the government. "
    'Rebels fired rockets at the base <img src="file:///etc/passwd"> after the air strikes on Friday. '
    "About 3,000 troops remain stationed in the province, the ministry said in a statement."
)


@pytest.fixture()
def briefing(parse):
    parsed = [parse(HOSTILE)]
    return compose(parsed, load_topics(), extract(parsed), Settings(title="Test <b>title</b>"), FurnitureRules.load())


def test_article_text_is_escaped_never_markup_or_template(briefing):
    html = render.render_html(briefing)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src" not in html
    assert "{{ 7*7 }}" in html and ">49<" not in html
    assert "<b>title</b>" not in html and "Test &lt;b&gt;title&lt;/b&gt;" in html


def test_the_html_a_pdf_is_laid_out_from_drops_only_the_tooltips_and_prints_sources_as_a_reference_list(briefing):
    import re

    screen, paper = render.render_html(briefing), render.render_html(briefing, for_print=True)
    assert 'class="tip"' in screen and 'class="tip' not in paper and "aria-describedby" not in paper
    links = lambda html: re.findall(r'<a class="cite" href="(#S\d+)"', html)  # noqa: E731
    assert links(paper) == links(screen) and links(paper)  # every citation still links into Sources
    # the rest of the page is the same, element for element, up to the Sources list
    cut = lambda html: html.split('<section id="sources"')  # noqa: E731
    (screen_body, screen_sources), (paper_body, paper_sources) = cut(screen), cut(paper)
    assert re.sub(r'<span class="tip" role="tooltip".*?</span></span>| aria-describedby="[^"]*"', "", screen_body) == paper_body
    # which prints each entry as one paragraph of few elements, with the same ids and the same facts
    entry = lambda html: re.findall(r'<li id="(S\d+)">(.*?)</li>', html, re.S)  # noqa: E731
    assert [i for i, _ in entry(paper_sources)] == [i for i, _ in entry(screen_sources)] == ["S1"]
    (_, printed), = entry(paper_sources)
    assert "Outlet and date not stated" in printed and "<p" not in printed and printed.count("<") <= 14


def test_json_follows_the_contract(briefing):
    doc = render.to_json(briefing)
    assert doc["schema"] == "briefing/1"
    for key in ("title", "generated", "sources", "summary", "sections", "figures", "entities",
                "quotes", "discrepancies", "timeline"):
        assert key in doc
    src = {s["id"]: s for s in doc["sources"]}
    for sentence in doc["summary"] + [x for sec in doc["sections"] for x in sec["sentences"]]:
        for c in sentence["citations"]:
            assert src[c["source"]]["text"][c["start"]:c["end"]] == sentence["text"]
    assert [s["topic"] for s in doc["sections"]] == ["strikes", "casualties", "troop_levels", "political_responses"]
    json.dumps(doc)


def test_a_failed_render_leaves_the_previous_briefing_intact(briefing, tmp_path, monkeypatch):
    for name in render.OUTPUT_NAMES.values():
        (tmp_path / name).write_text("previous")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "render_pdf", boom)
    with pytest.raises(OSError):
        render.write_outputs(briefing, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render.OUTPUT_NAMES.values())
    assert all((tmp_path / n).read_text() == "previous" for n in render.OUTPUT_NAMES.values())


def test_write_outputs_replaces_all_four(briefing, tmp_path):
    written = render.write_outputs(briefing, tmp_path)
    assert set(written) == {"html", "pdf", "json", "md"}
    assert (tmp_path / "briefing.pdf").read_bytes().startswith(b"%PDF")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_unwritable_output_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BriefingError, match="cannot write the briefing there"):
        render.check_writable(blocker / "sub")


def test_user_templates_override_and_are_sandboxed(briefing, tmp_path):
    (tmp_path / "sources.html.j2").write_text("<p id=custom>{{ briefing.sources|length }} sources</p>")
    html = render.render_html(briefing, tmp_path)
    assert "<p id=custom>1 sources</p>" in html
    (tmp_path / "sources.html.j2").write_text("{{ briefing.__class__.__mro__ }}")
    with pytest.raises(BriefingError, match="template error"):
        render.render_html(briefing, tmp_path)


def test_marking_and_paper_reach_the_html_escaped(briefing):
    html = render.render_html(briefing, options=render.RenderOptions(marking="SECRET <b>x</b>  //  REL", paper="letter"))
    assert html.count("SECRET &lt;b&gt;x&lt;/b&gt; // REL") == 3  # banner top and bottom, and the title block
    assert "<b>x</b>" not in html
    assert "@page { size: letter; }" in html
    assert "UNCLASSIFIED" not in render.render_html(briefing)


def test_render_options_are_checked():
    with pytest.raises(BriefingError, match="unknown paper size"):
        render.RenderOptions(paper="a5")
    with pytest.raises(BriefingError, match="unknown PDF variant"):
        render.RenderOptions(pdf_variant="pdf/x-4")
    assert render.RenderOptions(marking="   ").marking is None


def test_html_has_contents_landmarks_metadata_and_accessible_citations(briefing):
    html = render.render_html(briefing)
    assert '<html lang="en">' in html and '<main id="main">' in html and 'role="banner"' in html
    assert 'role="contentinfo"' in html and '<nav class="toc" aria-labelledby="toc-h">' in html
    for anchor, _ in render.contents(briefing):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
    assert '<meta name="keywords"' in html and '<meta name="dcterms.created"' in html
    # every marker is described by its tooltip, which names the source
    markers = re.findall(r'<a class="cite" href="#(S\d+)" aria-describedby="(tip-\d+)">', html)
    assert markers
    for sid, tip in markers:
        assert re.search(rf'<span class="tip" role="tooltip" id="{tip}"><span class="tip-source">{sid}: ', html)
    assert len({tip for _, tip in markers}) == len(markers)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_markdown_export_has_every_section_and_the_same_citations(briefing):
    from briefing.markdown import to_markdown

    md = to_markdown(briefing, "UNCLASSIFIED // FOUO")
    assert md.startswith("**UNCLASSIFIED // FOUO**") and md.rstrip().endswith("**UNCLASSIFIED // FOUO**")
    assert "# Test \\<b\\>title\\</b\\>" in md  # article and title text never becomes markup
    for sec in briefing.sections:
        assert f"## {sec.title}" in md
    assert "## Sources" in md and "- **[S1]**" in md
    html = render.render_html(briefing)
    for x in briefing.summary:
        ids = sorted({c.source for c in x.citations})
        assert "[" + ", ".join(ids) + "]" in md
        assert all(f'href="#{i}"' in html for i in ids)
    assert not re.search(r"(?<!\\)<(script|img)", md) and "\\<img src" in md


def test_markdown_escapes_what_markdown_would_read_as_markup():
    from briefing.markdown import md_escape

    assert md_escape("a *b* _c_ [d](e) <f> `g` | h # i") == r"a \*b\* \_c\_ \[d\](e) \<f\> \`g\` \| h \# i"
    assert md_escape("two\nlines") == "two lines"


def test_render_options_are_part_of_the_build_fingerprint(tmp_path):
    from briefing.pipeline import BuildOptions, _fingerprint

    files, contents = [], {}
    plain = _fingerprint(BuildOptions(out_dir=str(tmp_path)), files, contents)
    assert plain == _fingerprint(BuildOptions(out_dir=str(tmp_path)), files, contents)
    for options in (render.RenderOptions(marking="SECRET"), render.RenderOptions(paper="letter"),
                    render.RenderOptions(pdf_variant="pdf/ua-1")):
        assert _fingerprint(BuildOptions(out_dir=str(tmp_path), render=options), files, contents) != plain


def test_numbers_and_dates_read_well():
    assert render.format_number(2500.0) == "2,500" and render.format_number(2017, year=True) == "2017"
    # round sums and tolls of millions read as the articles write them; a precise count stays precise
    assert render.format_number(20_000_000_000) == "20 billion" and render.format_number(1_300_000) == "1.3 million"
    assert render.format_number(1_234_567) == "1,234,567" and render.format_number(150_000) == "150,000"
    assert render.long_date("2024-02-08") == "8 February 2024" and render.long_date(None) == ""


def test_pdf_renderer_refuses_fonts_imports_and_images_from_anywhere(refused_fetches):
    asked = refused_fetches
    hostile = ("<style>@import url(http://127.0.0.1:9/a.css);"
               "@font-face { font-family: X; src: url(file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf); }"
               "p { font-family: X; background: url(http://127.0.0.1:9/b.png); }</style>")
    pdf = render.render_pdf(f'<html lang="en"><head>{hostile}</head><body><p>ok</p></body></html>')
    assert pdf.startswith(b"%PDF")
    assert {"http://127.0.0.1:9/a.css", "file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "http://127.0.0.1:9/b.png"} <= set(asked)


def test_long_fact_lists_are_shortened_for_reading_but_kept_in_json(briefing):
    from dataclasses import replace

    from briefing.model import Citation, LedgerRow, LedgerValue

    cite = briefing.sources[0].id
    n = render.SHOWN["ledger"] + 12
    rows = tuple(LedgerRow(id=f"q{i}", label=f"case {i}", kind="killed",
                           values=(LedgerValue(i + 1, False, None, (cite,), (Citation(cite, 0, 5),), None),))
                 for i in range(n))
    long = replace(briefing, facts=replace(briefing.facts, ledger=rows))
    shortened, hidden = render.shown(long)
    assert len(shortened.facts.ledger) == render.SHOWN["ledger"] and hidden["ledger"] == 12
    html = render.render_html(long)
    assert "12 more counted quantities in briefing.json" in html
    assert len(render.to_json(long)["ledger"]) == n


def test_a_range_is_written_once_as_a_range_in_every_format(briefing):
    from dataclasses import replace

    from briefing.markdown import to_markdown
    from briefing.model import Citation, Discrepancy, LedgerRow, LedgerValue

    cite = briefing.sources[0].id
    ranged = LedgerValue(50, True, "between", (cite,), (Citation(cite, 0, 5),), None, upper=60)
    row = LedgerRow(id="q1", label="people killed in the fire", kind="killed", values=(ranged,))
    both_ends = Discrepancy("people killed in the fire", (50, 60), ranged.citations, "q1", "", False, (ranged,))
    doc = replace(briefing, facts=replace(briefing.facts, ledger=(row,), discrepancies=(both_ends,)))
    html, md = render.render_html(doc), to_markdown(doc)
    assert "50\u201360" in html and "between 50" not in html and "**50\u201360**" in md and "between" not in md
    # one range is no report that differs: the JSON keeps its two values, the reader's pages no box
    assert 'id="conflicts"' not in html and "Conflicting reports" not in md
    (value,) = render.to_json(doc)["ledger"][0]["values"]
    assert (value["value"], value["upper"], value["hedge"]) == (50, 60, "between")
    assert list(render.to_json(doc)["discrepancies"][0]["values"]) == [50, 60]


def test_many_sources_list_only_the_cited_ones(briefing):
    from dataclasses import replace

    extra = tuple(replace(briefing.sources[0], id=f"S{i}", path=f"x/{i}.txt")
                  for i in range(2, render.LIST_ALL_SOURCES + 10))
    big = replace(briefing, sources=briefing.sources + extra)
    listed, unlisted = render.listed_sources(big)
    assert [s.id for s in listed] == ["S1"] and unlisted == len(extra)
    assert f"{len(extra)} more sources fed this briefing" in render.render_html(big)


def test_a_file_with_the_same_bytes_is_read_once_but_cited_as_a_source_of_its_own(tmp_path):
    from briefing.pipeline import BuildOptions, build

    text = ("Gunmen killed 12 soldiers at a checkpoint near the border on Friday, officials said.\n\n"
            "The minister condemned the attack and promised an inquiry into the killings.\n")
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text("Rebels fired 20 rockets at the base on Saturday, the army said.\n",
                                           encoding="utf-8")
    result = build(BuildOptions(sources=(str(tmp_path / "in"),), out_dir=str(tmp_path / "out"), settings=Settings()))
    doc = render.to_json(result.briefing)
    by_id = {s["id"]: s for s in doc["sources"]}
    (copy,) = [s for s in doc["sources"] if s.get("copy_of")]
    original = by_id[copy["copy_of"]]
    assert copy["path"].endswith("b.txt") and original["path"].endswith("a.txt")
    assert copy["text"] == original["text"] and copy["sha256"] == original["sha256"]
    # every citation of the original names the copy with the same span, and lists of sources name it too
    (toll,) = [f for f in doc["figures"] if f["kind"] == "killed"]
    cited = [(c["source"], c["start"], c["end"]) for c in toll["citations"]]
    assert {(copy["id"], s, e) for o, s, e in cited if o == original["id"]} <= set(cited)
    assert copy["id"] in toll["sources"]
    (rockets,) = [f for f in doc["figures"] if f["kind"] == "munitions"]
    assert copy["id"] not in {c["source"] for c in rockets["citations"]}


def test_a_folder_all_listed_files_share_is_said_once_above_the_list(briefing):
    from dataclasses import replace

    from briefing.markdown import to_markdown

    first = briefing.sources[0]
    many = (replace(first, id="S1", path="corpus/articles/business/001.txt"),
            replace(first, id="S2", path="corpus/articles/tech/002.txt", duplicates=("corpus/articles/tech/003.txt",)),
            replace(first, id="S3", path="https://example.org/a", url="https://example.org/a"))  # a page: no file
    folder, files = render.source_files(many)
    assert folder == "corpus/articles/"
    assert files == {"corpus/articles/business/001.txt": "business/001.txt",
                     "corpus/articles/tech/002.txt": "tech/002.txt", "corpus/articles/tech/003.txt": "tech/003.txt"}
    big = replace(briefing, sources=many)
    html = render.render_html(big)
    assert html.count("corpus/articles/") == 1 and ">business/001.txt<" in html and ">tech/003.txt<" in html
    md = to_markdown(big)
    assert "Files are in `corpus/articles/`" in md and "file `business/001.txt`" in md
    # files that share no folder, or one file alone, keep their whole paths
    assert render.source_files(many[:1]) == (None, {"corpus/articles/business/001.txt": "corpus/articles/business/001.txt"})
    apart = (replace(first, path="/abs/a.txt"), replace(first, path="rel/b.txt"))
    assert render.source_files(apart) == (None, {"/abs/a.txt": "/abs/a.txt", "rel/b.txt": "rel/b.txt"})
    assert render.source_files((replace(first, path="a/x.txt"), replace(first, path="b/y.txt")))[0] is None
