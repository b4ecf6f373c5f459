"""Seconds per stage of one build, measured around each stage (no profiler, so the shares are real).

    .venv/bin/python bench/stages.py SOURCES OUT     # a full build into a new OUT, or a rebuild into an old one
"""
import functools
import sys
import time

t0 = time.perf_counter()
from briefing import pipeline, render, state, extract as ex
from briefing.pipeline import BuildOptions, build
try:
    from briefing import stages  # the stages after the up-to-date check (in pipeline before issue-14d)
except ImportError:
    stages = pipeline
timings = {}
def wrap(mod, name, label):
    f = getattr(mod, name)
    @functools.wraps(f)
    def g(*a, **k):
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            timings[label] = timings.get(label, 0) + time.perf_counter() - t
    setattr(mod, name, g)
wrap(stages, "read_sources", "ingest (read, clean)")
wrap(stages._Parses, "get", "parses (kept ones decoded, new ones parsed)")
wrap(stages, "_read_each", "per-source work")
wrap(stages, "extract", "extract (all)")
wrap(ex, "cards_of", "  entity cards")
wrap(ex, "source_quotes", "  quotes: attributed again")
wrap(ex, "quotes_of", "  quotes: combined")
wrap(ex, "build_ledger", "  ledger")
wrap(ex, "timeline_of", "  timeline")
wrap(ex, "discrepancies_of", "  date conflicts")
wrap(stages, "compose", "compose")
wrap(stages, "with_changes", "what changed")
wrap(render, "picture_view", "pictures")
wrap(render, "render_html", "render HTML")
wrap(render, "to_json", "render JSON")
wrap(render, "render_pdf", "render PDF (in this process)")
_submit = getattr(render, "PdfRenderer", None) and render.PdfRenderer.render  # absent before issue-14c
def _render(self, *a, **k):
    t = time.perf_counter()
    result = _submit(self, *a, **k)
    timings["PDF handed over (laid out, if in this process)"] = time.perf_counter() - t
    def waited():
        t = time.perf_counter()
        try:
            return result()
        finally:
            timings["waiting for the PDF after the other formats"] = time.perf_counter() - t
    return waited
if _submit:
    render.PdfRenderer.render = _render
wrap(stages, "write_outputs", "write outputs (all formats)")
wrap(state.BuildState, "save", "state: save the build")
wrap(state.BuildState, "save_work", "state: save per-source work")
def main():
  t_imp = time.perf_counter() - t0
  t = time.perf_counter()
  r = build(BuildOptions(sources=[sys.argv[1]], out_dir=sys.argv[2]))
  total = time.perf_counter() - t
  print(f"imports {t_imp:.2f}")
  for k, v in timings.items(): print(f"{k:50s} {v:6.2f}")
  print(f"build {total:.2f}  parsed {len(r.parsed)}")
if __name__ == "__main__":
  main()
