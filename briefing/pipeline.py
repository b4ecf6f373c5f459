"""The whole build: ingest → analyze → topics → summarize → extract → compose → render.

`build` is what the CLI calls; it returns what happened and never prints.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .analyze import analyze, load_model
from .compose import Settings, compose
from .extract import extract
from .ingest import FurnitureRules, read_sources
from .model import Briefing, Skipped
from .render import check_writable, write_outputs
from .summarize import METHODS
from .errors import BriefingError
from .topics import load_topics


@dataclass(frozen=True, slots=True)
class BuildOptions:
    sources: Sequence[str] = ("seeds",)
    out_dir: str = "output"
    settings: Settings = field(default_factory=Settings)
    model: str | None = None
    topic_files: Sequence[str] = ()
    templates_dir: str | None = None


@dataclass(frozen=True, slots=True)
class BuildResult:
    briefing: Briefing
    outputs: dict[str, Path]
    skipped: tuple[Skipped, ...]
    sentences: int
    seconds: float


def build(options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    if options.settings.method not in METHODS:
        raise BriefingError(
            f"unknown summarization method '{options.settings.method}'; choose one of {', '.join(METHODS)}"
        )
    topics = load_topics(options.topic_files)
    check_writable(options.out_dir)
    rules = FurnitureRules.load()
    ingested = read_sources(options.sources, rules)
    nlp = load_model(options.model)
    parsed = analyze(ingested.sources, nlp)
    facts = extract(parsed)
    briefing = compose(parsed, topics, facts, options.settings, rules)
    outputs = write_outputs(briefing, options.out_dir, options.templates_dir)
    return BuildResult(
        briefing=briefing,
        outputs=outputs,
        skipped=ingested.skipped,
        sentences=sum(len(p.sentences) for p in parsed),
        seconds=time.perf_counter() - started,
    )
