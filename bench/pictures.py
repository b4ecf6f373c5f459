"""What the pictures (map, tolls over time, who reports what) cost, against a seed build.

    .venv/bin/python bench/pictures.py [SOURCES]      # default: seeds/

Builds the sources once from scratch (every source parsed, as a first build), then times
the rendering stage (HTML, JSON, Markdown, PDF) with and without the pictures, five runs
of each taken in turn, best of each, in the same process: the difference is what the
pictures cost, geocoding and drawing included (the gazetteer is read each time). Times
are CPU seconds of this process, so other work on a shared machine does not count.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import gazetteer, render  # noqa: E402
from briefing.pictures import Pictures, pictures  # noqa: E402
from briefing.pipeline import BuildOptions, build  # noqa: E402


def _clock() -> float:
    return time.process_time()


def main(source: str = str(ROOT / "seeds")) -> None:
    with tempfile.TemporaryDirectory() as out:
        started = _clock()
        result = build(BuildOptions(sources=(source,), out_dir=out, force=True, jobs=1))
        seed_build = _clock() - started
        b = result.briefing
        empty = Pictures((), None, "", (), (), None)
        original = render.picture_view
        times = {"on": [], "off": [], "view": []}
        for _ in range(5):
            gazetteer.countries.cache_clear()
            t = _clock()
            pictures(b, render.entity_cards(b))
            times["view"].append(_clock() - t)
            gazetteer.countries.cache_clear()
            t = _clock()
            render.write_outputs(b, out)
            times["on"].append(_clock() - t)
            render.picture_view = lambda *a: empty
            try:
                t = _clock()
                render.write_outputs(b, out)
                times["off"].append(_clock() - t)
            finally:
                render.picture_view = original
        on, off, view_only = min(times["on"]), min(times["off"]), min(times["view"])
    cost = on - off
    print(f"first build of {source}: {seed_build:.2f} s of CPU")
    print(f"render stage with pictures {on:.3f} s, without {off:.3f} s: pictures cost {cost:.3f} s "
          f"({100 * cost / seed_build:.1f}% of the build); computing their view alone {view_only:.3f} s")


if __name__ == "__main__":
    main(*sys.argv[1:])
