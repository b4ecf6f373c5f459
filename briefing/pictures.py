"""The pictures' view of a briefing, computed once and read by every output format.

HTML and PDF draw it (templates/map.html.j2, charts.html.j2: the same inline SVG in
both), the JSON exports its `places`, the Markdown says where the pictures are and
lists the places. Nothing here draws: it decides what goes where.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import charts, layout, mapview
from .model import Briefing
from .places import Place, locate, settings


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A place as the table under the map lists it."""

    place: Place
    on_map: bool
    status: str  # "marked", "strike reported there", "outside the region shown", "not located"
    why: str = ""  # for a place not on the map


@dataclass(frozen=True, slots=True)
class LegendItem:
    x: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Pictures:
    places: tuple[PlaceRow, ...]
    map: mapview.MapView | None
    map_description: str
    map_legend: tuple[LegendItem, ...]
    charts: tuple[charts.Chart, ...]
    matrix: charts.Matrix | None


def pictures(briefing: Briefing, cards) -> Pictures:
    """`cards`: the entity cards the briefing shows (render.entity_cards)."""
    conf = settings()["charts"]
    found = locate(briefing, cards)
    mv = mapview.map_view(found)
    on_map = {id(p) for p in mv.on_map} if mv else set()
    off_map = {id(p) for p in mv.off_map} if mv else set()
    rows = []
    for p in found:
        if id(p) in on_map:
            rows.append(PlaceRow(p, True, "strike reported there" if p.strike else "marked"))
        elif id(p) in off_map:
            rows.append(PlaceRow(p, False, "outside the region shown", "outside the region shown"))
        else:
            rows.append(PlaceRow(p, False, "not located", p.note))
    return Pictures(tuple(rows), mv, _describe(mv, rows), _legend(mv), charts.toll_charts(briefing, conf["max_charts"]),
                    charts.matrix(briefing, conf["max_matrix_rows"], conf["max_matrix_sources"]))


def _describe(mv, rows) -> str:
    if mv is None:
        return ""
    marked = [r.place.name for r in rows if r.on_map]
    strikes = [r.place.name for r in rows if r.on_map and r.place.strike]
    text = f"Map of {', '.join(marked)}."
    if strikes:
        text += f" Strikes reported in {', '.join(strikes)}."
    text += f" Scale bar: {mv.scale_km:,} km."
    missing = [r.place.name for r in rows if not r.on_map]
    if missing:
        text += f" Not on the map: {', '.join(missing)}."
    return text


def _legend(mv) -> tuple[LegendItem, ...]:
    if mv is None:
        return ()
    items = [("town", "town")]
    if mv.has_strikes:
        items += [("strike", "strike reported there")]
    if any(s.kind == "named" for s in mv.shapes):
        items += [("named", "country named")]
    if any(s.kind == "named strike" for s in mv.shapes):
        items += [("named strike", "country of a strike")]
    x, out = int(mv.scale_end) + 40, []
    for kind, text in items:
        out.append(LegendItem(x, kind, text))
        x += 14 + int(layout.text_width(text, 10)) + 16
    return tuple(out)


def places_json(view: Pictures) -> list[dict]:
    """The located places for briefing.json: name, lat, lon, country and the sources naming them."""
    return [{"name": r.place.name, "lat": round(r.place.lat, 5), "lon": round(r.place.lon, 5),
             "country": r.place.country, "kind": r.place.kind, "strike": r.place.strike,
             "on_map": r.on_map, "sources": list(r.place.sources)}
            for r in view.places if r.place.located]
