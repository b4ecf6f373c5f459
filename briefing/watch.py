"""Rebuild a briefing whenever its sources change."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

from .errors import BriefingError
from .pipeline import BuildOptions, BuildResult, build
from .readers import FOLDER_METADATA, SIDECAR_SUFFIX, SUFFIXES

Report = Callable[[BuildResult | None, BriefingError | None], None]


def _relevant(out_dir: Path):
    out = out_dir.resolve()

    def accept(change, path: str) -> bool:
        p = Path(path)
        if p.name.startswith(".") or out in p.resolve().parents or p.resolve() == out:
            return False
        name = p.name.lower()
        return name.endswith(SUFFIXES) or name.endswith(SIDECAR_SUFFIX) or name == FOLDER_METADATA

    return accept


def watch(options: BuildOptions, report: Report, stop: threading.Event | None = None,
          debounce_ms: int = 600) -> None:
    """Build now, then after every burst of changes; a failed build is reported, not raised."""
    from watchfiles import watch as watch_changes

    def attempt() -> None:
        try:
            report(build(options), None)
        except BriefingError as exc:
            report(None, exc)

    attempt()
    paths = [p for p in options.sources if os.path.exists(p)]
    if not paths:
        raise BriefingError(f"nothing to watch: {', '.join(options.sources)} not found")
    for _ in watch_changes(*paths, watch_filter=_relevant(Path(options.out_dir)), debounce=debounce_ms,
                           stop_event=stop, raise_interrupt=False):
        attempt()
