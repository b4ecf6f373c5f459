"""python -m bench.rouge [check|run|table|all] — see BENCHMARKS.md, "Summaries (ROUGE)"."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import check, report, run
from .corpora import CACHE, ROOT


def main(argv=None) -> int:
    from briefing.summarize import DEFAULT_METHOD, METHODS

    parser = argparse.ArgumentParser(prog="python -m bench.rouge", description=__doc__)
    parser.add_argument("command", nargs="?", default="all", choices=["check", "run", "table", "all"],
                        help="check: scorer vs ROUGE-1.5.5; run: build and score; table: print the table "
                             "from saved results; all (default): the three in turn")
    parser.add_argument("--corpus", nargs="+", default=["duc2004", "multiling"], choices=["duc2004", "multiling"])
    parser.add_argument("--methods", nargs="+", default=list(METHODS), choices=list(METHODS), metavar="METHOD",
                        help=f"methods to build with (default: all: {' '.join(METHODS)})")
    parser.add_argument("--clusters", nargs="+", metavar="ID", help="only these clusters (e.g. d30001t M002)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--write", metavar="FILE", nargs="?", const=str(ROOT / "BENCHMARKS.md"),
                        help="fill the tables into FILE (default BENCHMARKS.md) instead of printing them")
    args = parser.parse_args(argv)
    out: list[tuple[str, str]] = []

    if args.command in ("check", "all"):
        print("checking the scorer against ROUGE-1.5.5 ...", file=sys.stderr)
        out.append(("rouge-check", check.markdown(check.check_duc(), check.check_multiling())))
    if args.command in ("run", "all"):
        run.run(args.corpus, args.methods, jobs=args.jobs, clusters=set(args.clusters or ()),
                log=lambda msg: print(msg, file=sys.stderr))
        print(f"results saved under {CACHE / 'results'}", file=sys.stderr)
    if args.command in ("table", "run", "all"):
        out.append(("rouge-table", report.rouge_table(run.load("duc2004"), run.load("multiling"), DEFAULT_METHOD)))
    for name, content in out:
        if args.write:
            report.replace_block(Path(args.write), name, content)
        else:
            print(content + "\n")
    if args.write:
        print(f"wrote {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
