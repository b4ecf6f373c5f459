"""Briefings from URLs and feeds, through the CLI, against a made-up site on 127.0.0.1 started by each test.

Checks what was asked of the site (conditional headers, no request for what has not changed, none
offline, none for items the query leaves out) and what the briefing holds.
"""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.fetch import FetchPolicy
from briefing.pipeline import BuildOptions
from briefing.watch import parse_interval, watch
from localsite import Answer, Site, article
from web_story import OFF_STORY, ON_STORY, QUERY, serve_story

FAST = ["--allow-private", "--host-delay", "0.02"]  # the test site is on 127.0.0.1; no need to wait long


@pytest.fixture()
def site():
    s = Site().start()
    try:
        yield s
    finally:
        s.stop()


def run(*args: str):
    result = CliRunner().invoke(cli, ["build", *args, *FAST])
    assert "Traceback" not in result.output, result.output
    return result


def briefing_json(out: Path) -> dict:
    return json.loads((out / "briefing.json").read_text(encoding="utf-8"))


def lines(output: str, prefix: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(prefix)]


def test_a_briefing_from_two_feeds_with_a_query(site, tmp_path):
    rss, atom = serve_story(site)
    out = tmp_path / "out"
    result = run("--feed", rss, "--feed", atom, "--match", QUERY, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert lines(result.output, "note:") == [
        f"note: {rss}: 1 of 3 items left out (not matching {QUERY})",
        f"note: {atom}: 1 of 2 items left out (not matching {QUERY})",
    ]
    b = briefing_json(out)
    on_story = {site.url + p for p in ON_STORY}
    assert {s["url"] for s in b["sources"]} == on_story
    assert {s["path"] for s in b["sources"]} == on_story
    by_url = {s["url"]: s for s in b["sources"]}
    wire = by_url[site.url + "/wire/halden-toll.html"]
    assert (wire["title"], wire["outlet"], wire["byline"], wire["published"]) == (
        "Militia claims Camp Halden attack as toll rises to four", "Harbour Wire", "Harbour Wire staff", "2025-01-07")
    for s in b["sources"]:  # the page's furniture is gone, its text is there
        assert "Subscribe" not in s["text"] and "Home" not in s["text"]
    cited = {c["source"] for item in b["summary"] for c in item["citations"]}
    ids = {s["id"]: s for s in b["sources"]}
    for c in (c for item in b["summary"] for c in item["citations"]):
        assert ids[c["source"]]["text"][c["start"]:c["end"]] in {item["text"] for item in b["summary"]}
    assert cited  # the summary quotes the fetched articles
    html = (out / "briefing.html").read_text(encoding="utf-8")
    for url in on_story:
        assert f'href="{url}"' in html  # the Sources list shows each article's URL
    assert "File</span>" not in html  # and no file path for a page from the web
    for path in OFF_STORY:  # items the query leaves out are never fetched
        assert path not in site.paths()
    assert "/robots.txt" in site.paths()


def test_a_rebuild_asks_conditionally_and_fetches_no_unchanged_page(site, tmp_path):
    rss, atom = serve_story(site)
    site.page("/extra.html", article("Port Mirel council meets on base security",
                                     ["The council of Port Mirel met on Wednesday to discuss security at Camp "
                                      "Halden after the drone attack, its chairman said.",
                                      "Members asked the ministry for more patrols along the coast road."]))
    out = tmp_path / "out"
    args = ["--feed", rss, "--feed", atom, "--match", QUERY, site.url + "/extra.html", "-o", str(out)]
    assert run(*args).exit_code == 0
    first = {r.path: r for r in site.log}
    site.forget()

    again = run(*args)
    assert again.exit_code == 0 and "up to date" in again.output
    # the feeds and the named URL are asked with their validators; no feed item's page is asked again
    assert sorted(site.paths()) == sorted(["/robots.txt", "/feeds/news.rss", "/feeds/wire.atom", "/extra.html"])
    for path in ("/feeds/news.rss", "/feeds/wire.atom", "/extra.html"):
        asked = site.requested(path)[0].headers
        assert asked["if-none-match"] and asked["if-modified-since"]
        assert "if-none-match" not in first[path].headers

    # one article is corrected and the feed says so: only it is fetched and parsed again
    site.forget()
    path = "/news/depot-airstrike.html"
    a = ON_STORY[path]
    site.page(path, article(a["title"], a["paragraphs"] + ["The ministry later said six fighters were killed."],
                            a["author"], a["date"]))
    body = site.bodies["/feeds/news.rss"].decode().replace(
        "Tue, 07 Jan 2025 09:00:00 GMT", "Tue, 07 Jan 2025 15:00:00 GMT")
    site.page("/feeds/news.rss", body, "application/rss+xml")
    third = run(*args)
    assert third.exit_code == 0, third.output
    assert sorted(site.paths()) == sorted(["/robots.txt", "/feeds/news.rss", "/feeds/wire.atom", "/extra.html", path])
    assert site.requested(path)[0].headers["if-none-match"]  # still conditional: the ETag of the old copy
    assert "(1 parsed)" in third.output
    b = briefing_json(out)
    assert any("six fighters" in s["text"] for s in b["sources"])
    assert b["changes"]["sources_edited"] == [site.url + path]


def test_urls_that_fail_are_one_warning_each_and_the_build_goes_on(site, tmp_path):
    serve_story(site)
    site.answer("/slow.html", Answer(200, b"<p>late</p>", {"Content-Type": "text/html"}, delay=3))
    site.answer("/huge.html", Answer(200, b"<p>" + b"word " * 300_000 + b"</p>", {"Content-Type": "text/html"},
                                     chunked=True))
    site.gzip_bomb("/bomb.html", megabytes=100)
    site.redirect_loop("/loop-a", "/loop-b")
    site.page("/private/memo.html", article("Memo", ["A memo that robots.txt forbids to fetch at all."]))
    bad = {"/missing.html": "HTTP 404", "/slow.html": "no complete answer within 0.5 s",
           "/huge.html": "over the 1 MB limit", "/bomb.html": "after decompression",
           "/loop-a": "more than 5 redirects", "/private/memo.html": "robots.txt",
           }
    good = site.url + "/news/camp-halden-drone.html"
    out = tmp_path / "out"
    result = run(good, *(site.url + p for p in bad), "ftp://127.0.0.1/x.txt", "--timeout", "0.5",
                 "--max-file-mb", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    warnings = lines(result.output, "warning:")
    assert len(warnings) == len(bad) + 1
    for path, reason in bad.items():
        assert any(w.startswith(f"warning: {site.url + path}: ") and reason in w for w in warnings), (path, warnings)
    assert any("ftp://127.0.0.1/x.txt: only http and https" in w for w in warnings)
    assert [s["url"] for s in briefing_json(out)["sources"]] == [good]
    assert "/private/memo.html" not in site.paths()


def test_a_failing_feed_keeps_its_items_and_offline_asks_nothing(site, tmp_path):
    rss, atom = serve_story(site)
    out = tmp_path / "out"
    args = ["--feed", rss, "--feed", atom, "--match", QUERY, "-o", str(out)]
    assert run(*args).exit_code == 0
    before = {s["url"] for s in briefing_json(out)["sources"]}

    site.answer("/feeds/wire.atom", Answer(500, b"oops", {"Content-Type": "text/plain"}))
    result = run(*args, "--force")
    assert result.exit_code == 0, result.output
    assert lines(result.output, "warning:") == [
        f"warning: {atom}: HTTP 500 Internal Server Error; keeping its 2 item(s) from the last build"]
    assert {s["url"] for s in briefing_json(out)["sources"]} == before

    site.stop()  # nobody to ask: an offline build must not need anybody
    site.forget()
    offline = run(*args, "--offline", "--force")
    assert offline.exit_code == 0, offline.output
    assert site.paths() == []
    assert {s["url"] for s in briefing_json(out)["sources"]} == before


def test_offline_names_what_it_does_not_hold(site, tmp_path):
    serve_story(site)
    out = tmp_path / "out"
    url = site.url + "/news/camp-halden-drone.html"
    assert run(url, "-o", str(out)).exit_code == 0
    site.forget()
    never = site.url + "/news/depot-airstrike.html"
    result = run(url, never, "-o", str(out), "--offline")
    assert result.exit_code == 0 and site.paths() == []
    assert lines(result.output, "warning:") == [
        f"warning: {never}: not fetched by an earlier build, so not used offline"]


def test_this_machine_is_refused_without_allow_private(site, tmp_path):
    serve_story(site)
    result = CliRunner().invoke(cli, ["build", site.url + "/news/camp-halden-drone.html", "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert "--allow-private" in result.output and "address of this machine" in result.output
    assert site.paths() == []


def test_feeds_and_the_query_can_live_in_the_sources_folder(site, tmp_path):
    rss, atom = serve_story(site)
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "local.txt").write_text(
        "Port Mirel hospital says it treated 12 soldiers after the drone attack on Camp Halden.\n\n"
        "Doctors said on Monday that two of the wounded soldiers were in a serious condition.\n", encoding="utf-8")
    (folder / "sources.toml").write_text(f'feeds = ["{rss}", "{atom}"]\n\n["local.txt"]\noutlet = "Desk notes"\n',
                                         encoding="utf-8")
    (folder / "briefing.toml").write_text(f"match = '{QUERY}'\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert not lines(result.output, "warning:")  # `feeds` is no file's metadata, briefing.toml no article
    sources = briefing_json(out)["sources"]
    assert {s["url"] for s in sources if s["url"]} == {site.url + p for p in ON_STORY}
    assert [s["outlet"] for s in sources if s["path"].endswith("local.txt")] == ["Desk notes"]


def test_watch_polls_the_feeds_and_rebuilds_when_an_item_is_new(site, tmp_path):
    rss, _atom = serve_story(site)
    out = tmp_path / "out"
    options = BuildOptions(sources=(), feeds=(rss,), match=QUERY, out_dir=str(out),
                           fetch=FetchPolicy(allow_private=True, host_delay=0.02))
    results, stop = [], threading.Event()
    thread = threading.Thread(target=watch, args=(options, lambda r, e: results.append((r, e)), stop),
                              kwargs={"every": 0.5}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while len(results) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert results[0][1] is None and results[1][0].up_to_date  # the first poll finds nothing new
        site.page("/news/new.html", article("Second drone downed near Camp Halden",
                                            ["Soldiers shot down a second drone near Camp Halden on Wednesday, the "
                                             "defence ministry said.", "Nobody was hurt, the ministry said."]))
        feed = site.bodies["/feeds/news.rss"].decode()
        item = (f"<item><title>Second drone downed near Camp Halden</title><link>{site.url}/news/new.html</link>"
                "<pubDate>Wed, 08 Jan 2025 09:00:00 GMT</pubDate><description>A militia drone.</description></item>")
        site.page("/feeds/news.rss", feed.replace("</channel>", item + "</channel>"), "application/rss+xml")
        while not any(r and not r.up_to_date and len(r.briefing.sources) == 3 for r, _ in results) \
                and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(timeout=10)
    rebuilt = [r for r, _ in results if r and not r.up_to_date]
    assert len(rebuilt) == 2 and rebuilt[-1].parsed == (site.url + "/news/new.html",)
    assert not thread.is_alive()


@pytest.mark.parametrize("text, seconds", [("90", 90), ("90s", 90), ("15m", 900), ("1h", 3600), ("0.5s", 0.5)])
def test_watch_intervals_read_as_people_write_them(text, seconds):
    assert parse_interval(text) == seconds


def test_a_bad_interval_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["watch", str(tmp_path), "-o", str(tmp_path / "out"), "--every", "soon"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "--every soon: give an interval such as 90s, 15m or 1h" in result.output


def test_the_pages_of_one_build_are_capped_together(site, tmp_path):
    rss, _atom = serve_story(site)  # two on-story items of about 1 KB each
    result = run("--feed", rss, "--match", QUERY, "--max-total-mb", "0.002", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert lines(result.output, "warning:") == [
        "warning: the fetched articles add up to over 2 KB, the limit for one build; 1 left out "
        "(raise it with --max-total-mb)"]
    assert len(briefing_json(tmp_path / "out")["sources"]) == 1
