"""ROUGE benchmark of the briefing's executive summary on DUC 2004 Task 2 and MultiLing 2011.

    .venv/bin/python -m bench.rouge --help

The corpora are read from ../shared/corpora/ (never copied into the repository);
extracted text and built briefings go to a cache folder outside the repository
($BRIEFING_BENCH_CACHE, default /tmp/briefing-bench-rouge).
"""
