"""Does the scorer reproduce ROUGE-1.5.5? Score the published peers and compare.

DUC 2004: the 13 systems in duc2004/peers/ against duc2004/models/ with
`-n 2 -m -l 100 -f A`, compared with duc2004/peers-rouge155.res (official
ROUGE-1.5.5 output), per system average and per cluster.
MultiLing 2011: the 10 submitted systems against the models with the organisers'
settings (no stemming, no length limit, -f A), compared with their published
ENGLISH_ROUGE-{1,2}.csv.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict

from .corpora import CORPORA, duc2004, multiling, read
from .scorer import Rouge, mean

_EVAL = re.compile(r"^(\S+) ROUGE-(\d) Eval (\S+)\.\S+ R:([\d.]+)")
_AVG = re.compile(r"^(\S+) ROUGE-(\d) Average_R: ([\d.]+)")


def official_duc() -> tuple[dict, dict]:
    """({(system, n): average R}, {(system, n, cluster): R}) from peers-rouge155.res."""
    averages, per_cluster = {}, {}
    for line in (CORPORA / "duc2004" / "peers-rouge155.res").read_text().splitlines():
        if m := _AVG.match(line):
            averages[(m[1], int(m[2]))] = float(m[3])
        elif m := _EVAL.match(line):
            per_cluster[(m[1], int(m[2]), m[3] + "t")] = float(m[4])
    return averages, per_cluster


def check_duc() -> list[dict]:
    corpus = duc2004()
    rouge = Rouge((1, 2), stem=True, limit=100)
    averages, per_cluster = official_duc()
    models = {c.id: [read(p) for p in c.models] for c in corpus.clusters}
    rows = []
    for system, files in sorted(corpus.peers.items()):
        ours = defaultdict(list)
        diffs = defaultdict(list)
        for cid, path in sorted(files.items()):
            scores = rouge.score(read(path), models[cid])
            for n in (1, 2):
                ours[n].append(scores[n].recall)
                diffs[n].append(abs(scores[n].recall - per_cluster[(system, n, cid)]))
        rows.append({
            "system": system,
            **{f"official_r{n}": 100 * averages[(system, n)] for n in (1, 2)},
            **{f"ours_r{n}": 100 * mean(ours[n]) for n in (1, 2)},
            **{f"max_cluster_diff_r{n}": 100 * max(diffs[n]) for n in (1, 2)},
        })
    return rows


def official_multiling() -> dict:
    base = CORPORA / "multiling2011-en" / "published-evaluation"
    out = {}
    for n in (1, 2):
        with open(base / f"ENGLISH_ROUGE-{n}.csv", newline="") as f:
            for row in csv.DictReader(f):
                out[(row["runid"].split("_")[0], n)] = float(row["recall"])
    return out


def check_multiling() -> list[dict]:
    corpus = multiling()
    rouge = Rouge((1, 2), stem=False, limit=None)
    official = official_multiling()
    models = {c.id: [read(p) for p in c.models] for c in corpus.clusters}
    rows = []
    for system, files in sorted(corpus.peers.items(), key=lambda kv: int(kv[0][2:])):
        ours = defaultdict(list)
        for cid, path in sorted(files.items()):
            scores = rouge.score(read(path), models[cid])
            for n in (1, 2):
                ours[n].append(scores[n].recall)
        rows.append({
            "system": system,
            **{f"official_r{n}": 100 * official[(system, n)] for n in (1, 2)},
            **{f"ours_r{n}": 100 * mean(ours[n]) for n in (1, 2)},
        })
    return rows


def markdown(duc_rows: list[dict], ml_rows: list[dict]) -> str:
    lines = [
        "DUC 2004, 13 published systems, `-n 2 -m -l 100 -f A` (ROUGE recall, %):",
        "",
        "| system | ROUGE-1.5.5 R-1 | ours R-1 | diff | ROUGE-1.5.5 R-2 | ours R-2 | diff | worst cluster diff R-1 / R-2 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in duc_rows:
        lines.append(
            f"| {r['system']} | {r['official_r1']:.2f} | {r['ours_r1']:.2f} | {r['ours_r1'] - r['official_r1']:+.2f} "
            f"| {r['official_r2']:.2f} | {r['ours_r2']:.2f} | {r['ours_r2'] - r['official_r2']:+.2f} "
            f"| {r['max_cluster_diff_r1']:.2f} / {r['max_cluster_diff_r2']:.2f} |"
        )
    worst = max(max(abs(r["ours_r1"] - r["official_r1"]), abs(r["ours_r2"] - r["official_r2"])) for r in duc_rows)
    lines += ["", f"Largest difference of a system average: {worst:.2f} points.", ""]
    if ml_rows:
        lines += [
            "MultiLing 2011 English, 10 submitted systems, organisers' settings (no stemming, no length limit, `-f A`):",
            "",
            "| system | published R-1 | ours R-1 | diff | published R-2 | ours R-2 | diff |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in ml_rows:
            lines.append(
                f"| {r['system']} | {r['official_r1']:.2f} | {r['ours_r1']:.2f} | {r['ours_r1'] - r['official_r1']:+.2f} "
                f"| {r['official_r2']:.2f} | {r['ours_r2']:.2f} | {r['ours_r2'] - r['official_r2']:+.2f} |"
            )
        worst = max(max(abs(r["ours_r1"] - r["official_r1"]), abs(r["ours_r2"] - r["official_r2"])) for r in ml_rows)
        lines += ["", f"Largest difference of a system average: {worst:.2f} points.", ""]
    return "\n".join(lines)
