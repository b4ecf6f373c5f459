"""Markdown for BENCHMARKS.md: the ROUGE table and the scorer check."""
from __future__ import annotations

import re
from pathlib import Path

from .check import official_duc
from .corpora import Corpus, duc2004, multiling, read
from .scorer import Rouge, mean

# Systems of the table, in its order; the other published peers follow.
PUBLISHED = ["Lead", "LexRank", "Centroid", "GreedyKL", "ICSISumm", "Submodular"]
OTHER_PUBLISHED = ["FreqSum", "TsSum", "CLASSY04", "CLASSY11", "OCCAMS_V", "RegSum", "DPP"]
TRAINED = {"CLASSY04", "CLASSY11", "DPP", "RegSum"}  # learn from earlier DUC data (Hong et al. 2014)
MULTILING_PEERS = {"ID9": "centroid baseline (ID9)", "ID2": "CLASSY (ID2)", "ID3": "JRC (ID3)",
                   "ID10": "topline, uses the models (ID10)"}
METHOD_ORDER = ["coverage", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic"]


def halves(corpus: Corpus) -> tuple[set[str], set[str]]:
    """DUC split used for tuning: clusters at even positions (A, tuned on) and odd positions (B, held out)."""
    ids = [c.id for c in corpus.clusters]
    return set(ids[0::2]), set(ids[1::2])


def _avg(records: list[dict], key: str, only: set[str] | None = None) -> float:
    return 100 * mean([r[key] for r in records if only is None or r["cluster"] in only])


def peer_records(corpus: Corpus, system: str) -> list[dict]:
    rouge = Rouge((1, 2), stem=corpus.stem, limit=corpus.limit)
    out = []
    for c in corpus.clusters:
        path = corpus.peers[system].get(c.id)
        if path is None:
            continue
        s = rouge.score(read(path), [read(p) for p in c.models])
        out.append({"cluster": c.id, "r1": s[1].recall, "r2": s[2].recall})
    return out


def rouge_table(duc_results: dict[str, list[dict]], ml_results: dict[str, list[dict]], default: str) -> str:
    duc, ml = duc2004(), multiling()
    a, b = halves(duc)
    official, _ = official_duc()

    def cells(records, only=None):
        if not records:
            return "— | —"
        return f"{_avg(records, 'r1', only):.2f} | {_avg(records, 'r2', only):.2f}"

    lines = [
        "| summarizer | DUC 2004, 50 clusters: R-1 | R-2 | half A (tuned on): R-1 | R-2 "
        "| half B (held out): R-1 | R-2 | MultiLing 2011, 10 topics: R-1 | R-2 | summarizing s/cluster (DUC) "
        "| whole build s/cluster (DUC) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    methods = [m for m in METHOD_ORDER if m in duc_results or m in ml_results]
    methods += sorted(m for m in set(duc_results) | set(ml_results) if m not in methods)
    for m in methods:
        d, mm = duc_results.get(m, []), ml_results.get(m, [])
        name = f"**briefing `--method {m}`** (default)" if m == default else f"briefing `--method {m}`"
        timing = (f"{mean([r['compose_seconds'] for r in d]):.2f} | {mean([r['build_seconds'] for r in d]):.1f}"
                  if d else "— | —")
        row = f"| {name} | {cells(d)} | {cells(d, a)} | {cells(d, b)} | {cells(mm)} | {timing} |"
        lines.append(row.replace(f"{cells(d)}", _bold(cells(d))) if m == default else row)
    for system in PUBLISHED + OTHER_PUBLISHED:
        recs = peer_records(duc, system)
        note = ", trained on earlier DUC" if system in TRAINED else ""
        label = (f"published: {system} (ROUGE-1.5.5: {100 * official[(system, 1)]:.2f} / "
                 f"{100 * official[(system, 2)]:.2f}{note})")
        lines.append(f"| {label} | {cells(recs)} | {cells(recs, a)} | {cells(recs, b)} | — | — | — | — |")
    for system, label in MULTILING_PEERS.items():
        recs = peer_records(ml, system)
        lines.append(f"| MultiLing peer: {label} | — | — | — | — | — | — | {cells(recs)} | — | — |")
    return "\n".join(lines)


def _bold(cell_pair: str) -> str:
    return " | ".join(f"**{c.strip()}**" for c in cell_pair.split("|"))


def replace_block(path: Path, name: str, content: str) -> None:
    """Replace the text between <!-- NAME:start --> and <!-- NAME:end --> in `path`."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"{path}: no <!-- {name}:start --> ... <!-- {name}:end --> block to fill")
    path.write_text(pattern.sub(lambda m: m.group(1) + content.rstrip("\n") + "\n" + m.group(2), text),
                    encoding="utf-8")
