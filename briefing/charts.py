"""Tolls over time and who reports what, computed from the ledger.

A toll chart is drawn for each ledger row whose values were reported on two or more
dates: a step line through the highest value reported by each date, and a marker per
value whose shape says its hedge (a dot for an exact count, a ring for "about", a
triangle with a tick for "at least" / "up to"), labelled with the sources giving it.
The matrix puts the main rows against the sources, each cell the value that source
gives, so corroboration and conflict show at a glance.
"""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from . import layout
from .dates import short_date
from .model import Briefing, LedgerRow
from .numerals import format_number, format_value

WIDTH, HEIGHT = 300.0, 180.0
LEFT, RIGHT, TOP, BOTTOM = 46.0, 14.0, 14.0, 30.0
LABEL_SIZE = 9.0


def _hedge_bounds() -> dict[str, str]:
    from .extract.figure_words import load_words

    return {h.words: h.bound for h in load_words().hedges}


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    bound: str  # "exact", "near", "lower", "upper" (the hedge's meaning, from data/figures.toml)
    d: str  # the marker's path
    title: str  # "at least 60, reported 30 Oct by S1, S2"


@dataclass(frozen=True, slots=True)
class Chart:
    row: str  # LedgerRow.id
    label: str
    width: float
    height: float
    step: str  # path of the step line
    points: tuple[Point, ...]
    labels: tuple[layout.Placed, ...]
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]
    description: str

    @property
    def plot_bottom(self) -> float:
        return self.height - BOTTOM

    @property
    def plot_right(self) -> float:
        return self.width - RIGHT


def _nice_top(v: float) -> float:
    if v <= 0:
        return 1.0
    p = 10 ** math.floor(math.log10(v))
    return next(m * p for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * p >= v)


def _marker(x: float, y: float, bound: str) -> str:
    r = lambda v: f"{round(v, 1):g}"  # noqa: E731
    if bound == "lower":  # a triangle pointing up, with a tick: the value or more
        return f"M{r(x)} {r(y - 5)}L{r(x + 4.5)} {r(y + 3)}L{r(x - 4.5)} {r(y + 3)}ZM{r(x)} {r(y - 5)}V{r(y - 11)}"
    if bound == "upper":
        return f"M{r(x)} {r(y + 5)}L{r(x + 4.5)} {r(y - 3)}L{r(x - 4.5)} {r(y - 3)}ZM{r(x)} {r(y + 5)}V{r(y + 11)}"
    return f"M{r(x - 4)} {r(y)}A4 4 0 1 0 {r(x + 4)} {r(y)}A4 4 0 1 0 {r(x - 4)} {r(y)}Z"


def _sources(ids) -> str:
    ids = list(ids)
    return ", ".join(ids[:3]) + (f" +{len(ids) - 3}" if len(ids) > 3 else "")


def dated(row: LedgerRow) -> bool:
    return len({v.reported for v in row.values if v.reported}) >= 2


def toll_chart(row: LedgerRow, bounds: dict[str, str]) -> Chart:
    values = [v for v in row.values if v.reported]
    days = {v.reported: datetime.date.fromisoformat(v.reported).toordinal() for v in values}
    first, span = min(days.values()), max(max(days.values()) - min(days.values()), 1)
    top = _nice_top(max(v.value for v in values) * 1.1)
    x0, x1, y0, y1 = LEFT + 14, WIDTH - RIGHT - 14, HEIGHT - BOTTOM, TOP

    def at(v) -> tuple[float, float]:
        return (round(x0 + (days[v.reported] - first) / span * (x1 - x0), 1),
                round(y0 - v.value / top * (y0 - y1), 1))

    points, wanted = [], []
    for v in sorted(values, key=lambda v: (v.reported, v.value)):
        x, y = at(v)
        bound = bounds.get(v.hedge or "", "exact")
        said = format_value(v.value, v.hedge, v.upper)
        points.append(Point(x, y, bound, _marker(x, y, bound),
                            f"{said}, reported {short_date(v.reported)} by {', '.join(v.sources)}"))
        wanted.append(layout.Wanted(f"{said} ({_sources(v.sources)})", x, y, LABEL_SIZE, gap=7.0))
    highest: dict[str, tuple[float, float]] = {}
    for v in values:
        x, y = at(v)
        if v.reported not in highest or y < highest[v.reported][1]:
            highest[v.reported] = (x, y)
    steps = [highest[d] for d in sorted(highest)]
    step = f"M{steps[0][0]:g} {steps[0][1]:g}" + "".join(f"H{x:g}V{y:g}" for x, y in steps[1:])
    reach = {"lower": (12, 4), "upper": (4, 12)}  # a bound's tick points up or down from its marker
    obstacles = [layout.Box(p.x - 5, p.y - reach.get(p.bound, (5, 5))[0], p.x + 5, p.y + reach.get(p.bound, (5, 5))[1])
                 for p in points]
    placed = [p for p in layout.place(wanted, obstacles, layout.Box(LEFT + 2, 0, WIDTH, HEIGHT - BOTTOM)) if p]
    x_ticks = tuple((round(x0 + (d - first) / span * (x1 - x0), 1), short_date(iso))
                    for iso, d in sorted(days.items(), key=lambda kv: kv[1]))
    kept: list[tuple[float, str]] = []
    for t in x_ticks:  # dates too close to write side by side: the later one is written
        if kept and t[0] - kept[-1][0] < 38:
            if len(kept) > 1 or t is x_ticks[-1]:
                kept.pop()
            else:
                continue
        kept.append(t)
    x_ticks = tuple(kept)
    y_ticks = tuple((round(y0 - f * (y0 - y1), 1), format_number(top * f)) for f in (0, 0.5, 1))
    description = f"{row.label} by the date it was reported: " + "; ".join(p.title for p in points) + "."
    return Chart(row.id, row.label, WIDTH, HEIGHT, step, tuple(points), tuple(placed), x_ticks, y_ticks, description)


def toll_charts(briefing: Briefing, limit: int) -> tuple[Chart, ...]:
    bounds = _hedge_bounds()
    return tuple(toll_chart(row, bounds) for row in [r for r in briefing.facts.ledger if dated(r)][:limit])


@dataclass(frozen=True, slots=True)
class Cell:
    text: str  # "" when the source gives no value
    state: str  # "agrees", "conflict" (no one number fits), "differs" (a changed toll), "silent"


@dataclass(frozen=True, slots=True)
class MatrixRow:
    id: str
    label: str
    conflict: bool
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    sources: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    more_sources: int  # columns left out


def matrix(briefing: Briefing, max_rows: int, max_sources: int) -> Matrix | None:
    """Main ledger rows (not parts) that two sources or two values make worth comparing."""
    rows = [r for r in briefing.facts.ledger if r.part_of is None
            and (len(r.values) > 1 or len({s for v in r.values for s in v.sources}) > 1)][:max_rows]
    used = {s for r in rows for v in r.values for s in v.sources}
    columns = [s.id for s in briefing.sources if s.id in used]
    if not rows or len(columns) < 2:
        return None
    shown = columns[:max_sources]
    out = []
    for r in rows:
        backing = sorted(r.values, key=lambda v: -len(v.sources))
        lead = backing[0] if len(backing) == 1 or len(backing[0].sources) > len(backing[1].sources) else None
        cells = []
        for s in shown:
            given = [v for v in r.values if s in v.sources]
            if not given:
                cells.append(Cell("", "silent"))
                continue
            text = " / ".join(format_value(v.value, v.hedge, v.upper) for v in given)
            agrees = lead is not None and all(v is lead for v in given)
            cells.append(Cell(text, "agrees" if agrees else "conflict" if r.conflict else "differs"))
        out.append(MatrixRow(r.id, r.label, r.conflict, tuple(cells)))
    return Matrix(tuple(shown), tuple(out), len(columns) - len(shown))
