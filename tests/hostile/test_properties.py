"""Properties that hold for any input: no crash, verbatim citations, nothing unescaped."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.pipeline import BuildOptions, build
from briefing.render import to_json

from .conftest import ARTICLE, assert_safe_html

NASTY = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% for x in y %}",
    "javascript:alert(1)", "url(file:///etc/passwd)", "]]>", "<!--", "&amp;", "\u202e", "\x00", "\ufeff",
    "“", "”", "—", "\n\n", "More Stories", "Share this news", "1,500 troops", "killed 12",
])
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)
ARTICLES = st.lists(st.one_of(WORDS, NASTY, st.just(ARTICLE)), min_size=1, max_size=12).map("".join)
BYTES = st.binary(min_size=0, max_size=400)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build_from(files: dict[str, bytes]):
    """A full build of `files` (PDF included), or the BriefingError a user would see."""
    tmp = Path(tempfile.mkdtemp(prefix="briefing-prop-"))
    try:
        src = tmp / "in"
        src.mkdir()
        for name, data in files.items():
            (src / name).write_bytes(data)
        try:
            result = build(BuildOptions(sources=[str(src)], out_dir=str(tmp / "out")))
        except BriefingError as exc:
            assert str(exc) and "\n" not in str(exc)
            return None, None
        return result, (tmp / "out" / "briefing.html").read_text(encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_invariants(result, html) -> None:
    doc = to_json(result.briefing)
    texts = {s["id"]: s["text"] for s in doc["sources"]}
    for sentence in doc["summary"] + [x for sec in doc["sections"] for x in sec["sentences"]]:
        for c in sentence["citations"]:
            assert texts[c["source"]][c["start"]:c["end"]] == sentence["text"]
        for c in sentence.get("also_in", []):
            assert 0 <= c["start"] < c["end"] <= len(texts[c["source"]])
    for key in ("figures", "quotes", "discrepancies", "timeline"):
        for item in doc[key]:
            for c in item["citations"]:
                assert 0 <= c["start"] < c["end"] <= len(texts[c["source"]]), (key, item)
    assert_safe_html(html)


@SETTINGS
@given(text=ARTICLES)
def test_any_text_builds_or_fails_cleanly(text):
    result, html = build_from({"a.txt": text.encode("utf-8", errors="surrogatepass")})
    if result is not None:
        check_invariants(result, html)


@SETTINGS
@given(data=BYTES, text=ARTICLES)
def test_any_bytes_beside_a_good_article(data, text):
    result, html = build_from({"a.txt": ARTICLE.encode(), "b.txt": data, "c.md": text.encode("utf-8", "replace"),
                               "d.html": text.encode("utf-8", "replace")})
    assert result is not None  # the good article always makes a briefing
    check_invariants(result, html)
