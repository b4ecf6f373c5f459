"""Facts benchmark: figures, conflicts, quotes and entities against hand-annotated gold files.

    python bench/facts.py            # print the table
    python bench/facts.py --write    # and put it in BENCHMARKS.md

Sets (gold files in bench/facts_gold/, annotated by hand reading every sentence,
figures exhaustive): the seeds; DUC 2004 clusters d31022t and d30002t, on which
the ledger's rules were developed; d30010t and d30029t, annotated before any rule
was written and held out for a first score, then used for development too ("dev
2"; their first, held-out score is in BENCHMARKS.md); d31038t and d30007t,
annotated after that, held out for a second score, then used for development too
("dev 3"); d30056t and d30034t, annotated after that, held out for a third score
("dev 4" since). MultiLing 2011 WikiNews topics M001 (London bombings) and M008
(Air France 447) are development sets of another wording; M000 (the 2004 tsunami)
and M006 (the 2010 Haiti earthquake), annotated before any of the rules that
followed dev 4, were held out for one score, then used for development too
("WikiNews dev 2"). The WikiNews US-Iran folder of ../shared/corpora and DUC
clusters d30042t, d30044t, d30051t and d30005t were annotated next, before the rules
that followed WikiNews dev 2 (d30005t shares three documents with d31038t), scored once
as held out, then used for development too ("dev 5"; the held-out score is in
BENCHMARKS.md). MultiLing M003 and M007 and DUC d30053t, d30015t and d30028t were
annotated next, before the rules that followed dev 5 were final, and scored once as
held out ("dev 6" since). MultiLing M005 and M002 and DUC d30003t, d31013t, d30022t and
d30059t were annotated before the rules that followed dev 6 and scored once as held out
("dev 7" since). DUC d31001t, d31008t, d30017t, d30011t, d31050t and d30008t were annotated
while dev 7 was scored, and scored once as held out when the rules that followed it were final
("dev 8" since). DUC d30001t, d30050t, d30037t, d30006t and MultiLing M004 and M009 were
annotated next, and scored once as held out when the rules that followed dev 8 were final
("dev 9" since). Six WikinewsSum stories of late 2004 (several outlets' articles on one
event each, copied by hand from the public WikinewsSum data set into a folder outside the repository,
BRIEFING_WIKINEWSSUM (default ../shared/corpora/wikinewssum-2004): third-party text, never committed)
were annotated next, the first held-out text from outside DUC and MultiLing, and scored once
when the rules that followed dev 9 were final ("dev 10" since). Nine more WikinewsSum stories (a second
draw, most with one English source) were annotated next and scored once when the rules that followed
dev 10 were final ("dev 11" since). DUC 2007 clusters d0743j and d0743j-update (the 1999 Izmit
earthquake, in DUC's first and update document sets), d0741i (the Atlanta day-trading shootings),
d0742j (the Kennedy plane crash) and d0729g (the Rudolph manhunt), whose SGML documents are read
from BRIEFING_DUC2007 (third-party text, never committed), were annotated next and scored once
with the rules that followed dev 11 ("dev 12" since). Then 41 BBC News articles of 2004-2005
(../shared/corpora/bbc-news-summary, chosen by a pattern before any was read; BBC_SETS) and a third
WikinewsSum draw (seven stories, in the same BRIEFING_WIKINEWSSUM folder) were annotated and held
out while the rules that followed dev 12 were written, then scored once ("dev 13" since). A fourth
BBC draw (36 articles chosen at random among those with a number beside a figure-kind word; BBC_SETS_2),
most without any figure, was held out while the rules that followed dev 13 were written, then scored
once ("dev 14" since). A fifth draw of 36 (BBC_SETS_3) was held out while the rules that followed
dev 14 were written, then scored once ("dev 15" since). A sixth BBC draw (BBC_SETS_4) and 17 reports
of 2016 on five events (BRIEFING_NEWS2016; N16) were held out while the rules that followed dev 15 were
written, then scored once ("dev 16" and "dev 17" since). Ten reports of 2016 on three more events from the
same repository (BRIEFING_NEWS2016_2; N16B) were held out while the rules that followed dev 17 were written,
then scored once ("dev 18" since). Three DUC 2004 clusters no set used (d30049t, d30046t, d31009t: North
Korea's nuclear site, a Speaker's resignation, a Turkish government crisis; 5 figures in all) were annotated
during the rules that followed dev 18, unread by whoever wrote them, then scored once ("dev 19" since). Eleven reports of 2016 on three more events (BRIEFING_NEWS2016_3; N16C:
the Orlando nightclub shooting, Texas floods, a blizzard) were annotated by helpers during the rules that
followed dev 19, unread by whoever wrote them, then scored once ("dev 20" since). Thirteen reports of 2020 on
four events (BRIEFING_NEWS2020; H9: the Nova Scotia shooting, Hurricane Laura, the US West Coast wildfires,
the Moria camp fire), from another public repository of daily scrapes (BBC, CNN, the Straits Times), were
collected and annotated by helpers while the rules that followed dev 20 were written, then scored once
("dev 21" since). Fifteen more reports of 2020 on five events
(BRIEFING_NEWS2020_2; H10: a gas leak, a nightclub crush, a typhoon, the Kenosha unrest, the search of Beirut's
rubble a month after the blast), from the same scrape, captions and credits left in as a saved page has them, were
collected and annotated by helpers while the rules that followed dev 21 were written, then scored once ("dev 22"
since). Twelve more reports of 2020 on five events (BRIEFING_NEWS2020_3; H11: lightning-sparked wildfires, a
series of stabbings, a capsized livestock ship, protests over a postponed election, a hurricane before landfall),
from the same scrape and from a public site's copies of Daily Mail articles, captions left in, were collected and
annotated by helpers while the rules that followed dev 22 were written, then scored once ("dev 23" since). Eight
Daily Mail reports of 2020 on three events (BRIEFING_NEWS2020_4; H12: protests after a grand jury's decision, a
cleaver attack in Paris, the outbreak of a war), from a public site's copies, captions left in, were collected
and annotated by helpers while the rules that followed dev 23 were written, then scored once ("dev 24" since).
Fourteen reports on five events (BRIEFING_NEWS2024; H13: a truck attack in 2016, a mall fire, a rocket strike, a
stabbing and the riots after it, landslides in 2024), copies of CNN, NBC and Gothamist pages in public
repositories, were collected and annotated by helpers while the rules that followed dev 24 were written, then
scored once ("dev 25" since). Fourteen more CNN reports of 2024 on five events (BRIEFING_NEWS2024_2; H14: a bridge
collapse, air strikes on a port, landslides, a wildfire, protests after an election), copies in the same public
repository, were collected and annotated by helpers while the rules that followed dev 25 were written, then scored
once ("dev 26" since). Nine more CNN reports of July 2024 on four events (BRIEFING_NEWS2024_3; H15: an explosion at
a distillery, a military offensive, a strike on a school, a wildfire), copies in the same public repository, were
collected and annotated by helpers after the rules that followed dev 26 were written, then scored once ("dev 27"
since). Ten reports of June-July 2016 on three events (BRIEFING_NEWS2016_4; H16: floods, a bombing, an attack on a
cafe), by Reuters, NBC News, ABC News (AP) and the New York Times as a public blog repository kept them, were
collected and annotated by helpers while the rules that followed dev 27 were written, then scored once ("dev 28"
since). Ten more reports of 2016 on five events (BRIEFING_NEWS2016_5; H17: shootings, tornadoes, two days of
bombings in Syria, fighting in a capital), by Reuters, Fox News, CBS News, NBC News and ABC News (AP) as the same
blog repository kept them, were collected and annotated by helpers while the rules that followed dev 28 were
written, then scored once ("dev 29" since). Eleven CNN reports of 2024 on five events (BRIEFING_NEWS2024_4; H18: a
shooting at a mosque, protests, a poisoning, a sinking, a plane crash), each told over two days or updates, as a
public repository of news pages kept them, were collected and annotated by helpers while the rules that followed
dev 29 were written, then scored once ("dev 30" since). Thirteen reports of 2016, 2020 and 2024 on five events
(BRIEFING_NEWS2016_2024; H19: a bombing, a sniper ambush, sabotage of rail lines, deaths after a hurricane, a mass
stranding of whales), by Gothamist, Reuters, CNN, KFF Health News and the Daily Mail, were collected and annotated
by helpers while the rules that follow dev 30 were written, then scored once ("dev 31" since). Twelve reports
of 2020 and 2024 on six events (BRIEFING_NEWS2020_2024; H20: charges and protests after a death in police custody,
protests after an election, a typhoon, a bus crash, a global computer outage, a drone strike), by the BBC, the
Straits Times, the Daily Mail and CNN, were collected and annotated by helpers while the rules that follow dev 31
were written, then scored once ("dev 32" since). Sixteen reports of 2012, 2013, 2017, 2020 and 2024 on six events
(BRIEFING_NEWS2012_2024; H21: a shooting outside an office tower, a commuter train derailment, a car driven into
a crowd, an air strike on a commander, a tugboat sinking, flash floods), by Gothamist, CNN, the Daily Mail and a
maritime blog, were collected and annotated by helpers while the rules that follow dev 32 were written, then scored
once ("dev 33" since). Thirteen reports of 2012, 2014, 2015, 2023 and 2024 on six events (BRIEFING_NEWS2012_2024_2;
H22: a hurricane in a city, a gas explosion, a mine collapse, a migrant shipwreck, a shooting at a rally, an air
strike on a camp), by Gothamist, the Daily Mail, Al Jazeera, Reuters, the BBC and CNN, were collected and annotated
by helpers while the rules that follow dev 33 were written, then scored once ("dev 34" since). Sets in
facts_gold/unscored/ are held out: scored, never looked
at while choosing rules (as the ROUGE work kept DUC half B apart). DUC documents are SGML: their <TEXT> goes to a
cache folder (never the repository) with a sources.toml giving each document's
publication date, read from its DOCNO.

Each set is built with `briefing.pipeline.build`, scored with
`briefing.evaluate.evaluate` (the rules of ../shared/tools/check_briefing.py),
and compared with a plain baseline: every number within three words of a
casualty word is a figure of that kind, one per kind and value, and each kind's
distinct values are one conflict.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.rouge.corpora import CACHE, CORPORA, duc_text  # noqa: E402
from briefing.compose import Settings  # noqa: E402
from briefing.evaluate import evaluate, source_key  # noqa: E402
from briefing.pipeline import BuildOptions, build  # noqa: E402
from briefing.render import to_json  # noqa: E402

GOLD = ROOT / "bench" / "facts_gold"
# Third-party text, never committed: the folder is wherever this machine keeps it
WIKINEWSSUM = Path(os.environ.get("BRIEFING_WIKINEWSSUM", CORPORA / "wikinewssum-2004"))
DUC2007 = Path(os.environ.get("BRIEFING_DUC2007", CORPORA / "duc2007"))  # cluster folders of SGML documents
DUC2007_CLUSTER = re.compile(r"d07\d\d[a-z](-update)?$")
# BBC News articles of 2004-2005 (../shared/corpora/bbc-news-summary), never read for rules before
# they were held out: every article of a category in which a number stands within five words of a
# word of a figure kind, twice or more (a selection by pattern, made before any was read)
BBC = CORPORA / "bbc-news-summary" / "articles"
BBC_SETS = {
    "bbc-politics": ["politics/012", "politics/074", "politics/100", "politics/119", "politics/129", "politics/135",
                     "politics/152", "politics/164", "politics/229", "politics/290", "politics/308", "politics/406"],
    "bbc-business-tech": ["business/262", "business/311", "business/338", "business/345", "business/346",
                          "business/353", "business/471", "tech/002", "tech/068", "tech/281", "tech/401",
                          "sport/089"],
    "bbc-entertainment": [f"entertainment/{n}" for n in ("016", "021", "054", "057", "090", "120", "169", "195", "198",
                                                         "213", "230", "237", "263", "342", "344", "378", "381")],
}
# A fourth draw, held out 2026-12-01 (evening): 36 articles chosen at random (seed 20261201) among the
# 184 others where a number stands within five words of a figure-kind word at least once; most hold no
# figure, so the set tests precision on everyday news
BBC_SETS_2 = {
    "bbc2-politics-business": ["business/161", "business/191", "business/452", "business/498", "politics/068",
                               "politics/104", "politics/177", "politics/208", "politics/393", "tech/273"],
    "bbc2-entertainment": [f"entertainment/{n}" for n in ("031", "043", "099", "110", "114", "129", "140", "154",
                                                         "222", "225", "244", "247", "362")],
    "bbc2-sport": [f"sport/{n}" for n in ("030", "061", "149", "234", "278", "306", "325", "358", "371", "380",
                                         "412", "415", "460")],
}
# A fifth draw, held out 2026-12-01 (night): 36 more at random (seed 202612012) among the 148 left
BBC_SETS_3 = {
    "bbc3-politics": [f"politics/{n}" for n in ("034", "115", "125", "127", "130", "195", "199", "230", "400", "412")],
    "bbc3-business-tech": [*(f"business/{n}" for n in ("059", "157", "159", "235", "486")),
                           *(f"tech/{n}" for n in ("015", "120", "223", "231", "280", "288"))],
    "bbc3-entertainment-sport": [*(f"entertainment/{n}" for n in ("037", "071", "121", "122", "141", "144", "190",
                                                                   "214", "261")),
                                 *(f"sport/{n}" for n in ("016", "054", "147", "178", "245", "388"))],
}
# A sixth draw, held out 2026-12-01 (late night): 36 more at random (seed 202612021) among the 112 left
BBC_SETS_4 = {
    "bbc4-politics-business-tech": [*(f"business/{n}" for n in ("187", "215", "489")),
                                    *(f"politics/{n}" for n in ("018", "040", "178", "227")),
                                    *(f"tech/{n}" for n in ("075", "132", "244", "303", "354", "390"))],
    "bbc4-entertainment": [f"entertainment/{n}" for n in ("091", "124", "146", "201", "205", "257", "307", "320",
                                                         "356")],
    "bbc4-sport": [f"sport/{n}" for n in ("096", "134", "145", "150", "162", "247", "342", "348", "356", "375",
                                         "451", "475", "502", "506")],
}
# Reuters, NBC and New York Times articles of 2016 on five attacks and a disaster, copied by hand from a
# public blog repository's scraped copies into a folder outside the repository (third-party text, never
# committed), with each copy's date: several reports of one event each, tolls that rise between them
NEWS2016 = Path(os.environ.get("BRIEFING_NEWS2016", CORPORA / "news-2016"))
N16 = ["n16-ecuador-quake-2016", "n16-jakarta-attack-2016", "n16-brussels-bombings-2016",
       "n16-istanbul-sultanahmet-2016", "n16-istanbul-istiklal-2016"]
# A second draw from the same blog repository, three more events of 2016 (BRIEFING_NEWS2016_2): held out
NEWS2016_2 = Path(os.environ.get("BRIEFING_NEWS2016_2", CORPORA / "news-2016-2"))
N16B = ["n16b-taiwan-quake-2016", "n16b-fort-mcmurray-wildfire-2016", "n16b-egyptair-ms804-2016"]
# A third draw, three more events of 2016 (BRIEFING_NEWS2016_3): held out
NEWS2016_3 = Path(os.environ.get("BRIEFING_NEWS2016_3", CORPORA / "news-2016-3"))
N16C = ["n16c-orlando-shooting-2016", "n16c-texas-floods-2016", "n16c-winter-storm-jonas-2016"]
# BBC, CNN and Straits Times (Reuters) articles of 2020 on four events, copied by a helper from a public
# repository of daily news scrapes into a folder outside the repository (BRIEFING_NEWS2020; third-party text,
# never committed), annotated by helpers who wrote no rules: held out, then scored once
NEWS2020 = Path(os.environ.get("BRIEFING_NEWS2020", CORPORA / "news-2020"))
H9 = ["h9-nova-scotia-shooting-2020", "h9-hurricane-laura-2020", "h9-us-west-coast-wildfires-2020",
      "h9-moria-camp-fire-2020"]
# Fifteen more of 2020 on five events from the same scrape (BRIEFING_NEWS2020_2): held out, then scored once
NEWS2020_2 = Path(os.environ.get("BRIEFING_NEWS2020_2", CORPORA / "news-2020-2"))
H10 = ["h10-vizag-gas-leak-2020", "h10-peru-nightclub-crush-2020", "h10-typhoon-haishen-2020",
       "h10-kenosha-unrest-2020", "h10-beirut-explosion-rubble-search-2020"]
# Twelve more of 2020 on five events (BRIEFING_NEWS2020_3): held out, then scored once
NEWS2020_3 = Path(os.environ.get("BRIEFING_NEWS2020_3", CORPORA / "news-2020-3"))
H11 = ["h11-california-lightning-complex-fires-2020", "h11-birmingham-stabbings-2020",
       "h11-gulf-livestock-1-capsizing-2020", "h11-hong-kong-postponed-election-protests-2020",
       "h11-hurricane-sally-2020"]
# Eight Daily Mail reports of 2020 on three events (BRIEFING_NEWS2020_4): held out, then scored once
NEWS2020_4 = Path(os.environ.get("BRIEFING_NEWS2020_4", CORPORA / "news-2020-4"))
H12 = ["h12-louisville-breonna-taylor-protests-2020", "h12-paris-charlie-hebdo-offices-stabbing-2020",
       "h12-nagorno-karabakh-fighting-outbreak-2020"]
# Fourteen reports of 2016 and 2024 on five events, CNN, NBC and Gothamist copies (BRIEFING_NEWS2024): held out,
# then scored once
NEWS2024 = Path(os.environ.get("BRIEFING_NEWS2024", CORPORA / "news-2024"))
H13 = ["h13-nice-truck-attack-2016", "h13-zigong-mall-fire-2024", "h13-majdal-shams-rocket-strike-2024",
       "h13-southport-stabbing-and-riots-2024", "h13-wayanad-landslides-2024"]
# Fourteen more CNN reports of 2024 on five events (BRIEFING_NEWS2024_2): held out, then scored once
NEWS2024_2 = Path(os.environ.get("BRIEFING_NEWS2024_2", CORPORA / "news-2024-2"))
# Nine more CNN reports of July 2024 on four events (BRIEFING_NEWS2024_3): held out, then scored once
NEWS2024_3 = Path(os.environ.get("BRIEFING_NEWS2024_3", CORPORA / "news-2024-3"))
# Ten reports of June-July 2016 on three events by four outlets (BRIEFING_NEWS2016_4): held out, then scored once
NEWS2016_4 = Path(os.environ.get("BRIEFING_NEWS2016_4", CORPORA / "news-2016-4"))
H16 = ["h16-west-virginia-floods-2016", "h16-baghdad-karrada-bombing-2016", "h16-dhaka-cafe-attack-2016"]
# Ten more reports of 2016 on five events by five outlets (BRIEFING_NEWS2016_5): held out, then scored once
NEWS2016_5 = Path(os.environ.get("BRIEFING_NEWS2016_5", CORPORA / "news-2016-5"))
H17 = ["h17-kalamazoo-shootings-2016", "h17-southeast-tornado-outbreak-2016", "h17-jableh-tartus-bombings-2016",
       "h17-sayyida-zeinab-bombings-2016", "h17-juba-fighting-2016"]
# Eleven CNN reports of 2024 on five events, updates over two days (BRIEFING_NEWS2024_4): held out, then scored once
NEWS2024_4 = Path(os.environ.get("BRIEFING_NEWS2024_4", CORPORA / "news-2024-4"))
# Thirteen reports of 2016-2024 on five events, of five outlets (BRIEFING_NEWS2016_2024): held out, then scored once
NEWS2016_2024 = Path(os.environ.get("BRIEFING_NEWS2016_2024", CORPORA / "news-2016-2024"))
H19 = ["h19-chelsea-bombing-2016", "h19-dallas-police-ambush-2016", "h19-french-rail-sabotage-2024",
       "h19-houston-beryl-power-outages-2024", "h19-tasmania-pilot-whale-stranding-2020"]
# Twelve reports of 2020 and 2024 on six events, of four outlets (BRIEFING_NEWS2020_2024): held out, then scored once
NEWS2020_2024 = Path(os.environ.get("BRIEFING_NEWS2020_2024", CORPORA / "news-2020-2024"))
H20 = ["h20-george-floyd-charges-and-protests-2020", "h20-belarus-post-election-protests-2020",
       "h20-typhoon-gaemi-philippines-taiwan-2024", "h20-peru-bus-ravine-crash-2024",
       "h20-crowdstrike-global-tech-outage-2024", "h20-tel-aviv-drone-strike-2024"]
# Sixteen reports of 2012-2024 on six events, of four outlets (BRIEFING_NEWS2012_2024): held out, then scored once
NEWS2012_2024 = Path(os.environ.get("BRIEFING_NEWS2012_2024", CORPORA / "news-2012-2024"))
H21 = ["h21-empire-state-building-shooting-2012", "h21-metro-north-spuyten-duyvil-derailment-2013",
       "h21-times-square-car-rampage-2017", "h21-beirut-hezbollah-commander-strike-2024",
       "h21-mauritius-tugboat-sinking-2020", "h21-vermont-flash-floods-2024"]
# Thirteen reports of 2012-2024 on six events, of six outlets (BRIEFING_NEWS2012_2024_2): held out, then scored once
NEWS2012_2024_2 = Path(os.environ.get("BRIEFING_NEWS2012_2024_2", CORPORA / "news-2012-2024-2"))
H22 = ["h22-hurricane-sandy-new-york-2012", "h22-east-harlem-gas-explosion-2014",
       "h22-colombia-riosucio-gold-mine-collapse-2015", "h22-cutro-migrant-shipwreck-2023",
       "h22-butler-trump-rally-shooting-2024", "h22-al-mawasi-strike-2024"]
H18 = ["h18-oman-wadi-kabir-mosque-shooting-2024", "h18-bangladesh-quota-protests-2024",
       "h18-bangkok-hotel-cyanide-deaths-2024", "h18-falklands-argos-georgia-sinking-2024",
       "h18-nepal-saurya-airlines-crash-2024"]
H15 = ["h15-tequila-distillery-explosion-2024", "h15-khan-younis-offensive-2024", "h15-deir-al-balah-school-strike-2024",
       "h15-park-fire-2024"]
H14 = ["h14-shaanxi-bridge-collapse-2024", "h14-hodeidah-port-airstrikes-2024", "h14-ethiopia-gofa-landslides-2024",
       "h14-jasper-wildfire-2024", "h14-venezuela-post-election-protests-2024"]
WNS3 = ["wns-sudanese-parties-sign-peace-pledge", "wns-asian-earthquake-toll-nears-60000",
        "wns-mumbai-officials-demolish-39k-shanties", "wns-australia-deport-asylum-seekers-tsunami",
        "wns-americans-contribute-relief-effort", "wns-saddam-hussein-profited-roughly-1b",
        "wns-man-bites-dog-charged-animal"]
SETS = {  # name -> (source folder or DUC cluster ids, gold files)
    "seeds": (["seeds"], ["seeds"]),
    "DUC dev (d31022t, d30002t)": (["d31022t", "d30002t"], ["d31022t", "d30002t"]),
    "DUC dev 2 (d30010t, d30029t)": (["d30010t", "d30029t"], ["d30010t", "d30029t"]),
    "DUC dev 3 (d31038t, d30007t)": (["d31038t", "d30007t"], ["d31038t", "d30007t"]),
    "DUC dev 4 (d30056t, d30034t)": (["d30056t", "d30034t"], ["d30056t", "d30034t"]),
    "WikiNews dev (M001, M008)": (["M001", "M008"], ["M001", "M008"]),
    "WikiNews dev 2 (M000, M006)": (["M000", "M006"], ["M000", "M006"]),
    "Dev 5, held out until scored once (us-iran, d30042t, d30044t, d30051t, d30005t)": (
        ["us-iran", "d30042t", "d30044t", "d30051t", "d30005t"],
        ["us-iran", "d30042t", "d30044t", "d30051t", "d30005t"]),
    "Dev 6, held out until scored once (M003, M007, d30053t, d30015t, d30028t)": (
        ["M003", "M007", "d30053t", "d30015t", "d30028t"],
        ["M003", "M007", "d30053t", "d30015t", "d30028t"]),
    "Dev 7, held out until scored once (M005, M002, d30003t, d31013t, d30022t, d30059t)": (
        ["M005", "M002", "d30003t", "d31013t", "d30022t", "d30059t"],
        ["M005", "M002", "d30003t", "d31013t", "d30022t", "d30059t"]),
    "Dev 8, held out until scored once (d31001t, d31008t, d30017t, d30011t, d31050t, d30008t)": (
        ["d31001t", "d31008t", "d30017t", "d30011t", "d31050t", "d30008t"],
        ["d31001t", "d31008t", "d30017t", "d30011t", "d31050t", "d30008t"]),
    "Dev 9, held out until scored once (d30001t, d30050t, d30037t, d30006t, M004, M009)": (
        ["d30001t", "d30050t", "d30037t", "d30006t", "M004", "M009"],
        ["d30001t", "d30050t", "d30037t", "d30006t", "M004", "M009"]),
    "Dev 10, held out until scored once (WikinewsSum 2004: six stories, 15 articles of other outlets)": (
        ["wns-green-zone-bombings", "wns-tsunami-aid-effort", "wns-valech-report-released", "wns-activists-protest-school-americas", "wns-pinochet-arrested", "wns-cuba-erects-billboards"],
        ["wns-green-zone-bombings", "wns-tsunami-aid-effort", "wns-valech-report-released", "wns-activists-protest-school-americas", "wns-pinochet-arrested", "wns-cuba-erects-billboards"]),
    "Dev 11, held out until scored once (WikinewsSum 2004, second draw: nine stories, 13 articles)": (
        ["wns-tsunami-toll-relief-effort", "wns-queensland-train-derailment", "wns-beheaded-bodies-mosul", "wns-nba-players-suspended-brawl", "wns-thai-government-drops-origami-cranes", "wns-congo-prepares-confront-rwanda", "wns-humans-contributed-2003-european-heatwave", "wns-connecticut-serial-killer-competent", "wns-scott-peterson-death-penalty"],
        ["wns-tsunami-toll-relief-effort", "wns-queensland-train-derailment", "wns-beheaded-bodies-mosul", "wns-nba-players-suspended-brawl", "wns-thai-government-drops-origami-cranes", "wns-congo-prepares-confront-rwanda", "wns-humans-contributed-2003-european-heatwave", "wns-connecticut-serial-killer-competent", "wns-scott-peterson-death-penalty"]),
    "Dev 12, held out until scored once (DUC 2007: d0743j, d0743j-update, d0741i, d0742j, d0729g)": (
        ["d0743j", "d0743j-update", "d0741i", "d0742j", "d0729g"],
        ["d0743j", "d0743j-update", "d0741i", "d0742j", "d0729g"]),
    "Dev 13, held out until scored once (BBC News 2004-2005: 41 articles in three folders; WikinewsSum 2004, "
    "third draw: seven stories)": ([*BBC_SETS, *WNS3], [*BBC_SETS, *WNS3]),
    "Dev 14, held out until scored once (BBC News 2004-2005, fourth draw: 36 articles in three folders, most "
    "without a figure)": ([*BBC_SETS_2], [*BBC_SETS_2]),
    "Dev 15, held out until scored once (BBC News 2004-2005, fifth draw: 36 articles in three folders, most "
    "without a figure)": ([*BBC_SETS_3], [*BBC_SETS_3]),
    "Dev 16, held out until scored once (BBC News 2004-2005, sixth draw: 36 articles in three folders, most "
    "without a figure)": ([*BBC_SETS_4], [*BBC_SETS_4]),
    "Dev 17, held out until scored once (news of 2016: an earthquake and four attacks, 17 reports of Reuters, "
    "NBC and the New York Times)": (N16, N16),
    "Dev 18, held out until scored once (news of 2016, second draw: an earthquake, a wildfire and an air crash, "
    "10 reports of Reuters, NBC, CBS and HuffPost)": (N16B, N16B),
    "Dev 19, held out until scored once (DUC 2004, unused clusters: d30049t, d30046t, d31009t; mostly "
    "without a figure)": (["d30049t", "d30046t", "d31009t"], ["d30049t", "d30046t", "d31009t"]),
    "Dev 20, held out until scored once (news of 2016, third draw: a mass shooting, floods and a blizzard, "
    "11 reports of Reuters and the New York Times)": (N16C, N16C),
    "Dev 21, held out until scored once (news of 2020: a mass shooting, a hurricane, wildfires and a camp fire, "
    "13 reports of the BBC, CNN and the Straits Times)": (H9, H9),
    "Dev 22, held out until scored once (news of 2020, second draw: a gas leak, a crush, a typhoon, unrest and a "
    "blast's aftermath, 15 reports of the BBC, CNN and the Straits Times)": (H10, H10),
    "Dev 23, held out until scored once (news of 2020, third draw: wildfires, stabbings, a capsizing, protests "
    "and a hurricane, 12 reports of the BBC, CNN, the Straits Times and the Daily Mail)": (H11, H11),
    "Dev 24, held out until scored once (news of 2020, fourth draw: protests, a cleaver attack and a war's "
    "outbreak, 8 reports of the Daily Mail)": (H12, H12),
    "Dev 25, held out until scored once (news of 2016 and 2024: a truck attack, a mall fire, a rocket strike, "
    "a stabbing and riots, landslides, 14 reports of CNN, NBC and Gothamist)": (H13, H13),
    "Dev 26, held out until scored once (news of 2024: a bridge collapse, air strikes on a port, landslides, a "
    "wildfire, protests after an election, 14 reports of CNN)": (H14, H14),
    "Dev 27, held out until scored once (news of 2024: an explosion at a distillery, a military offensive, a "
    "strike on a school, a wildfire, 9 reports of CNN)": (H15, H15),
    "Dev 28, held out until scored once (news of 2016: floods, a bombing, an attack on a cafe, 10 reports of "
    "Reuters, NBC, ABC News and the New York Times)": (H16, H16),
    "Dev 29, held out until scored once (news of 2016: shootings, tornadoes, bombings in two Syrian cities and in a "
    "shrine town, fighting in a capital, 10 reports of Reuters, Fox News, CBS News, NBC News and ABC News)": (H17, H17),
    "Dev 30, held out until scored once (news of 2024: a shooting at a mosque, protests, a poisoning, a sinking, a "
    "plane crash, 11 reports of CNN over two days each)": (H18, H18),
    "Dev 31, held out until scored once (news of 2016, 2020 and 2024: a bombing, a sniper ambush, rail sabotage, "
    "deaths after a hurricane, a whale stranding, 13 reports of Gothamist, Reuters, CNN, KFF Health News and the "
    "Daily Mail)": (H19, H19),
    "Dev 32, held out until scored once (news of 2020 and 2024: charges and protests after a death in custody, "
    "protests after an election, a typhoon, a bus crash, a computer outage, a drone strike, 12 reports of the BBC, "
    "the Straits Times, the Daily Mail and CNN)": (H20, H20),
    "Dev 33, held out until scored once (news of 2012 to 2024: a shooting outside an office tower, a train "
    "derailment, a car driven into a crowd, an air strike on a commander, a tugboat sinking, flash floods, 16 reports "
    "of Gothamist, CNN, the Daily Mail and a maritime blog)": (H21, H21),
    "Dev 34, held out until scored once (news of 2012 to 2024: a hurricane in a city, a gas explosion, a mine "
    "collapse, a migrant shipwreck, a shooting at a rally, an air strike on a camp, 13 reports of Gothamist, the Daily "
    "Mail, Al Jazeera, Reuters, the BBC and CNN)": (H22, H22),
}
BASELINE_WORDS = {"killed": {"kill", "killed", "killing", "dead", "death", "deaths", "died", "die"},
                  "injured": {"injured", "injuring", "injure", "wounded", "wounding", "injuries", "hurt"}}
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def multiling_folder(topic: str) -> Path:
    """A MultiLing 2011 WikiNews topic (M000 ... M009) as .txt files, made once in the cache: each
    file's first line is its headline and its next line its date, which the briefing reads."""
    folder = CACHE / "facts" / topic
    if not folder.is_dir():
        folder.mkdir(parents=True)
        for doc in sorted((CORPORA / "multiling2011-en" / "docs").glob(f"{topic}?.english")):
            (folder / f"{doc.stem}.txt").write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


class MissingText(Exception):
    """A set whose third-party text is not on this machine (it is never committed)."""


def source_folder(name: str) -> Path:
    if name == "seeds":
        return ROOT / "seeds"
    if name in BBC_SETS or name in BBC_SETS_2 or name in BBC_SETS_3 or name in BBC_SETS_4:
        return bbc_folder(name)
    for prefix, corpus, variable in (("n16-", NEWS2016, "BRIEFING_NEWS2016"), ("n16b-", NEWS2016_2, "BRIEFING_NEWS2016_2"),
                                     ("n16c-", NEWS2016_3, "BRIEFING_NEWS2016_3"), ("h9-", NEWS2020, "BRIEFING_NEWS2020"),
                                     ("h10-", NEWS2020_2, "BRIEFING_NEWS2020_2"),
                                     ("h11-", NEWS2020_3, "BRIEFING_NEWS2020_3"),
                                     ("h12-", NEWS2020_4, "BRIEFING_NEWS2020_4"),
                                     ("h13-", NEWS2024, "BRIEFING_NEWS2024"),
                                     ("h14-", NEWS2024_2, "BRIEFING_NEWS2024_2"),
                                     ("h15-", NEWS2024_3, "BRIEFING_NEWS2024_3"),
                                     ("h16-", NEWS2016_4, "BRIEFING_NEWS2016_4"),
                                     ("h17-", NEWS2016_5, "BRIEFING_NEWS2016_5"),
                                     ("h18-", NEWS2024_4, "BRIEFING_NEWS2024_4"),
                                     ("h19-", NEWS2016_2024, "BRIEFING_NEWS2016_2024"),
                                     ("h20-", NEWS2020_2024, "BRIEFING_NEWS2020_2024"),
                                     ("h21-", NEWS2012_2024, "BRIEFING_NEWS2012_2024"),
                                     ("h22-", NEWS2012_2024_2, "BRIEFING_NEWS2012_2024_2")):
        if name.startswith(prefix):
            folder = corpus / name.removeprefix(prefix)
            if not folder.is_dir():
                raise MissingText(f"{folder}: no such folder (set {variable} to its story folders)")
            return folder
    if name == "us-iran":
        return CORPORA / "wikinews-us-iran"
    if name.startswith("wns-"):  # plain folders of .txt, one per story
        folder = WIKINEWSSUM / name.removeprefix("wns-")
        if not folder.is_dir():
            raise MissingText(f"{folder}: no such folder (set BRIEFING_WIKINEWSSUM to the WikinewsSum story folders)")
        return folder
    if DUC2007_CLUSTER.match(name):
        if not (DUC2007 / name).is_dir():
            raise MissingText(f"{DUC2007 / name}: no such folder (set BRIEFING_DUC2007 to the DUC 2007 cluster folders)")
        return duc_folder(name, DUC2007)
    return multiling_folder(name) if name.startswith("M") else duc_folder(name)


def bbc_folder(name: str) -> Path:
    """A folder of BBC articles, made once in the cache: each file named category-number.txt."""
    folder = CACHE / "facts" / name
    if not folder.is_dir():
        folder.mkdir(parents=True)
        for article in {**BBC_SETS, **BBC_SETS_2, **BBC_SETS_3, **BBC_SETS_4}[name]:
            (folder / f"{article.replace('/', '-')}.txt").write_bytes((BBC / f"{article}.txt").read_bytes())
    return folder


def duc_folder(cluster: str, corpus: Path = CORPORA / "duc2004" / "docs") -> Path:
    """The cluster's documents as .txt with publication dates, made once in the cache."""
    folder = CACHE / "facts" / cluster
    docs = sorted((corpus / cluster).iterdir())
    # (a cache made while the documents were still being copied lacks some: made again)
    if folder.is_dir() and {f"{d.name}.txt" for d in docs} == {p.name for p in folder.glob("*.txt")}:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    dates = []
    for doc in docs:
        (folder / f"{doc.name}.txt").write_text(duc_text(doc.read_text(encoding="utf-8", errors="replace")),
                                                encoding="utf-8")
        m = re.match(r"[A-Z]{3}(\d{4})(\d{2})(\d{2})", doc.name)
        if m:
            dates.append(f'["{doc.name}.txt"]\npublished = {m[1]}-{m[2]}-{m[3]}\n')
    (folder / "sources.toml").write_text("\n".join(dates), encoding="utf-8")
    return folder


def baseline(doc: dict) -> dict:
    """Every number beside a casualty word, as a briefing/1 document's figures and conflicts."""
    figures: dict[tuple, dict] = {}
    for s in doc["sources"]:
        for m in re.finditer(r"[^.!?]+[.!?]?", s["text"]):
            words = m.group(0).split()
            low = [w.strip(",.;:'\"`()").lower() for w in words]
            for i, w in enumerate(low):
                if not _NUMBER.match(w):
                    continue
                near = set(low[max(0, i - 3):i + 4])
                for kind, cues in BASELINE_WORDS.items():
                    if near & cues:
                        f = figures.setdefault((kind, int(w.replace(",", ""))),
                                               {"kind": kind, "value": int(w.replace(",", "")), "citations": []})
                        f["citations"].append({"source": s["id"], "start": m.start(), "end": m.end()})
    conflicts = []
    for kind in BASELINE_WORDS:
        values = sorted({v for k, v in figures if k == kind})
        if len(values) > 1:
            conflicts.append({"values": values, "citations": []})
    return {**doc, "figures": list(figures.values()), "discrepancies": conflicts}


def score_set(folders: list[str], golds: list[str]) -> dict[str, list]:
    """Summed scores (right, produced, found, gold) per measure, for the product and the baseline, and
    the folders left out because their text is not on this machine."""
    totals: dict[str, dict[str, list]] = {"briefing": {}, "baseline": {}, "missing": []}
    for folder, gold_name in zip(folders, golds):
        try:
            source_folder(folder)
        except MissingText as missing:  # third-party text this machine lacks: say so, score the rest
            print(f"not scored: {missing}", file=sys.stderr)
            totals["missing"].append(folder)
            continue
        gold_path = CORPORA.parent / "eval" / "seeds-gold.json" if gold_name == "seeds" else GOLD / f"{gold_name}.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="briefing-facts-") as out:
            doc = _built(folder, out)
        for who, d in (("briefing", doc), ("baseline", baseline(doc))):
            for s in evaluate(d, gold):
                row = totals[who].setdefault(s.kind.strip(), [0, 0, 0, 0])
                for i, n in enumerate((s.right, s.produced, s.found, s.gold)):
                    row[i] += n
    return totals


def _built(folder: str, out: str) -> dict:
    return to_json(build(BuildOptions(sources=(str(source_folder(folder)),), out_dir=out, settings=Settings())).briefing)


def misses(folder: str, gold_name: str) -> str:
    """What the briefing got wrong on one cluster: gold figures not found, figures and conflicts
    that no gold item supports, gold conflicts missed, each with the sentence it stands in."""
    gold_path = CORPORA.parent / "eval" / "seeds-gold.json" if gold_name == "seeds" else GOLD / f"{gold_name}.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="briefing-facts-") as out:
        doc = _built(folder, out)
    keys = {s["id"]: source_key(s["path"]) for s in doc["sources"]}
    texts = {s["id"]: s["text"] for s in doc["sources"]}

    def cited(f) -> set[str]:
        return {keys[c["source"]] for c in f.get("citations", [])}

    def quote(c) -> str:
        return " ".join(texts[c["source"]][c["start"]:c["end"]].split())[:220]

    lines = [f"## {folder}"]
    for g in gold.get("figures", []):
        same = [f for f in doc["figures"] if f["kind"] == g["kind"] and f["value"] == g["value"]]
        if any(set(g["sources"]) <= cited(f) for f in same):
            continue
        lines.append(f"MISSED {g['kind']} {g['value']} ({g['what']}) in {sorted(g['sources'])}")
        for f in same:
            lines.append(f"    have {f['kind']} {f['value']} {f.get('quantity')} from {sorted(cited(f))}")
        for f in doc["figures"]:
            if f["value"] == g["value"] and f["kind"] != g["kind"]:
                lines.append(f"    as {f['kind']} {f['value']} {f.get('quantity')}: {quote(f['citations'][0])}")
    for f in doc["figures"]:
        if not any(f["kind"] == g["kind"] and f["value"] == g["value"] and set(g["sources"]) & cited(f)
                   for g in gold.get("figures", [])):
            lines.append(f"WRONG {f['kind']} {f['value']} {f.get('quantity')}: {quote(f['citations'][0])}")
    for g in gold.get("discrepancies", []):
        if not any(set(g["values"]) <= set(d["values"]) for d in doc["discrepancies"]):
            lines.append(f"CONFLICT MISSED {g['values']} ({g['what']})")
    for d in doc["discrepancies"]:
        if not any(set(d["values"]) <= set(g["values"]) for g in gold.get("discrepancies", [])):
            lines.append(f"CONFLICT WRONG {d['values']} {d.get('quantity')}: {d.get('change') or ''}")
    # quotes: a gold quotation not attributed to its speaker, and what the briefing says instead
    norm = lambda x: " ".join((x or "").split()).casefold()  # noqa: E731
    for g in gold.get("quotes", []):
        held = [q for q in doc.get("quotes", []) if norm(g["contains"]) in norm(q.get("text"))]
        if any(norm(q.get("speaker")) in norm(g["speaker"]) or norm(g["speaker"]).endswith(norm(q.get("speaker")))
               for q in held if q.get("speaker")):
            continue
        said = "; ".join(f"as {q.get('speaker')!r}" for q in held) or "not quoted"
        lines.append(f"QUOTE MISSED {g['speaker']}: {g['contains']!r} ({said})")
    return "\n".join(lines)


def pr(row: list | None) -> str:
    if not row:
        return "–"
    right, produced, found, gold = row
    p = f"{right / produced:.2f}" if produced else "–"
    r = f"{found / gold:.2f}" if gold else "–"
    return f"P {p} ({right}/{produced}) · R {r} ({found}/{gold})"


def _names(name: str, short: str) -> bool:
    """Whether a set's full name is called `short` ("Dev 28" names "Dev 28, held out until ...")."""
    return name == short or name.startswith(short + ",") or name.startswith(short + " (")


def table(held_out: bool = True, only: tuple[str, ...] = ()) -> str:
    lines = ["| set | figures | figure baseline | conflicts | conflict baseline | quotes | entities |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    per_kind = []
    for name, (folders, golds) in SETS.items():
        if not held_out and any(g.startswith("unscored/") for g in golds):
            continue  # kept from whoever is choosing rules
        if only and not any(_names(name, o) for o in only):
            continue
        t = score_set(folders, golds)
        if t["missing"]:
            name += f" [not here, so not scored: {', '.join(t['missing'])}]"
        b, base = t["briefing"], t["baseline"]
        lines.append(f"| {name} | {pr(b.get('figures'))} | {pr(base.get('figures'))} | {pr(b.get('discrepancies'))} "
                     f"| {pr(base.get('discrepancies'))} | {pr(b.get('quotes'))} | {pr(b.get('entities'))} |")
        kinds = sorted(k for k in b if k not in ("figures", "discrepancies", "quotes", "entities"))
        per_kind.append(f"- {name}: " + "; ".join(f"{k} {pr(b[k])}" for k in kinds))
    return "\n".join(lines) + "\n\nFigures per kind:\n\n" + "\n".join(per_kind) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="replace the Facts section of BENCHMARKS.md")
    ap.add_argument("--misses", metavar="SET", help="list what the briefing got wrong on one set (a name of SETS "
                    "or a cluster id) instead of printing the table")
    ap.add_argument("--dev", action="store_true", help="leave out the held-out sets (while choosing rules)")
    ap.add_argument("--only", metavar="NAMES", help="comma-separated set names to score, e.g. 'Dev 28,Dev 29,seeds'")
    args = ap.parse_args()
    if args.only and args.write:
        ap.error("--only scores part of the table; --write rewrites all of it")
    if args.misses:
        named = [sets for name, sets in SETS.items() if _names(name, args.misses)]
        clusters = [([f], [g]) for fs, gs in SETS.values() for f, g in zip(fs, gs) if f == args.misses]
        if not named + clusters:
            ap.error(f"--misses: no set or cluster named {args.misses!r}")
        folders, golds = (named + clusters)[0]
        try:
            print("\n\n".join(misses(f, g) for f, g in zip(folders, golds)))
        except MissingText as missing:
            sys.exit(str(missing))
        return
    only = tuple(o.strip() for o in args.only.split(",")) if args.only else ()
    body = table(held_out=not args.dev, only=only)
    print(body)
    if args.write:
        path = ROOT / "BENCHMARKS.md"
        text = path.read_text(encoding="utf-8")
        start = text.index("<!-- facts -->")
        end = text.index("<!-- /facts -->") + len("<!-- /facts -->")
        path.write_text(text[:start] + "<!-- facts -->\n" + body + "<!-- /facts -->" + text[end:], encoding="utf-8")


if __name__ == "__main__":
    main()
