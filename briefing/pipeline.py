"""The whole build: ingest → analyze → topics → summarize → extract → compose → render.

`build` is what the CLI calls; it returns what happened and never prints.
Like Sphinx, it rebuilds only what changed: an unchanged build stops after
hashing its inputs, and only sources whose text changed are parsed again.
This module is the part every build runs, up to that check; the stages are in
`stages`, imported only by a build with something to do, so that an unchanged
rebuild loads none of them (nor spaCy, Jinja2 or WeasyPrint).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .analyze import analysis_identity
from .compose import Settings
from .errors import BriefingError
from .files import Limits, article_files
from .model import Briefing, Skipped
from .readers import FOLDER_METADATA, SIDECAR_SUFFIX
from .outputs import OUTPUT_NAMES, RenderOptions, check_writable, default_templates
from .documents import unread_note
from .fetch import FetchPolicy
from .state import STATE_DIR, BuildState, build_lock
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
            return _build(options, topics, out, state, started)
        finally:
            state.close()


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a build read before knowing whether it has anything to do."""

    paths: list[str]  # the sources that are files or folders
    web: WebSources
    contents: dict[str, bytes]  # the article files' bytes, by path
    notes: tuple[str, ...]
    fingerprint: str  # `_fingerprint` of all of it


def _build(options: BuildOptions, topics, out: Path, state: BuildState, started: float) -> BuildResult:
    paths = local_paths(options.sources)
    web = gather(options.sources, options.feeds, options.match, options.fetch, options.limits, out / STATE_DIR,
                 options.offline)
    if not paths and not web.pages:
        raise BriefingError(_nothing_fetched(web))
    notes = web.notes + tuple(filter(None, [unread_note(paths)]))
    sizes = article_files(paths, options.limits)  # before anything is read
    files = list(sizes)
    contents: dict[str, bytes] = {}
    for path in files:
        if sizes[path] <= options.limits.max_file_bytes:
            try:
                with open(path, "rb") as f:  # not Path.read_bytes: a Path for each of 2,225 files is 8 ms
                    contents[path] = f.read()
            except OSError:
                pass  # ingest reports it
    fingerprint = _fingerprint(options, files, contents, web)
    outputs = {fmt: out / name for fmt, name in OUTPUT_NAMES.items()}
    if not options.force and state.get("fingerprint") == fingerprint and _outputs_intact(state, outputs):
        return BuildResult(None, outputs, seconds=time.perf_counter() - started, up_to_date=True,
                           warnings=tuple(state.warnings) + web.warnings, notes=notes)
    from .stages import build_stages  # only now: a build with nothing to do never imports the stages

    return build_stages(options, topics, out, state, started, Inputs(paths, web, contents, notes, fingerprint))


def _nothing_fetched(web: WebSources) -> str:
    """Why a build from the web alone has no article: the first problem, and how many more."""
    reasons = web.warnings or web.notes
    if not reasons:
        return "no article: name files, folders, URLs or --feed"
    more = f" (and {len(reasons) - 1} more)" if len(reasons) > 1 else ""
    return f"no article could be fetched: {reasons[0]}{more}"


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


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _outputs_intact(state: BuildState, outputs: dict[str, Path]) -> bool:
    recorded = state.get_json("outputs") or {}
    try:
        return all(recorded.get(fmt) == sha256_of(path) for fmt, path in outputs.items())
    except OSError:
        return False
