"""The stages of a build with something to do: ingest → analyze → topics → summarize →
extract → compose → render, on what `pipeline.build` read, reusing the work an earlier build
kept in the build state (`state.BuildState`). `pipeline` imports this module only once it
knows the outputs are not up to date: a rebuild with nothing to do loads none of the stages.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import zlib
from dataclasses import replace
from pathlib import Path

from .analyze import analysis_identity, load_model, model_id
from .changes import with_changes
from .config import unmatched_fragments
from .compose import compose
from .extract import extract
from . import source_work
from .ingest import FurnitureRules, read_sources
from .model import ParsedSource
from .title import PLACES
from .render import PdfRenderer, write_outputs
from .executor import PARALLEL_MIN_CHARS, analyze_here, make_executor
from .numbering import numbered
from .pipeline import BuildOptions, BuildResult, Inputs, sha256_of
from .state import BuildState, collector_back_after, decode_sentences, no_cycle_collection


def build_stages(options: BuildOptions, topics, out: Path, state: BuildState, started: float,
                 inputs: Inputs) -> BuildResult:
    """Build the briefing of `inputs` into `out` and record it in `state`."""
    with PdfRenderer() as pdf, collector_back_after():
        return _build(options, topics, out, state, started, inputs, pdf)


def pdf_apart(options: BuildOptions, sizes) -> bool:
    """Whether the PDF is laid out in a process of its own, beside the rest of the build: with
    more than one core to use and as many bytes of input (`sizes`, before they are read) as
    make parsing their text worth a pool (a briefing that large takes seconds to lay out; a
    small one takes less than the process costs to start)."""
    jobs = options.jobs or os.cpu_count() or 1
    return jobs > 1 and sum(sizes) >= PARALLEL_MIN_CHARS


def _build(options: BuildOptions, topics, out: Path, state: BuildState, started: float, inputs: Inputs,
           pdf: PdfRenderer) -> BuildResult:
    rules = FurnitureRules.load()
    identity = source_work.work_identity(topics)
    reads = _KeptReads(state, identity)
    if pdf_apart(options, [*map(len, inputs.contents.values()), *(len(p.body) for p in inputs.web.pages)]):
        pdf.start()  # it starts while this process reads the files
    ingested = read_sources(inputs.paths, rules, inputs.contents, options.limits, inputs.web.pages, reads)
    numbered_sources, numbers = numbered(ingested.sources, state.get_json("numbers"))
    ingested = replace(ingested, sources=numbered_sources)
    parses = _Parses(ingested.sources, options, state, topics)
    work, fresh_work = _read_each(ingested.sources, parses, topics, state, pdf)
    pdf.warm()
    with no_cycle_collection(keep=True):  # the stages across sources make many objects and no cycle
        parsed = [ParsedSource(s, source_work.sentences_of(s, w)) for s, w in zip(ingested.sources, work)]
        qkeys = {sid: source_work.quotes_key(k) for sid, k in work_keys(parses.keys, topics).items()}
        kept_quotes = _kept_quotes(state, qkeys)
        quoted: dict = {}
        tkey = source_work.towns_key(identity)
        towns = _kept_towns(state, tkey)
        asked = len(towns)
        facts = extract(parsed, work, kept_quotes, lambda sid: parses.get([parses.by_id[sid]])[0], quoted, towns)
        fresh_work.update({qkeys[sid]: source_work.encode_quotes(q) for sid, q in quoted.items()
                           if kept_quotes.get(sid) is not q})
        if len(towns) != asked:
            fresh_work[tkey] = zlib.compress(json.dumps(towns, sort_keys=True).encode("utf-8"))
        scores = {(p.source.id, s.index): dict(w.topics[n]) for p, w in zip(parsed, work)
                  for n, s in enumerate(p.sentences)}
        openings = ([set(w.opening) for w in work],
                    {text for w in work for text, label in w.names.mentions if label in PLACES})
        briefing = compose(parsed, topics, facts, options.settings, rules, scores, openings)
    briefing, kept = with_changes(briefing, state.get_json("manifest"))
    written = write_outputs(briefing, out, options.templates_dir, options.render, pdf)
    state.save(
        {"fingerprint": inputs.fingerprint, "manifest": kept, "numbers": numbers,
         "outputs": {fmt: sha256_of(p) for fmt, p in written.items()}},
        parses.fresh,
        keep=set(parses.keys.values()),
    )
    state.save_work({**fresh_work, **reads.fresh},
                    keep=set(work_keys(parses.keys, topics).values()) | set(qkeys.values()) | {tkey} | reads.used)
    return BuildResult(
        briefing=briefing,
        outputs=written,
        skipped=ingested.skipped,
        sentences=sum(len(p.sentences) for p in parsed),
        seconds=time.perf_counter() - started,
        parsed=tuple(s.path for s in ingested.sources if parses.keys[s.id] in parses.fresh),
        warnings=tuple(state.warnings) + inputs.web.warnings + ingested.warnings + _without_sentences(parsed, work)
        + tuple(unmatched_fragments([s for p in parsed for s in p.sentences], options.settings.exclude,
                                    options.settings.pin, options.project or "briefing.toml")),
        notes=inputs.notes,
    )


def _without_sentences(parsed, work) -> tuple[str, ...]:
    """Sources nothing can be quoted from: no sentence with a verb in them."""
    return tuple(f"{p.source.path}: no sentence found; nothing from it can be quoted"
                 for p, w in zip(parsed, work) if not w.spoken)


class _Parses:
    """Sources' parses, read from the state or parsed, only when asked for: a rebuild whose
    kept work answers everything asks for none. Parsing goes to the executor, where each
    source's work is read beside its parse (`read`: source id -> encoded work)."""

    def __init__(self, sources, options: BuildOptions, state: BuildState, topics=None):
        identity = analysis_identity(options.model)
        if identity is None:  # a model we cannot identify without loading it
            identity = model_id(load_model(options.model))
        self.keys = {s.id: hashlib.sha256(f"{identity}\0{s.text}".encode("utf-8")).hexdigest() for s in sources}
        self.by_id = {s.id: s for s in sources}
        self.options, self.state, self.topics = options, state, topics
        self.fresh: dict[str, bytes] = {}  # analysis key -> encoded parse, new in this build
        self.read: dict[str, bytes] = {}
        self._done: dict[str, ParsedSource] = {}
        self._ahead: tuple[list[str], object] | None = None  # (source ids, Future) parsed elsewhere

    def ahead(self, sources, helper: PdfRenderer) -> None:
        """Start parsing, in the build's helper process, those of `sources` that have no kept
        parse, when they are fewer than a pool's worth (a rebuild's changed articles): the model
        loads and parses there while this process decodes the other sources' kept work."""
        if self.options.executor != "local" or not helper.started:
            return
        kept = self.state.kept_analyses(self.keys[s.id] for s in sources)
        missing = [s for s in sources if s.id not in self._done and self.keys[s.id] not in kept]
        if missing and sum(len(s.text) for s in missing) < PARALLEL_MIN_CHARS:
            future = helper.submit(analyze_here, [s.text for s in missing], self.options.model, self.topics)
            self._ahead = ([s.id for s in missing], future)

    def _parsed_ahead(self, missing) -> list | None:
        if self._ahead is None or [s.id for s in missing] != self._ahead[0]:
            return None
        from concurrent.futures.process import BrokenProcessPool

        future, self._ahead = self._ahead[1], None
        try:
            return future.result()
        except BrokenProcessPool:  # the helper died: parse here
            return None

    def get(self, sources) -> list[ParsedSource]:
        wanted = [s for s in sources if s.id not in self._done]
        cached = self.state.analyses(self.keys[s.id] for s in wanted)
        missing = [s for s in wanted if self.keys[s.id] not in cached]
        if missing:
            results = self._parsed_ahead(missing)
            if results is None:
                options = self.options
                executor = make_executor(options.executor, options.jobs, options.scheduler)
                done = 0

                def progress(n: int) -> None:
                    nonlocal done
                    done += n
                    if options.progress:
                        options.progress("analyze", done, len(missing))

                results = executor.analyze([s.text for s in missing], options.model, progress, topics=self.topics)
            elif self.options.progress:
                self.options.progress("analyze", len(missing), len(missing))
            for s, (blob, work) in zip(missing, results):
                self.fresh[self.keys[s.id]] = blob
                if work is not None:
                    self.read[s.id] = work
                cached[self.keys[s.id]] = decode_sentences(blob)
        for s in wanted:
            self._done[s.id] = ParsedSource(s, tuple(replace(x, source=s.id, text=s.text[x.start:x.end])
                                                     for x in cached[self.keys[s.id]]))
        return [self._done[s.id] for s in sources]


def work_keys(keys: dict[str, str], topics) -> dict[str, str]:
    """Source id -> key of its per-source work: its analysis, the code that reads it, the topics."""
    identity = source_work.work_identity(topics)
    return {sid: source_work.work_key(key, identity) for sid, key in keys.items()}


def _read_each(sources, parses: _Parses, topics, state: BuildState, helper: PdfRenderer | None = None):
    """Each source's own work (`source_work`): kept in the state when its analysis was read
    before, else read beside its parse (`parses.read`) or read now; and the new encoded work.
    With a started `helper` process, the sources with no kept work are parsed there meanwhile."""
    wkeys = work_keys(parses.keys, topics)
    blobs = state.work(wkeys.values())
    if helper is not None:
        parses.ahead([s for s in sources if wkeys[s.id] not in blobs], helper)
    work: dict[str, source_work.SourceWork] = {}
    with no_cycle_collection(keep=True):
        for s in sources:
            try:
                work[s.id] = source_work.decode_work(blobs[wkeys[s.id]], s.id)
            except (KeyError, ValueError, TypeError, zlib.error):
                pass  # not read before, or unreadable: read it again
    unread = [s for s in sources if s.id not in work]
    fresh = {}
    parsed = parses.get(unread)
    for s in unread:
        if s.id in parses.read:
            try:
                work[s.id] = source_work.decode_work(parses.read[s.id], s.id)
                fresh[wkeys[s.id]] = parses.read[s.id]
            except (ValueError, TypeError, zlib.error):
                pass
    missing = [p for p in parsed if p.source.id not in work]
    for p, done in zip(missing, source_work.read_sources(missing, topics)):
        work[p.source.id] = done
        fresh[wkeys[p.source.id]] = source_work.encode_work(done)
    return [work[s.id] for s in sources], fresh


class _KeptReads:
    """Files as earlier builds read and cleaned them (`ingest.ReadKept`), in the build state
    beside the per-source work, keyed by the code and data that read them too."""

    def __init__(self, state: BuildState, identity: str):
        self.state, self.identity = state, identity
        self.fresh: dict[str, bytes] = {}
        self.used: set[str] = set()

    def _key(self, key: tuple) -> str:
        return hashlib.sha256(json.dumps([self.identity, *key]).encode("utf-8")).hexdigest()

    def get(self, key: tuple):
        k = self._key(key)
        try:
            found = source_work.decode_read(self.state.work([k])[k])
        except (KeyError, ValueError, TypeError, zlib.error):
            return None
        self.used.add(k)
        return found

    def put(self, key: tuple, read) -> None:
        k = self._key(key)
        self.fresh[k] = source_work.encode_read(read)
        self.used.add(k)


def _kept_towns(state: BuildState, key: str) -> dict[str, str | None]:
    """The countries of place names as earlier builds found them (`gazetteer.countries_containing`)."""
    try:
        towns = json.loads(zlib.decompress(state.work([key])[key]))
    except (KeyError, ValueError, TypeError, zlib.error):
        return {}
    return towns if isinstance(towns, dict) else {}


def _kept_quotes(state: BuildState, qkeys: dict[str, str]) -> dict:
    """Each source's quotes as an earlier build attributed them (`extract.quotes.SourceQuotes`)."""
    blobs = state.work(qkeys.values())
    kept = {}
    for sid, k in qkeys.items():
        try:
            kept[sid] = source_work.decode_quotes(blobs[k])
        except (KeyError, ValueError, TypeError, zlib.error):
            pass
    return kept


