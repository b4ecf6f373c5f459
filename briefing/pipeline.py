"""The whole build: ingest → analyze → topics → summarize → extract → compose → render.

`build` is what the CLI calls; it returns what happened and never prints.
Like Sphinx, it rebuilds only what changed: an unchanged build stops after
hashing its inputs, and only sources whose text changed are parsed again.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import zlib
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .analyze import analysis_identity, load_model, model_id
from .changes import with_changes
from .config import unmatched_fragments
from .compose import Settings, compose
from .errors import BriefingError
from .extract import extract
from . import source_work
from .ingest import FurnitureRules, Limits, check_limits, list_article_files, read_sources
from .model import Briefing, ParsedSource, Skipped
from .title import PLACES
from .readers import FOLDER_METADATA, SIDECAR_SUFFIX
from .render import OUTPUT_NAMES, PdfRenderer, RenderOptions, check_writable, default_templates, write_outputs
from .executor import PARALLEL_MIN_CHARS, analyze_here, make_executor
from .documents import unread_note
from .fetch import FetchPolicy
from .numbering import numbered
from .state import STATE_DIR, BuildState, build_lock, collector_back_after, decode_sentences, no_cycle_collection
from .summarize import METHODS
from .topics import DEFAULT_TOPICS, load_topics
from .web import WebSources, gather, local_paths

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    sources: Sequence[str] = ("seeds",)
    out_dir: str = "output"
    settings: Settings = field(default_factory=Settings)
    model: str | None = None
    topic_files: Sequence[str] = ()
    templates_dir: str | None = None
    force: bool = False
    jobs: int | None = None  # processes for the analysis; None: one per core, when worth it
    executor: str = "local"  # or "dask"
    scheduler: str | None = None  # Dask scheduler address, with executor="dask"
    limits: Limits = field(default_factory=Limits)
    progress: Callable[[str, int, int], None] | None = field(default=None, compare=False)
    render: RenderOptions = field(default_factory=RenderOptions)  # marking, paper, PDF variant
    topic_settings: dict = field(default_factory=dict, compare=False)  # [topics.ID] of briefing.toml
    project: str | None = None  # the briefing.toml these options came from, for messages
    feeds: Sequence[str] = ()  # RSS/Atom feed URLs, beside the `feeds` of the folders' sources.toml
    match: str | None = None  # query selecting the feed items that belong (see query.py)
    offline: bool = False  # build from the fetched copies in the state; no request
    fetch: FetchPolicy = field(default_factory=FetchPolicy)  # timeouts, delays, private addresses


@dataclass(frozen=True, slots=True)
class BuildResult:
    briefing: Briefing | None  # None when the outputs were already up to date
    outputs: dict[str, Path]
    skipped: tuple[Skipped, ...] = ()
    sentences: int = 0
    seconds: float = 0.0
    up_to_date: bool = False
    parsed: tuple[str, ...] = ()  # paths of the sources parsed in this build
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # feed items left out, files no reader takes


def build(options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    if options.settings.method not in METHODS:
        raise BriefingError(
            f"unknown summarization method '{options.settings.method}'; choose one of {', '.join(METHODS)}"
        )
    if options.templates_dir and not Path(options.templates_dir).is_dir():
        raise BriefingError(f"--templates {options.templates_dir}: no such folder")
    topics = load_topics(options.topic_files, options.topic_settings, options.project or "briefing.toml")
    check_output_location(options.out_dir, local_paths(options.sources))
    out = check_writable(options.out_dir)
    with build_lock(out):
        state = BuildState(out)
        try:
            with PdfRenderer() as pdf, collector_back_after():
                return _build(options, topics, out, state, started, pdf)
        finally:
            state.close()


def pdf_apart(options: BuildOptions, sizes) -> bool:
    """Whether the PDF is laid out in a process of its own, beside the rest of the build: with
    more than one core to use and as many bytes of input (`sizes`, before they are read) as
    make parsing their text worth a pool (a briefing that large takes seconds to lay out; a
    small one takes less than the process costs to start)."""
    jobs = options.jobs or os.cpu_count() or 1
    return jobs > 1 and sum(sizes) >= PARALLEL_MIN_CHARS


def _build(options: BuildOptions, topics, out: Path, state: BuildState, started: float,
           pdf: PdfRenderer) -> BuildResult:
    paths = local_paths(options.sources)
    web = gather(options.sources, options.feeds, options.match, options.fetch, options.limits, out / STATE_DIR,
                 options.offline)
    if not paths and not web.pages:
        raise BriefingError(_nothing_fetched(web))
    notes = web.notes + tuple(filter(None, [unread_note(paths)]))
    files = list_article_files(paths)
    sizes = check_limits(files, options.limits)  # before anything is read
    contents: dict[str, bytes] = {}
    for path in files:
        if sizes[path] <= options.limits.max_file_bytes:
            try:
                contents[path] = Path(path).read_bytes()
            except OSError:
                pass  # ingest reports it
    fingerprint = _fingerprint(options, files, contents, web)
    outputs = {fmt: out / name for fmt, name in OUTPUT_NAMES.items()}
    if not options.force and state.get("fingerprint") == fingerprint and _outputs_intact(state, outputs):
        return BuildResult(None, outputs, seconds=time.perf_counter() - started, up_to_date=True,
                           warnings=tuple(state.warnings) + web.warnings, notes=notes)

    rules = FurnitureRules.load()
    identity = source_work.work_identity(topics)
    reads = _KeptReads(state, identity)
    if pdf_apart(options, [*map(len, contents.values()), *(len(p.body) for p in web.pages)]):
        pdf.start()  # it starts while this process reads the files
    ingested = read_sources(paths, rules, contents, options.limits, web.pages, reads)
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
        {"fingerprint": fingerprint, "manifest": kept, "numbers": numbers,
         "outputs": {fmt: _sha256(p) for fmt, p in written.items()}},
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
        warnings=tuple(state.warnings) + web.warnings + ingested.warnings + _without_sentences(parsed, work)
        + tuple(unmatched_fragments([s for p in parsed for s in p.sentences], options.settings.exclude,
                                    options.settings.pin, options.project or "briefing.toml")),
        notes=notes,
    )


def _nothing_fetched(web: WebSources) -> str:
    """Why a build from the web alone has no article: the first problem, and how many more."""
    reasons = web.warnings or web.notes
    if not reasons:
        return "no article: name files, folders, URLs or --feed"
    more = f" (and {len(reasons) - 1} more)" if len(reasons) > 1 else ""
    return f"no article could be fetched: {reasons[0]}{more}"


def _without_sentences(parsed, work) -> tuple[str, ...]:
    """Sources nothing can be quoted from: no sentence with a verb in them."""
    return tuple(f"{p.source.path}: no sentence found; nothing from it can be quoted"
                 for p, w in zip(parsed, work) if not w.spoken)


def check_output_location(out_dir: str, sources: Sequence[str]) -> None:
    """Never write a briefing into a folder of articles, or over an article."""
    out = Path(out_dir).resolve()
    for given in sources:
        src = Path(given).resolve()
        if src.is_dir() and (out == src or src in out.parents):
            raise BriefingError(f"-o {out_dir}: is inside the sources folder {given}; "
                                "write the briefing somewhere else")
        if src.is_file() and src.parent == out and src.name in OUTPUT_NAMES.values():
            raise BriefingError(f"-o {out_dir}: would overwrite the source {given}; write the briefing somewhere else")


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


def _fingerprint(options: BuildOptions, files: list[str], contents: dict[str, bytes],
                 web: WebSources = WebSources()) -> str:
    """Everything an output depends on, hashed; equal fingerprints mean equal outputs."""
    h = hashlib.sha256()

    def add(label: str, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        h.update(label.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())

    add("version", __version__)
    for path in sorted(Path(__file__).parent.rglob("*.py")):  # a code change is a change too
        add(f"code:{path.relative_to(Path(__file__).parent)}", path.read_bytes())
    add("settings", json.dumps(asdict(options.settings), sort_keys=True))
    add("limits", json.dumps(asdict(options.limits), sort_keys=True))
    add("render", json.dumps(asdict(options.render), sort_keys=True))
    add("topic_settings", json.dumps(options.topic_settings, sort_keys=True))
    add("model", options.model or "")
    add("analysis", analysis_identity(options.model) or "unknown")
    for path in sorted(DATA.rglob("*")):
        if path.is_file():
            add(f"data:{path.name}", path.read_bytes())
    for path in (DEFAULT_TOPICS, *map(Path, options.topic_files)):
        add(f"topics:{path}", _read(path))
    for folder in filter(None, (options.templates_dir, default_templates())):
        for path in sorted(Path(folder).glob("*")):
            if path.is_file():
                add(f"template:{path.name}", path.read_bytes())
    add("web", web.digest())
    listing: dict[str, set[str]] = {}  # folder -> its entries: one listing per folder, not two stats per file
    for path in files:
        add(f"source:{path}", contents.get(path, b"\0unreadable"))
        folder, name = os.path.split(path)
        if folder not in listing:
            try:
                listing[folder] = set(os.listdir(folder or "."))
            except OSError:
                listing[folder] = set()
        for meta in (os.path.splitext(name)[0] + SIDECAR_SUFFIX, FOLDER_METADATA):
            if meta in listing[folder] and os.path.isfile(os.path.join(folder, meta)):
                add(f"meta:{os.path.join(folder, meta)}", _read(Path(folder) / meta))
    return h.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b"\0missing"


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _outputs_intact(state: BuildState, outputs: dict[str, Path]) -> bool:
    recorded = state.get_json("outputs") or {}
    try:
        return all(recorded.get(fmt) == _sha256(path) for fmt, path in outputs.items())
    except OSError:
        return False
