"""What changed since the previous build: sources, figures, quotes and summary sentences.

A build leaves a small manifest in its state; the next build compares itself
with it. Figures are matched by their ledger row (the quantity's kind and label),
so a toll corrected from 17 to 18 shows as "18, was 17", and a value is compared
with the value the same source gave before. The figures and quotes that only
removed sources gave are listed as gone. A build whose sources are the same as
the previous one's (a file that cannot be read appeared, a setting changed)
compares itself with what the previous build compared with, so the list of
changes is not lost to a rebuild that changed no source.
"""
from __future__ import annotations

from dataclasses import replace

from .model import Briefing, Changes, FigureChange, Gone
from .numerals import format_number


def source_name(source_id: str, title: str | None, path: str) -> str:
    return f"{source_id} “{title}”" if title else f"{source_id} {path}"


def manifest(briefing: Briefing, before: dict | None = None) -> dict:
    """The parts of a build the next build compares itself with (JSON-able)."""
    facts = briefing.facts
    return {
        "sources": {s.path: {"sha256": s.sha256, "id": s.id, "title": s.title} for s in briefing.sources},
        # (each end of a range is a value; the first carries the other: [low, sources, high])
        "rows": [[r.kind, r.label, [[x, list(v.sources), *([v.upper] if x == v.value and v.upper else [])]
                                    for v in r.values for x in _ends(v)]] for r in facts.ledger],
        "quotes": [[q.speaker, q.text, sorted({c.source for c in q.citations})] for q in facts.quotes],
        "summary": [x.text for x in briefing.summary],
        "before": before,
    }


def _ends(v) -> tuple[float, ...]:
    """The numbers a ledger value stands for: its value, and a range's other end."""
    return (v.value,) if v.upper is None else (v.value, v.upper)


def _sources(m: dict) -> dict[str, dict]:
    """path -> {sha256, id, title}; a manifest from before stable numbers kept only the hash."""
    return {p: (v if isinstance(v, dict) else {"sha256": v}) for p, v in (m.get("sources") or {}).items()}


def baseline(previous: dict | None, briefing: Briefing) -> dict | None:
    """What this build compares itself with: the previous build, or the one before it when no source changed."""
    if not previous:
        return None
    now = {s.path: s.sha256 for s in briefing.sources}
    if {p: v.get("sha256") for p, v in _sources(previous).items()} == now and previous.get("before"):
        return previous["before"]
    return previous


def diff(previous: dict | None, briefing: Briefing) -> Changes:
    if not previous:
        return Changes(first_build=True)
    before = _sources(previous)
    now = {s.path: s for s in briefing.sources}
    names = {p: source_name(v.get("id", "S?"), v.get("title"), p) for p, v in before.items() if "id" in v}
    names.update({p: source_name(s.id, s.title, p) for p, s in now.items()})
    removed = tuple(sorted(p for p in before if p not in now))
    removed_ids = {before[p]["id"]: names.get(p, p) for p in removed if "id" in before[p]}

    # (two rows may share a label, a part and a total both "people killed": a value either gave is known)
    old_rows: dict[tuple, list] = {}
    for kind, label, values in previous.get("rows", []):
        old_rows.setdefault((kind, label), []).extend(values)
    if "rows" not in previous:  # a manifest from before the ledger rows: its figures, without sources
        for kind, label, value in previous.get("figures", []):
            old_rows.setdefault((kind, label), []).append([value, []])
    figure_changes, gone = [], []
    current_values = set()
    for row in briefing.facts.ledger:
        old = old_rows.get((row.kind, row.label))
        for v in row.values:
            current_values |= {(row.kind, row.label, x) for x in _ends(v)}
            if old is None:
                if v is row.values[0]:
                    figure_changes.append(FigureChange(row.kind, row.label, v.value, None, v.citations, v.upper))
                continue
            if all(any(given[0] == x for given in old) for x in _ends(v)):
                continue
            same_source = [given for given in old if set(given[1]) & set(v.sources)]
            was = same_source[0] if same_source else old[0]
            figure_changes.append(FigureChange(row.kind, row.label, v.value, was[0], v.citations, v.upper,
                                               was[2] if len(was) > 2 else None))
    for kind, label, values in previous.get("rows", []):
        for value, ids, *_ in values:
            if ids and set(ids) <= set(removed_ids) and (kind, label, value) not in current_values:
                gone.append(Gone("figure", f"{label}: {format_number(value)}", tuple(removed_ids[i] for i in ids)))
    quoted_now = {q.text for q in briefing.facts.quotes}
    for speaker, text, ids in previous.get("quotes", []):
        if ids and set(ids) <= set(removed_ids) and text not in quoted_now:
            said = f"{speaker}: “{text}”" if speaker else f"“{text}”"
            gone.append(Gone("quote", said, tuple(removed_ids[i] for i in ids)))

    old_summary = set(previous.get("summary", []))
    return Changes(
        first_build=False,
        added=tuple(sorted(p for p in now if p not in before)),
        removed=removed,
        edited=tuple(sorted(p for p in now if p in before and before[p].get("sha256") != now[p].sha256)),
        figures=tuple(figure_changes),
        new_summary=tuple(x for x in briefing.summary if x.text not in old_summary),
        gone=tuple(gone),
        names=names,
    )


def with_changes(briefing: Briefing, previous: dict | None) -> tuple[Briefing, dict]:
    """The briefing with its changes, and the manifest to keep for the next build."""
    base = baseline(previous, briefing)
    if base:
        base = {**base, "before": None}  # one level of history is enough
    briefing = replace(briefing, changes=diff(base, briefing))
    return briefing, manifest(briefing, base)
