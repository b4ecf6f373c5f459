"""Speed benchmarks: `make bench` runs this and writes the Speed section of BENCHMARKS.md.

Measures, as medians of several runs on this machine:
  1. the cold seed build against bench/floor.py (spaCy + model + parse + the same PDF);
  2. full builds of 100, 300, 1,000 and 2,225 BBC articles, against parsing the
     same texts with the same pipeline on 2 processes;
  3. the no-change rebuild and the one-changed-article rebuild on 2,225 articles;
  4. sumy's LexRank over every sentence (what a user would write) against the
     project's summarization stage on the same 300 and 1,000 articles;
  5. one long article (5 MB of BBC articles in one file) against the same text in
     50 files.

    .venv/bin/python bench/speed.py [--corpus DIR] [--runs N] [--quick]
    .venv/bin/python bench/speed.py --parts rebuild,long --sizes 2225 --no-write   # some parts only

The corpus is read from ../shared/corpora/bbc-news-summary/articles and copied
to a temporary folder; nothing of it is written into the project.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BRIEFING = [PY, "-m", "briefing"]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc-news-summary" / "articles"
SIZES = (100, 300, 1000, 2225)


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def measure(cmd: list[str], env: dict | None = None) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def poll():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    _, err = proc.communicate()
    done.set()
    poller.join()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{err.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, peak / 1024)


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
               statistics.median(r.peak_mb for r in runs))


def corpus_subset(corpus: Path, n: int, into: Path) -> Path:
    files = sorted(corpus.rglob("*.txt"))[:n]
    folder = into / f"bbc-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:  # one flat folder, names kept unique by section
        shutil.copyfile(f, folder / f"{f.parent.name}-{f.name}")
    return folder


def build(src: Path, out: Path, *extra: str) -> list[str]:
    return [*BRIEFING, "build", str(src), "-o", str(out), "-q", *extra]


def bench_seeds(tmp: Path, runs: int) -> dict:
    builds, floors = [], []
    for i in range(runs):
        out = tmp / f"seed-{i}"
        builds.append(measure(build(ROOT / "seeds", out)))
        floors.append(measure([PY, str(ROOT / "bench" / "floor.py"), str(out)]))
    b, f = median(builds), median(floors)
    return {"build": b, "floor": f, "ratio": b.wall / f.wall}


def bench_scale(tmp: Path, corpus: Path, runs: int, sizes) -> list[dict]:
    rows = []
    for n in sizes:
        src = corpus_subset(corpus, n, tmp)
        reps = runs if n <= 300 else max(1, runs - 1)
        builds, floors = [], []
        for i in range(reps):
            out = tmp / f"out-{n}-{i}"
            builds.append(measure(build(src, out)))
            floors.append(measure([PY, str(ROOT / "bench" / "floor.py"), str(out), "--processes", "2", "--no-pdf"]))
        rows.append({"n": n, "build": median(builds), "floor": median(floors), "src": src, "out": tmp / f"out-{n}-0"})
    return rows


def bench_rebuilds(row: dict, runs: int) -> dict:
    src, out = row["src"], row["out"]
    nochange = median([measure(build(src, out)) for _ in range(runs)])
    victim = sorted(src.iterdir())[len(list(src.iterdir())) // 2]
    original = victim.read_text(encoding="utf-8", errors="replace")
    changed = []
    for i in range(runs):
        victim.write_text(original + f"\n\nThe ministry said on Monday that {i + 2} more inspectors would visit.\n",
                          encoding="utf-8")
        changed.append(measure(build(src, out)))
    victim.write_text(original, encoding="utf-8")
    return {"nochange": nochange, "one_changed": median(changed), "full": row["build"]}


def bench_long(tmp: Path, corpus: Path, runs: int, mb: float = 5.0, files: int = 50) -> dict:
    """One article of `mb` MB (BBC articles run together) against the same text in `files` files."""
    texts, size = [], 0
    for f in sorted(corpus.rglob("*.txt")):
        text = f.read_text(encoding="utf-8", errors="replace").strip()
        texts.append(text)
        size += len(text) + 2
        if size >= mb * 1_000_000:
            break
    one, split = tmp / "long-one", tmp / "long-split"
    one.mkdir(exist_ok=True)
    split.mkdir(exist_ok=True)
    (one / "long.txt").write_text("\n\n".join(texts), encoding="utf-8")
    per = -(-len(texts) // files)
    for i in range(files):
        (split / f"part-{i:03d}.txt").write_text("\n\n".join(texts[i * per:(i + 1) * per]), encoding="utf-8")
    single = median([measure(build(one, tmp / f"long-one-out-{i}")) for i in range(runs)])
    parts = median([measure(build(split, tmp / f"long-split-out-{i}")) for i in range(runs)])
    return {"mb": size / 1e6, "files": files, "single": single, "split": parts}


NAIVE = r"""
import json, sys, time
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words
from briefing.pipeline import BuildOptions
from briefing.state import BuildState
from briefing.analyze import analysis_identity
sys.setrecursionlimit(10000)
out, n = sys.argv[1], int(sys.argv[2])
doc = json.load(open(out + "/briefing.json"))
state = BuildState(__import__("pathlib").Path(out))
import hashlib
ident = analysis_identity(None)
sentences = []
for s in doc["sources"][:n]:
    key = hashlib.sha256(f"{ident}\0{s['text']}".encode()).hexdigest()
    for x in state.analyses([key])[key]:
        sentences.append((s["text"][x.start:x.end], tuple(t.text for t in x.tokens if any(c.isalnum() for c in t.text))))
class Tok:
    language = "english"
    def __init__(self, words): self.words = words
    def to_sentences(self, p): return (p,)
    def to_words(self, s): return self.words.get(s, ())
tok = Tok(dict(sentences))
document = ObjectDocumentModel([Paragraph([Sentence(t, tok) for t, _ in dict(sentences).items()])])
summ = LexRankSummarizer(Stemmer("english")); summ.stop_words = get_stop_words("english")
t = time.perf_counter(); summ(document, 10); print(len(sentences), time.perf_counter() - t)
"""

OURS = r"""
import sys, time
from pathlib import Path
from briefing.pipeline import BuildOptions, _parse
from briefing.ingest import read_sources, FurnitureRules
from briefing.state import BuildState
from briefing.topics import load_topics
from briefing.extract import extract
from briefing.compose import compose, Settings
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(Path(src).iterdir())[:n]
rules = FurnitureRules.load()
ingested = read_sources([str(f) for f in files], rules)
parsed, _, _ = _parse(ingested.sources, BuildOptions(), BuildState(Path(out)))
facts = extract(parsed)
t = time.perf_counter(); compose(parsed, load_topics(), facts, Settings(), rules)
print(sum(len(p.sentences) for p in parsed), time.perf_counter() - t)
"""


def bench_naive(rows: list[dict], timeout: float) -> list[dict]:
    results = []
    for row in rows:
        if row["n"] not in (300, 1000):
            continue
        entry = {"n": row["n"]}
        for name, code, args in (("naive", NAIVE, [str(row["out"]), str(row["n"])]),
                                 ("ours", OURS, [str(row["src"]), str(row["out"]), str(row["n"])])):
            try:
                run = subprocess.run([PY, "-c", code, *args], capture_output=True, text=True, timeout=timeout,
                                     cwd=ROOT, check=True)
                sentences, seconds = run.stdout.split()[-2:]
                entry[name] = float(seconds)
                entry["sentences"] = int(sentences)
            except subprocess.TimeoutExpired:
                entry[name] = None
        results.append(entry)
    return results


def fmt(x: float | None, unit: str = "s") -> str:
    return f"> {TIMEOUT:.0f} {unit} (stopped)" if x is None else f"{x:.2f} {unit}"


TIMEOUT = 120.0


def report(seeds, scale, rebuild, naive, args, long=None) -> str:
    now = datetime.date.today().isoformat()
    cpu = "unknown CPU"
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text()).group(1)
    except (OSError, AttributeError):
        pass
    lines = [
        "## Speed",
        "",
        f"Measured {now} on {os.cpu_count()} cores ({cpu}), {platform.python_implementation()} "
        f"{platform.python_version()}, with `make bench` (`{Path(PY).name} bench/speed.py {' '.join(sys.argv[1:]) or '--runs 2'}`). "
        "Times are medians of the runs; CPU is user+system of the build and its worker processes; "
        "peak memory is the largest resident set of the build's process tree, sampled every 50 ms.",
        "",
    ]
    if seeds:
        lines += [
        "### 1. Seed build against its floor",
        "",
        "The floor (`bench/floor.py`) imports spaCy, loads the same model, parses the same cleaned texts and "
        "renders the same HTML to PDF in one process: the least any tool built on these libraries pays.",
        "",
        "| | wall | CPU | peak memory |",
        "| --- | --- | --- | --- |",
        f"| `briefing build seeds` (cold, new output folder) | {seeds['build'].wall:.2f} s | {seeds['build'].cpu:.2f} s | {seeds['build'].peak_mb:.0f} MB |",
        f"| floor | {seeds['floor'].wall:.2f} s | {seeds['floor'].cpu:.2f} s | {seeds['floor'].peak_mb:.0f} MB |",
        f"| **ratio** | **{seeds['ratio']:.2f}x** (goal ≤ 1.25x) | | |",
        "",
        ]
    lines += [] if not scale else [
        "### 2. Full builds of the BBC corpus",
        "",
        "Floor: parsing the same cleaned texts with the same pipeline on 2 processes (`nlp.pipe(n_process=2)`), "
        "no PDF.",
        "",
        "| articles | build wall | build CPU | peak memory | floor wall | build / floor | seconds per 100 articles |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in scale:
        b, f = row["build"], row["floor"]
        lines.append(f"| {row['n']:,} | {b.wall:.1f} s | {b.cpu:.1f} s | {b.peak_mb:.0f} MB | {f.wall:.1f} s | "
                     f"{b.wall / f.wall:.2f}x (goal ≤ 0.9x) | {100 * b.wall / row['n']:.2f} |")
    if len(scale) >= 2:
        a, z = scale[1] if len(scale) > 2 else scale[0], scale[-1]
        slope = (z["build"].wall - a["build"].wall) / (z["n"] - a["n"])
        lines += ["", f"Growth from {a['n']:,} to {z['n']:,} articles: {slope * 100:.2f} s per 100 more articles "
                      f"(per-article cost at {a['n']:,}: {a['build'].wall / a['n'] * 100:.2f} s/100, at {z['n']:,}: "
                      f"{z['build'].wall / z['n'] * 100:.2f} s/100; equal means linear)."]
    if rebuild:
        lines += [
            "",
            f"### 3. Rebuilds of {scale[-1]['n']:,} articles",
            "",
            "| build | wall | share of the full build |",
            "| --- | --- | --- |",
            f"| full (new output folder) | {rebuild['full'].wall:.2f} s | 100% |",
            f"| nothing changed (`up to date`) | {rebuild['nochange'].wall:.2f} s | "
            f"{100 * rebuild['nochange'].wall / rebuild['full'].wall:.1f}% (goal < 0.3 s) |",
            f"| one article changed | {rebuild['one_changed'].wall:.2f} s | "
            f"{100 * rebuild['one_changed'].wall / rebuild['full'].wall:.1f}% (goal ≤ 5%) |",
        ]
    if long:
        s1, s2 = long["single"], long["split"]
        lines += [
            "",
            "### 5. One long article",
            "",
            f"| input | wall | CPU | peak memory |",
            "| --- | --- | --- | --- |",
            f"| one file of {long['mb']:.1f} MB | {s1.wall:.1f} s | {s1.cpu:.1f} s | {s1.peak_mb:.0f} MB |",
            f"| the same text in {long['files']} files | {s2.wall:.1f} s | {s2.cpu:.1f} s | {s2.peak_mb:.0f} MB |",
            f"| **ratio** | **{s1.wall / s2.wall:.2f}x** (goal ≤ 1.5x) | | |",
        ]
    if naive:
        lines += [
            "",
            "### 4. Summarizing: sumy's LexRank over every sentence vs the project's stage",
            "",
            "The naive alternative feeds all sentences of the articles to sumy's LexRank (an N x N similarity "
            "matrix in pure Python). The project's stage (`compose`: executive summary and four topic sections) "
            "ranks a bounded candidate set per section. Same parsed input; parse time excluded.",
            "",
            "| articles | sentences | sumy LexRank, all sentences | briefing's summarization stage |",
            "| --- | --- | --- | --- |",
        ]
        for e in naive:
            lines.append(f"| {e['n']:,} | {e.get('sentences', '?'):,} | {fmt(e.get('naive'))} | {fmt(e.get('ours'))} |")
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = ROOT / "BENCHMARKS.md") -> None:
    """Replace the Speed section of BENCHMARKS.md, leaving the other sections as they are."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(r"^## Speed\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    new = pattern.sub(lambda _: text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    path.write_text(new, encoding="utf-8")


def main() -> None:
    global TIMEOUT
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=2, help="runs per measure (one fewer above 300 articles)")
    ap.add_argument("--quick", action="store_true", help="small sizes only, one run (for trying the harness)")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds before the naive LexRank is stopped")
    ap.add_argument("--parts", default="seeds,scale,rebuild,naive,long",
                    help="comma-separated parts to run: seeds, scale, rebuild, naive, long")
    ap.add_argument("--sizes", help="comma-separated corpus sizes for scale (the rebuilds use the largest)")
    ap.add_argument("--no-write", action="store_true", help="print the section, leave BENCHMARKS.md alone")
    args = ap.parse_args()
    TIMEOUT = args.timeout
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus}")
    parts = set(args.parts.split(","))
    sizes = (100, 300) if args.quick else SIZES
    if args.sizes:
        sizes = tuple(int(n) for n in args.sizes.split(","))
    if parts & {"rebuild", "naive"}:
        parts.add("scale")
    runs = 1 if args.quick else args.runs
    seeds = rebuild = long = None
    scale, naive = [], []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        tmp = Path(tmp)
        if "seeds" in parts:
            print("seed build ...", file=sys.stderr)
            seeds = bench_seeds(tmp, runs)
        if "scale" in parts:
            print("scale ...", file=sys.stderr)
            scale = bench_scale(tmp, args.corpus, runs, sizes)
        if "rebuild" in parts:
            print("rebuilds ...", file=sys.stderr)
            rebuild = bench_rebuilds(scale[-1], runs)
        if "naive" in parts:
            print("naive vs ours ...", file=sys.stderr)
            naive = bench_naive(scale, TIMEOUT)
        if "long" in parts:
            print("one long article ...", file=sys.stderr)
            long = bench_long(tmp, args.corpus, runs)
        text = report(seeds, scale, rebuild, naive, args, long)
    if not args.no_write:
        write_section(text)
    print(text)


if __name__ == "__main__":
    main()
