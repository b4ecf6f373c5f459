"""What extraction computes from one source alone, encoded for the build state.

Reading figures walks every sentence's parse: the costliest part of `extract`, and a
function of one source's sentences only. The build keeps each source's readings beside
its parse, keyed by its analysis and by the code and data that read it, so one changed
article is read again, not all of them. The stages across sources (the ledger) then
only combine the readings.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Sequence

from ..model import Citation, ParsedSource
from .figure_places import Aliases, Place
from .figure_reading import Reading
from .figure_words import Hedge, load_words
from .figures import source_readings

PACKAGE = Path(__file__).resolve().parent.parent
# Bump when what is stored changes in a way the code hashes below cannot tell.
WORK_VERSION = "1"


@dataclass(frozen=True, slots=True)
class SourceWork:
    """Everything extraction reads from one source on its own."""

    readings: tuple[Reading, ...]  # its figures, sentence by sentence


def read_sources(parsed: Sequence[ParsedSource]) -> list[SourceWork]:
    """Each source's work, in order."""
    vocab = load_words()
    aliases = Aliases(vocab)
    return [SourceWork(tuple(source_readings(p, vocab, aliases))) for p in parsed]


def work_identity() -> str:
    """The code and data the per-source work depends on; a change to them reads every source again."""
    h = hashlib.sha256(WORK_VERSION.encode())
    for path in sorted([*(PACKAGE / "extract").glob("*.py"), *(PACKAGE / "data").glob("*"), PACKAGE / "model.py"]):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def work_key(analysis_key: str, identity: str) -> str:
    return hashlib.sha256(f"{analysis_key}\0{identity}".encode()).hexdigest()


_FIELDS = tuple(f.name for f in fields(Reading))


def encode_work(work: SourceWork) -> bytes:
    """The work without the source's id (sources are numbered anew in every build)."""
    rows = []
    for r in work.readings:
        row = []
        for name in _FIELDS:
            value = getattr(r, name)
            if name == "hedge":
                value = None if value is None else [value.words, value.approx, value.bound]
            elif name == "places":
                value = [[p.key, p.name] for p in value]
            elif name == "citation":
                value = [value.start, value.end]
            elif isinstance(value, tuple):
                value = list(value)
            row.append(value)
        rows.append(row)
    return zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def decode_work(blob: bytes, source: str) -> SourceWork:
    readings = []
    for row in json.loads(zlib.decompress(blob).decode("utf-8")):
        values = dict(zip(_FIELDS, row, strict=True))
        for name, value in values.items():
            if name == "hedge":
                values[name] = None if value is None else Hedge(*value)
            elif name == "places":
                values[name] = tuple(Place(*p) for p in value)
            elif name == "citation":
                values[name] = Citation(source, *value)
            elif isinstance(value, list):
                values[name] = tuple(value)
        readings.append(Reading(**values))
    return SourceWork(tuple(readings))
