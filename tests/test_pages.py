"""Pages as users have them (tests/data/pages/): metadata read right, no furniture in a briefing.

The pages are made-up articles written for this set; gold.json holds each page's headline,
outlet, date and byline, and the furniture that must never reach a briefing.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil

import pytest

from conftest import ROOT

PAGES = ROOT / "tests" / "data" / "pages"
HELD_OUT = ROOT / "tests" / "data" / "pages-heldout"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_pages", ROOT / "bench" / "pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", [PAGES, HELD_OUT], ids=["pages", "held-out"])
def test_each_field_is_right_on_at_least_95_percent_of_pages(folder):
    bench = _bench()
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["pages"]
    totals = bench.score(bench.briefing_reading(folder), gold, verbose=False, label="")
    for field, (right, n) in totals.items():
        assert n == len(gold)
        assert right >= 0.95 * n, (field, right, n)


def test_no_furniture_of_the_pages_reaches_any_output(tmp_path):
    from click.testing import CliRunner
    from pypdf import PdfReader

    from briefing.cli import cli

    gold = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
    shutil.copytree(PAGES, tmp_path / "pages")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, ["build", "pages", "-o", "out", "-q"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    doc = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    quoted = [x["text"] for x in doc["summary"]] + [x["text"] for s in doc["sections"] for x in s["sentences"]]
    quoted += [q["text"] for q in doc["quotes"]] + [t["text"] for t in doc["timeline"]]
    texts = {
        "sources": " ".join(s["text"] for s in doc["sources"]),
        "json": " ".join(quoted),
        "html": (out / "briefing.html").read_text(encoding="utf-8"),
        "md": (out / "briefing.md").read_text(encoding="utf-8"),
        "pdf": " ".join(page.extract_text() for page in PdfReader(out / "briefing.pdf").pages),
    }
    for bad in gold["noise"]:
        for name, text in texts.items():
            assert bad.lower() not in " ".join(text.split()).lower(), (bad, name)
    # datelines stay in the text but are never a timeline entry, and sources are in date order
    assert not any(t["text"].startswith(("ADEN", "KHARTOUM", "DUBAI")) for t in doc["timeline"])
    dated = [s["published"] for s in doc["sources"] if s["published"]]
    assert dated == sorted(dated) and doc["generated"] == dated[-1]
    assert "Sources up to" in texts["md"]
