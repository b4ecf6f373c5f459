"""What changed since the previous build: sources, figures and summary sentences.

A build leaves a small manifest in its state; the next build compares itself
with it. Figures are matched by kind and label, so a corrected count shows as
"was 16, now 18".
"""
from __future__ import annotations

from dataclasses import replace

from .model import Briefing, Changes, FigureChange


def manifest(briefing: Briefing) -> dict:
    """The parts of a build the next build compares itself with (JSON-able)."""
    return {
        "sources": {s.path: s.sha256 for s in briefing.sources},
        "figures": [[f.kind, f.label, f.value] for f in briefing.facts.figures],
        "summary": [x.text for x in briefing.summary],
    }


def diff(previous: dict | None, briefing: Briefing) -> Changes:
    if not previous:
        return Changes(first_build=True)
    before = previous.get("sources", {})
    now = {s.path: s.sha256 for s in briefing.sources}
    old_figures: dict[tuple[str, str], set] = {}
    for kind, label, value in previous.get("figures", []):
        old_figures.setdefault((kind, label), set()).add(value)
    figure_changes = []
    for f in briefing.facts.figures:
        old = old_figures.get((f.kind, f.label))
        if old is None or f.value not in old:
            figure_changes.append(FigureChange(f.kind, f.label, f.value,
                                               None if old is None else max(old), f.citations))
    old_summary = set(previous.get("summary", []))
    return Changes(
        first_build=False,
        added=tuple(sorted(p for p in now if p not in before)),
        removed=tuple(sorted(p for p in before if p not in now)),
        edited=tuple(sorted(p for p in now if p in before and before[p] != now[p])),
        figures=tuple(figure_changes),
        new_summary=tuple(x for x in briefing.summary if x.text not in old_summary),
    )


def with_changes(briefing: Briefing, previous: dict | None) -> Briefing:
    return replace(briefing, changes=diff(previous, briefing))
