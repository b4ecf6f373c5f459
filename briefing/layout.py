"""Placing labels on a picture so that none overlaps another label, a marker or the edge.

Greedy, in the order given (the most important first): each label takes the first of
a fixed list of positions around its point that is free; a label with no free position
is left off and reported, so the caller can list it. Widths are estimated from DejaVu
Sans, the font the pictures are set in, rounded up so that a browser's substitute font
still fits; every number is rounded so the same input gives the same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass

# DejaVu Sans advance widths in em, by class of character (measured from the font)
_NARROW = set("ijlI.,:;'|!()[]ft- /")
_WIDE = set("mwMW@%")
_NARROW_EM, _WIDE_EM, _UPPER_EM, _OTHER_EM = 0.36, 1.0, 0.76, 0.64


def text_width(text: str, size: float) -> float:
    em = 0.0
    for ch in text:
        em += (_NARROW_EM if ch in _NARROW else _WIDE_EM if ch in _WIDE
               else _UPPER_EM if ch.isupper() else _OTHER_EM)
    return em * size


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, other: "Box") -> bool:
        return self.x0 >= other.x0 and self.y0 >= other.y0 and self.x1 <= other.x1 and self.y1 <= other.y1


@dataclass(frozen=True, slots=True)
class Wanted:
    """A label to place: its text at a point, `gap` away from a marker of that radius."""

    text: str
    x: float
    y: float
    size: float
    gap: float = 4.0
    centred: bool = False  # an area's name: on its point first, then above and below


@dataclass(frozen=True, slots=True)
class Placed:
    text: str
    x: float  # where the text is drawn: `anchor` point of its baseline
    y: float
    anchor: str  # "start", "middle" or "end" (SVG text-anchor)
    box: Box


def box_of(text: str, x: float, y: float, anchor: str, size: float) -> Box:
    w = text_width(text, size)
    left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
    return Box(left - 1, y - 0.8 * size - 1, left + w + 1, y + 0.25 * size + 1)


def _positions(w: Wanted):
    """(x, baseline y, anchor) to try, in order of preference."""
    s, g = w.size, w.gap
    mid = w.y + 0.3 * s  # baseline that centres the text on the point
    if w.centred:
        for dy in (0, -1.3, 1.3, -2.6, 2.6):
            yield w.x, mid + dy * s, "middle"
        for dx in (-1, 1):
            yield w.x + dx * text_width(w.text, s) / 3, mid, "middle"
        return
    for scale in (1, 2.5, 4):
        d = g * scale
        yield w.x + d, mid, "start"
        yield w.x - d, mid, "end"
        yield w.x, w.y - d, "middle"
        yield w.x, w.y + d + 0.8 * s, "middle"
        yield w.x - 3, w.y - d, "start"  # above, running right or left: near the edges of a chart
        yield w.x + 3, w.y - d, "end"
        yield w.x + d * 0.7, w.y - d * 0.7, "start"
        yield w.x + d * 0.7, w.y + d * 0.7 + 0.8 * s, "start"
        yield w.x - d * 0.7, w.y - d * 0.7, "end"
        yield w.x - d * 0.7, w.y + d * 0.7 + 0.8 * s, "end"


def place(wanted: list[Wanted], obstacles: list[Box], bounds: Box) -> list[Placed | None]:
    """A position for each label, or None where every position is taken."""
    taken = list(obstacles)
    out: list[Placed | None] = []
    for w in wanted:
        chosen = None
        for x, y, anchor in _positions(w):
            box = box_of(w.text, x, y, anchor, w.size)
            if box.inside(bounds) and not any(box.overlaps(t) for t in taken):
                chosen = Placed(w.text, round(x, 1), round(y, 1), anchor, box)
                break
        if chosen:
            taken.append(chosen.box)
        out.append(chosen)
    return out
