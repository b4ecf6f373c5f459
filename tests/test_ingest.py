"""Ingest: decoding, headline/outlet/dateline, and page furniture by rule."""
from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.ingest import FurnitureRules, clean, decode, read_sources, Unreadable

RULES = FurnitureRules.load()

BODY = (
    "The ministry said on Tuesday that the bridge over the river would reopen next month after repairs.\n\n"
    "Engineers found cracks in two of the supports during an inspection in the spring, officials said.\n"
)


def test_headline_outlet_and_dateline_are_metadata_not_text():
    page = "Bridge to reopen after repairs\nRiverside Daily Gazette\nMonday, March 3, 2025\n\n" + BODY
    c = clean(page, RULES)
    assert c.title == "Bridge to reopen after repairs"
    assert c.outlet == "Riverside Daily Gazette"
    assert c.published == "2025-03-03"
    assert c.text.startswith("The ministry said")
    assert "Gazette" not in c.text and "2025" not in c.text


def test_first_line_that_is_a_paragraph_is_not_a_headline():
    c = clean(BODY, RULES)
    assert c.title is None
    assert c.text.startswith("The ministry said")


def test_comment_widget_below_article_is_dropped_by_shape():
    widget = "\n".join(["Share this story", "3 2 votes", "Story Rating", "Follow", "Notify me of",
                        "visitor", "12 Comments", "Newest", "Oldest Most Voted", "See all replies"])
    c = clean("Headline here\n\n" + BODY + "\n" + widget, RULES)
    assert c.text.rstrip().endswith("officials said.")
    for word in ("votes", "Rating", "Notify", "Comments", "Oldest", "replies"):
        assert word not in c.text


def test_related_headlines_under_a_list_header_are_dropped():
    related = ("\nYou might also like\n\nCouncil approves new budget for schools\n"
               "Why are commuters angry with the rail operator?\nLocal team wins the cup final\n")
    c = clean(BODY + related, RULES)
    assert "Council approves" not in c.text and "commuters" not in c.text and "also like" not in c.text
    assert "officials said." in c.text


def test_a_run_of_headline_lines_without_header_is_a_link_list():
    links = "\nMarkets slide as oil price jumps\nStorm closes ports along the coast\nActor wins award for debut role\n"
    c = clean(BODY + links + "\nThe repairs will cost more than planned, the ministry added.\n", RULES)
    assert "Markets slide" not in c.text and "Storm closes" not in c.text
    assert "cost more than planned" in c.text


def test_newsletter_prompt_under_headline_is_dropped():
    c = clean("Bridge to reopen\n\nGet our daily newsletter in your inbox\n\n" + BODY, RULES)
    assert "newsletter" not in c.text
    assert c.title == "Bridge to reopen"


def test_a_subheading_inside_the_article_is_kept_verbatim():
    text = BODY + "\nWhat happens next\n\nThe contractor expects to finish the work before the summer holidays begin.\n"
    c = clean(text, RULES)
    assert "What happens next" in c.text


def test_cleaned_lines_are_lines_of_the_raw_file():
    raw = "Title line\n\nShare this news\n" + BODY + "\nMore stories\nSomething else happened today\n"
    c = clean(raw, RULES)
    for line in c.text.splitlines():
        assert line in raw


def test_boilerplate_sentences_are_recognised():
    assert RULES.is_boilerplate_sentence("Jane Doe contributed reporting from Paris.")
    assert not RULES.is_boilerplate_sentence("The ministry said the bridge would reopen.")


@pytest.mark.parametrize(
    "raw, expected, note",
    [
        ("Caf\u00e9 prices rose by \u00a35 today.".encode("cp1252"), "Caf\u00e9 prices rose", "decoded as"),
        ("\ufeffThe caf\u00e9 reopened.".encode("utf-16"), "The caf\u00e9 reopened.", "UTF-16"),
        ("Line one.\r\nLine two.\r\n".encode(), "Line one.\nLine two.", None),
        # a Windows page's curly quotes and dashes, decoded as Latin-1 and saved again as UTF-8
        (("\x91Nobody was told,\x92 he said \x97 twice. " * 20).encode(),
         "\u2018Nobody was told,\u2019 he said \u2014 twice.", "Windows-1252 punctuation"),
    ],
)
def test_decode_falls_back_to_detected_encodings(raw, expected, note):
    text, notes = decode(raw)
    assert expected in text
    assert "\r" not in text
    if note:
        assert any(note in n for n in notes)
    else:
        assert notes == []


@pytest.mark.parametrize("raw, reason", [(b"", "empty file"), (b"  \n\t\n", "only whitespace"),
                                         (bytes(range(256)) * 20, "binary"),
                                         (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "a PDF document, not text"),
                                         (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image, not text")])
def test_unusable_bytes_are_refused_with_a_reason(raw, reason):
    with pytest.raises(Unreadable, match=reason):
        decode(raw)


def test_read_sources_skips_bad_files_and_keeps_good_ones(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (tmp_path / "notes.csv").write_text("ignored,because,not,an,article")
    got = read_sources([str(tmp_path)])
    assert [s.path for s in got.sources] == [str(tmp_path / "a.txt")]
    assert got.sources[0].id == "S1"
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in got.skipped}
    assert reasons == {"b.txt": "empty file", "c.txt": "a PNG image, not text"}


def test_missing_folder_and_folder_without_articles_are_errors(tmp_path):
    with pytest.raises(BriefingError, match="no such file or folder"):
        read_sources([str(tmp_path / "nope")])
    (tmp_path / "empty.txt").write_text("   ")
    with pytest.raises(BriefingError, match="no readable article"):
        read_sources([str(tmp_path)])


def test_sources_are_sorted_and_numbered(tmp_path):
    for name in ("b.txt", "a.txt", "c.txt"):
        (tmp_path / name).write_text(BODY.replace("Tuesday", name))
    got = read_sources([str(tmp_path)])
    assert [(s.id, s.path.rsplit("/", 1)[-1]) for s in got.sources] == [("S1", "a.txt"), ("S2", "b.txt"), ("S3", "c.txt")]


def test_a_table_of_figures_below_the_article_is_kept_but_counters_are_not():
    table = "\n".join(["CONFIRMED DEATH TOLLS 1. Peru: 1,204", "2. Chile: 310", "3. Bolivia (inc border towns): 58",
                       "4. Ecuador: 41 5. Colombia: 12", "Comments: 12", "Share this story"])
    c = clean("Headline here\n\n" + BODY + "\n" + table, RULES)
    for row in ("Peru: 1,204", "2. Chile: 310", "Bolivia (inc border towns): 58", "Colombia: 12"):
        assert row in c.text
    assert "Comments" not in c.text and "Share" not in c.text
