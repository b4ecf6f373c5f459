"""Article text and metadata are data: they show up literally and never execute or load anything."""
from __future__ import annotations

import json
import re

from briefing import render

from .conftest import ARTICLE, assert_safe_html

PAYLOADS = [
    '<script>alert("xss")</script>',
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://evil.example/"></iframe>',
    '<a href="javascript:alert(2)">click</a>',
    "{{ 7*7 }} and {% for x in range(3) %}{{ x }}{% endfor %} and {{ config }}",
    "<style>body { background: url(file:///etc/passwd) }</style>",
    "[click me](javascript:alert(3)) and ![img](file:///etc/passwd) and <http://evil.example>",
]


def hostile_article() -> str:
    lines = []
    for n, payload in enumerate(PAYLOADS):
        lines.append(f"Officials said on Friday that {payload} had been found in report number {n + 1} today.")
    return ARTICLE + "\n" + "\n\n".join(lines) + "\n"


def test_markup_templates_and_links_in_articles_stay_text(tmp_path, run_cli):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("A headline with <b>bold</b> and {{ 7*7 }}\n\n" + hostile_article())
    (src / "a.meta.toml").write_text('url = "javascript:alert(4)"\noutlet = "<script>x</script>"\n')
    (src / "b.md").write_text('---\ntitle: "<img src=x onerror=alert(5)>"\nurl: "file:///etc/passwd"\n---\n\n'
                              + hostile_article())
    out = tmp_path / "out"
    r = run_cli("build", src, "-o", out, "--title", "<script>alert('title')</script> {{ 7*7 }}",
                "--section-sentences", "12", "--sentences", "10")
    assert r.exit_code == 0, r.output
    html = (out / "briefing.html").read_text()
    assert_safe_html(html)
    assert "{{ 7*7 }}" in html and ">49<" not in html
    assert "&lt;script&gt;" in html
    doc = json.loads((out / "briefing.json").read_text())
    assert any("javascript:" in (s["url"] or "") for s in doc["sources"])  # kept as data in the JSON ...
    assert 'href="javascript:' not in html and 'href="file:' not in html  # ... never as a link
    md = out / "briefing.md"
    if md.exists():
        text = md.read_text()
        assert not re.search(r"(?<!\\)\]\((javascript|file):", text)  # no live link, escaped or not
        assert not re.search(r"(?<!\\)<(script|img|iframe)", text)  # markup only ever escaped


def test_pdf_renderer_loads_nothing_from_article_text(refused_fetches):
    asked = refused_fetches
    pdf = render.render_pdf('<html><body><p>x</p><img src="file:///etc/passwd">'
                            '<div style="background: url(http://127.0.0.1:9/track.png)">y</div>'
                            '<link rel="stylesheet" href="file:///etc/passwd"></body></html>')
    assert pdf.startswith(b"%PDF")
    assert {"file:///etc/passwd", "http://127.0.0.1:9/track.png"} <= set(asked)  # asked, and refused
    assert b"root:x:0:0" not in pdf
