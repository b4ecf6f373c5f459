"""Rendering: escaping, the JSON contract, atomic writes, no external fetches."""
from __future__ import annotations

import json

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


def test_pdf_renderer_fetches_nothing(monkeypatch):
    asked = []
    refuse = render._refuse_fetch

    def spy(url, *args, **kwargs):
        asked.append(url)
        refuse(url)

    monkeypatch.setattr(render, "_refuse_fetch", spy)
    pdf = render.render_pdf('<html><body><img src="file:///etc/passwd"><p>ok</p>'
                            '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></body></html>')
    assert pdf.startswith(b"%PDF")
    assert "file:///etc/passwd" in asked and "http://127.0.0.1:9/x.css" in asked


def test_a_failed_render_leaves_the_previous_briefing_intact(briefing, tmp_path, monkeypatch):
    for name in render.OUTPUT_NAMES.values():
        (tmp_path / name).write_text("previous")

    def boom(html):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "render_pdf", boom)
    with pytest.raises(OSError):
        render.write_outputs(briefing, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render.OUTPUT_NAMES.values())
    assert all((tmp_path / n).read_text() == "previous" for n in render.OUTPUT_NAMES.values())


def test_write_outputs_replaces_all_three(briefing, tmp_path):
    written = render.write_outputs(briefing, tmp_path)
    assert set(written) == {"html", "pdf", "json"}
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
