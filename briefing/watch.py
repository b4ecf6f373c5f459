"""Rebuild a briefing whenever its sources change: files as they change, feeds and URLs at an interval."""
from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Callable

from .errors import BriefingError
from .pipeline import BuildOptions, BuildResult, build
from .config import PROJECT_FILE
from .readers import FOLDER_METADATA, SIDECAR_SUFFIX, SUFFIXES
from .web import has_web_sources, local_paths

Report = Callable[[BuildResult | None, BriefingError | None], None]


def _relevant(out_dir: Path):
    out = out_dir.resolve()

    def accept(change, path: str) -> bool:
        p = Path(path)
        if p.name.startswith(".") or out in p.resolve().parents or p.resolve() == out:
            return False
        name = p.name.lower()
        return (name.endswith(SUFFIXES) or name.endswith(SIDECAR_SUFFIX) or name == FOLDER_METADATA
                or name == PROJECT_FILE)

    return accept


def parse_interval(text: str) -> float:
    """Seconds in "90", "90s", "15m", "1h"."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text or "")
    if not m or float(m.group(1)) <= 0:
        raise BriefingError(f"--every {text}: give an interval such as 90s, 15m or 1h")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


def watch(options: BuildOptions | Callable[[], BuildOptions], report: Report,
          stop: threading.Event | None = None, debounce_ms: int = 600, every: float = 900.0) -> None:
    """Build now, then after every burst of changes and, with feeds or URLs, every `every` seconds;
    a failed build is reported, not raised.

    `options` may be a function giving them, called before every build, so that an
    edited project file counts. A local source path that does not exist is an error before
    any build. Each build asks the feeds and URLs for changes (conditional requests), so a
    poll that finds nothing new ends "up to date" without a parse. Ctrl-C raises
    KeyboardInterrupt, for the caller to end quietly.
    """
    from watchfiles import watch as watch_changes

    current = options if callable(options) else (lambda: options)
    first = current()
    local = local_paths(first.sources)
    missing = [p for p in local if not os.path.exists(p)]
    if missing:
        raise BriefingError(f"{', '.join(missing)}: no such file or folder; nothing to watch")
    polls = has_web_sources(first.sources, first.feeds)
    if not local and not polls:
        raise BriefingError("nothing to watch: name files, folders, URLs or --feed")

    def attempt() -> None:
        try:
            report(build(current()), None)
        except BriefingError as exc:
            report(None, exc)

    attempt()
    if not local:
        stop = stop or threading.Event()
        while not stop.wait(every):
            attempt()
        return
    # With feeds, a quiet spell of `every` seconds yields an empty set of changes: time to poll.
    for _ in watch_changes(*local, watch_filter=_relevant(Path(first.out_dir)), debounce=debounce_ms,
                           stop_event=stop, raise_interrupt=True, yield_on_timeout=polls,
                           rust_timeout=int(every * 1000) if polls else 5000):
        attempt()
