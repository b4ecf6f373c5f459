"""A made-up story served by the local test site: two feeds, three articles on it, two off it.

Every name, place and number here is invented for the tests.
"""
from __future__ import annotations

from localsite import Site, article, atom, rss

ON_STORY = {
    "/news/camp-halden-drone.html": dict(
        title="Drone attack on Camp Halden kills three soldiers",
        author="Nadia Kerr", date="2025-01-06", feed="rss",
        summary="A drone launched by a militia struck the base before dawn.",
        paragraphs=[
            "At least three soldiers were killed and 12 were wounded when a drone struck Camp Halden early on "
            "Monday, the defence ministry said.",
            "The Red Cedar Brigade, a militia active along the northern border, said in a statement that it had "
            "launched the drone.",
            "\u201cWe will respond at a time and place of our choosing,\u201d Defence Minister Lara Voss told "
            "reporters in Port Mirel.",
            "About 2,000 soldiers are stationed at Camp Halden, which lies 40 kilometres from the border.",
            "The brigade has claimed 15 attacks on military bases since March.",
        ]),
    "/news/depot-airstrike.html": dict(
        title="Airstrike hits militia depot near Port Mirel",
        author="Omar Lindqvist", date="2025-01-07", feed="rss",
        summary="Officials said the strike destroyed weapons stores.",
        paragraphs=[
            "An airstrike destroyed a weapons depot used by the Red Cedar Brigade near Port Mirel on Tuesday, "
            "officials said.",
            "At least four fighters were killed in the strike, according to a statement from the defence ministry.",
            "\u201cThis was a measured answer to the attack on our soldiers,\u201d Lara Voss said.",
            "Residents of nearby villages said they heard two loud explosions shortly after midnight.",
        ]),
    "/wire/halden-toll.html": dict(
        title="Militia claims Camp Halden attack as toll rises to four",
        author="Harbour Wire staff", date="2025-01-07T10:00:00Z", feed="atom",
        summary="The ministry said a fourth soldier died of his wounds.",
        paragraphs=[
            "The toll from Monday's drone attack on Camp Halden rose to four soldiers, the defence ministry said "
            "on Tuesday.",
            "A fourth soldier died of his wounds in hospital in Port Mirel, the ministry said.",
            "The Red Cedar Brigade repeated its claim of responsibility in a video posted online.",
            "Lara Voss said the government would not negotiate with the militia.",
        ]),
}
OFF_STORY = {
    "/news/harbour-festival.html": dict(
        title="Harbour festival draws record crowds",
        author="Ines Moreau", date="2025-01-05", feed="rss",
        summary="Organisers counted more visitors than ever.",
        paragraphs=[
            "The harbour festival drew a record 80,000 visitors over the weekend, organisers said.",
            "Musicians from six countries played on three stages along the quay.",
            "The mayor said the festival would return next summer with a longer programme.",
        ]),
    "/wire/storm-warning.html": dict(
        title="Storm warning for the northern coast",
        author="Harbour Wire staff", date="2025-01-07T08:00:00Z", feed="atom",
        summary="Forecasters expect gales and heavy rain.",
        paragraphs=[
            "Forecasters issued a storm warning for the northern coast on Tuesday.",
            "Gusts of up to 110 kilometres an hour are expected overnight, the weather service said.",
            "Ferries between the islands were cancelled as a precaution.",
        ]),
}
QUERY = 'militia OR airstrike OR "Camp Halden"'
RFC822 = {"2025-01-05": "Sun, 05 Jan 2025 09:00:00 GMT", "2025-01-06": "Mon, 06 Jan 2025 09:00:00 GMT",
          "2025-01-07": "Tue, 07 Jan 2025 09:00:00 GMT"}


def serve_story(site: Site) -> tuple[str, str]:
    """Serve the pages and both feeds; returns the RSS and Atom feed URLs."""
    items = {**ON_STORY, **OFF_STORY}
    for path, a in items.items():
        outlet = "Coastal Times" if a["feed"] == "rss" else "Harbour Wire"
        site.page(path, article(a["title"], a["paragraphs"], a["author"], a["date"][:10], outlet))
    rss_items = [dict(path=p, title=a["title"], date=RFC822[a["date"]], summary=a["summary"])
                 for p, a in items.items() if a["feed"] == "rss"]
    atom_items = [dict(path=p, title=a["title"], date=a["date"], summary=a["summary"], author=a["author"])
                  for p, a in items.items() if a["feed"] == "atom"]
    site.page("/feeds/news.rss", rss(site.url, rss_items), "application/rss+xml")
    site.page("/feeds/wire.atom", atom(site.url, atom_items), "application/atom+xml")
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    return site.url + "/feeds/news.rss", site.url + "/feeds/wire.atom"


if __name__ == "__main__":  # serve the story to try a build by hand (the README's example)
    import sys

    site = Site(int(sys.argv[1]) if len(sys.argv) > 1 else 8017).start()
    feeds = serve_story(site)
    print("serving on 127.0.0.1 until Ctrl-C:", *feeds)
    try:
        site.thread.join()
    except KeyboardInterrupt:
        site.stop()
