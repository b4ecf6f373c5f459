"""Inputs as users have them: saved web pages, Markdown with front matter, metadata files."""
from __future__ import annotations

from pathlib import Path

from briefing.ingest import read_sources

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "004_8780fe804c3397b0.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p.strip() for p in SEED.split("\n\n")[2:-2] if p.strip()]  # the article body


def news_page(paragraphs: list[str]) -> str:
    """A seed wrapped in a typical news page: navigation, share bar, related links, comments, scripts."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>US presence in Iraq threatened by American air strikes, Baghdad warns | World News Daily</title>
<meta property="og:title" content="US presence in Iraq threatened by American air strikes, Baghdad warns">
<meta property="og:site_name" content="World News Daily">
<meta property="article:published_time" content="2024-02-08T10:15:00Z">
<link rel="canonical" href="https://news.example.com/world/us-presence-in-iraq">
<script>window.dataLayer = [{{"page": "article"}}]; function track() {{ return "TRACKING-CODE"; }}</script>
<style>.nav {{ color: red }}</style>
</head><body>
<header><nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>US presence in Iraq threatened by American air strikes, Baghdad warns</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<time datetime="2024-02-08">February 8, 2024</time>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Markets rally as central bank holds rates steady</a></li>
<li><a href="/b">Football club appoints new manager after defeat</a></li>
<li><a href="/c">Heatwave warning issued for the weekend</a></li></ul></aside>
<section id="comments" class="comments"><h3>42 Comments</h3>
<div class="comment"><p>CommenterBob: This is outrageous, the government must act now!</p></div>
<div class="comment"><p>Reader99: Totally agree with the previous comment here.</p></div>
<form><textarea>Leave a comment</textarea><button>Post</button></form></section>
</main>
<footer><p>© 2024 World News Daily. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
<script src="https://cdn.example.com/analytics.js"></script>
</body></html>"""


def test_saved_web_page_gives_only_the_article_and_its_metadata(tmp_path):
    (tmp_path / "story.html").write_text(news_page(PARAGRAPHS), encoding="utf-8")
    source = read_sources([str(tmp_path)]).sources[0]
    assert source.title == "US presence in Iraq threatened by American air strikes, Baghdad warns"
    assert source.outlet == "World News Daily"
    assert source.published == "2024-02-08"
    assert source.url == "https://news.example.com/world/us-presence-in-iraq"
    for p in PARAGRAPHS:
        assert " ".join(p.split()) in " ".join(source.text.split())
    for junk in ("Home", "Business", "Share on", "Markets rally", "Football club", "CommenterBob",
                 "Leave a comment", "TRACKING-CODE", "dataLayer", "All rights reserved", "Privacy policy",
                 "color: red", "42 Comments"):
        assert junk not in source.text, junk


def test_markdown_front_matter_and_markup(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Ceasefire talks resume\noutlet: The Example Times\npublished: 2024-03-01\n"
        "url: https://example.com/ceasefire\n---\n\n# Ceasefire talks resume\n\n"
        "Negotiators met in **Cairo** on Friday, [officials said](https://example.com/x), "
        "and talks will resume on Sunday.\n\n- The *first* round ended without a deal last week.\n",
        encoding="utf-8")
    source = read_sources([str(tmp_path)]).sources[0]
    assert (source.title, source.outlet, source.published, source.url) == (
        "Ceasefire talks resume", "The Example Times", "2024-03-01", "https://example.com/ceasefire")
    assert "Negotiators met in Cairo on Friday, officials said, and talks will resume on Sunday." in source.text
    assert "The first round ended without a deal last week." in source.text
    assert "**" not in source.text and "](" not in source.text and "#" not in source.text


def test_front_matter_written_by_hand_with_a_colon_in_the_title_is_read_not_refused(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Floods: toll climbs, dams opened\npublished: 2018-08-12\n---\n\n"
                                   "The death toll from the floods climbed to 37 on Sunday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: [unclosed\nnot a key value line\n---\n\nText of the article.\n",
                                   encoding="utf-8")
    read = read_sources([str(tmp_path)])
    (source,) = read.sources
    assert (source.title, source.published) == ("Floods: toll climbs, dams opened", "2018-08-12")
    (skipped,) = read.skipped
    assert skipped.path.endswith("b.md") and "front matter is not valid YAML" in skipped.reason


def test_sidecar_and_folder_metadata_for_plain_text(tmp_path):
    body = "The council voted on Tuesday to close the old bridge to heavy traffic for a year.\n"
    (tmp_path / "a.txt").write_text(body)
    (tmp_path / "b.txt").write_text(body.replace("Tuesday", "Wednesday"))
    (tmp_path / "sources.toml").write_text(
        '["a.txt"]\ntitle = "Bridge closes"\noutlet = "Folder Outlet"\npublished = 2024-05-01\n'
        '["b.txt"]\noutlet = "Folder Outlet"\n')
    (tmp_path / "b.meta.toml").write_text('title = "Bridge vote"\npublished = "May 2, 2024"\nurl = "https://example.com/b"\n')
    got = {s.path.rsplit("/", 1)[-1]: s for s in read_sources([str(tmp_path)]).sources}
    assert (got["a.txt"].title, got["a.txt"].outlet, got["a.txt"].published) == ("Bridge closes", "Folder Outlet", "2024-05-01")
    assert (got["b.txt"].title, got["b.txt"].outlet, got["b.txt"].published, got["b.txt"].url) == (
        "Bridge vote", "Folder Outlet", "2024-05-02", "https://example.com/b")


def test_dateline_is_publication_date_not_a_sentence(tmp_path):
    (tmp_path / "a.txt").write_text("Strike on base\n\nSunday, November 10, 2019\u00a0\n\n\n"
                                    "On Friday, rockets struck near the base, officials said.\n")
    source = read_sources([str(tmp_path)]).sources[0]
    assert source.published == "2019-11-10"
    assert "2019" not in source.text
