"""The PDF laid out in a process of its own, beside the rest of a large build: the same bytes,
started only when a build is large, and laid out here when that process is gone."""
from __future__ import annotations

import os
import shutil
import signal

from briefing import render, stages
from briefing.pipeline import BuildOptions, build
from briefing.render import PdfRenderer, RenderOptions
from conftest import SEEDS


def test_the_pdf_from_its_own_process_is_the_same_bytes(seed_build):
    out, doc, _ = seed_build
    html = (out / "briefing.html").read_text(encoding="utf-8")
    options = RenderOptions(marking="UNCLASSIFIED", pdf_variant="pdf/ua-1")
    labels = {"S1": "Go to source S1"}
    here = render.render_pdf(html, doc["generated"], options, labels)
    with PdfRenderer() as pdf:
        pdf.start()
        assert pdf.started
        apart = pdf.render(html, doc["generated"], options, labels)()
    assert apart == here
    assert not pdf.started  # closed with its process


def test_a_pdf_whose_process_died_is_laid_out_here(seed_build, monkeypatch):
    out, doc, _ = seed_build
    html = (out / "briefing.html").read_text(encoding="utf-8")
    calls = []
    real = render.render_pdf
    monkeypatch.setattr(render, "render_pdf", lambda *a: calls.append(1) or real(*a))
    with PdfRenderer() as pdf:
        pdf.start()
        pool = pdf._pool
        pool.submit(os.getpid).result()  # the process is up
        for pid in list(pool._processes):
            os.kill(pid, signal.SIGKILL)
        got = pdf.render(html, doc["generated"], None, None)()
    assert got.startswith(b"%PDF") and calls == [1]


def test_only_a_large_build_lays_its_pdf_out_apart(tmp_path, monkeypatch):
    """Counted: the PDFs laid out in the build's own process, and the processes started."""
    src = tmp_path / "articles"
    shutil.copytree(SEEDS, src)
    here, started = [], []
    real_render, real_start = render.render_pdf, PdfRenderer.start
    monkeypatch.setattr(render, "render_pdf", lambda *a: here.append(1) or real_render(*a))
    monkeypatch.setattr(PdfRenderer, "start", lambda self: started.append(1) or real_start(self))

    build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "small"), jobs=2))
    assert (here, started) == ([1], [])  # the seeds are far below a pool's worth of text

    monkeypatch.setattr(stages, "PARALLEL_MIN_CHARS", 0)
    here.clear()
    build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "one-core"), jobs=1))
    assert (here, started) == ([1], [])  # one core: nothing to lay it out beside

    here.clear()
    build(BuildOptions(sources=[str(src)], out_dir=str(tmp_path / "large"), jobs=2))
    assert (here, started) == ([], [1])
    for name in render.OUTPUT_NAMES.values():
        assert (tmp_path / "large" / name).read_bytes() == (tmp_path / "small" / name).read_bytes()


def test_a_rebuild_parses_its_changed_source_in_the_helper_meanwhile(tmp_path, monkeypatch):
    """Counted: the texts parsed in the build's own process. The changed article is parsed in
    the helper process while the build decodes the others' kept work; the briefing is the same."""
    from briefing import executor

    src = tmp_path / "articles"
    shutil.copytree(SEEDS, src)
    plain, apart = tmp_path / "plain", tmp_path / "apart"
    build(BuildOptions(sources=[str(src)], out_dir=str(plain)))
    shutil.copytree(plain, apart)
    victim = sorted(p for p in src.iterdir() if p.suffix == ".txt")[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n\nThe ministry said on Monday that 3 more inspectors would visit.\n",
                      encoding="utf-8")
    here = []
    real = executor.LocalExecutor.analyze
    monkeypatch.setattr(executor.LocalExecutor, "analyze", lambda self, texts, *a, **k: here.append(len(texts)) or real(self, texts, *a, **k))

    one = build(BuildOptions(sources=[str(src)], out_dir=str(plain)))
    assert here == [1]

    here.clear()
    monkeypatch.setattr(stages, "pdf_apart", lambda options, sizes: True)
    two = build(BuildOptions(sources=[str(src)], out_dir=str(apart)))
    assert here == []  # parsed in the helper
    assert one.parsed == two.parsed == (str(victim),)
    for name in render.OUTPUT_NAMES.values():
        assert (apart / name).read_bytes() == (plain / name).read_bytes()


def test_a_failed_build_stops_its_helper_at_once(seed_build):
    out, doc, _ = seed_build
    html = (out / "briefing.html").read_text(encoding="utf-8")
    try:
        with PdfRenderer() as pdf:
            pdf.start()
            pdf.render(html * 30, doc["generated"], None, None)  # a long layout under way
            processes = list(pdf._pool._processes.values())
            raise RuntimeError("the JSON could not be rendered")
    except RuntimeError:
        pass
    assert processes and all(p.exitcode is not None and p.exitcode < 0 for p in processes)  # terminated
