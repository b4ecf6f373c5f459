"""Where the per-source analysis runs: in this process, a local process pool, or a Dask cluster.

Analysing a source is a pure function of its text and the model's name, so it
can run anywhere. Every executor takes batches of texts and returns, per text,
the encoded sentences (`state.encode_sentences`): the same bytes the build state
caches, small to ship between processes and machines. Given the topics, it also
returns each text's per-source work (`source_work`), read where the text was parsed:
in a pool or on a cluster that work is shared out with the parsing, not done after
it in the build's own process.
"""
from __future__ import annotations

import os
from typing import Callable, Iterator, Protocol, Sequence

from .errors import BriefingError

# Below this much text a process pool costs more (start-up, one model load per
# process) than it saves.
PARALLEL_MIN_CHARS = 300_000
BATCH_CHARS = 60_000

Progress = Callable[[int], None]  # called with the number of texts just finished


def analyze_batch(texts: Sequence[str], model: str | None, topics=None) -> list:
    """Parse `texts` with `model`; the unit of work every executor ships.

    With `topics`: (analysis, per-source work) for each text, both encoded.
    """
    from .analyze import analyze_texts, load_model
    from .state import encode_sentences

    nlp = load_model(model)
    parsed = analyze_texts(texts, nlp)
    if topics is None:
        return [encode_sentences(sentences) for sentences in parsed]
    from .source_work import encoded_work

    return [(encode_sentences(sentences), encoded_work(text, sentences, topics))
            for text, sentences in zip(texts, parsed)]


def analyze_here(texts: Sequence[str], model: str | None, topics=None) -> list:
    """What `make_executor("local", 1).analyze` gives, computed in the process that calls it (a
    helper process the build hands a few texts to while it does other work)."""
    return make_executor("local", 1).analyze(texts, model, None, topics)


def _single_threaded() -> None:
    """Pool worker set-up: one BLAS thread each, or the workers fight over the cores."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"


def batches(texts: Sequence[str], max_chars: int = BATCH_CHARS) -> Iterator[tuple[int, list[str]]]:
    """(offset, texts) runs of roughly `max_chars` characters, in order."""
    start, size = 0, 0
    for i, text in enumerate(texts):
        if i > start and size + len(text) > max_chars:
            yield start, list(texts[start:i])
            start, size = i, 0
        size += len(text)
    if start < len(texts):
        yield start, list(texts[start:])


def _in_order(futures: dict, as_completed, progress: Progress | None) -> list:
    """Results of batch futures ({future: (offset, size)}) in input order, reporting progress as they land."""
    results: dict[int, list] = {}
    for future in as_completed(futures):
        start, n = futures[future]
        results[start] = future.result()
        if progress:
            progress(n)
    return [blob for start in sorted(results) for blob in results[start]]


class Executor(Protocol):
    def analyze(self, texts: Sequence[str], model: str | None, progress: Progress | None = None,
                topics=None) -> list:
        """Per text its encoded analysis; with `topics`, (analysis, work or None) pairs."""
        ...


class LocalExecutor:
    """This process for small inputs; a pool of `jobs` processes for large ones."""

    def __init__(self, jobs: int | None = None):
        self.jobs = max(1, jobs or os.cpu_count() or 1)

    def analyze(self, texts: Sequence[str], model: str | None, progress: Progress | None = None,
                topics=None) -> list:
        work = list(batches(texts))
        if self.jobs == 1 or len(work) == 1 or sum(map(len, texts)) < PARALLEL_MIN_CHARS:
            out: list = []
            for _, batch in work:
                out += analyze_batch(batch, model, topics)
                if progress:
                    progress(len(batch))
            return out
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from .analyze import load_model

        from concurrent.futures import as_completed

        load_model(model)  # fail here, with the user's error, not inside a worker
        context = multiprocessing.get_context("spawn")  # fork would copy this process's threads and locks
        with ProcessPoolExecutor(max_workers=min(self.jobs, len(work)), mp_context=context,
                                 initializer=_single_threaded) as pool:
            futures = {pool.submit(analyze_batch, batch, model, topics): (start, len(batch)) for start, batch in work}
            return _in_order(futures, as_completed, progress)


class DaskExecutor:
    """Batches sent to a dask.distributed scheduler; workers need briefing and the model installed."""

    def __init__(self, scheduler: str | object):
        self.scheduler = scheduler

    def analyze(self, texts: Sequence[str], model: str | None, progress: Progress | None = None,
                topics=None) -> list:
        try:
            from dask.distributed import Client, as_completed
        except ImportError:
            raise BriefingError("the Dask executor needs dask.distributed: pip install 'briefing[dask]'") from None
        try:
            client = self.scheduler if hasattr(self.scheduler, "submit") else Client(self.scheduler, timeout=10)
        except OSError as exc:
            raise BriefingError(f"cannot reach the Dask scheduler at {self.scheduler} ({exc})") from None
        try:
            futures = {client.submit(analyze_batch, batch, model, topics, pure=True): (start, len(batch))
                       for start, batch in batches(texts)}
            return _in_order(futures, as_completed, progress)
        finally:
            if client is not self.scheduler:
                client.close()


class PiecedExecutor:
    """Another executor, given a long text as its pieces, so one long article is parsed in parallel.

    The pieces are those `analyze_texts` would cut it into; their sentences are put back
    together with offsets into the whole text and numbered in order.
    """

    def __init__(self, inner: Executor):
        self.inner = inner

    def analyze(self, texts: Sequence[str], model: str | None, progress: Progress | None = None,
                topics=None) -> list:
        from .analyze import PIECE_CHARS, split_text

        pieces: list[str] = []
        owners: list[tuple[int, int]] = []  # (text, offset) of each piece
        for i, text in enumerate(texts):
            for offset, piece in split_text(text, PIECE_CHARS):
                pieces.append(piece)
                owners.append((i, offset))
        if len(pieces) == len(texts):
            if topics is None:
                return self.inner.analyze(texts, model, progress)
            return self.inner.analyze(texts, model, progress, topics=topics)
        done = reported = 0

        def pieces_done(n: int) -> None:  # reported as the share of texts
            nonlocal done, reported
            done += n
            now = done * len(texts) // len(pieces)
            if progress and now > reported:
                progress(now - reported)
                reported = now

        blobs = self.inner.analyze(pieces, model, pieces_done)
        joined = _joined(blobs, owners, len(texts))
        # a piece is not a source: the work of a text cut in pieces is read once it is whole
        return joined if topics is None else [(blob, None) for blob in joined]


def _joined(blobs: Sequence[bytes], owners: Sequence[tuple[int, int]], n: int) -> list[bytes]:
    from dataclasses import replace

    from .state import decode_sentences, encode_sentences

    sentences: list[list] = [[] for _ in range(n)]
    for blob, (i, offset) in zip(blobs, owners):
        for s in decode_sentences(blob):
            sentences[i].append(replace(
                s, index=len(sentences[i]), start=s.start + offset, end=s.end + offset,
                tokens=tuple(replace(t, start=t.start + offset) for t in s.tokens),
                mentions=tuple(replace(m, start=m.start + offset, end=m.end + offset) for m in s.mentions)))
    return [encode_sentences(s) for s in sentences]


def make_executor(kind: str = "local", jobs: int | None = None, scheduler: str | None = None) -> Executor:
    if kind == "local":
        return PiecedExecutor(LocalExecutor(jobs))
    if kind == "dask":
        if not scheduler:
            raise BriefingError("--executor dask needs --scheduler HOST:PORT")
        return PiecedExecutor(DaskExecutor(scheduler))
    raise BriefingError(f"unknown executor '{kind}'; choose local or dask")
