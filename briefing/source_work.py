"""What the stages compute from one source alone, encoded for the build state.

Reading figures and scoring sentences for topics walk every sentence's parse: the
costliest work after parsing, and a function of one source's sentences only. The build
keeps each source's work beside its parse, keyed by its analysis and by the code, data
and topic definitions that did it, so one changed article is read again, not all of
them. The stages across sources (the ledger, the sections) then only combine it.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Sequence

from .extract.figure_places import Aliases, Place
from .extract.figure_reading import Reading
from .extract.figure_words import Hedge, load_words
from .extract.figures import source_readings
from .model import Citation, ParsedSource, Sentence, Source
from .topics import Topic, topic_scores

PACKAGE = Path(__file__).resolve().parent
# Bump when what is stored changes in a way the code hashes below cannot tell.
WORK_VERSION = "1"


@dataclass(frozen=True, slots=True)
class SourceWork:
    """Everything the stages read from one source on its own."""

    readings: tuple[Reading, ...]  # its figures, sentence by sentence
    topics: tuple[tuple[tuple[str, float], ...], ...] = ()  # per sentence: (topic id, points) it reaches


def read_sources(parsed: Sequence[ParsedSource], topics: Sequence[Topic] | None = None) -> list[SourceWork]:
    """Each source's work, in order; topic scores only when `topics` are given."""
    vocab = load_words()
    aliases = Aliases(vocab)
    return [
        SourceWork(tuple(source_readings(p, vocab, aliases)),
                   tuple(tuple(s.items()) for s in topic_scores(p.sentences, topics)) if topics is not None else ())
        for p in parsed
    ]


def encoded_work(text: str, sentences: Sequence[Sentence], topics: Sequence[Topic]) -> bytes:
    """The encoded work of one text just parsed (sentences as `analyze_texts` gives them), where it was parsed."""
    source = Source(id="", path="", sha256="", text=text)
    return encode_work(read_sources([ParsedSource(source, tuple(sentences))], topics)[0])


def work_identity(topics: Sequence[Topic] = ()) -> str:
    """The code, data and topics the per-source work depends on; a change to them reads every source again."""
    h = hashlib.sha256(WORK_VERSION.encode())
    for path in sorted([*PACKAGE.rglob("*.py"), *(PACKAGE / "data").glob("*")]):
        if path.is_file():
            h.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    # the topics as loaded (built-in, files, settings), in a form that does not depend on set order
    h.update(json.dumps([_canonical(asdict(t)) for t in topics], sort_keys=True).encode())
    return h.hexdigest()[:16]


def _canonical(value):
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)


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
                value = [[p.key, p.name, p.wide] for p in value]
            elif name == "citation":
                value = [value.start, value.end]
            elif isinstance(value, tuple):
                value = list(value)
            row.append(value)
        rows.append(row)
    rows = {"readings": rows, "topics": [[list(x) for x in s] for s in work.topics]}
    return zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def decode_work(blob: bytes, source: str) -> SourceWork:
    readings = []
    stored = json.loads(zlib.decompress(blob).decode("utf-8"))
    for row in stored["readings"]:
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
    topics = tuple(tuple((t, points) for t, points in s) for s in stored["topics"])
    return SourceWork(tuple(readings), topics)
