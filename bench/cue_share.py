"""Share of sentences that carry a parse cue (briefing/cues.py), and the selective analysis against the full one.

    .venv/bin/python bench/cue_share.py N [GLOB]   # the first N files of GLOB (default: the BBC copy in /tmp/b14/bbc)
"""
import glob, time, sys
from briefing.analyze import analyze_texts, load_model
from briefing.cues import load_cues
from briefing.topics import load_topics
files = sorted(glob.glob(sys.argv[2] if len(sys.argv) > 2 else '/tmp/b14/bbc/*.txt'))[:int(sys.argv[1])]
from briefing.ingest import read_sources, FurnitureRules
texts = [open(f, encoding='latin-1').read() for f in files]
nlp = load_model(None)
cues = load_cues(load_topics())
t = time.perf_counter(); light = analyze_texts(texts, nlp, cues=cues); tl = time.perf_counter() - t
t = time.perf_counter(); full = analyze_texts(texts, nlp); tf = time.perf_counter() - t
n = sum(len(x) for x in light); p = sum(s.parsed for x in light for s in x)
print(f"light {tl:.1f}s full {tf:.1f}s ratio {tl/tf:.2f}; sentences light {n} full {sum(len(x) for x in full)}; parsed {p} ({p/n:.0%})")
