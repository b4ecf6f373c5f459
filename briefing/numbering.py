"""Stable source numbers: S5 stays S5 across rebuilds into the same folder.

Numbers quoted in yesterday's email must still point at the same article. The
build state keeps each source path's number and the next free one; a removed
source's number is never given again, a new source gets the next one (new
sources of one build in date order, as the first build numbers them all).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .model import Source


def numbered(sources: Sequence[Source], known: dict | None) -> tuple[tuple[Source, ...], dict]:
    """`sources` (in date order) with their kept numbers, and the record to keep for the next build."""
    known = known if isinstance(known, dict) else {}
    numbers = {p: n for p, n in (known.get("numbers") or {}).items() if isinstance(n, int)}
    next_free = max([known.get("next") if isinstance(known.get("next"), int) else 1, *(n + 1 for n in numbers.values())])
    out = []
    for s in sources:
        if s.path not in numbers:
            numbers[s.path] = next_free
            next_free += 1
        out.append(replace(s, id=f"S{numbers[s.path]}"))
    current = {s.path for s in sources}
    return tuple(out), {"numbers": {p: n for p, n in numbers.items() if p in current}, "next": next_free}
