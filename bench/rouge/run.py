"""Build each cluster's briefing the way users do and score its executive summary.

For every cluster and method this calls `briefing.pipeline.build` (what
`briefing build CLUSTER_DIR --sentences N --method M -o DIR` runs), reads the
`summary` of the briefing.json it wrote, joins its sentences one per line, and
scores the first `limit` words with ROUGE-1/2 recall. The spaCy model is loaded
once per worker process; everything else is the product's own code path.

The time reported per cluster is the time spent in `compose` (choosing the
summary and section sentences: ranking, redundancy control, citations), measured
around the product's own call; the whole build (parse, extract, HTML, PDF) is
reported beside it.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import multiprocessing
import time
from pathlib import Path

from .corpora import CACHE, CORPUS, Corpus, prepared, read
from .scorer import Rouge

_timings: list[float] = []


def _install_hooks() -> None:
    """In this process: load the spaCy model once, and time `compose` around the product's call."""
    try:
        import briefing.stages as stages  # what runs the stages (pipeline before issue-14d)
    except ImportError:
        import briefing.pipeline as stages

    if getattr(stages, "_bench_hooked", False):
        return
    stages.load_model = functools.lru_cache(maxsize=None)(stages.load_model)
    compose = stages.compose

    def timed_compose(*args, **kwargs):
        started = time.perf_counter()
        try:
            return compose(*args, **kwargs)
        finally:
            _timings.append(time.perf_counter() - started)

    stages.compose = timed_compose
    stages._bench_hooked = True


def build_summary(corpus: Corpus, cluster_id: str, method: str) -> dict:
    """Build one briefing; its summary sentences and the timings."""
    from briefing.compose import Settings
    from briefing.pipeline import BuildOptions, build

    _install_hooks()
    cluster = corpus.cluster(cluster_id)
    folder = prepared(corpus, cluster)
    out = CACHE / "out" / corpus.name / cluster.id  # one folder per cluster: parses are reused across methods
    options = dict(sources=(str(folder),), out_dir=str(out),
                   settings=Settings(method=method, summary_sentences=corpus.sentences))
    if "force" in {f.name for f in dataclasses.fields(BuildOptions)}:
        options["force"] = True
    _timings.clear()
    started = time.perf_counter()
    build(BuildOptions(**options))
    seconds = time.perf_counter() - started
    doc = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    return {
        "cluster": cluster.id,
        "method": method,
        "summary": [s["text"] for s in doc["summary"]],
        "compose_seconds": sum(_timings),
        "build_seconds": seconds,
    }


def score_summary(corpus: Corpus, record: dict, rouge: Rouge) -> dict:
    cluster = corpus.cluster(record["cluster"])
    scores = rouge.score("\n".join(record["summary"]), [read(p) for p in cluster.models])
    return {**record, "r1": scores[1].recall, "r2": scores[2].recall,
            "words": len(" ".join(record["summary"]).split())}


def _task(args):
    corpus_name, cluster_id, methods = args
    corpus = CORPUS[corpus_name]()
    return [build_summary(corpus, cluster_id, m) for m in methods]


def run(corpus_names, methods, jobs: int = 2, clusters=None, log=print) -> dict[str, dict[str, list[dict]]]:
    """{corpus: {method: [per-cluster record]}}; records are also saved under CACHE/results/."""
    results: dict[str, dict[str, list[dict]]] = {}
    for name in corpus_names:
        corpus = CORPUS[name]()
        ids = [c.id for c in corpus.clusters if not clusters or c.id in clusters]
        for cid in ids:  # prepare inputs here, once, before the workers start
            prepared(corpus, corpus.cluster(cid))
        tasks = [(name, cid, tuple(methods)) for cid in ids]
        rouge = Rouge((1, 2), stem=corpus.stem, limit=corpus.limit)
        per_method: dict[str, list[dict]] = {m: [] for m in methods}
        started = time.perf_counter()
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            for n, records in enumerate(pool.imap_unordered(_task, tasks), 1):
                for rec in records:
                    per_method[rec["method"]].append(score_summary(corpus, rec, rouge))
                log(f"{name}: {n}/{len(tasks)} clusters ({time.perf_counter() - started:.0f}s)")
        for m in per_method:
            per_method[m].sort(key=lambda r: r["cluster"])
        save(name, per_method)
        results[name] = per_method
    return results


def results_path(corpus_name: str) -> Path:
    return CACHE / "results" / f"{corpus_name}.json"


def save(corpus_name: str, per_method: dict[str, list[dict]]) -> None:
    """Merge into the saved results (a later run of a method replaces its earlier one)."""
    path = results_path(corpus_name)
    saved = load(corpus_name)
    saved.update(per_method)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(saved, indent=1), encoding="utf-8")


def load(corpus_name: str) -> dict[str, list[dict]]:
    path = results_path(corpus_name)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
