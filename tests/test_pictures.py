"""The pictures: places located offline, the map's projection and labels, the toll charts and
the who-reports-what matrix, and the SVG they make (well formed, described, the same bytes)."""
from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from briefing import layout, mapview, render
from briefing.charts import matrix, toll_charts
from briefing.compose import Settings, compose
from briefing.extract import extract
from briefing.ingest import FurnitureRules
from briefing.model import Citation, EntityCard, LedgerRow, LedgerValue
from briefing.pictures import pictures
from briefing.places import Place, locate
from briefing.topics import load_topics

SVG = "{http://www.w3.org/2000/svg}"

# Made-up articles: places named as a wire story names them.
LEBANON = ("Rockets hit Tripoli on Monday, the army of Lebanon said. Officials in Beirut said the strikes "
           "in Tripoli killed at least 12 people. Lebanon asked Jordan for help. Jordan sent doctors from Amman, "
           "and more left Amman on Tuesday.")
LIBYA = ("Fighting in Tripoli went on, officials of Libya said. Officials in Benghazi said 30 people died "
         "in Tripoli. Libya closed its border.")


def _briefing(parse, *texts, published=(None, None)):
    parsed = [parse(t, published=p, sid=f"S{i + 1}") for i, (t, p) in enumerate(zip(texts, published))]
    return compose(parsed, load_topics(), extract(parsed), Settings(), FurnitureRules.load())


def _with_card(briefing, name, sources=("S1",)):
    card = EntityCard(name, "GPE", (), 3, tuple(sources))
    return replace(briefing, facts=replace(briefing.facts, entities=(*briefing.facts.entities, card)))


def _place(places, name) -> Place:
    return next(p for p in places if p.name == name)


def test_a_town_is_located_in_the_country_the_sources_name(parse):
    lebanon = _briefing(parse, LEBANON)
    found = locate(lebanon, render.entity_cards(lebanon))
    tripoli = _place(found, "Tripoli")
    assert tripoli.country == "Lebanon" and abs(tripoli.lat - 34.4) < 0.3 and abs(tripoli.lon - 35.8) < 0.3
    assert _place(found, "Jordan").kind == "country"  # the country, not a town of that name
    assert _place(found, "Amman").country == "Jordan"
    libya = _briefing(parse, LIBYA)
    tripoli = _place(locate(libya, render.entity_cards(libya)), "Tripoli")
    assert tripoli.country == "Libya" and abs(tripoli.lat - 32.9) < 0.3 and abs(tripoli.lon - 13.2) < 0.3


def test_a_province_of_a_country_the_sources_name_beats_a_neighbour_s_town_of_that_name(parse):
    text = ("Hundreds of survivors of the earthquake in Haiti were flown to Florida, the United States said. "
            "Venezuela sent doctors to Port-au-Prince. Florida hospitals treated 500 victims.")
    b = _briefing(parse, text, published=(None,))
    florida = _place(locate(b, render.entity_cards(b)), "Florida")
    assert florida.country == "United States" and florida.kind != "town"


def test_a_province_beats_a_small_town_of_its_own_name_but_not_a_city(parse):
    # Oregon is a US state and a town of some 10,000 in Wisconsin; New York a state and the city
    text = ("Wildfires in Oregon have burned 280,000 acres, officials in the United States said. "
            "Smoke reached New York on Friday. Crews in Oregon were reinforced.")
    b = _with_card(_briefing(parse, text, published=(None,)), "New York")
    found = locate(b, render.entity_cards(b))
    oregon = _place(found, "Oregon")
    assert oregon.country == "United States" and oregon.kind != "town"
    assert _place(found, "New York").kind == "town"


def test_a_town_abroad_found_only_by_another_spelling_is_not_the_place(parse):
    # (Tunisia, where a town was once called Africa, is a neighbour of Libya, which LIBYA names)
    for text in (LEBANON, LIBYA):
        b = _with_card(_briefing(parse, text), "Africa")
        africa = _place(locate(b, render.entity_cards(b)), "Africa")
        assert not africa.located and africa.country is None


def test_a_place_the_gazetteer_lacks_is_listed_and_the_build_goes_on(parse, tmp_path):
    b = _with_card(_briefing(parse, LEBANON), "Qarnavelle Heights")
    view = pictures(b, render.entity_cards(b))
    missing = [r for r in view.places if r.place.name == "Qarnavelle Heights"]
    assert missing and not missing[0].on_map and missing[0].why == "not in the gazetteer"
    written = render.write_outputs(b, tmp_path)
    html = written["html"].read_text(encoding="utf-8")
    assert re.search(r"Not on the map:.*Qarnavelle Heights", html, re.S)
    doc = render.to_json(b)
    assert "Qarnavelle Heights" not in {p["name"] for p in doc["places"]}
    beirut = next(p for p in doc["places"] if p["name"] == "Beirut")
    assert beirut["country"] == "Lebanon" and beirut["sources"] == ["S1"] and 33 < beirut["lat"] < 34.5
    # "officials in Beirut said ...": where the speakers are, a place named, not where the strikes were
    rows = {r.place.name: r for r in view.places}
    assert rows["Tripoli"].place.strike and not rows["Beirut"].place.strike
    md = written["md"].read_text(encoding="utf-8")
    assert "<svg" not in md and "briefing.html and briefing.pdf" in md and "Qarnavelle Heights" in md


def test_projection_puts_known_places_where_they_are():
    frame = mapview.Frame(40.0, 30.0, 50.0, 40.0)
    assert frame.project(40.0, 40.0) == (0.0, 0.0)
    x, y = frame.project(30.0, 50.0)
    assert x == mapview.WIDTH and y == frame.height
    # a degree of longitude is cos(latitude) of a degree of latitude at the middle parallel
    assert frame.height == pytest.approx(mapview.WIDTH / math.cos(math.radians(35)), abs=0.1)
    baghdad, tehran = (33.34, 44.40), (35.69, 51.42)
    assert mapview.km_between(baghdad, tehran) == pytest.approx(690, rel=0.03)
    km, length = mapview._scale(frame)
    assert length / km == pytest.approx(frame.scale / mapview.KM_PER_DEGREE, rel=0.01)


def test_a_town_is_drawn_inside_its_country(parse):
    b = _briefing(parse, LEBANON)
    view = pictures(b, render.entity_cards(b))
    mv = view.map
    marker = next(m for m in mv.markers if m.name == "Beirut")
    lebanon = next(s for s in mv.shapes if s.name == "Lebanon")
    ring = [tuple(map(float, p.split())) for p in lebanon.d.strip("MZ").split("Z")[0].lstrip("M").split("L")]
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > marker.y) != (y1 > marker.y) and marker.x < x0 + (marker.y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    assert inside
    assert lebanon.kind.startswith("named")


def test_labels_never_overlap_each_other_markers_or_the_edge():
    bounds = layout.Box(0, 0, 200, 120)
    points = [(20 + 7 * i % 160, 20 + 13 * i % 80) for i in range(40)]  # crowded on purpose
    markers = [layout.Box(x - 4, y - 4, x + 4, y + 4) for x, y in points]
    wanted = [layout.Wanted(f"Place {i}", x, y, 11) for i, (x, y) in enumerate(points)]
    placed = layout.place(wanted, markers, bounds)
    kept = [p for p in placed if p]
    assert kept and len(kept) < len(wanted)  # some had no room and are reported as None
    for i, a in enumerate(kept):
        assert a.box.inside(bounds)
        assert not any(a.box.overlaps(m) for m in markers)
        assert not any(a.box.overlaps(b.box) for b in kept[i + 1:])


def test_map_labels_do_not_overlap(parse):
    b = _briefing(parse, LEBANON)
    mv = pictures(b, render.entity_cards(b)).map
    size = {"town": mapview.TOWN_SIZE, "country": mapview.COUNTRY_SIZE, "neighbour": mapview.NEIGHBOUR_SIZE}
    boxes = [layout.box_of(lab.text, lab.x, lab.y, lab.anchor, size[lab.kind]) for lab in mv.labels]
    assert {"Beirut", "Tripoli", "Amman"} <= {lab.text for lab in mv.labels}
    for i, a in enumerate(boxes):
        assert not any(a.overlaps(o) for o in boxes[i + 1:])


def _svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, re.S)


def _dated_briefing(parse):
    return _briefing(parse, "Officials in Tripoli, Lebanon, said at least 12 people were killed in the strikes.",
                     "Officials in Tripoli, Lebanon, said 40 people were killed in the strikes.",
                     published=("2024-03-01", "2024-03-04"))


def test_svg_is_well_formed_with_a_title_and_a_description(parse):
    b = _dated_briefing(parse)
    html = render.render_html(b)
    svgs = [s for s in _svgs(html) if 'role="img"' in s]
    assert len(svgs) >= 2  # the map and a toll chart
    for s in svgs:
        root = ET.fromstring(s)
        assert root.tag == SVG + "svg"
        title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
        assert title is not None and title.text.strip() and desc is not None and desc.text.strip()
        assert set(root.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}


def test_same_briefing_gives_the_same_svg_bytes_in_another_process(parse, tmp_path):
    b = _dated_briefing(parse)
    first = _svgs(render.render_html(b))
    import pickle

    (tmp_path / "b.pickle").write_bytes(pickle.dumps(b))
    code = ("import pickle, sys; from briefing import render; "
            f"sys.stdout.write(render.render_html(pickle.load(open({str(tmp_path / 'b.pickle')!r}, 'rb'))))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # set and dict order must not leak into the bytes
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert first and _svgs(again) == first


def _row(values, conflict=False, rid="q1"):
    return LedgerRow(rid, "people killed", "killed", tuple(values), conflict=conflict)


def _value(n, sources, reported, hedge=None):
    return LedgerValue(n, hedge is not None, hedge, tuple(sources), tuple(Citation(s, 0, 1) for s in sources), reported)


def test_a_toll_reported_on_two_dates_gets_a_step_chart_with_hedges_drawn(parse):
    b = _dated_briefing(parse)
    row = _row([_value(40, ["S2"], "2024-03-04"), _value(12, ["S1"], "2024-03-01", "at least")])
    once = _row([_value(7, ["S1", "S2"], "2024-03-01")], rid="q2")
    b = replace(b, facts=replace(b.facts, ledger=(row, once)))
    charts = toll_charts(b, 6)
    assert [c.row for c in charts] == ["q1"]  # one date is no change over time
    early, late = charts[0].points
    assert early.bound == "lower" and late.bound == "exact"
    assert early.x < late.x and early.y > late.y  # later and higher
    assert "S1" in early.title and "at least 12" in early.title
    assert {lab.text for lab in charts[0].labels} == {"at least 12 (S1)", "40 (S2)"}


def test_the_matrix_marks_the_cells_that_conflict(parse):
    b = _dated_briefing(parse)
    rows = (_row([_value(40, ["S1", "S2"], None), _value(12, ["S3"], None)], conflict=True),)
    sources = (*b.sources, replace(b.sources[0], id="S3"))
    b = replace(b, sources=sources, facts=replace(b.facts, ledger=rows))
    m = matrix(b, 8, 12)
    assert m.sources == ("S1", "S2", "S3")
    assert [(c.text, c.state) for c in m.rows[0].cells] == [("40", "agrees"), ("40", "agrees"), ("12", "conflict")]
    html = render.render_html(b)
    assert 'class="conflict"' in html and "Who reports what" in html


def test_seed_map_shows_the_countries_and_towns_named(seed_build):
    out, doc, _ = seed_build
    html = (out / "briefing.html").read_text(encoding="utf-8")
    svg = next(s for s in _svgs(html) if "map-title" in s)
    texts = set(re.findall(r">([^<>]+)</text>", svg))
    assert {"IRAQ", "SYRIA", "JORDAN", "IRAN", "Baghdad"} <= texts
    baghdad = next(p for p in doc["places"] if p["name"] == "Baghdad")
    assert baghdad["country"] == "Iraq" and abs(baghdad["lat"] - 33.3) < 0.2 and abs(baghdad["lon"] - 44.4) < 0.2


def test_the_gazetteer_keys_names_in_one_pass_as_it_keys_each():
    from briefing.gazetteer import match_key, match_keys

    names = ["Al-Qaim", "al Qaim", "Erdoğan Köyü", "São Tomé", "N'Djamena", "Ẓafār", "Kʿut", "El-Arish",
             "the Hague", "Ḥims", "Ørsted", "ĞÜŞ", "a-b", "", "Zürich–Nord", "İstanbul", "ß-Straße"]
    assert match_keys(names) == [match_key(n) for n in names]
    assert match_keys(["Ascii Only", "al-Anbar"]) == [match_key("Ascii Only"), match_key("al-Anbar")]


def test_kept_answers_spare_a_rebuild_the_whole_town_index(monkeypatch):
    from briefing import gazetteer

    records = gazetteer._all_records(gazetteer._data_file().read_text(encoding="utf-8"))
    names = [r["name"] for r in records[:60]] + ["Nowhere Such Town"]  # enough to read the file whole
    clean = gazetteer.countries_containing(names)
    known: dict = {}
    assert gazetteer.countries_containing(names, known) == clean and len(known) > 40
    indexed = []
    real = gazetteer._full_index
    monkeypatch.setattr(gazetteer, "_full_index", lambda: indexed.append(1) or real())
    assert gazetteer.countries_containing(names, dict(known)) == clean and indexed == []
    more = names + [records[100]["name"]]  # a name not asked before: the index, once
    assert gazetteer.countries_containing(more, dict(known)) == gazetteer.countries_containing(more)
    assert len(indexed) == 2


def test_a_strike_sentence_names_where_it_happened_not_where_its_speaker_is():
    from briefing.places import _names_where, settings
    conf = settings()["places"]
    at = "|".join(re.escape(w) for w in conf["where_words"])
    speakers = frozenset(conf["speaker_words"])
    assert _names_where("An airstrike in Baghdad killed three people.", "Baghdad", at, speakers)
    assert not _names_where("The bombing killed 48 people, according to the health ministry in Baghdad.",
                            "Baghdad", at, speakers)


def test_a_countrys_name_beside_places_of_another_country_with_such_a_province_is_that_province():
    from briefing import gazetteer

    assert gazetteer.countries_containing(["georgia", "atlanta", "alabama"])["georgia"] == "united states"
    assert gazetteer.countries_containing(["georgia", "tbilisi", "atlanta"])["georgia"] == "georgia"
    assert gazetteer.countries_containing(["georgia", "russia"])["georgia"] == "georgia"


def test_a_province_name_several_countries_share_goes_to_the_country_other_names_are_in():
    # Florida is a US state, a Uruguayan department and a Cuban town: beside Orlando, the state
    from briefing import gazetteer

    assert gazetteer.countries_containing(["florida", "orlando"])["florida"] == "united states"
    assert gazetteer.countries_containing(["florida", "havana"])["florida"] == "cuba"


def test_two_spellings_of_a_place_are_one_row_of_the_places(parse):
    # two spellings the gazetteer does not know are one place
    b = _briefing(parse, LEBANON)
    for name in ("Karada", "Karrada"):
        b = _with_card(b, name)
    names = [p.name for p in locate(b, render.entity_cards(b))]
    assert len([n for n in names if n in ("Karada", "Karrada")]) == 1
