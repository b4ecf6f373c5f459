"""The two evaluation corpora: clusters of articles, their model summaries, published peers.

Nothing here is copied into the repository. DUC 2004 documents are SGML; their
<TEXT> is extracted into plain .txt files (hard wraps joined, LDC quotes left as
they are) in the cache folder, which is part of the benchmark, not of the
product. MultiLing documents are already plain text; they are copied under a
.txt name, unchanged, because `briefing build` reads .txt files.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = Path(os.environ.get("BRIEFING_CORPORA", ROOT.parent / "shared" / "corpora"))
CACHE = Path(os.environ.get("BRIEFING_BENCH_CACHE", "/tmp/briefing-bench-rouge"))


@dataclass(frozen=True)
class Cluster:
    id: str  # d30001t / M000
    docs: tuple[Path, ...]  # the original files
    models: tuple[Path, ...]  # human summaries


@dataclass(frozen=True)
class Corpus:
    name: str  # duc2004 / multiling
    limit: int  # words of the peer that are scored
    sentences: int  # --sentences given to `briefing build`
    stem: bool
    clusters: tuple[Cluster, ...]
    peers: dict[str, dict[str, Path]]  # system -> cluster id -> summary file

    def cluster(self, cid: str) -> Cluster:
        return next(c for c in self.clusters if c.id == cid)


def duc2004() -> Corpus:
    base = CORPORA / "duc2004"
    clusters = []
    for folder in sorted((base / "docs").iterdir()):
        short = folder.name.rstrip("t")
        models = tuple(sorted((base / "models").glob(f"{short}.m.100.t.*")))
        clusters.append(Cluster(folder.name, tuple(sorted(folder.iterdir())), models))
    peers: dict[str, dict[str, Path]] = {}
    for path in sorted((base / "peers").iterdir()):
        short, system = path.name.split(".", 1)
        peers.setdefault(system, {})[short + "t"] = path
    return Corpus("duc2004", 100, 10, True, tuple(clusters), peers)


def multiling() -> Corpus:
    base = CORPORA / "multiling2011-en"
    clusters = []
    for topic in range(10):
        cid = f"M00{topic}"
        docs = tuple(sorted((base / "docs").glob(f"{cid}?.english")))
        models = tuple(sorted((base / "models").glob(f"{cid}.*.250")))
        clusters.append(Cluster(cid, docs, models))
    peers: dict[str, dict[str, Path]] = {}
    for folder in sorted((base / "peers").iterdir()):
        for path in sorted(folder.iterdir()):
            peers.setdefault(folder.name, {})[path.name] = path
    # 250-word summaries need more than ten sentences of news prose
    return Corpus("multiling", 250, 20, True, tuple(clusters), peers)


CORPUS = {"duc2004": duc2004, "multiling": multiling}

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def duc_text(sgml: str) -> str:
    """The <TEXT> of a DUC/TREC document as one plain paragraph per <P> (or one in all)."""
    match = _TEXT.search(sgml)
    body = match.group(1) if match else ""
    paragraphs = re.split(r"</?P>|\n\s*\n", body)
    out = []
    for p in paragraphs:
        p = re.sub(r"<[^>]+>", " ", p)
        p = " ".join(p.split())
        if p:
            out.append(html.unescape(p))
    return "\n\n".join(out) + "\n"


def prepared(corpus: Corpus, cluster: Cluster) -> Path:
    """A folder of .txt articles for `briefing build`, made once in the cache."""
    digest = hashlib.sha1("".join(str(p) for p in cluster.docs).encode()).hexdigest()[:8]
    folder = CACHE / "input" / corpus.name / f"{cluster.id}-{digest}"
    if folder.is_dir():
        return folder
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    for doc in cluster.docs:
        raw = doc.read_text(encoding="utf-8", errors="replace")
        text = duc_text(raw) if corpus.name == "duc2004" else raw
        (tmp / (doc.name.removesuffix(".english") + ".txt")).write_text(text, encoding="utf-8")
    try:
        tmp.rename(folder)
    except OSError:  # another process made it first
        for f in tmp.iterdir():
            f.unlink()
        tmp.rmdir()
    return folder


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")
