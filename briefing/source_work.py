"""What the stages compute from one source alone, encoded for the build state.

Reading figures, scoring sentences for topics, finding a source's names and their roles, its
dates and dated events, and what the summary reads from each quotable sentence walk every
sentence's parse: the costliest work after parsing, and a function of one source's sentences
only. The build keeps each source's work beside its parse, keyed by its analysis and by the
code, data and topic definitions that did it, so one changed article is read again, not all
of them, and a rebuild needs no kept parse at all: the stages across sources (the ledger,
entity cards, year discrepancies, the timeline, the summary and sections) only combine kept
work. Quote attribution, which needs the cards of every source, is kept apart
(`extract.quotes.SourceQuotes`).
"""
from __future__ import annotations

import functools
import hashlib
import json
import zlib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Sequence

from .compose import is_quotable, traits
from .dates import DateMention
from .extract.entities import SourceNames, source_names
from .extract.events import dated_events
from .extract.figure_places import Aliases, Place
from .extract.figure_reading import Reading
from .extract.figure_words import Hedge, load_words
from .extract.figures import source_readings
from .extract.quotes import SourceQuotes
from .extract.timeline import dated_sentences
from .ingest import Cleaned, Read
from .model import Citation, ParsedSource, Sentence, Source, Traits
from .readers import Metadata
from .pagelines import FurnitureRules
from .title import opening_events
from .topics import Topic, topic_scores

PACKAGE = Path(__file__).resolve().parent
# Bump when what is stored changes in a way the code hashes below cannot tell.
WORK_VERSION = "2"


@dataclass(frozen=True, slots=True)
class SourceWork:
    """Everything the stages read from one source on its own."""

    readings: tuple[Reading, ...]  # its figures, sentence by sentence
    topics: tuple[tuple[tuple[str, float], ...], ...] = ()  # per sentence: (topic id, points) it reaches
    spans: tuple[tuple[int, int], ...] = ()  # per sentence: (start, end) in the source's text
    traits: tuple[Traits | None, ...] = ()  # per sentence: what the summary reads, None if not quotable
    names: SourceNames = SourceNames((), ())  # its mentions and their roles, for the entity cards
    dated: tuple[tuple[int, int, DateMention], ...] = ()  # for the timeline (`dated_sentences`)
    events: tuple[tuple, ...] = ()  # for the year discrepancies (`dated_events`)
    opening: tuple[str, ...] = ()  # event phrases of its opening, for the title (`opening_events`)
    spoken: bool = False  # a sentence has a verb: something can be quoted from it


@functools.lru_cache(maxsize=1)
def _rules() -> FurnitureRules:
    return FurnitureRules.load()


def read_sources(parsed: Sequence[ParsedSource], topics: Sequence[Topic] | None = None) -> list[SourceWork]:
    """Each source's work, in order; topic scores only when `topics` are given."""
    vocab = load_words()
    aliases = Aliases(vocab)
    rules = _rules()
    return [
        SourceWork(tuple(source_readings(p, vocab, aliases)),
                   tuple(tuple(s.items()) for s in topic_scores(p.sentences, topics)) if topics is not None else (),
                   spans=tuple((s.start, s.end) for s in p.sentences),
                   traits=tuple(traits(s) if is_quotable(s, rules) else None for s in p.sentences),
                   names=source_names(p), dated=dated_sentences(p), events=dated_events(p),
                   opening=tuple(opening_events(p)),
                   spoken=any(t.pos in ("VERB", "AUX") for s in p.sentences for t in s.tokens))
        for p in parsed
    ]


def sentences_of(source: Source, work: SourceWork) -> tuple[Sentence, ...]:
    """The source's sentences as its kept work gives them: text and traits, no tokens."""
    return tuple(Sentence(source.id, n, start, end, source.text[start:end], (), (), kept)
                 for n, ((start, end), kept) in enumerate(zip(work.spans, work.traits, strict=True)))


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


def encode_read(read: Read) -> bytes:
    stored = [[getattr(read.cleaned, f.name) for f in fields(Cleaned)], [getattr(read.meta, f.name) for f in fields(Metadata)],
              list(read.notes), read.english]
    return zlib.compress(json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def decode_read(blob: bytes) -> Read:
    cleaned, meta, notes, english = json.loads(zlib.decompress(blob).decode("utf-8"))
    values = dict(zip((f.name for f in fields(Cleaned)), cleaned, strict=True))
    values["reasons"] = tuple(values["reasons"])
    return Read(Cleaned(**values), Metadata(*meta), tuple(notes), bool(english))


def towns_key(identity: str) -> str:
    """Where the countries of place names are kept (`gazetteer.countries_containing`): by the
    code and data (`work_identity`) and the town file."""
    from .gazetteer import towns_identity

    return hashlib.sha256(f"{identity}\0{towns_identity()}\0towns".encode()).hexdigest()


def quotes_key(work: str) -> str:
    """Where a source's attributed quotes are kept, beside its work (`work_key`)."""
    return hashlib.sha256(f"{work}\0quotes".encode()).hexdigest()


def encode_quotes(quotes: SourceQuotes) -> bytes:
    stored = {"rows": [[speaker, qs, qe, [list(x) for x in sentences]] for speaker, qs, qe, sentences in quotes.rows],
              "asked": [list(a) for a in quotes.asked]}
    return zlib.compress(json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def decode_quotes(blob: bytes) -> SourceQuotes:
    stored = json.loads(zlib.decompress(blob).decode("utf-8"))
    return SourceQuotes(tuple((speaker, qs, qe, tuple((a, b) for a, b in sentences))
                              for speaker, qs, qe, sentences in stored["rows"]),
                        tuple((kind, words, name, label) for kind, words, name, label in stored["asked"]))


_FIELDS = tuple(f.name for f in fields(Reading))
_DATE_FIELDS = tuple(f.name for f in fields(DateMention))
_JOIN = "\x1f"  # between the words of a concept (no word holds it)


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
    stored = {
        "readings": rows,
        "topics": [[list(x) for x in s] for s in work.topics],
        "spans": [list(x) for x in work.spans],
        "traits": [None if t is None else
                   [[_JOIN.join(c) for c in t.concepts], list(t.lemmas), list(t.figures), list(t.numbers),
                    list(t.words), t.standalone] for t in work.traits],
        "mentions": [list(m) for m in work.names.mentions],
        "roles": [list(r) for r in work.names.roles],
        "dated": [[start, end, [getattr(m, f) for f in _DATE_FIELDS]] for start, end, m in work.dated],
        "events": [[*e[:5], list(e[5]), list(e[6])] for e in work.events],
        "opening": list(work.opening),
        "spoken": work.spoken,
    }
    return zlib.compress(json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


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
    return SourceWork(
        tuple(readings),
        tuple(tuple((t, points) for t, points in s) for s in stored["topics"]),
        spans=tuple((start, end) for start, end in stored["spans"]),
        traits=tuple(None if t is None else
                     Traits(frozenset(tuple(c.split(_JOIN)) for c in t[0]), frozenset(t[1]), frozenset(t[2]),
                            frozenset(t[3]), tuple(t[4]), t[5]) for t in stored["traits"]),
        names=SourceNames(tuple((text, label) for text, label in stored["mentions"]),
                          tuple((k, role) for k, role in stored["roles"])),
        dated=tuple((start, end, DateMention(*m)) for start, end, m in stored["dated"]),
        events=tuple((*e[:5], tuple(e[5]), tuple(e[6])) for e in stored["events"]),
        opening=tuple(stored["opening"]),
        spoken=stored["spoken"],
    )
