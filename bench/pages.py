"""Accuracy of the headline, outlet, date and byline read from pages as users have them.

    .venv/bin/python bench/pages.py [--pages DIR] [--html] [-v]

Reads tests/data/pages/*.txt as a build does (`read_sources`) and compares each source with
the hand-written gold in tests/data/pages/gold.json. With --html it also scores the HTML
versions in tests/data/pages-html/: briefing's reading of them, and trafilatura's own
metadata (title, sitename, date, author) on the same files. A field is right when it equals
the gold after folding case, spaces and quotes (for bylines: the same set of names); an
absent value is right when the gold has none.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.ingest import read_sources  # noqa: E402

PAGES = ROOT / "tests" / "data" / "pages"
HTML = ROOT / "tests" / "data" / "pages-html"
FIELDS = ("headline", "outlet", "date", "byline")


def fold(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    value = re.sub(r"^the\s+", "", " ".join(value.split()).lower())
    return value.rstrip(".") or None


def names(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", value.lower())
    return frozenset(" ".join(p.replace("dr.", "").split()) for p in parts if p.strip())


def right(field: str, got: str | None, gold) -> bool:
    if field == "byline":
        return names(got) == names(gold)
    if field == "date":
        return (got or None) == gold
    allowed = gold if isinstance(gold, list) else [gold]
    return fold(got) in {fold(g) for g in allowed}


def score(found: dict[str, dict], gold: dict[str, dict], verbose: bool, label: str) -> dict[str, tuple[int, int]]:
    totals = {f: [0, 0] for f in FIELDS}
    for name, want in sorted(gold.items()):
        got = found.get(name)
        if got is None:
            continue
        for f in FIELDS:
            ok = right(f, got.get(f), want[f])
            totals[f][0] += ok
            totals[f][1] += 1
            if verbose and not ok:
                print(f"  {label} {name} {f}: got {got.get(f)!r}, gold {want[f]!r}", file=sys.stderr)
    return {f: tuple(v) for f, v in totals.items()}


def briefing_reading(folder: Path) -> dict[str, dict]:
    ingested = read_sources([str(folder)])
    return {
        Path(s.path).name: {"headline": s.title, "outlet": s.outlet, "date": s.published, "byline": s.byline}
        for s in ingested.sources
    }


def trafilatura_reading(folder: Path) -> dict[str, dict]:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    out = {}
    for path in sorted(folder.glob("*.html")):
        doc = trafilatura.extract_metadata(path.read_text(encoding="utf-8"))
        out[path.name] = {
            "headline": getattr(doc, "title", None),
            "outlet": getattr(doc, "sitename", None),
            "date": (getattr(doc, "date", None) or None) and doc.date[:10],
            "byline": getattr(doc, "author", None),
        }
    return out


def row(label: str, totals: dict[str, tuple[int, int]]) -> str:
    cells = [f"{r}/{n} ({100 * r / n:.0f}%)" if n else "-" for r, n in (totals[f] for f in FIELDS)]
    right_all = sum(totals[f][0] for f in FIELDS)
    n_all = sum(totals[f][1] for f in FIELDS)
    return f"| {label} | " + " | ".join(cells) + f" | {right_all}/{n_all} ({100 * right_all / n_all:.0f}%) |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", action="store_true", help="also score the HTML versions, with trafilatura's metadata")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong field")
    parser.add_argument("--pages", type=Path, default=PAGES, help="a folder of .txt pages and its gold.json")
    args = parser.parse_args(argv)
    gold = json.loads((args.pages / "gold.json").read_text(encoding="utf-8"))["pages"]
    print("| pages | headline | outlet | date | byline | all fields |")
    print("| --- | --- | --- | --- | --- | --- |")
    text_gold = {k: v for k, v in gold.items() if k.endswith(".txt")}
    print(row(f"briefing, {len(text_gold)} text pages", score(briefing_reading(args.pages), text_gold, args.verbose, "txt")))
    if args.html:
        html_gold = {Path(k).stem + ".html": v for k, v in gold.items() if (HTML / (Path(k).stem + ".html")).exists()}
        n = len(html_gold)
        print(row(f"briefing, {n} HTML pages", score(briefing_reading(HTML), html_gold, args.verbose, "html")))
        print(row(f"trafilatura metadata, {n} HTML pages",
                  score(trafilatura_reading(HTML), html_gold, args.verbose, "trafilatura")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
