"""The whole build on the seed articles, as a user runs it."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import SHARED

REQUIRED = ["strikes", "casualties", "troop_levels", "political_responses"]
# Furniture that sits in the seed pages; the rules that drop it are general (see test_ingest).
FURNITURE = ["More Stories", "Share this news", "Article Rating", "Notify of", "View all comments",
             "Stay informed with free updates", "Articles You May Like", "Inline Feedbacks"]


def test_every_quoted_sentence_is_verbatim_and_cited(seed_build):
    _, doc, _ = seed_build
    src = {s["id"]: s["text"] for s in doc["sources"]}
    quoted = doc["summary"] + [x for sec in doc["sections"] for x in sec["sentences"]]
    assert quoted
    for sentence in quoted:
        assert sentence["citations"]
        for c in sentence["citations"]:
            assert src[c["source"]][c["start"]:c["end"]] == sentence["text"]
        for c in sentence.get("also_in", []):
            assert c["source"] not in {x["source"] for x in sentence["citations"]}


def test_all_four_topics_are_filled(seed_build):
    _, doc, _ = seed_build
    sections = {s["topic"]: s["sentences"] for s in doc["sections"]}
    for topic in REQUIRED:
        assert sections[topic], topic


def test_no_page_furniture_reaches_any_output(seed_build):
    from pypdf import PdfReader

    out, doc, _ = seed_build
    pdf_text = " ".join(page.extract_text() for page in PdfReader(out / "briefing.pdf").pages)
    html = (out / "briefing.html").read_text(encoding="utf-8")
    everything = " ".join(s["text"] for s in doc["sources"])
    for bad in FURNITURE:
        for name, text in (("json", everything), ("html", html), ("pdf", pdf_text)):
            assert bad.lower() not in " ".join(text.split()).lower(), (bad, name)


def test_sources_keep_paths_hashes_and_headlines(seed_build):
    _, doc, _ = seed_build
    assert [s["id"] for s in doc["sources"]] == ["S1", "S2", "S3", "S4", "S5"]
    assert all(s["path"].startswith("seeds/") and len(s["sha256"]) == 64 for s in doc["sources"])
    titled = {s["path"].split("/")[-1][:3]: s["title"] for s in doc["sources"]}
    assert titled["000"] is None  # its first line is a paragraph, not a headline
    assert titled["002"].startswith("Iraq gears up")


def test_near_duplicates_across_sources_appear_once(seed_build):
    _, doc, _ = seed_build
    quoted = doc["summary"] + [x for sec in doc["sections"] for x in sec["sentences"]]
    texts = [x["text"] for x in quoted]
    assert len(texts) == len(set(texts))
    assert any(x.get("also_in") for x in quoted)


def test_pdf_has_page_numbers_and_every_section(seed_build):
    from pypdf import PdfReader

    out, doc, _ = seed_build
    pages = PdfReader(out / "briefing.pdf").pages
    text = "\n".join(p.extract_text() for p in pages)
    assert f"Page 1 of {len(pages)}" in text
    for title in ["Executive summary", "Strikes", "Casualties", "Troop levels", "Political responses", "Sources"]:
        assert title in text


def test_html_is_self_contained(seed_build):
    out, _, _ = seed_build
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "<style>" in html
    assert not re.search(r'<(link|script|img)\b[^>]*(href|src)=', html)
    assert re.search(r'<a class="cite" href="#S\d"', html) and 'id="S1"' in html


@pytest.mark.skipif(not (SHARED / "tools" / "check_briefing.py").exists(), reason="shared checker not present")
def test_shared_checker_finds_no_violation(seed_build):
    out, _, work = seed_build
    run = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "check_briefing.py"), str(out / "briefing.json"),
         "--gold", str(SHARED / "eval" / "seeds-gold.json"), "--html", str(out / "briefing.html"),
         "--base", str(work)],
        capture_output=True, text=True,
    )
    last = run.stdout.strip().splitlines()[-1]
    assert last.endswith("violations 0"), run.stdout
