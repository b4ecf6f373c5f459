"""The map of the places: what to frame, where each thing goes, in SVG units.

The frame is the region most sources name: places within `region_km` of one another
are one region, and places outside the chosen one are listed instead of stretching the
map to the other side of the world. The projection is equirectangular, with its
parallel at the frame's middle latitude (true to scale there, within a few per cent
over a region), which is what a regional news map needs and keeps the arithmetic
simple enough to test by hand. Every coordinate is rounded to a tenth of a unit, so
the same places give the same bytes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from . import gazetteer, layout
from .places import Place, settings

WIDTH = 640.0
STRIP = 30.0  # below the map: the scale and the legend
TOWN_SIZE, COUNTRY_SIZE, NEIGHBOUR_SIZE = 11.0, 10.0, 9.0
EARTH_KM = 6371.0
KM_PER_DEGREE = math.pi * EARTH_KM / 180


@dataclass(frozen=True, slots=True)
class Frame:
    west: float
    south: float
    east: float
    north: float

    @property
    def k(self) -> float:  # how much shorter a degree of longitude is at the middle latitude
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:  # SVG units per degree of latitude
        return WIDTH / ((self.east - self.west) * self.k)

    @property
    def height(self) -> float:
        return round((self.north - self.south) * self.scale, 1)

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        return (round((lon - self.west) * self.k * self.scale, 1), round((self.north - lat) * self.scale, 1))

    def holds(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@dataclass(frozen=True, slots=True)
class Shape:
    name: str
    d: str  # SVG path data
    kind: str  # "named", "named strike", "context"


@dataclass(frozen=True, slots=True)
class Marker:
    name: str
    x: float
    y: float
    strike: bool
    title: str  # tooltip: "Baghdad, Iraq: S2, S3"

    @property
    def diamond(self) -> str:
        """A strike place's marker: a diamond, set apart from the towns' dots."""
        x, y, r = self.x, self.y, 5.5
        return f"M{x:g} {round(y - r, 1):g}L{round(x + r, 1):g} {y:g}L{x:g} {round(y + r, 1):g}L{round(x - r, 1):g} {y:g}Z"


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    x: float
    y: float
    anchor: str
    kind: str  # "town", "country", "neighbour"


@dataclass(frozen=True, slots=True)
class MapView:
    width: float
    height: float  # of the map; the strip below adds STRIP
    shapes: tuple[Shape, ...]
    markers: tuple[Marker, ...]
    labels: tuple[Label, ...]
    scale_km: int
    scale_length: float
    on_map: tuple[Place, ...]
    off_map: tuple[Place, ...]  # located, outside the frame
    unlabelled: tuple[str, ...]  # on the map without room for a label
    has_strikes: bool

    @property
    def total_height(self) -> float:
        return round(self.height + STRIP, 1)

    @property
    def scale_end(self) -> float:
        return round(8 + self.scale_length, 1)


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _big(p: Place, conf) -> bool:
    c = gazetteer.countries().get(p.iso3 or "")
    if p.kind != "country" or c is None or not c.rings:
        return False
    w, s, e, n = c.bbox
    return math.hypot(e - w, n - s) > conf["frame_country_degrees"]


def choose_frame(located: list[Place], conf) -> Frame:
    """The region named by most sources, padded, with a shape that suits a page."""
    drivers = [p for p in located if not _big(p, conf)] or located
    group = list(range(len(drivers)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, a in enumerate(drivers):
        for j in range(i):
            if km_between((a.lat, a.lon), (drivers[j].lat, drivers[j].lon)) <= conf["region_km"]:
                group[root(i)] = root(j)
    regions: dict[int, list[Place]] = {}
    for i, p in enumerate(drivers):
        regions.setdefault(root(i), []).append(p)
    best = max(regions.values(), key=lambda ps: (len({s for p in ps for s in p.sources}), sum(len(p.sources) for p in ps), len(ps)))
    boxes = [(p.lon, p.lat, p.lon, p.lat) for p in best]
    for p in best:
        c = gazetteer.countries().get(p.iso3 or "")
        if p.kind == "country" and c is not None and c.rings:
            if not _big(p, conf):
                boxes.append(c.bbox)
            else:  # only when no smaller place is named: its main land, not its islands far off
                main = max(c.rings, key=len)
                boxes.append((min(x for x, _ in main), min(y for _, y in main), max(x for x, _ in main), max(y for _, y in main)))
    w, s = min(b[0] for b in boxes), min(b[1] for b in boxes)
    e, n = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad_x, pad_y = max((e - w) * 0.08, 1.0), max((n - s) * 0.08, 1.0)
    w, e, s, n = w - pad_x, e + pad_x, max(s - pad_y, -80.0), min(n + pad_y, 80.0)
    k = math.cos(math.radians((s + n) / 2))
    ratio = (e - w) * k / (n - s)
    if ratio < 1.3:  # too tall for a page: widen
        extra = (1.3 * (n - s) / k - (e - w)) / 2
        w, e = w - extra, e + extra
    elif ratio > 1.9:  # a thin strip: heighten
        extra = ((e - w) * k / 1.9 - (n - s)) / 2
        s, n = max(s - extra, -85.0), min(n + extra, 85.0)
    return Frame(*(round(v, 3) for v in (w, s, e, n)))


def _clip(ring: list[tuple[float, float]], box: layout.Box) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a polygon inside a rectangle."""
    edges = (
        (lambda p: p[0] >= box.x0, lambda a, b: _cross_x(a, b, box.x0)),
        (lambda p: p[0] <= box.x1, lambda a, b: _cross_x(a, b, box.x1)),
        (lambda p: p[1] >= box.y0, lambda a, b: _cross_y(a, b, box.y0)),
        (lambda p: p[1] <= box.y1, lambda a, b: _cross_y(a, b, box.y1)),
    )
    out = ring
    for inside, cross in edges:
        points, out = out, []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        if not out:
            break
    return out


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def _path(rings) -> str:
    parts = []
    for ring in rings:
        pts = [(round(x, 1), round(y, 1)) for x, y in ring]
        pts = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
        if len(pts) >= 3:
            parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z")
    return "".join(parts)


def _centroid(ring) -> tuple[float, float, float]:
    """(x, y, area) of a polygon; the mean of its points when it has no area."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        f = x0 * y1 - x1 * y0
        a, cx, cy = a + f, cx + (x0 + x1) * f, cy + (y0 + y1) * f
    if abs(a) < 1e-9:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring), 0.0
    return cx / (3 * a), cy / (3 * a), abs(a) / 2


def _scale(frame: Frame) -> tuple[int, float]:
    """A round distance about a fifth of the map's width, and its length in SVG units."""
    units_per_km = frame.scale / KM_PER_DEGREE
    target = WIDTH / 5 / units_per_km
    km = max((k for k in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000) if k <= target), default=1)
    return km, round(km * units_per_km, 1)


def map_view(places: tuple[Place, ...]) -> MapView | None:
    """The map of the located places; None when none is located."""
    conf = settings()["map"]
    located = [p for p in places if p.located]
    if not located:
        return None
    frame = choose_frame(located, conf)
    height = frame.height
    codes = gazetteer.countries()
    named = {p.iso3: p for p in located if p.kind == "country"}
    shapes, areas = [], []
    for iso3 in sorted({c.iso3 for c in codes.values()}):
        c = codes[iso3]
        w, s, e, n = c.bbox
        if not c.rings or e < frame.west or w > frame.east or n < frame.south or s > frame.north:
            continue
        rings = [_clip([frame.project(lat, lon) for lon, lat in r], layout.Box(-2, -2, WIDTH + 2, height + 2))
                 for r in c.rings]
        rings = [r for r in rings if len(r) >= 3]
        if not rings:
            continue
        place = named.get(iso3)
        kind = "context" if place is None else "named strike" if place.strike else "named"
        shapes.append(Shape(c.name, _path(rings), kind))
        inner = [_clip(r, layout.Box(0, 0, WIDTH, height)) for r in rings]
        inner = [r for r in inner if len(r) >= 3]
        if inner:
            x, y, area = max((_centroid(r) for r in inner), key=lambda t: t[2])
            areas.append((place, c.name, x, y, area))
    on_map, off_map, markers = [], [], []
    for p in located:
        drawn_as_area = p.kind == "country" and any(a[0] is p for a in areas)
        if drawn_as_area:
            on_map.append(p)
        elif frame.holds(p.lat, p.lon):
            on_map.append(p)
            x, y = frame.project(p.lat, p.lon)
            where = f"{p.name}, {p.country}" if p.country and p.country != p.name else p.name
            markers.append(Marker(p.name, x, y, p.strike, f"{where}: {', '.join(p.sources)}"))
        else:
            off_map.append(p)
    # strike towns first, then by sources; named countries next; other countries if room is left
    ordered = sorted(markers, key=lambda m: (not m.strike, -len(_sources(on_map, m.name)), m.name))
    wanted = [layout.Wanted(m.name, m.x, m.y, TOWN_SIZE, gap=6.0) for m in ordered]
    kinds = ["town"] * len(wanted)
    for place, name, x, y, area in sorted((a for a in areas if a[0] is not None), key=lambda a: (-len(a[0].sources), a[1])):
        wanted.append(layout.Wanted(place.name.upper(), x, y, COUNTRY_SIZE, centred=True))
        kinds.append("country")
    for place, name, x, y, area in sorted((a for a in areas if a[0] is None), key=lambda a: (-a[4], a[1])):
        if area > 600:  # too small a piece of a country to carry its name
            wanted.append(layout.Wanted(name, x, y, NEIGHBOUR_SIZE, centred=True))
            kinds.append("neighbour")
    obstacles = [layout.Box(m.x - 5, m.y - 5, m.x + 5, m.y + 5) for m in markers]
    placed = layout.place(wanted, obstacles, layout.Box(2, 2, WIDTH - 2, height - 2))
    labels = tuple(Label(p.text, p.x, p.y, p.anchor, kind) for p, kind in zip(placed, kinds) if p is not None)
    unlabelled = tuple(w.text for w, p, kind in zip(wanted, placed, kinds) if p is None and kind != "neighbour")
    km, length = _scale(frame)
    return MapView(WIDTH, height, tuple(shapes), tuple(markers), labels, km, length, tuple(on_map),
                   tuple(off_map), unlabelled, any(p.strike for p in on_map))


def _sources(places, name) -> tuple[str, ...]:
    return next((p.sources for p in places if p.name == name), ())
