"""Headline, outlet, byline and date read from a page's text, each rule on made-up lines."""
from __future__ import annotations

import os

import pytest

from briefing.dates import read_dateline
from briefing.ingest import FurnitureRules, clean, read_sources

RULES = FurnitureRules.load()

BODY = (
    "The ministry said that the bridge over the river would reopen next month after repairs.\n\n"
    "Engineers found cracks in two of the supports during an inspection in the spring, officials said.\n"
)
HEADLINE = "Bridge over the river to reopen after repairs"


def read(top: str, body: str = BODY, year: int | None = 2026):
    return clean(top + "\n" + body, RULES, year)


# --- headline ---------------------------------------------------------------------------------

@pytest.mark.parametrize("furniture", [
    "Home | News | Transport",            # breadcrumb
    "World & Politics",                   # section label
    "TRANSPORT",                          # section label in capitals
    "Monday, March 3, 2025",              # a date
    "Photo: The bridge seen from the east bank. Credit: Riverside Gazette",  # caption
    "Getty Images",                       # credit
    "Skip to main content",               # navigation
    "30/11/2026, 15:04 Bridge over the river to reopen | Riverside Gazette",  # capture stamp
])
def test_headline_is_never_furniture_above_it(furniture):
    c = read(f"{furniture}\n{HEADLINE}")
    assert c.title == HEADLINE
    assert furniture not in c.text


def test_headline_in_capitals_is_a_related_link_not_the_headline():
    c = read(f"FERRIES CANCELLED AS STORM NEARS THE COAST\n{HEADLINE}")
    assert c.title == HEADLINE


def test_reason_names_the_headline_line_when_it_is_not_the_first():
    c = read(f"Home | News\n{HEADLINE}")
    assert "headline from line 2" in c.reasons


# --- outlet -----------------------------------------------------------------------------------

@pytest.mark.parametrize("dateline, agency", [
    ("LONDON, March 3 (Reuters) - ", "Reuters"),
    ("LIMA, Peru (AP) — ", "AP"),
    ("DOHA, March 3 (Gulf Wire) - ", "Gulf Wire"),
    ("Beirut (AFP) – ", "AFP"),
])
def test_outlet_is_the_agency_in_a_dateline(dateline, agency):
    c = read(HEADLINE, dateline + BODY)
    assert c.outlet == agency
    assert any(r.startswith("outlet from the dateline") for r in c.reasons)


def test_outlet_from_by_name_comma_outlet():
    c = read(f"{HEADLINE}\nBy Jane Roe, Riverside Gazette")
    assert (c.outlet, c.byline) == ("Riverside Gazette", "Jane Roe")


def test_outlet_from_a_site_name_line_above_the_headline():
    c = read(f"Riverside Gazette\nHome | News\n{HEADLINE}")
    assert c.outlet == "Riverside Gazette"
    assert "Riverside Gazette" not in c.text


def test_a_short_capitalised_line_under_the_headline_is_the_outlet():
    assert read(f"{HEADLINE}\nRiverpost").outlet == "Riverpost"
    assert read(f"{HEADLINE}\nRepairs took longer than planned").outlet is None


def test_outlet_from_a_domain_line():
    assert read(f"www.riverside-gazette.com\n{HEADLINE}").outlet == "www.riverside-gazette.com"


def test_outlet_from_the_copyright_line_when_nothing_else_names_it():
    c = read(HEADLINE, BODY + "© 2025 Riverside Gazette. All rights reserved.\n")
    assert c.outlet == "Riverside Gazette"


def test_photo_credit_is_never_the_outlet():
    c = read(f"{HEADLINE}\nPhotograph: Agency Pictures/Photo Desk")
    assert c.outlet is None


# --- byline -----------------------------------------------------------------------------------

@pytest.mark.parametrize("line, byline", [
    ("By Jane Roe", "Jane Roe"),
    ("By Jane Roe and John Poe", "Jane Roe and John Poe"),
    ("By Jane Roe, John Poe and Ann Lee", "Jane Roe, John Poe and Ann Lee"),
    ("By JANE ROE and JOHN POE", "Jane Roe and John Poe"),
    ("Posted by Jane Roe | Monday, 3 March 2025", "Jane Roe"),
    ("By Jane Roe, Transport correspondent", "Jane Roe"),
])
def test_byline_by_name(line, byline):
    c = read(f"{HEADLINE}\n{line}")
    assert c.byline == byline
    assert line not in c.text


def test_byline_in_capitals_before_the_outlet():
    c = read(f"{HEADLINE}\nBy JANE ROE and JOHN POE Associated Press")
    assert (c.byline, c.outlet) == ("Jane Roe and John Poe", "Associated Press")


def test_bare_name_under_headline_is_the_byline_when_a_job_title_follows():
    c = read(f"{HEADLINE}\nJane Roe\nTransport correspondent")
    assert c.byline == "Jane Roe" and c.outlet is None


def test_bare_name_is_the_byline_when_the_outlet_is_known():
    c = read(f"Riverside Gazette\n{HEADLINE}\nJane Roe")
    assert (c.outlet, c.byline) == ("Riverside Gazette", "Jane Roe")


def test_outlet_name_and_date_on_one_line():
    c = read(f"{HEADLINE}\nRiverside Gazette · Jane Roe · Mar 3, 2025")
    assert (c.outlet, c.byline, c.published) == ("Riverside Gazette", "Jane Roe", "2025-03-03")


@pytest.mark.parametrize("line, byline, outlet", [
    ("By Reuters", None, "Reuters"),
    ("By The Associated Press", None, "The Associated Press"),
    ("BY STAFF REPORTER", None, None),
    ("By Jane Roe in Basra", "Jane Roe", None),
    ("Jane Roe Transport correspondent", "Jane Roe", None),
])
def test_bylines_that_name_an_outlet_a_job_or_a_place(line, byline, outlet):
    c = read(f"{HEADLINE}\n{line}")
    assert (c.byline, c.outlet, c.title) == (byline, outlet, HEADLINE)
    assert line not in c.text


def test_outlet_with_its_place():
    c = read(f"{HEADLINE}\nJane Roe\nRiverside Gazette, Cairo")
    assert (c.outlet, c.byline) == ("Riverside Gazette", "Jane Roe")


def test_outlet_named_on_a_line_below_the_article():
    assert read(HEADLINE, BODY + "Riverside Gazette\n").outlet == "Riverside Gazette"


def test_a_sentence_starting_with_by_is_not_a_byline():
    c = read(HEADLINE, "By noon the water had reached the first floor of the station, officials said.\n" + BODY)
    assert c.byline is None


# --- date -------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, date", [
    ("Updated June 5, 2025", "2025-06-05"),
    ("Published 14 March 2025", "2025-03-14"),
    ("Updated 3:15 PM GMT, March 4, 2025", "2025-03-04"),
    ("Wed 19 Feb 2025 06.40 GMT", "2025-02-19"),
    ("date 2024-07-16", "2024-07-16"),
    ("2025-05-14 20:15:03", "2025-05-14"),
    ("Aug. 12, 2024 / 9:41 AM", "2024-08-12"),
    ("Published: 12/01/2025 — last modified 2025-01-12 18:02", "2025-01-12"),
    ("Filed at 10:15 a.m. ET, Jan. 30, 2025", "2025-01-30"),
])
def test_date_lines(line, date):
    c = read(f"{HEADLINE}\n{line}")
    assert (c.published, c.date_inferred) == (date, False)
    assert f"date from '{line}'" in c.reasons


def test_updated_wins_over_published():
    c = read(f"{HEADLINE}\nPublished June 4, 2025 · Updated June 5, 2025, 9:14 a.m. ET")
    assert c.published == "2025-06-05"


def test_date_line_after_the_standfirst_is_read():
    c = read(f"{HEADLINE}\nThe repairs took longer than planned and cost twice the estimate.\nBy Jane Roe\nUpdated June 5, 2025")
    assert (c.published, c.byline) == ("2025-06-05", "Jane Roe")


def test_dateline_with_a_year_dates_the_story():
    c = read(HEADLINE, "LONDON, June 6, 2025 (Reuters) - " + BODY)
    assert (c.published, c.date_inferred) == ("2025-06-06", False)


@pytest.mark.parametrize("line", [
    "Retrieved 30 November 2026",
    "We use cookies on this site. Cookie policy last updated 2023-01-01",
    "30/11/2026, 15:04 Bridge over the river to reopen | Riverside Gazette",
])
def test_capture_and_cookie_dates_are_never_the_date(line):
    assert read(f"{line}\n{HEADLINE}").published is None


def test_a_date_in_the_article_text_is_not_the_page_date():
    c = read(HEADLINE, "The bridge was first opened on March 3, 1990, the ministry said in a statement.\n" + BODY)
    assert c.published is None


# --- dates inferred from the text --------------------------------------------------------------

def test_weekday_with_its_day_fixes_the_year_and_is_marked_inferred():
    c = read(HEADLINE, "The bridge reopened on Thursday, June 5, after two years of repairs, the ministry said.\n")
    assert (c.published, c.date_inferred) == ("2025-06-05", True)
    assert "date inferred from 'Thursday, June 5' in the text" in c.reasons


def test_dateline_day_in_the_year_the_weekday_fixes():
    c = read(HEADLINE, "ADEN, June 6 (Reuters) - The currency fell to a record low on Thursday, June 5, "
                       "money changers said.\n")
    assert (c.published, c.date_inferred) == ("2025-06-06", True)


def test_a_day_without_year_or_weekday_is_not_guessed():
    c = read(HEADLINE, "OSLO, Nov 14 (NPA) - Hundreds of boats stayed in port on Thursday as a storm approached.\n")
    assert c.published is None and c.outlet == "NPA"


def test_the_weekday_year_is_no_later_than_the_year_the_page_was_saved():
    text = "The bridge reopened on Thursday, June 5, after two years of repairs, the ministry said.\n"
    assert read(HEADLINE, text, year=2024).published == "2014-06-05"
    assert read(HEADLINE, text, year=None).published is None


# --- datelines ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["ISIS - the group said", "The US - and its allies", "NATO - The alliance said"])
def test_not_a_dateline(line):
    assert read_dateline(line) is None


def test_dateline_is_not_a_sentence_and_the_first_sentence_starts_after_it(nlp):
    from briefing.analyze import analyze
    from briefing.extract.timeline import extract_timeline
    from briefing.model import Source

    text = ("ADEN, June 6 (Reuters) - The currency fell to a record low, money changers said.\n"
            "The bank said on Friday it would sell dollars to local banks.")
    p = analyze([Source("S1", "a.txt", "x", text, published="2025-06-06")], nlp)[0]
    first = p.sentences[0]
    assert first.text.startswith("The currency") and text[first.start:first.end] == first.text
    assert all(not s.text.startswith("ADEN") for s in p.sentences)
    timeline = extract_timeline([p])
    assert [e.date for e in timeline] == ["2025-06-06"]  # "on Friday", placed; the dateline is no entry
    assert timeline[0].text.startswith("The bank")


# --- sources -------------------------------------------------------------------------------------

def test_sources_in_date_order_with_byline_and_reasons(tmp_path):
    (tmp_path / "a.txt").write_text(f"{HEADLINE}\nBy Jane Roe\nUpdated June 5, 2025\n\n{BODY}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY.replace("bridge", "tunnel"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(f"{HEADLINE}\nMarch 3, 2025\n\n{BODY.replace('river', 'canal')}", encoding="utf-8")
    sources = read_sources([str(tmp_path)]).sources
    assert [(s.id, os.path.basename(s.path)) for s in sources] == [("S1", "c.txt"), ("S2", "a.txt"), ("S3", "b.txt")]
    assert sources[1].byline == "Jane Roe"
    assert "date from 'Updated June 5, 2025'" in sources[1].reasons


def test_sidecar_metadata_wins_and_the_text_reason_goes(tmp_path):
    (tmp_path / "a.txt").write_text(f"{HEADLINE}\nUpdated June 5, 2025\n\n{BODY}", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text("published = 2025-06-09\n", encoding="utf-8")
    s = read_sources([str(tmp_path)]).sources[0]
    assert s.published == "2025-06-09"
    assert not any(r.startswith("date") for r in s.reasons)
