"""Fetching with manners and limits, against a site on 127.0.0.1 that each test starts and stops."""
from __future__ import annotations

import gzip
import time
import tracemalloc

import pytest

from briefing.fetch import USER_AGENT, Fetcher, FetchError, FetchPolicy, OutOfTime, check_address
from localsite import Answer, Site

MB = 2**20


@pytest.fixture()
def site():
    s = Site().start()
    s.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    s.page("/news/a.html", "<html><body><p>An article.</p></body></html>")
    try:
        yield s
    finally:
        s.stop()


def fetcher(max_bytes: int = MB, **policy) -> Fetcher:
    policy.setdefault("allow_private", True)  # the test site is on 127.0.0.1
    policy.setdefault("host_delay", 0.0)
    return Fetcher(FetchPolicy(**policy), max_bytes)


def test_this_machine_is_refused_by_default_and_nothing_is_sent(site):
    with Fetcher(FetchPolicy(), MB) as f, pytest.raises(FetchError, match="--allow-private"):
        f.get(site.url + "/news/a.html")
    assert site.paths() == []


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.7", "172.20.0.1", "169.254.1.1", "::1",
                                     "fd00::1", "0.0.0.0", "::ffff:127.0.0.1"])
def test_private_and_local_addresses_are_refused_before_any_connection(address):
    # a numeric address resolves without the network, and the check raises before any connection
    with pytest.raises(FetchError, match="private network"):
        check_address(address, 80, allow_private=False)
    check_address(address, 80, allow_private=True)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.txt", "file:///etc/passwd", "gopher://127.0.0.1/"])
def test_only_http_and_https(site, url):
    with fetcher() as f, pytest.raises(FetchError, match="only http and https"):
        f.get(url)
    assert site.paths() == []


def test_a_clear_user_agent_and_conditional_requests(site):
    with fetcher() as f:
        first = f.get(site.url + "/news/a.html")
        again = f.get(site.url + "/news/a.html", etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.body.startswith(b"<html>") and first.content_type == "text/html"
    assert again.status == 304 and again.body == b""
    plain, conditional = site.requested("/news/a.html")
    assert "if-none-match" not in plain.headers
    assert conditional.headers["if-none-match"] == first.etag
    assert conditional.headers["if-modified-since"] == first.last_modified
    assert all(r.headers["user-agent"] == USER_AGENT for r in site.log)
    assert USER_AGENT.startswith("briefing/")


def test_robots_txt_is_read_once_and_a_forbidden_path_never_requested(site):
    site.page("/private/memo.html", "<p>secret</p>")
    with fetcher() as f:
        with pytest.raises(FetchError, match="robots.txt"):
            f.get(site.url + "/private/memo.html")
        f.get(site.url + "/news/a.html")
    assert site.paths() == ["/robots.txt", "/news/a.html"]


def test_a_redirect_into_a_forbidden_path_or_scheme_is_not_followed(site):
    site.answer("/moved", Answer(301, b"", {"Location": "/private/memo.html"}))
    site.answer("/to-file", Answer(302, b"", {"Location": "file:///etc/passwd"}))
    site.answer("/old", Answer(301, b"", {"Location": "/news/a.html"}))
    with fetcher() as f:
        with pytest.raises(FetchError, match="robots.txt"):
            f.get(site.url + "/moved")
        with pytest.raises(FetchError, match="only http and https"):
            f.get(site.url + "/to-file")
        followed = f.get(site.url + "/old")
    assert followed.final_url == site.url + "/news/a.html" and followed.url == site.url + "/old"
    assert "/private/memo.html" not in site.paths()


def test_a_redirect_loop_stops_at_the_cap(site):
    site.redirect_loop("/loop-a", "/loop-b")
    with fetcher(max_redirects=3) as f, pytest.raises(FetchError, match="more than 3 redirects"):
        f.get(site.url + "/loop-a")
    assert len([p for p in site.paths() if p.startswith("/loop")]) == 4


def test_a_404_is_an_error_naming_the_status(site):
    with fetcher() as f, pytest.raises(FetchError, match="HTTP 404"):
        f.get(site.url + "/gone.html")


def test_a_slow_answer_times_out(site):
    site.answer("/slow", Answer(200, b"late", {"Content-Type": "text/html"}, delay=3))
    started = time.monotonic()
    with fetcher(timeout=0.5) as f, pytest.raises(FetchError, match="within 0.5 s"):
        f.get(site.url + "/slow")
    assert time.monotonic() - started < 2.5


def test_the_build_has_one_time_budget_for_all_requests(site):
    site.answer("/slow", Answer(200, b"late", {"Content-Type": "text/html"}, delay=3))
    with fetcher(timeout=10, build_timeout=0.8) as f:
        with pytest.raises(OutOfTime):
            f.get(site.url + "/slow")
        with pytest.raises(OutOfTime):
            f.get(site.url + "/news/a.html")


@pytest.mark.parametrize("chunked", [False, True])
def test_a_huge_body_is_refused_whether_or_not_its_size_is_declared(site, chunked):
    site.answer("/huge", Answer(200, b"x" * (3 * MB), {"Content-Type": "text/html"}, chunked=chunked))
    with fetcher(max_bytes=MB) as f, pytest.raises(FetchError, match="over the 1 MB limit"):
        f.get(site.url + "/huge")


def test_a_gzip_bomb_stops_at_the_cap_without_inflating(site):
    site.gzip_bomb("/bomb", megabytes=200)  # about 200 KB on the wire
    site.answer("/small.gz", Answer(200, gzip.compress(b"<p>fine</p>"),
                                    {"Content-Type": "text/html", "Content-Encoding": "gzip"}))
    tracemalloc.start()
    try:
        with fetcher(max_bytes=MB) as f:
            with pytest.raises(FetchError, match="after decompression"):
                f.get(site.url + "/bomb")
            assert f.get(site.url + "/small.gz").body == b"<p>fine</p>"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * MB


def test_one_host_is_asked_at_most_once_per_delay(site):
    with fetcher(host_delay=0.3) as f:
        for _ in range(3):
            f.get(site.url + "/news/a.html")
    times = [r.at for r in site.log]  # robots.txt, then the page three times
    assert len(times) == 4
    assert all(b - a >= 0.28 for a, b in zip(times, times[1:]))


def test_a_crawl_delay_longer_than_ours_is_honoured(site):
    site.page("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain")
    with fetcher(host_delay=0.0) as f:
        f.get(site.url + "/news/a.html")
        f.get(site.url + "/news/a.html")
    pages = site.requested("/news/a.html")
    assert pages[1].at - pages[0].at >= 0.95


def test_robots_txt_that_cannot_be_read_forbids_everything_and_a_missing_one_nothing(site):
    site.answer("/robots.txt", Answer(503, b"busy", {"Content-Type": "text/plain"}))
    with fetcher() as f, pytest.raises(FetchError, match="robots.txt"):
        f.get(site.url + "/news/a.html")
    del site.routes["/robots.txt"]  # 404: no rules
    with fetcher() as f:
        assert f.get(site.url + "/news/a.html").status == 200
