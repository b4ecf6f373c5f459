"""Page furniture as line classes (briefing/data/furniture.toml), on made-up lines.

Each class must take the lines it names and leave article prose alone; `clean` drops a
classed line wherever it stands, never rewriting a line it keeps.
"""
from __future__ import annotations

import pytest

from briefing.ingest import FurnitureRules, clean

RULES = FurnitureRules.load()

PROSE = [
    "The ministry said on Tuesday that the bridge over the river would reopen next month after repairs.",
    "Photographers were barred from the courtroom, the judge said.",
    "Share prices fell by 4 percent on Monday after the bank cut its forecast.",
    "The council will advertise the posts next week, a spokesman said.",
    "Engineers found cracks in two of the supports during an inspection in the spring.",
    "Casualties were reported from three villages near the river.",
    "The editor of the paper was arrested on Friday, his lawyer said.",
    "She said the cookies were sold out before noon.",
    "The bakery said its cookies would continue to be sold at the market.",
    "Printed copies of the report were sent to 40 ministries.",
    "Staff worked 24/7 at the site.",
    "Saved by the coast guard, the crew of 12 reached the harbour at dawn.",
    "and",  # a paragraph broken after its first word is not a section label
]

CLASSES = {
    "caption": [
        "Photo: Crowds wait outside the station after the trains were cancelled.",
        "Image: A tractor crosses a flooded field near the village. Credit: Valley Gazette",
        "Fishermen mend their nets in the harbour on Monday. (AP Photo/Jane Doe)",
        "Pictured: the new bridge under construction last spring",
        "Smoke rises over the port after the blast. Photograph by Sam Rivers",
    ],
    "credit": [
        "Credit: Riverside Tribune photo desk",
        "(AFP Photo/Karim Sahib)",
        "Photograph: Ellen Brooks/Coastal Herald",
        "Getty Images",
        "Jon Marsh/Eastern Ledger",
        "Image credit: Island Weekly",
    ],
    "advertising": [
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisement · Scroll to continue",
        "Scroll to continue with content",
        "Advertisement - story continues below",
        "Sponsored content",
        "Story continues below advertisement",
    ],
    "subscription": [
        "Subscribe now",
        "Subscribe to read the full story",
        "Already a subscriber? Sign in",
        "Support independent journalism today",
        "Sign in",
    ],
    "share": ["Share", "Share this article", "Share on Facebook", "Share via Email", "Facebook", "WhatsApp",
              "Copy link", "Tweet", "Save for later", "Like this:", "Loading..."],
    "comments": ["Comments (14)", "Be the first to reply", "Leave a Reply Cancel reply",
                 "Your email address will not be published. Required fields are marked *", "3 comments"],
    "navigation": ["Skip to main content", "Menu", "Back to top", "Privacy Policy", "Terms of Use",
                   "Listen to this article", "5 min read", "4–5 minutes", "Reading time: 3 minutes",
                   "Tags: floods, weather", "Explore more on these topics", "Accept all cookies",
                   "We use cookies to improve your experience. By continuing you accept our cookie policy."],
    "section_label": ["World & Politics", "Middle East", "ANALYSIS", "WORLD NEWS", "Business", "Opinion"],
    "breadcrumb": ["Home | World | Africa", "News › Region › Coast", "Home > News > Local",
                   "You are here: Home / News / Health", "Privacy Policy | Terms | Contact Us"],
    "related_link": ["RELATED: RIVER LEVELS RISE FOR A THIRD DAY", "See also: How the dam was built",
                     "Read more: Ferry rules to be reviewed", "MARKETS RALLY AFTER RATE DECISION",
                     "THE MEN WHO RUN THE BORDER TRADE"],
    "job_title": ["Political correspondent", "Senior reporter", "Editor: Mary Stone"],
    "capture": ["Retrieved 30 November 2026", "Accessed on 2026-11-30", "Saved from the web on 12 May 2025",
                "30/11/2026, 15:04 Storm closes ports | Coastal Herald"],
}


@pytest.mark.parametrize("kind, line", [(k, line) for k, lines in CLASSES.items() for line in lines])
def test_each_class_takes_its_lines(kind, line):
    assert RULES.line_class(line) == kind


@pytest.mark.parametrize("line", PROSE)
def test_no_class_takes_article_prose(line):
    assert RULES.line_class(line) is None


def test_classed_lines_are_dropped_inside_the_article_and_kept_lines_are_verbatim():
    body = (
        "Dam operator opens spillways as the river rises\n\n"
        f"{PROSE[0]}\n"
        "Photo: Water pours through the open gates of the dam on Monday.\n"
        "Getty Images\n"
        "Advertisement\n"
        "Scroll to continue\n"
        f"{PROSE[4]}\n"
        "RELATED: VILLAGES EVACUATED AS WATER RISES\n"
        "Share this article\n"
        f"{PROSE[2]}\n"
    )
    c = clean(body, RULES)
    assert c.text.split("\n") == [PROSE[0], "", PROSE[4], "", PROSE[2]] or \
        [line for line in c.text.split("\n") if line] == [PROSE[0], PROSE[4], PROSE[2]]
    for furniture in ("Photo:", "Getty", "Advertisement", "Scroll", "RELATED", "Share this"):
        assert furniture not in c.text


def test_wire_credits_are_never_quoted():
    for line in ("(Reporting by Jane Roe; Editing by John Poe)", "Ellis reported from Lima.",
                 "Sara Hamid reported from Basra and Omar Aziz from Mosul.",
                 "Associated Press writer Leila Noor contributed from Quetta."):
        assert RULES.is_boilerplate_sentence(line)
    assert not RULES.is_boilerplate_sentence("Casualties were reported from three villages.")
    assert not RULES.is_boilerplate_sentence("The Army reported from the front that it had advanced.")


def test_a_wire_credit_on_its_own_line_is_dropped():
    c = clean(f"{PROSE[0]}\n{PROSE[4]}\n(Reporting by Jane Roe; Editing by John Poe)\n", RULES)
    assert "Reporting by" not in c.text and PROSE[4] in c.text
