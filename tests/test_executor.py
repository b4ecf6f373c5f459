"""The analysis runs the same anywhere: in process, in a process pool, on a Dask cluster."""
from __future__ import annotations

import json
import shutil

import pytest

from briefing import executor
from briefing.executor import LocalExecutor, batches
from briefing.pipeline import BuildOptions, build
from briefing.state import decode_sentences
from conftest import SEEDS

TEXTS = [
    "The council met on Monday. It approved the budget for the new school.",
    "Rebels fired rockets at the base on Friday, officials said.",
    "Two soldiers were wounded. The army said the attack had been repelled.",
]


def test_batches_keep_order_and_bound_size():
    texts = ["x" * 40] * 10
    got = list(batches(texts, max_chars=100))
    assert [start for start, _ in got] == [0, 2, 4, 6, 8]
    assert sum(len(b) for _, b in got) == 10


def test_process_pool_gives_the_same_analysis_as_in_process(monkeypatch):
    serial = LocalExecutor(jobs=1).analyze(TEXTS, None)
    monkeypatch.setattr(executor, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(executor, "BATCH_CHARS", 70)
    parallel = LocalExecutor(jobs=2).analyze(TEXTS, None)
    assert parallel == serial
    assert [s.text for s in decode_sentences(serial[0])] == ["", ""]  # text is the caller's to fill
    assert [(s.start, s.end) for s in decode_sentences(serial[0])] == [(0, 26), (27, 69)]


def test_dask_executor_builds_the_same_briefing_as_the_local_one(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    src = tmp_path / "articles"
    shutil.copytree(SEEDS, src)
    local = build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "local")))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster:
        remote = build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "dask"),
                                    executor="dask", scheduler=cluster.scheduler_address))
    assert len(remote.parsed) == 5
    a = json.loads((tmp_path / "local" / "briefing.json").read_text())
    b = json.loads((tmp_path / "dask" / "briefing.json").read_text())
    assert a == b and local.briefing.summary == remote.briefing.summary


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("dask.distributed")
    from briefing.errors import BriefingError

    src = tmp_path / "a"
    src.mkdir()
    (src / "a.txt").write_text(TEXTS[1] + "\n")
    with pytest.raises(BriefingError, match="cannot reach the Dask scheduler"):
        build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "o"), executor="dask",
                           scheduler="tcp://127.0.0.1:9"))


def test_workers_read_each_source_as_the_build_would(monkeypatch):
    from briefing import source_work
    from briefing.model import ParsedSource, Source
    from briefing.topics import load_topics
    from dataclasses import replace

    topics = load_topics()
    monkeypatch.setattr(executor, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(executor, "BATCH_CHARS", 70)
    pairs = LocalExecutor(jobs=2).analyze(TEXTS, None, topics=topics)  # parsed and read in the pool
    assert [blob for blob, _ in pairs] == LocalExecutor(jobs=1).analyze(TEXTS, None)
    for n, (text, (blob, work)) in enumerate(zip(TEXTS, pairs)):
        sid = f"S{n + 1}"
        source = Source(id=sid, path=f"{sid}.txt", sha256="0", text=text)
        parsed = ParsedSource(source, tuple(replace(s, source=sid, text=text[s.start:s.end])
                                            for s in decode_sentences(blob)))
        assert source_work.decode_work(work, sid) == source_work.read_sources([parsed], topics)[0]
    assert any(source_work.decode_work(w, "S3").readings for _, w in pairs[2:])  # "Two soldiers were wounded"
